"""Timelines: a story's (or the corpus's) event facts in date order, each with the sentences that report it.

A fact's date is the earliest own date (to the day) its coded events carry. The publication date of a
report is not an event's date: a fact no report dates (claims, undated events) is listed last, undated.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from crosswire.model import Fact, Story


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


def fact_date(fact: Fact) -> str | None:
    coded = sorted(s["date"] for s in fact.sentences if s.get("date") and s.get("match") == "event")
    dated = coded or sorted(s["date"] for s in fact.sentences if s.get("date"))
    return dated[0] if dated else None


def story_timeline(story: Story) -> list[TimelineEntry]:
    """The story's event facts by date (undated last), most widely reported first within a day."""
    entries = [
        TimelineEntry(
            date=fact_date(f),
            summary=f.summary,
            story_id=story.id,
            story_title=story.title,
            outlets=list(f.outlets),
            independent_outlets=list(f.independent_outlets),
            event_id=f.event_id,
            sources=[
                {k: s.get(k) for k in ("article_id", "outlet", "start", "end", "text")} for s in f.sentences
            ],
        )
        for f in story.facts
        if f.kind == "event"
    ]
    return sort_entries(entries)


def corpus_timeline(stories: Iterable[Story]) -> list[TimelineEntry]:
    """Every story's timeline merged into one, by date."""
    return sort_entries([e for s in stories for e in story_timeline(s)])


def sort_entries(entries: list[TimelineEntry]) -> list[TimelineEntry]:
    return sorted(
        entries,
        key=lambda e: (e.date is None, e.date or "", -len(e.independent_outlets), -len(e.sources), e.summary),
    )
