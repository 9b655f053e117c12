"""What crosswire knows before it reads an article: its data files (`crosswire/data/`) and their loaders.

- `kb.py`, `kb_records.py`: the knowledge base of countries, people in office and organisations
  (`data/kb/*.toml`), extended by PETRARCH/Phoenix actor dictionaries read by `petrarch/`;
- `sources.py`: the sources registry of outlets, wire agencies' credits included (`data/sources.toml`);
- `codebook.py`: the CAMEO codebook with Goldstein scores and PLOVER mappings (`data/cameo.tsv`);
- `actor_codes.py`: CAMEO role and organisation codes (`data/cameo_actor_types.tsv`) and actor names
  with Phoenix-derived codes (`data/actor_names_derived.tsv`);
- `event_lexicon.py` (`data/event_lexicon*.toml`), `tone_lexicon.py` (`data/tone_lexicon.tsv`) and
  `quote_cues.py` (`data/quote_cues.toml`: the words that introduce reported speech and thought);
- `named_events.py`: summits, agreements and wars referred to by name (`data/kb/named_events.toml`);
- `gazetteer.py`: place names to countries and coordinates (`data/places_aliases.toml`, geonames);
- `months.py`: month names; `resources.py`: the knowledge a run hands to its workers.

This layer sits below ingest, nlp and events and imports only the base (the data model and the errors):
it holds facts, never an article's analysis.
"""
