"""What an article's analysis looks things up in, as one value a run hands to every worker."""

from __future__ import annotations

from dataclasses import dataclass

from crosswire.knowledge.kb import KnowledgeBase
from crosswire.knowledge.sources import SourceRegistry


@dataclass(frozen=True)
class Resources:
    """The knowledge base (None: the built-in one; a run given --actors dictionaries extends a copy) and
    the sources registry (None: the built-in one, maybe a user's file), and whether the event coder's
    precision gate holds back events under its threshold (`events/gate.py`; off: every event is emitted
    with the gate's probability as its confidence). Plain data, so it pickles to process-pool and Dask
    workers with the articles."""

    kb: KnowledgeBase | None = None
    sources: SourceRegistry | None = None
    event_gate: bool = False

    @property
    def knowledge_base(self) -> KnowledgeBase:
        return self.kb or KnowledgeBase.builtin()
