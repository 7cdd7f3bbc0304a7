"""Article ingestion: a Russian news article -> a draft named graph of candidate triples for review.

Pipeline: ``nlp`` (natasha + pymorphy3, loaded once per process) -> ``entities`` (candidates,
nominative, persons), ``orgs`` (NER spans, noise filter, the ``aliases`` table and existing
organisations from the store via ``linking``), ``posts``, ``money``, ``acts``, ``rules`` (speakers, proposals, instruments) ->
``extract`` (all of the above) -> ``draft`` (the RDF graph, with a Statement and selectors for every
fact) -> ``workflow`` (ingest / drafts / review / accept / reject). ``evaluate`` compares a draft with
hand-modelled data; ``cli`` and ``server.views.ingest`` are the thin surfaces.
"""
