"""RDF graphs: namespaces and IRIs, parsing and loading, SHACL validation, reasoning, Turtle writing."""
