"""What coding one article needs, built once per `extract_events` call and shared by the coding modules."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc

from crosswire.events.participants import ActorIndex
from crosswire.knowledge.codebook import Codebook
from crosswire.knowledge.event_lexicon import Lexicon
from crosswire.model import Article, Event, Place, Speaker, TimeRef
from crosswire.nlp.named_events import NamedEventMention


@dataclass
class ArticleContext:
    """What coding one article needs, built once (no state survives the call)."""

    article: Article
    doc: Doc
    index: ActorIndex
    times: list[TimeRef]
    places: list[Place]
    claims: list[tuple[int, int, str]]  # (start, end, speaker) of quote pieces that are claims
    cue_speakers: dict[int, Speaker]  # cue verb's character offset -> the quote's speaker
    codebook: Codebook
    lexicon: Lexicon
    consumed: set[int] = field(default_factory=set)  # tokens already coded as part of another act
    named: list[NamedEventMention] = field(default_factory=list)  # named events ("the Hanoi summit")
    # coded events not emitted (under the floor or the gate), by id(); kept referenced so no id is reused
    held: dict[int, Event] = field(default_factory=dict)
    gated: bool = False  # whether events under the gate's threshold are held back

    @cached_property
    def actor_at(self) -> dict[int, str]:
        """Token index -> the actor id of the mention it is part of (for the gate's features)."""
        return {i: a.actor_id for i, a in self.index.by_token.items() if a.actor_id}
