"""W3C SPARQL 1.1 conformance tests, built from the manifests in ../shared/w3c/."""
