"""The SPARQL language as text: one tokenizer, the checks and rewrites made on query and update strings."""
