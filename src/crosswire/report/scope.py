"""Which stories and articles the briefing covers.

A briefing over the whole corpus grows with it (at a thousand articles report.html was 10 MB, mostly the
appendix) and so does the cost of writing it on every run. So a corpus with more than `REPORT_STORIES`
stories or `REPORT_ARTICLES` articles gets a bounded briefing: its most significant stories, ranked by
how many outlets reported them, then how many articles they have, then how recent their latest article
is (then story id, so ties never depend on input order). Stories are taken in rank order, up to
`REPORT_STORIES`, while their articles fit within `REPORT_ARTICLES`; the first story that does not fit
ends the list (skipping it for a smaller one would report less significant stories under the same
heading). Stories are kept whole, so every sentence the briefing cites is in its appendix; the one
exception is a top story larger than the whole budget, which is kept alone and covered by its
`REPORT_ARTICLES` latest articles (its stored facts may then cite articles the appendix leaves out:
those citations are shown unlinked). Everything the briefing shows is drawn from the covered articles;
articles in no story are left out like small stories.

A smaller corpus keeps the whole-corpus briefing it always had, articles in no story included.

Both the in-memory path (`ranks_from_lists`) and the store path (`ranks_from_store`, the store's
`story_measures` query, no payload decoded) measure stories the same way, so both choose the
same stories.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from crosswire.model import Article, Story
from crosswire.store import Store
from crosswire.store.codec import to_utc_naive

# 40 stories is what an analyst can read in one sitting, and at the generated corpus's story sizes
# (most stories have 2 to 12 articles) 40 multi-outlet stories fill most of a 400-article appendix.
REPORT_STORIES = 40
# About 4 MB of HTML at typical article lengths: the appendix (the full text of every covered
# article) is most of the file, so this bounds the file and the time spent writing it.
REPORT_ARTICLES = 400


@dataclass(frozen=True)
class StoryRank:
    """What a story is ranked by: distinct outlets, articles, latest publication (naive UTC)."""

    story_id: str
    outlets: int
    articles: int
    latest: datetime | None


@dataclass(frozen=True)
class Coverage:
    """A bounded briefing's extent, for the sentence that says what it covers."""

    stories: int
    articles: int
    corpus_stories: int
    corpus_articles: int


def ranked(ranks: Sequence[StoryRank]) -> list[StoryRank]:
    """Most outlets first, then most articles, then latest publication (undated last), then story id."""
    by_id = sorted(ranks, key=lambda r: r.story_id)
    # Stable sorts, least significant key first: a datetime cannot be negated for one descending key.
    by_date = sorted(by_id, key=lambda r: (r.latest is not None, r.latest or datetime.min), reverse=True)
    return sorted(by_date, key=lambda r: (-r.outlets, -r.articles))


@dataclass(frozen=True)
class Choice:
    """The stories a bounded briefing keeps, in rank order; `cut` is set when the top story alone has
    more than the article budget: it is then covered by its `cut` latest articles only."""

    stories: list[str]
    cut: int | None = None


def choose(
    ranks: Sequence[StoryRank],
    corpus_articles: int,
    max_stories: int = REPORT_STORIES,
    max_articles: int = REPORT_ARTICLES,
) -> Choice | None:
    """The stories a bounded briefing keeps; None when the whole corpus fits."""
    if len(ranks) <= max_stories and corpus_articles <= max_articles:
        return None
    order = ranked(ranks)
    if not order:
        return Choice([])
    if order[0].articles > max_articles:  # one huge story: the briefing is that story, cut
        return Choice([order[0].story_id], cut=max_articles)
    kept: list[str] = []
    used = 0
    for rank in order:
        if len(kept) >= max_stories or used + rank.articles > max_articles:
            break
        kept.append(rank.story_id)
        used += rank.articles
    return Choice(kept)


def latest_first(found: Sequence[Article]) -> list[Article]:
    """Articles newest first (undated last), then by id: the members a cut story keeps."""
    by_id = sorted(found, key=lambda a: a.id)
    dates = {a.id: to_utc_naive(a.published) for a in by_id}
    return sorted(by_id, key=lambda a: (dates[a.id] is not None, dates[a.id] or datetime.min), reverse=True)


def covered_from_lists(stories: Sequence[Story], articles: Sequence[Article], choice: Choice) -> set[str]:
    """The article ids the kept stories cover (a cut story: its `cut` latest articles)."""
    if choice.cut is None:
        return {i for s in stories for i in s.article_ids}
    by_id = {a.id: a for a in articles}
    found = [by_id[i] for s in stories for i in dict.fromkeys(s.article_ids) if i in by_id]
    return {a.id for a in latest_first(found)[: choice.cut]}


def covered_from_store(store: Store, stories: Sequence[Story], choice: Choice) -> set[str]:
    """`covered_from_lists` for a store, reading only the cut story's member dates."""
    if choice.cut is None or not stories:
        return {i for s in stories for i in s.article_ids}
    return store.latest_members(stories[0].id, choice.cut)


def ranks_from_lists(stories: Sequence[Story], articles: Sequence[Article]) -> list[StoryRank]:
    """Each story's rank measures from the given articles (members missing from them count as
    articles but give no outlet or date, as the SQL's outer join does)."""
    by_id = {a.id: a for a in articles}
    out = []
    for story in stories:
        members = list(dict.fromkeys(story.article_ids))
        found = [by_id[i] for i in members if i in by_id]
        dates = [d for d in (to_utc_naive(a.published) for a in found) if d is not None]
        out.append(
            StoryRank(
                story_id=story.id,
                outlets=len({a.outlet for a in found if a.outlet}),
                articles=len(members),
                latest=max(dates) if dates else None,
            )
        )
    return out


def ranks_from_store(store: Store) -> list[StoryRank]:
    """`ranks_from_lists` for the stored stories and non-duplicate articles, in one query."""
    return [StoryRank(*measures) for measures in store.story_measures()]


def keep_stories(stories: Sequence[Story], kept: Sequence[str]) -> list[Story]:
    """The kept stories in their own (stored) order, as the whole-corpus report lists them."""
    wanted = set(kept)
    return [s for s in stories if s.id in wanted]


def coverage_sentence(coverage: Coverage) -> str:
    """What a bounded briefing covers, in plain text (the HTML and Markdown renderers escape it)."""
    stories = "story" if coverage.stories == 1 else f"{coverage.stories} stories"
    return (
        f"This briefing covers the {stories} reported by the most outlets "
        f"(of {coverage.corpus_stories} stories; {coverage.articles} articles of "
        f"{coverage.corpus_articles} in the corpus); the full corpus is in the exports and the workbench."
    )
