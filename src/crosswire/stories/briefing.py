"""The one event model every interface shows: a story's merged events as facts, statements, a timeline,
an actor graph and positions. `crosswire compare`, `timeline` and `graph`, the report and the web's story
page all read these functions, so their counts cannot disagree.

- A story's events are the events reported in its articles, merged across sentences and outlets
  (events/merge.py). Each merged event is one `Fact`: kind "event", or "statement" for a CAMEO 01 act
  (a statement says nothing as a fact: listed apart, never corroborated).
- Each report (sentence) keeps its own status (`EventMention.status`, `negated`): only reports that give
  the act as happened or going on, not negated, count. An outlet that only expects it, speculates about it
  or denies it is shown with that word ("expected", "denied"), never counted.
- `independent_outlets` are the counted reports' outlets, one per wire-dependence group (wire.py): a
  fact is corroborated when there are two or more.
- The fact's summary is a plain sentence written from its structure (phrases.py), in the form its status
  calls for; the CAMEO code, its name, PLOVER and Goldstein stay as `codes`.
- Timeline rows are the event facts (statements left out), by the act's own date, undated last.
- Graph edges are the event facts reported as happened whose source and target are different actors.
- Doubted events (`is_doubted`): a fact whose merged confidence (the precision gate's probability that
  the event happened as coded, events/gate.py, combined over independent reports by events/merge.py) is
  under the gate's threshold is not shown as a fact, a statement, on the timeline or on the graph, and
  never counts as corroborated: `shown_and_doubted` sets it apart in a "less certain" list, with each
  report's own confidence. With `all_events` (the one switch: `--all-events`, `?all_events=1`) every
  fact is shown as before. events.jsonl and the exports keep every event with its confidence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from crosswire.events.merge import merge_events, same_side
from crosswire.knowledge.codebook import Codebook
from crosswire.knowledge.event_gate import GateWeights
from crosswire.knowledge.months import MONTH_NAMES
from crosswire.model import (
    FACT_STATUSES,
    Analysis,
    Article,
    Event,
    EventActor,
    EventMention,
    Fact,
    overall_status,
    status_word,
)
from crosswire.stories.align import actor_key
from crosswire.stories.phrases import STATUS_WORDS, readable_date, statement
from crosswire.stories.positions import content_line
from crosswire.stories.sentences import sentence_spans
from crosswire.stories.wire import Dependence

# What is said rather than done: statements (01), appeals (02) and declared intentions (03). They are
# listed apart as statements, never as corroborated facts ("Kim said he would cooperate" is no act).
STATEMENT_ROOTS = frozenset({"01", "02", "03"})
# Acts that need their other side to be checkable: "North Korea criticised" says nothing an analyst can
# verify. Without a target they are shown but not counted as corroborated. (09 investigate, 14 protest
# and 15 force posture read whole without one.)
DYADIC_ROOTS = frozenset({"04", "05", "06", "07", "08", "10", "11", "12", "13", "16", "17", "18", "19", "20"})
# A side longer than this is a clause the coder took for a name ("The North Korean delegation led by
# Ri Song chol director general for U.S. affair"): it is not stated, and the fact is not counted.
MAX_NAME_WORDS = 6


def report_status(mention: EventMention) -> str:
    """What one report says of the act: its status, or "negated" ("did not meet")."""
    return "negated" if mention.negated else (mention.status or "happened")


def _negated_mood(mention: EventMention) -> str:
    """ "negated-planned" for a negated report of an act not given as done ("will not accept"), else ""."""
    return f"negated-{mention.status}" if mention.negated and mention.status not in FACT_STATUSES else ""


def counts(mention: EventMention) -> bool:
    """Whether a report gives the act as happened (what corroboration counts)."""
    return report_status(mention) in FACT_STATUSES


def story_events(
    articles: Sequence[Article], analyses: Mapping[str, Analysis], events: Iterable[Event] | None = None
) -> list[Event]:
    """The events reported in `articles`, merged. `events` (e.g. the corpus's, merged already) default
    to the articles' own analyses'; only the reports from `articles` are kept, then merged again."""
    members = [a.id for a in articles]
    wanted = set(members)
    if events is None:
        events = [e for aid in members if (an := analyses.get(aid)) is not None for e in an.events]
    pool = []
    for event in events:
        kept = [m for m in event.mentions if m.article_id in wanted]  # a story cites only its own articles
        if kept:
            pool.append(event if len(kept) == len(event.mentions) else replace(event, mentions=kept))
    return merged(pool)


def _side(actor: EventActor | None) -> dict[str, Any] | None:
    if actor is None or not (actor.name or actor.code):
        return None
    return {"name": actor.name or actor.code, "code": actor.code}


def clean_name(side: dict[str, Any] | None) -> bool:
    return bool(side) and len(str(side["name"]).split()) <= MAX_NAME_WORDS  # type: ignore[index]


def _same_side(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """One actor on both sides ("Ri Song-chol" and "the delegation led by Ri Song-chol")."""
    x, y = str(a["name"]).lower().replace("-", " "), str(b["name"]).lower().replace("-", " ")
    return x in y or y in x


def cameo_name(code: str) -> str:
    """The CAMEO codebook's name for `code`, as a person reads it: the codebook's own cross-reference
    ("Consult, not specified below") is dropped, leaving "Consult"."""
    book = Codebook.builtin()
    entry = book.get(code) or book.get(code[:3]) or book.get(code[:2])
    return entry.name.removesuffix(", not specified below") if entry else code


def event_status(event: Event) -> str:
    """The one status word every view shows for a merged event (model.overall_status over its reports,
    the rule events/merge.py sets `Event.status` by): events.jsonl, `compare`, the timeline, the report
    and the web all read it here."""
    return status_word(*overall_status((m.status, m.negated) for m in event.mentions))


def _wording(event: Event, status: str) -> str:
    """The form the statement takes. A "denied" act whose reports only negate it was denied by nobody:
    "Trump avoids condemning Russia" says he did not condemn it, "cannot allow Clinton to become
    president" that he might not; only a report of a denial or refusal reads "denied"."""
    if status != "denied" or any(m.status == "denied" for m in event.mentions):
        return status
    moods = {m.status or "happened" for m in event.mentions if m.negated}
    if not moods or moods <= FACT_STATUSES:
        return "negated"
    mood = "planned" if "planned" in moods else "demanded" if "demanded" in moods else "hypothetical"
    return f"negated-{mood}"


def _counted_texts(sentences: Sequence[dict[str, Any]]) -> list[str]:
    return [str(s.get("text") or "") for s in sentences if s.get("counted")] or [
        str(s.get("text") or "") for s in sentences
    ]


def _place(event: Event, sentences: Sequence[dict[str, Any]]) -> str | None:
    # A place is said only where most reports that count name it as where something is ("in Hanoi",
    # "at Panmunjom"): an inferred place ("Asia" for a trade ministry) or one from another clause of a
    # merged report would put words in the outlets' mouths.
    name = event.place.name if event.place else None
    if not name:
        return None
    texts = _counted_texts(sentences)
    said = re.compile(r"\b(?:in|at)\s+(?:the\s+)?" + re.escape(name) + r"\b", re.I)
    return name if 2 * sum(bool(said.search(t)) for t in texts) > len(texts) else None


def _date_said(event: Event, sentences: Sequence[dict[str, Any]]) -> bool:
    """Whether the event's day is backed by the reports that count. Where the coder dates each report
    (`EventMention.date`, events/timing.py), most counting reports must give this date; else the day
    must be written out ("Apr. 25", "25 April") in most of them. A merged event can carry a date one of
    its reports gives for another act: the day shown must be one the outlets give for this one."""
    counted = [s for s in sentences if s.get("counted")] or list(sentences)
    if any(s.get("date") for s in sentences):
        same = sum(str(s.get("date") or "")[:10] == (event.date or "")[:10] for s in counted)
        return 2 * same > len(counted)
    try:
        day = date.fromisoformat((event.date or "")[:10])
    except ValueError:
        return False
    month = MONTH_NAMES[day.month - 1][:3]
    written = re.compile(rf"\b(?:{month}[a-z]*\.?\s+{day.day}\b|{day.day}(?:st|nd|rd|th)?\s+{month})", re.I)
    texts = [str(s.get("text") or "") for s in counted]
    return 2 * sum(bool(written.search(t)) for t in texts) > len(texts)


def shown_date(
    event: Event, sentences: Sequence[dict[str, Any]] | None = None
) -> tuple[str | None, str | None]:
    """(date precision, date source) of the event's date where every view shows it, else (None, None):
    the one date rule for events.jsonl (`shown_date`), `compare`, the timeline, the report and the web.
    A date is shown only when it reads as a day, month or year (a range is not shown) and the reports
    that count back it (`_date_said`); a publication day never."""
    precision = None if event.date_precision == "published" else event.date_precision
    if not (event.date and precision and readable_date(event.date, precision)):
        return None, None
    if not _date_said(event, _reports(event, {}) if sentences is None else sentences):
        return None, None
    return precision, event.date_source


def _reports(
    event: Event,
    published: Mapping[str, str | None],
    coded: Mapping[tuple[str, int], Sequence[Event]] | None = None,
) -> list[dict[str, Any]]:
    """One record per reporting sentence, with what it says of the act, whether it counts and the
    confidence the coder gave that report (`report_confidence` over `coded`; else the event's)."""
    sentences: list[dict[str, Any]] = []
    seen: set[tuple[str, int]] = set()
    for m in sorted(event.mentions, key=lambda m: (m.outlet or "", m.article_id, m.start)):
        if (m.article_id, m.start) in seen:
            continue
        seen.add((m.article_id, m.start))
        status = report_status(m)
        sentences.append(
            {
                "article_id": m.article_id,
                "outlet": m.outlet,
                "start": m.start,
                "end": m.end,
                "text": m.sentence,
                "match": "event",
                "status": status,
                "reads": STATUS_WORDS.get(_negated_mood(m), STATUS_WORDS.get(status, status)),
                "counted": status in FACT_STATUSES,
                # the act's date as this report gives it (never its publication date), when dated
                "date": m.date if m.date_source != "none" else None,
                "published": published.get(m.article_id),
                "confidence": report_confidence(event, m, coded or {}),
            }
        )
    return sentences


def _described(event: Event, sentences: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The parts of the plain statement: status, sides, place and date as the reports back them."""
    status = event_status(event)
    source, target = _side(event.source), _side(event.target)
    if target is not None and (not clean_name(target) or (source and _same_side(source, target))):
        target = None  # not stated: see MAX_NAME_WORDS
    place = _place(event, sentences)
    precision, date_source = shown_date(event, sentences)
    when = readable_date(event.date, precision) if precision else None
    source_name = str(source["name"]) if source else None
    target_name = str(target["name"]) if target else None
    text = statement(source_name, event.cameo, target_name, _wording(event, status), place, when, event.rule)
    if (status in FACT_STATUSES or status == "planned") and source_name and clean_name(source):
        said = content_line(
            event.cameo, source_name, target_name, _counted_texts(sentences), expected=status == "planned"
        )
        text = said or text  # "North Korea demanded the suspension of joint military exercises"
    return {
        "status": status,
        "source": source,
        "target": target,
        "place": place,
        "when": when,
        "precision": precision,
        "date_source": date_source,
        "statement": text,
    }


def checkable(event: Event, parts: Mapping[str, Any]) -> bool:
    """Whether a fact may count as corroborated: an act (no statement), a clean source, and for a
    dyadic act its other side (see DYADIC_ROOTS, MAX_NAME_WORDS)."""
    if kind_of(event) != "event" or not clean_name(parts["source"]):
        return False
    return parts["target"] is not None or event.cameo[:2] not in DYADIC_ROOTS


def statement_of(event: Event) -> str:
    """The event's plain statement, as its fact shows it (events.jsonl carries it as `statement`)."""
    return str(_described(event, _reports(event, {}))["statement"])


def shown(event: Event) -> dict[str, Any]:
    """How every view shows a merged event, as its `Fact` does (`event_fact`): the plain statement, the
    status word (`event_status`) and the date by the one date rule (`shown_date`: None where the reports
    do not back it) with its precision and source. events.jsonl carries it as `shown`."""
    parts = _described(event, _reports(event, {}))
    when = bool(parts["when"])
    return {
        "statement": parts["statement"],
        "status": parts["status"],
        "date": event.date if when else None,
        "date_precision": parts["precision"] if when else None,
        "date_source": parts["date_source"] if when else None,
    }


def kind_of(event: Event) -> str:
    """ "statement" for a CAMEO 01 act (said, never a fact), else "event"."""
    return "statement" if event.cameo[:2] in STATEMENT_ROOTS else "event"


def event_fact(
    event: Event,
    dep: Dependence,
    published: Mapping[str, str | None],
    coded: Mapping[tuple[str, int], Sequence[Event]] | None = None,
) -> Fact:
    """One merged event as a Fact (see the module docstring); `coded` are the events as coded before
    the story's merge, by report (`coded_by_report`), for each report's own confidence."""
    sentences = _reports(event, published, coded)
    parts = _described(event, sentences)
    counted = [(s["article_id"], s["outlet"]) for s in sentences if s["counted"]]
    kind = kind_of(event)
    reported = sorted(str(s["published"]) for s in sentences if s.get("published"))
    return Fact(
        kind=kind,
        summary=parts["statement"],
        event_id=event.id,
        outlets=list(dict.fromkeys(str(s["outlet"]) for s in sentences if s.get("outlet"))),
        independent_outlets=dep.independent_outlets(counted) if checkable(event, parts) else [],
        sentences=sentences,
        status=parts["status"],
        date=event.date if parts["when"] else None,
        date_precision=parts["precision"] if parts["when"] else None,
        date_source=parts["date_source"] if parts["when"] else None,
        place=parts["place"],
        source=parts["source"],
        target=parts["target"],
        codes={
            "cameo": event.cameo,
            "cameo_name": cameo_name(event.cameo),
            "plover": event.plover,
            "goldstein": event.goldstein,
        },
        first_reported=reported[0] if reported else None,
        confidence=event.confidence,
    )


def published_dates(articles: Iterable[Article]) -> dict[str, str | None]:
    return {a.id: a.published.date().isoformat() if a.published else None for a in articles}


def story_facts(
    articles: Sequence[Article],
    analyses: Mapping[str, Analysis],
    dep: Dependence,
    events: Iterable[Event] | None = None,
) -> list[Fact]:
    """The story's merged events as facts: most independent outlets first, then most reports."""
    published = published_dates(articles)
    wanted = {a.id for a in articles}
    pool = list(events) if events is not None else None
    found = story_events(articles, analyses, pool)
    coded = coded_by_report(
        pool if pool is not None else [e for a in articles if (an := analyses.get(a.id)) for e in an.events],
        wanted,
    )
    mirrored = mirrors(found)
    facts = [event_fact(e, dep, published, coded) for e in found if e.id not in mirrored]
    pairs = sentence_parties(articles, analyses)
    for fact, event in zip(facts, (e for e in found if e.id not in mirrored), strict=True):
        fact.named_by = outlets_naming_both(event, pairs)
    return sorted(
        facts,
        key=lambda f: (f.kind != "event", -len(f.independent_outlets), -len(f.sentences), f.summary),
    )


def sentence_parties(
    articles: Sequence[Article], analyses: Mapping[str, Analysis]
) -> list[tuple[str, list[EventActor]]]:
    """(outlet, the actors one sentence names) for every sentence of `articles` that names two or more:
    each actor with each of its codes ("U.S. and North Korean negotiators" names both states)."""
    out: list[tuple[str, list[EventActor]]] = []
    for article in articles:
        analysis = analyses.get(article.id)
        if analysis is None or not article.outlet:
            continue
        spans = sentence_spans(article.text)
        starts = [s for s, _ in spans]
        named: dict[int, list[EventActor]] = {}
        for actor in analysis.actors:
            codes: list[str | None] = [*actor.codes] or [None]
            for m in actor.mentions:
                i = bisect_right(starts, m.start) - 1
                if i >= 0:
                    named.setdefault(i, []).extend(EventActor(actor.name, code) for code in codes)
        out += [(article.outlet, actors) for actors in named.values() if len(actors) > 1]
    return out


def outlets_naming_both(event: Event, pairs: Sequence[tuple[str, list[EventActor]]]) -> list[str]:
    """The outlets with a sentence naming both sides of `event` (`sentence_parties`); none for an act
    with one side."""
    if event.source is None or event.target is None:
        return []
    return sorted(
        {
            outlet
            for outlet, actors in pairs
            if any(same_side(event.source, a) for a in actors)
            and any(same_side(event.target, a) for a in actors)
        }
    )


def coded_by_report(events: Iterable[Event], articles: set[str]) -> dict[tuple[str, int], list[Event]]:
    """The events as coded before a story's merge (unmerged, or corpus-merged), by each report of
    `articles` they hold: {(article id, sentence start): [events]}."""
    found: dict[tuple[str, int], list[Event]] = {}
    for event in events:
        for m in event.mentions:
            if m.article_id in articles:
                found.setdefault((m.article_id, m.start), []).append(event)
    return found


def report_confidence(
    event: Event, mention: EventMention, coded: Mapping[tuple[str, int], Sequence[Event]]
) -> float:
    """The confidence of one report of a merged `event`: that of the event coded from its sentence with
    the same CAMEO root and sides (another act coded from the same sentence keeps its own); the highest
    of several such (merged alike); the merged event's own when none is known."""
    own = [
        e.confidence
        for e in coded.get((mention.article_id, mention.start), ())
        if e.cameo[:2] == event.cameo[:2]
        and same_side(e.source, event.source)
        and same_side(e.target, event.target)
    ]
    return max(own, default=event.confidence)


# ------------------------------------------------------------------------------------------- doubted
DOUBTED_LABEL = "Less certain: the coder is unsure these were read right"


def gate_threshold() -> float:
    """The precision gate's threshold (data/event_gate.tsv): under it, an event is more likely misread."""
    return GateWeights.builtin().threshold


def is_doubted(fact: Fact) -> bool:
    """Whether the gate doubts the event behind `fact`: its merged confidence (independent reports
    combined, events/merge.py) is under the gate's threshold. Quotes and facts of no recorded
    confidence (stores written before the gate) are never doubted."""
    return (
        fact.kind in ("event", "statement")
        and fact.confidence is not None
        and fact.confidence < gate_threshold()
    )


def merged_confidences(events: Sequence[Event]) -> list[float]:
    """For each of `events` (as coded, unmerged), the confidence of the merged event it joins when
    `events` are merged (`merged`): independent reports of one act lift each other, as on the story
    page. An event the merge does not place keeps its own."""
    found: dict[tuple[str, int, str], list[Event]] = {}
    for group in merged(events):
        for m in group.mentions:
            found.setdefault((m.article_id, m.start, group.cameo[:2]), []).append(group)
    out = []
    for event in events:
        groups = [
            g
            for m in event.mentions
            for g in found.get((m.article_id, m.start, event.cameo[:2]), ())
            if same_side(event.source, g.source) and same_side(event.target, g.target)
        ]
        out.append(max((g.confidence for g in groups), default=event.confidence))
    return out


def event_doubted(event: Event) -> bool:
    """`is_doubted` for a merged event (events.jsonl's `shown_as`: "doubted")."""
    return event.confidence < gate_threshold()


def shown_and_doubted(facts: Iterable[Fact], all_events: bool = False) -> tuple[list[Fact], list[Fact]]:
    """`facts` split, in order, into those shown as facts and statements and the doubted ones (the "less
    certain" list). With `all_events` nothing is set apart."""
    shown: list[Fact] = []
    doubted: list[Fact] = []
    for fact in facts:
        (doubted if not all_events and is_doubted(fact) else shown).append(fact)
    return shown, doubted


def doubted_record(fact: Fact) -> dict[str, Any]:
    """A doubted fact as the less-certain list shows it: its statement, merged confidence and each
    report (outlet, sentence, what it says, its own confidence)."""
    return {
        "summary": fact.summary,
        "kind": fact.kind,
        "event_id": fact.event_id,
        "confidence": fact.confidence,
        "codes": fact.codes,
        "reports": [
            {k: s.get(k) for k in ("article_id", "outlet", "start", "end", "text", "reads", "confidence")}
            for s in fact.sentences
        ],
    }


# Acts that read the same from either side: "Kim held talks with Russia" and "Putin held talks with North
# Korea" from the same sentences are one summit, not two facts.
SYMMETRIC_ROOTS = frozenset({"04", "05", "06"})
ONE_WAY_CODES = frozenset({"042", "043", "051", "052", "053", "054", "055", "056"})


def _pair(event: Event) -> frozenset[str] | None:
    if event.target is None:
        return None
    keys = {actor_key(side.code, side.name) for side in (event.source, event.target)}
    keys.discard(None)
    if len(keys) == 2:
        return frozenset(k for k in keys if k)
    # two parties of one country ("Donald Trump" and "Barack Obama", both USAGOV): by their names
    names = {(side.name or "").lower() for side in (event.source, event.target)}
    names.discard("")
    return frozenset(names) if len(names) == 2 else None


def _counted_outlets(event: Event) -> int:
    return len({m.outlet for m in event.mentions if counts(m)})


def mirrors(events: Sequence[Event]) -> dict[str, str]:
    """{id of a mirror image: id of the event it mirrors} for symmetric acts: the same root, the same
    two actors (by country or name key) either way round, and at least half of the smaller one's
    reports shared. The event reported by more outlets (then by more sentences, then the lower id)
    stays; its mirror is not shown again as a fact."""
    found: dict[str, str] = {}
    kept: list[tuple[Event, frozenset[str], set[tuple[str, int]]]] = []
    order = sorted(events, key=lambda e: (-_counted_outlets(e), -len(e.mentions), e.id))
    for event in order:
        pair = _pair(event)
        if event.cameo[:2] not in SYMMETRIC_ROOTS or event.cameo in ONE_WAY_CODES or pair is None:
            continue
        mine = {(m.article_id, m.start) for m in event.mentions}
        twin = next(
            (
                other
                for other, other_pair, theirs in kept
                if other.cameo[:2] == event.cameo[:2]
                and other_pair == pair
                and 2 * len(mine & theirs) >= min(len(mine), len(theirs))
            ),
            None,
        )
        if twin is not None:
            found[event.id] = twin.id
        else:
            kept.append((event, pair, mine))
    return found


def merged(events: Iterable[Event]) -> list[Event]:
    """`merge_events` over `events` in reading order (article, then offset): the merge is greedy, so
    the corpus's merge (events.jsonl) and a story's merge of its own articles group a story's reports
    alike whenever no report of another story joins them."""
    return merge_events(
        sorted(
            (_reports_carry_status(e) for e in events),
            key=lambda e: min(((m.article_id, m.start) for m in e.mentions), default=("", 0)),
        )
    )


def _reports_carry_status(event: Event) -> Event:
    """An unmerged event whose coder set its status or negation on the event only: its reports say
    the same (a merge keeps each report's own, and corroboration reads the reports)."""
    if not event.negated and event.status in FACT_STATUSES:
        return event
    mentions = [
        replace(
            m,
            negated=m.negated or event.negated,
            status=event.status if m.status in FACT_STATUSES else m.status,
        )
        for m in event.mentions
    ]
    return replace(event, mentions=mentions)


def is_statement(fact: Fact) -> bool:
    return fact.kind == "statement"


def shown_as_happened(fact: Fact) -> bool:
    return fact.kind == "event" and fact.status in FACT_STATUSES


# ------------------------------------------------------------------------------------------- timeline
def timeline_facts(facts: Iterable[Fact], all_events: bool = False) -> list[Fact]:
    """The event facts (statements, quotes and, unless `all_events`, doubted events left out) by date,
    undated last; within a day, most independent outlets first."""
    return sorted(
        (f for f in shown_and_doubted(facts, all_events)[0] if f.kind == "event"),
        key=lambda f: (
            f.date is None,
            f.date or "",
            -len(f.independent_outlets),
            -len(f.sentences),
            f.summary,
        ),
    )


# ---------------------------------------------------------------------------------------------- graph
def graph_edges(facts: Iterable[Fact], all_events: bool = False) -> list[dict[str, Any]]:
    """One edge per event fact reported as happened between two different actors (keyed as alignment
    keys them: CAMEO code, else normalised name): {source, target, source_label, target_label, ...}.
    Doubted events draw no edge unless `all_events`."""
    edges = []
    for f in shown_and_doubted(facts, all_events)[0]:
        if not shown_as_happened(f) or not f.source or not f.target:
            continue
        src = actor_key(f.source.get("code"), f.source.get("name"))
        tgt = actor_key(f.target.get("code"), f.target.get("name"))
        if not src or not tgt or src == tgt:
            continue
        edges.append(
            {
                "source": src,
                "target": tgt,
                "source_label": f.source.get("name") or src,
                "target_label": f.target.get("name") or tgt,
                "cameo": f.codes.get("cameo"),
                "goldstein": f.codes.get("goldstein"),
                "event_id": f.event_id,
                "summary": f.summary,
            }
        )
    return edges


# ------------------------------------------------------------------------------------------- coverage
def outlet_coverage(articles: Iterable[Article]) -> list[dict[str, Any]]:
    """The coverage strip: one entry per article, {outlet, published (date), genre, title, article_id},
    earliest first (undated last)."""
    rows = [
        {
            "article_id": a.id,
            "outlet": a.outlet or "unknown outlet",
            "published": a.published.date().isoformat() if a.published else None,
            "genre": (a.genre or "news").lower(),
            "title": a.title,
        }
        for a in articles
    ]
    return sorted(rows, key=lambda r: (r["published"] is None, r["published"] or "", r["outlet"]))
