"""RDF graphs: parsing and loading, SHACL validation, reasoning, term conversion, Turtle writing, counts."""
