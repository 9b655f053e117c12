"""A story's Comparison rebuilt from its stored record, without aligning its articles again.

The stories step (stories/build.py) aligns each story's events and quotes once, when its membership
or a member's analysis changes, and stores the resulting facts with the story. Alignment is nearly all
of `compare_story`'s cost, so the report takes the facts from the stored Story and recomputes only the
cheap per-article parts (wire dependence, emphasis, anonymous share, portrayal with its evidence, genre
mix) from the members it reads anyway. Every rule below mirrors `stories.compare.compare_story` on
purpose; tests/test_report_stored.py checks that both give the same report, byte for byte.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from crosswire.model import Analysis, Article, Story
from crosswire.stories.compare import (
    Comparison,
    anonymous_share,
    classified,
    emphasis_from_facts,
    genre_mix,
)
from crosswire.stories.portrayal import portrayal
from crosswire.stories.wire import find_dependence

FIDELITY_KEYS = ("article_id", "outlet", "quote", "quote_start", "quote_end", "similarity", "length_ratio")


def comparison_from_story(
    story: Story,
    articles: Sequence[Article],
    analyses: Mapping[str, Analysis],
    *,
    all_events: bool = False,
) -> Comparison:
    """The Comparison `compare_story(story, articles, analyses, all_events=...)` would give, using
    `story.facts`."""
    members = set(story.article_ids)
    arts = [a for a in articles if a.id in members]
    dep = find_dependence(arts)
    comp = classified(story.id, arts, list(story.facts), dep, all_events=all_events)
    facts = comp.facts
    outlets = comp.outlets
    event_facts = [f for f in facts if f.kind == "event"]
    comp.emphasis = {
        o: [emphasis_from_facts(a, analyses.get(a.id), event_facts) for a in arts if a.outlet == o]
        for o in outlets
    }
    comp.anonymous_share = anonymous_share(arts, analyses)
    comp.main_actors, comp.portrayal = portrayal(arts, analyses)
    comp.quote_fidelity = [
        {
            "speaker": f.summary.split(":", 1)[0],
            "quote_id": f.quote_id,
            "wordings": [{k: s[k] for k in FIDELITY_KEYS} for s in f.sentences],
        }
        for f in facts
        if f.kind == "quote" and len(f.sentences) >= 2
    ]
    comp.genres = genre_mix(arts)
    return comp
