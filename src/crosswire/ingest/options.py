"""What an ingest run reads with: the manifest, the sources registry, size limits, analysable languages."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crosswire.ingest.manifest import load_manifest
from crosswire.knowledge.sources import SourceRegistry


@dataclass
class IngestOptions:
    manifest: Path | None = None
    sources: SourceRegistry = field(default_factory=SourceRegistry.builtin)
    max_bytes: int = 20_000_000  # per file (per record for WARC and JSONL, which are streamed)
    languages: tuple[str, ...] = ("en",)  # analysable languages
    manifest_entries: dict[str, Any] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        if self.manifest is not None:
            self.manifest = Path(self.manifest)
            self.manifest_entries = load_manifest(self.manifest)
        if self.max_bytes <= 0:
            raise ValueError(f"max_bytes must be positive, got {self.max_bytes}")
