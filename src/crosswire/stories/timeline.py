"""Timelines: a story's (or the corpus's) event facts in date order, each with the sentences that report it.

The rows are the story's event facts (briefing.py `timeline_facts`: statements and quotes left out), one
per merged event, dated by the act's own date when the reports back it (never the publication date,
which is kept as `first_reported`); undated facts are listed last.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from crosswire.model import Fact, Story
from crosswire.stories.briefing import timeline_facts


@dataclass
class TimelineEntry:
    date: str | None
    summary: str
    story_id: str
    story_title: str | None
    outlets: list[str]
    independent_outlets: list[str]
    event_id: str | None
    sources: list[dict[str, Any]] = field(default_factory=list)  # {article_id, outlet, start, end, text}
    status: str | None = None
    first_reported: str | None = None
    cameo: str | None = None
    date_source: str | None = None  # where `date` came from (text, relative, kb); None when undated


def fact_date(fact: Fact) -> str | None:
    return fact.date


def story_timeline(story: Story, all_events: bool = False) -> list[TimelineEntry]:
    """The story's event facts by date (undated last), most widely reported first within a day; the
    doubted events left out unless `all_events` (briefing.timeline_facts)."""
    entries = [
        TimelineEntry(
            date=fact_date(f),
            date_source=f.date_source if fact_date(f) else None,
            summary=f.summary,
            story_id=story.id,
            story_title=story.title,
            outlets=list(f.outlets),
            independent_outlets=list(f.independent_outlets),
            event_id=f.event_id,
            sources=[
                {k: s.get(k) for k in ("article_id", "outlet", "start", "end", "text", "reads")}
                for s in f.sentences
            ],
            status=f.status,
            first_reported=f.first_reported,
            cameo=f.codes.get("cameo"),
        )
        for f in timeline_facts(story.facts, all_events)
    ]
    return sort_entries(entries)


def corpus_timeline(stories: Iterable[Story], all_events: bool = False) -> list[TimelineEntry]:
    """Every story's timeline merged into one, by date."""
    return sort_entries([e for s in stories for e in story_timeline(s, all_events)])


def sort_entries(entries: list[TimelineEntry]) -> list[TimelineEntry]:
    return sorted(
        entries,
        key=lambda e: (e.date is None, e.date or "", -len(e.independent_outlets), -len(e.sources), e.summary),
    )
