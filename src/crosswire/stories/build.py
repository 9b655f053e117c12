"""Stories with their facts and portrayals: grouping (cluster.py) followed by comparison (compare.py).

`build_stories` (from scratch) and `update_stories` (onto a saved StoryIndex) are the pure cores;
`stories_step` and `write_stories_output` are the hooks crosswire's API runs (`api.ANALYSIS_STEPS`,
`api.OUTPUT_WRITERS`): the first groups the stored corpus and stores the stories, the second writes
`stories.jsonl` (docs/output-format.md, "## stories.jsonl").

Incremental runs: the StoryIndex is kept in the store (store/story_state.py), so a later run embeds
and places only the articles it has not seen, and compares again only the stories whose membership
changed; the others keep their stored facts. The index remembers a digest of what each article looked
like to the grouping (title, lead, date, outlet, actors, events); when an indexed article is gone or
looks different (re-ingested, analysed again, marked a duplicate), the earlier placement may no longer
hold and everything is regrouped from scratch, as `full=True` (`crosswire stories --build`) does.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from crosswire.model import Analysis, Article, Event, ProgressFn, Story, to_dict
from crosswire.store import Store
from crosswire.store.codec import decoder
from crosswire.stories.cluster import THRESHOLD, WINDOW_DAYS, Cluster, StoryIndex, group_articles
from crosswire.stories.compare import Comparison, compare_story
from crosswire.stories.inputs import StoryInput, as_date, story_input

log = logging.getLogger(__name__)


def story_from_comparison(story: Story, comp: Comparison) -> Story:
    """`story` with the comparison's facts (the doubted ones too: they are set apart when shown, see
    briefing.shown_and_doubted) and its portrayal {outlet: {actor: tone}} filled in."""
    story.facts = [*comp.facts, *comp.doubted]
    story.portrayal = {
        outlet: {actor: view["tone"] for actor, view in actors.items() if view.get("tone") is not None}
        for outlet, actors in comp.portrayal.items()
    }
    story.portrayal_evidence = {
        outlet: {
            actor: list(view["evidence"]) for actor, view in actors.items() if view.get("tone") is not None
        }
        for outlet, actors in comp.portrayal.items()
    }
    return story


def build_stories(
    articles: Sequence[Article],
    analyses: Mapping[str, Analysis],
    events: Iterable[Event] | None = None,
    *,
    threshold: float | None = None,
) -> list[Story]:
    """Group `articles` into stories and align each story's facts across its outlets.

    `analyses` maps article id -> Analysis (articles without one are grouped by text alone);
    `events` are the corpus's events (e.g. merged across articles), by default each analysis's own."""

    ids = list(dict.fromkeys(a.id for a in articles))
    unique = {a.id: a for a in articles}
    items = [story_input(unique[i], analyses.get(i)) for i in ids]
    clusters = group_articles(items, threshold=THRESHOLD if threshold is None else threshold)
    pool = list(events) if events is not None else None
    return stories_from_clusters(clusters, unique, analyses, pool)


def stories_from_clusters(
    clusters: Sequence[Cluster],
    articles: Mapping[str, Article],
    analyses: Mapping[str, Analysis],
    events: Sequence[Event] | None = None,
    known: Mapping[str, Story] | None = None,
) -> list[Story]:
    """Stories for the grouping's clusters, compared across outlets; a cluster whose story id (its
    membership) is in `known` keeps that story's facts and portrayal instead of being compared again."""

    def members(ids: list[str]) -> tuple[list[Article], Mapping[str, Analysis]]:
        return [articles[i] for i in ids], analyses

    return _build_stories(clusters, known, members, events, lambda ids: list(ids))


def _shells(clusters: Sequence[Cluster], order: Callable[[list[str]], list[str]]) -> list[Story]:
    """One Story per cluster with everything but its comparison (facts, portrayal): members listed by
    `order`, and `related` as story ids."""
    shells = [
        Story(
            article_ids=order(cluster.article_ids),
            title=cluster.title,
            outlets=list(cluster.outlets),
            date_span=cluster.date_span,
        )
        for cluster in clusters
    ]
    key_to_id = {cluster.key: story.id for cluster, story in zip(clusters, shells, strict=True)}
    for story, cluster in zip(shells, clusters, strict=True):
        story.related = [key_to_id[k] for k in cluster.related if k in key_to_id]
    return shells


def _compared(
    story: Story,
    earlier: Story | None,
    members: Callable[[list[str]], tuple[list[Article], Mapping[str, Analysis]]],
    events: Sequence[Event] | None,
) -> Story:
    """`story` with facts and portrayal: `earlier`'s (same membership, so the same comparison), or
    compared now from `members(ids)`, which reads the articles and analyses only for such stories."""
    if earlier is not None:
        story.facts, story.portrayal = earlier.facts, earlier.portrayal
        story.portrayal_evidence = earlier.portrayal_evidence
        story.previous_ids = sorted({*story.previous_ids, *earlier.previous_ids})
        return story
    arts, found = members(story.article_ids)
    return story_from_comparison(story, compare_story(story, arts, found, events))


def _build_stories(
    clusters: Sequence[Cluster],
    known: Mapping[str, Story] | None,
    members: Callable[[list[str]], tuple[list[Article], Mapping[str, Analysis]]],
    events: Sequence[Event] | None,
    order: Callable[[list[str]], list[str]],
) -> list[Story]:
    """One Story per cluster (members listed by `order`), compared only when `known` lacks its id."""
    return [_compared(s, (known or {}).get(s.id), members, events) for s in _shells(clusters, order)]


def input_digest(item: StoryInput) -> str:
    """A short fingerprint of everything the grouping reads from one article."""
    parts = [
        item.outlet or "",
        item.title,
        item.lead,
        item.published.isoformat() if item.published else "",
        "\x1f".join(sorted(item.actors)),
        "\x1f".join(sorted(item.events)),
    ]
    return hashlib.blake2b("\x1e".join(parts).encode("utf-8"), digest_size=8).hexdigest()


def usable_index(index: StoryIndex | None, digests: Mapping[str, str], threshold: float) -> bool:
    """Whether `index` can be extended: same settings, and every article in it still there and unchanged."""

    if index is None or index.threshold != threshold or index.window_days != WINDOW_DAYS:
        return False
    seen = index.notes.get("inputs")
    if not isinstance(seen, dict) or len(seen) != len(index.story_of):
        return False
    return all(digests.get(article_id) == digest for article_id, digest in seen.items())


def update_stories(
    articles: Sequence[Article],
    analyses: Mapping[str, Analysis],
    index: StoryIndex | None = None,
    known: Mapping[str, Story] | None = None,
    *,
    threshold: float | None = None,
) -> tuple[list[Story], StoryIndex, int]:
    """Stories for `articles`, growing the saved `index` when it still fits them (see `usable_index`),
    else grouping from scratch. Only articles new to the index are embedded; `known` are the stories
    stored with `index` (by id), whose facts are reused where membership did not change.
    Returns (stories, the updated index, how many articles were added to it). Mutates `index`."""
    threshold = THRESHOLD if threshold is None else threshold
    unique = {a.id: a for a in articles}
    items = {i: story_input(a, analyses.get(i)) for i, a in unique.items()}
    digests = {i: input_digest(item) for i, item in items.items()}
    if index is None or not usable_index(index, digests, threshold):
        index, known = StoryIndex(threshold=threshold), None
    new = [item for i, item in items.items() if i not in index.story_of]
    index.add_many(new)
    index.notes["inputs"] = {i: digests[i] for i in index.story_of}
    stories = stories_from_clusters(index.clusters(), unique, analyses, None, known)
    return stories, index, len(new)


def story_record(story: Story) -> dict[str, Any]:
    """The `stories.jsonl` shape (docs/output-format.md)."""
    facts = []
    for fact in story.facts:
        rec: dict[str, Any] = {"kind": fact.kind, "summary": fact.summary}
        if fact.kind == "quote":
            rec["quote_id"] = fact.quote_id
            rec["speaker"] = fact.sentences[0].get("speaker") if fact.sentences else None
        else:
            rec["event_id"] = fact.event_id
            rec["confidence"] = fact.confidence
        rec.update(
            outlets=list(fact.outlets),
            independent_outlets=list(fact.independent_outlets),
            sentences=to_dict(fact.sentences),
        )
        facts.append(rec)
    return {
        "id": story.id,
        "title": story.title,
        "article_ids": list(story.article_ids),
        "outlets": list(story.outlets),
        "date_span": list(story.date_span),
        "facts": facts,
        "portrayal": to_dict(story.portrayal),
        "related": list(story.related),
    }


def story_record_from_stored(stored: Mapping[str, Any]) -> dict[str, Any]:
    """`story_record` of a story given as its stored record (plain JSON values, `to_dict` of the Story):
    the same output without building model objects, for writing stories.jsonl from a large store."""
    facts = []
    for fact in stored.get("facts") or []:
        rec: dict[str, Any] = {"kind": fact["kind"], "summary": fact["summary"]}
        sentences = fact.get("sentences") or []
        if fact["kind"] == "quote":
            rec["quote_id"] = fact.get("quote_id")
            rec["speaker"] = sentences[0].get("speaker") if sentences else None
        else:
            rec["event_id"] = fact.get("event_id")
            rec["confidence"] = fact.get("confidence")
        rec.update(
            outlets=list(fact.get("outlets") or []),
            independent_outlets=list(fact.get("independent_outlets") or []),
            sentences=list(sentences),
        )
        facts.append(rec)
    return {
        "id": stored["id"],
        "title": stored.get("title"),
        "article_ids": list(stored["article_ids"]),
        "outlets": list(stored.get("outlets") or []),
        "date_span": list(stored.get("date_span") or [None, None]),
        "facts": facts,
        "portrayal": stored.get("portrayal") or {},
        "related": list(stored.get("related") or []),
    }


def load_corpus(store: Store) -> tuple[list[Article], dict[str, Analysis]]:
    """Every stored article and its analysis (when it has one). Holds the whole corpus: for tools and
    tests on small corpora; `stories_step` reads only what changed."""
    articles = [a for a in store.iter_articles() if a.duplicate_of is None]
    wanted = {a.id for a in articles}
    analyses = {an.article_id: an for an in store.iter_analyses() if an.article_id in wanted}
    return articles, analyses


def load_saved_index(store: Store) -> StoryIndex | None:
    """The StoryIndex saved in the store, or None (none yet, or one this version cannot read)."""

    payload = store.load_story_index()
    if payload is None:
        return None
    try:
        return StoryIndex.from_bytes(payload, source=f"{store.url} story_index")
    except ValueError as exc:
        log.warning("regrouping all stories: %s", exc)
        return None


# Articles read from the store at once while building story inputs or comparing a story.
LOAD_CHUNK = 500


def load_members(store: Store, ids: Sequence[str]) -> tuple[list[Article], dict[str, Analysis]]:
    """The articles `ids` (in that order) and their analyses, read by id."""
    found: list[Article] = []
    analyses: dict[str, Analysis] = {}
    for start in range(0, len(ids), LOAD_CHUNK):
        chunk = list(ids[start : start + LOAD_CHUNK])
        found.extend(store.iter_articles(ids=chunk))
        # One query per table for the chunk, not several per article.
        analyses.update((an.article_id, an) for an in store.iter_all_analyses(set(chunk)))
    return found, analyses


def _kept_members(
    kept: tuple[Mapping[str, Article], Mapping[str, Analysis]] | None, ids: Sequence[str]
) -> tuple[list[Article], dict[str, Analysis]] | None:
    """What `load_members(store, ids)` returns, from articles and analyses read already (`kept`), or None
    when some of `ids` are not among them."""
    if kept is None:
        return None
    articles, analyses = kept
    wanted = dict.fromkeys(ids)
    if any(i not in articles for i in wanted):
        return None
    # The store reads analyses in article id order.
    return [articles[i] for i in wanted], {i: analyses[i] for i in sorted(wanted) if i in analyses}


def state_fits(index: StoryIndex, states: Mapping[str, str], threshold: float) -> bool:
    """Whether `index` can be extended: same settings, and every article in it still stored, still not
    a duplicate, and neither re-ingested with changes nor analysed again (its state is unchanged)."""

    if index.threshold != threshold or index.window_days != WINDOW_DAYS:
        return False
    seen = index.notes.get("state")
    if not isinstance(seen, dict) or len(seen) != len(index.story_of):
        return False
    return all(states.get(article_id) == state for article_id, state in seen.items())


def stories_step(store: Store, progress: ProgressFn | None = None, *, full: bool = False) -> None:
    """Analysis step: group the stored corpus into stories and store them (replacing earlier ones).

    Reads one small state row per article to find what changed (store/story_state.article_states),
    then only the new articles to place them, and only the members of stories whose membership
    changed to compare them; when nothing changed it writes nothing. An indexed article that changed
    or went away regroups everything, as `full` (`crosswire stories --build`) does."""
    states = dict(store.article_states())
    if progress:
        progress("stories", 0, len(states))
    index = None if full else load_saved_index(store)
    if index is not None and not state_fits(index, states, THRESHOLD):
        index = None
    if index is None:
        index = StoryIndex(threshold=THRESHOLD)
    new = [i for i in states if i not in index.story_of]
    if not new and index.notes.get("state") is not None and not full:
        if progress:
            progress("stories", len(states), len(states))
        return  # nothing new, nothing changed: the stored stories stand
    # Stories stored with a still-valid index keep their comparison; after a regroup none is trusted.
    regrouped = not len(index.story_of)
    saved_shells = None if regrouped else index.notes.get("shells")
    items: list[StoryInput] = []
    kept: tuple[dict[str, Article], dict[str, Analysis]] | None = None
    for start in range(0, len(new), LOAD_CHUNK):
        found, analyses = load_members(store, new[start : start + LOAD_CHUNK])
        items.extend(story_input(a, analyses.get(a.id)) for a in found)
        # The new articles of most runs fit in one chunk: kept to compare their stories without reading
        # them again (a third of the comparison's time); a larger run reads each story's members anew.
        kept = ({a.id: a for a in found}, analyses) if len(new) <= LOAD_CHUNK else None
    index.add_many(items)
    index.notes.pop("inputs", None)  # update_stories' digests; this path keeps states instead
    index.notes["state"] = {i: states[i] for i in index.story_of}
    shells = _shells(index.clusters(), _member_order(store))
    carry_previous_ids(store, shells, regrouped=regrouped)
    same, earlier = (set(), {}) if regrouped else _against_stored(store, shells, saved_shells)
    # Compared one at a time as the writer asks for them (it spills each to disk): never all in memory.
    changed = (
        _compared(
            replace(shell),
            _decoded(earlier.get(shell.id)),
            lambda ids: _kept_members(kept, ids) or load_members(store, ids),
            None,
        )
        for shell in shells
        if shell.id not in same
    )
    index.notes["shells"] = {s.id: shell_digest(s) for s in shells}
    store.save_story_changes([s.id for s in shells], changed, index.to_bytes())
    if progress:
        progress("stories", len(states), len(states))


def carry_previous_ids(store: Store, shells: Sequence[Story], *, regrouped: bool = False) -> None:
    """Give each new story the ids of the stored stories it replaces, so links to them redirect.

    A story id is a hash of its members, so a story that gained (or lost) an article is stored under a
    new id and its old one goes. Each stored story that goes hands its id (and its own previous ids) to
    the new story holding most of its articles (a story split in two: to the larger part; ties to the
    smaller id). Only the going stories' records are read; after a regroup (`regrouped`: every story
    is compared and written anew, `stories --build`) a story whose members did not change keeps its
    own previous ids too, so those links still redirect."""
    by_id = {s.id: s for s in shells}
    stored = store.story_members()
    going = {i: members for i, members in stored.items() if i not in by_id}
    staying = [i for i in stored if i in by_id] if regrouped else []
    if not going and not staying:
        return
    owner = {article_id: story_id for story_id, shell in by_id.items() for article_id in shell.article_ids}
    earlier = {
        rec["id"]: rec.get("previous_ids") or [] for rec in store.iter_story_records(ids=[*going, *staying])
    }
    for story_id in staying:
        story = by_id[story_id]
        story.previous_ids = sorted({*story.previous_ids, *earlier.get(story_id, [])} - {story_id})
    for old_id, members in going.items():
        shares = Counter(owner[a] for a in members if a in owner)
        if not shares:
            continue  # every article it held is gone
        target = min(shares, key=lambda i: (-shares[i], i))
        heir = by_id[target]
        heir.previous_ids = sorted({*heir.previous_ids, old_id, *earlier.get(old_id, [])} - {heir.id})


# What a story's stored record holds besides its comparison (facts, portrayal).
_SHELL_FIELDS = ("article_ids", "title", "outlets", "date_span", "related")


def shell_digest(shell: Story) -> str:
    """A short fingerprint of a story's record besides its comparison (`_SHELL_FIELDS`)."""
    fields = json.dumps([to_dict(getattr(shell, name)) for name in _SHELL_FIELDS], ensure_ascii=False)
    return hashlib.blake2b(fields.encode("utf-8"), digest_size=8).hexdigest()


def _against_stored(
    store: Store, shells: Sequence[Story], saved: Any = None
) -> tuple[set[str], dict[str, dict[str, Any]]]:
    """(ids of the stories stored exactly as `shells` would store them, {id: stored record} of those
    stored with the same membership but another title, member order or related list).

    `saved` are the shell digests the index noted when it saved these stories (in the same
    transaction): with them, only the few stories that differ are read. Without (an index saved by
    an older version), the stored stories are streamed and compared, so memory holds only the few
    that differ, never every story's facts."""
    if isinstance(saved, dict):
        stored = store.story_ids()
        same = {s.id for s in shells if s.id in stored and saved.get(s.id) == shell_digest(s)}
        differ = [s.id for s in shells if s.id in stored and s.id not in same]
        return same, {rec["id"]: rec for rec in store.iter_story_records(ids=differ)}
    by_id = {s.id: s for s in shells}
    same = set()
    earlier: dict[str, dict[str, Any]] = {}
    for record in store.iter_story_records():
        shell = by_id.get(record.get("id", ""))
        if shell is None:
            continue
        if _same_record(shell, record):
            same.add(shell.id)
        else:
            earlier[shell.id] = record
    return same, earlier


def _same_record(shell: Story, stored: Mapping[str, Any] | None) -> bool:
    """Whether the stored record of the story with `shell`'s id needs no rewrite: same membership
    (the id says so) and the same title, outlets, dates, member order and related stories."""
    if stored is None:
        return False
    mine = to_dict(shell)
    return all(mine[name] == stored.get(name) for name in _SHELL_FIELDS)


def _decoded(stored: Mapping[str, Any] | None) -> Story | None:
    return decoder(Story)(stored) if stored is not None else None


def _member_order(store: Store) -> Callable[[list[str]], list[str]]:
    """The order a from-scratch grouping adds articles in, so a story that grew over several runs
    lists (and compares, which is order-sensitive) its members as one full run would."""
    rank = _grouping_order(store)
    return lambda ids: sorted(ids, key=lambda i: rank.get(i, (True, 0, i)))


def _grouping_order(store: Store) -> dict[str, tuple[bool, int, str]]:
    """{article id: its key in `StoryIndex.add_many`'s order (dated by day, undated last, then id)},
    read from the articles' stored dates alone."""

    order: dict[str, tuple[bool, int, str]] = {}
    for article_id, published in store.publication_dates():
        day = as_date(published)
        order[article_id] = (day is None, day.toordinal() if day else 0, article_id)
    return order


def write_stories_jsonl(stories: Iterable[Story], path: Path) -> int:
    count = 0
    with open(path, "w", encoding="utf-8") as fh:
        for story in stories:
            fh.write(json.dumps(story_record(story), ensure_ascii=False) + "\n")
            count += 1
    return count


def write_stories_output(store: Store, out_dir: Path) -> dict[str, str]:
    """Output writer: `stories.jsonl` from the stored stories, records reshaped as stored (no model
    objects built)."""
    path = Path(out_dir) / "stories.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for stored in store.iter_story_records():
            fh.write(json.dumps(story_record_from_stored(stored), ensure_ascii=False) + "\n")
    return {"stories": str(path)}
