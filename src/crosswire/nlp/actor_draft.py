"""An actor while one article's mentions of it are being collected (nlp/actors.py builds them; the
description rules in nlp/actor_descriptions.py read and extend them). Its own module so that both can name
it without importing each other."""

from __future__ import annotations

from dataclasses import dataclass, field

from crosswire.knowledge.kb import Person
from crosswire.model import Mention
from crosswire.nlp.actor_roles import Affiliation


@dataclass
class Draft:
    """An actor while its mentions are being collected."""

    key: str
    kind: str
    name: str
    first: int  # character offset of the first mention: actors are returned in reading order
    mentions: list[Mention] = field(default_factory=list)
    affiliation: Affiliation = field(default_factory=Affiliation)
    codes: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    person: Person | None = None
    anonymous: bool = False
    description: str | None = None

    def add(self, start: int, end: int, text: str, kind: str) -> None:
        if not any(m.start == start and m.end == end for m in self.mentions):
            self.mentions.append(Mention(start, end, text, kind))
            self.first = min(self.first, start)

    def label(self, text: str) -> None:
        text = text.strip(" ,")
        if text and text not in self.labels:
            self.labels.append(text)
