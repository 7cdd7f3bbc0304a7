"""What the graph publishes: exports, VoID, named queries, the OpenAPI document."""
