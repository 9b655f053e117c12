"""What a reader knows about a file beyond its text: the registry, the manifest entry, the path."""

from __future__ import annotations

from dataclasses import dataclass

from crosswire.ingest.manifest import ManifestEntry
from crosswire.knowledge.sources import SourceRegistry


@dataclass
class ReadContext:
    """Built per file by `iter_articles`; plain data, so it pickles into process pools and Dask."""

    sources: SourceRegistry  # for outlet matching
    manifest_entry: ManifestEntry | None = None
    source_path: str | None = None  # path string to record on Article.source_path
    default_timezone: str | None = None  # IANA name or abbreviation, for times printed without a zone
