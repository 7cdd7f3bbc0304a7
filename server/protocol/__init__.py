"""The SPARQL 1.1 Protocol and Graph Store protocol without Flask: requests, negotiation, the query path, results."""
