"""The linked-data browser's logic, without Flask: each module builds plain page contexts
(dicts and lists, JSON-serialisable) from the store with bound SPARQL.

- ``terms``     links (IRI -> page/data URL), labels in a language, the vocabulary labels
- ``describe``  resource pages, the concise bounded description (data documents)
- ``search``    label search with transliteration and ranking
- ``graph_svg`` the neighbourhood picture's layout
- ``pages``     home, class index, class pages, the ontology documentation
- ``query``     the query page (runs a read-only query with the service's caps)
- ``names``, ``reconcile_index``, ``reconcile``, ``reconcile_service``  the reconciliation service (/reconcile)
"""
