"""What crosswire knows before it reads an article, and the loaders of its data files (`crosswire/data/`).

The knowledge base of actors (`kb.py`, `data/kb/`), the sources registry of outlets (`sources.py`,
`data/sources.toml`), the CAMEO codebook (`codebook.py`, `data/cameo.tsv`), the event lexicon
(`event_lexicon.py`, `data/event_lexicon*.toml`), month names (`months.py`) and the readers of
PETRARCH/Phoenix dictionaries (`petrarch/`). This layer sits below ingest, nlp and events and imports
only the data model and the errors: it holds facts, never an article's analysis.
"""
