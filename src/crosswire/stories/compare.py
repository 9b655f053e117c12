"""Comparison of one story across its outlets: what is corroborated, what only one outlet reports, what
each outlet left out, what each puts first, whom it lets speak anonymously, how it portrays the main
actors, how faithfully it quotes, and what genres the coverage is.

Definitions (so the numbers can be checked by hand):
- facts: the story's merged events (briefing.py: one event model for every interface) and aligned
  quotes; a CAMEO 01 statement is listed apart (`statements`), never as a fact;
- corroborated: an event that at least two *independent* outlets (wire copies count once, see wire.py)
  report as happened (an outlet that only expects or denies it is not counted); a quote two of them carry;
- single-source: every other event fact and quote;
- omission: a fact an outlet's articles do not report while at least two other outlets do;
- emphasis: the actors and events in an article's headline and its first LEAD_SENTENCES sentences;
- anonymous share: quotes whose speaker is anonymous / all quotes, per outlet;
- portrayal: per outlet and main actor (keyed by canonical identity: "Putin" and "Vladimir Putin" are one
  row), the mean of the trained sentiment model's tone toward the actor in that outlet's articles, with the
  evidence sentences and the labels and names the outlet uses ("Chairman Kim", "the dictator"); see
  portrayal.py;
- quote fidelity: for statements quoted by two or more articles, each wording's similarity to the
  longest (rapidfuzz, 0-100) and its length ratio;
- genre mix: articles per genre (news, analysis, opinion), per outlet and overall;
- doubted: events the precision gate doubts (briefing.py `is_doubted`: merged confidence under the
  gate's threshold) are none of the above: they are listed apart as less certain, unless `all_events`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from crosswire.model import Analysis, Article, Event, Fact, Story, to_dict
from crosswire.stories.align_quotes import align_quotes
from crosswire.stories.briefing import doubted_record, published_dates, shown_and_doubted, story_facts
from crosswire.stories.facts import quote_fact
from crosswire.stories.portrayal import portrayal
from crosswire.stories.sentences import sentence_spans
from crosswire.stories.wire import find_dependence

LEAD_SENTENCES = 2
GENRES = {
    "news": "news",
    "report": "news",
    "analysis": "analysis",
    "news analysis": "analysis",
    "feature": "analysis",
    "explainer": "analysis",
    "editorial": "opinion",
    "commentary": "opinion",
    "opinion": "opinion",
    "column": "opinion",
    "op-ed": "opinion",
    "letter": "opinion",
}


@dataclass
class Comparison:
    story_id: str
    outlets: list[str]
    facts: list[Fact] = field(default_factory=list)  # shown: the doubted ones are apart in `doubted`
    doubted: list[Fact] = field(default_factory=list)  # the "less certain" list (briefing.is_doubted)
    statements: list[Fact] = field(default_factory=list)
    corroborated: list[Fact] = field(default_factory=list)
    single_source: list[Fact] = field(default_factory=list)
    omissions: dict[str, list[Fact]] = field(default_factory=dict)
    emphasis: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    anonymous_share: dict[str, dict[str, float]] = field(default_factory=dict)
    portrayal: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    quote_fidelity: list[dict[str, Any]] = field(default_factory=list)
    genres: dict[str, dict[str, int]] = field(default_factory=dict)
    wire_groups: list[list[str]] = field(default_factory=list)
    agencies: dict[str, list[str]] = field(default_factory=dict)
    main_actors: list[str] = field(default_factory=list)


def genre_of(article: Article) -> str:
    """news, analysis or opinion (unlabelled articles count as news)."""
    return GENRES.get((article.genre or "news").strip().lower(), "news")


def compare_story(
    story: Story,
    articles: Sequence[Article],
    analyses: Mapping[str, Analysis],
    events: Iterable[Event] | None = None,
    *,
    all_events: bool = False,
) -> Comparison:
    """Compare `story` across its outlets; `articles` may hold more than the story's (they are filtered).
    Doubted events are set apart (`Comparison.doubted`) unless `all_events`."""
    members = set(story.article_ids)
    arts = [a for a in articles if a.id in members]
    dep = find_dependence(arts)
    quotes = align_quotes(arts, analyses)
    days = {i: day for i, day in published_dates(arts).items() if day}
    quoted = [quote_fact(q, dep) for q in quotes]
    for fact in quoted:  # the day the words were first printed: no article before it can carry them
        fact.first_reported = min(
            (days[i] for s in fact.sentences if (i := s["article_id"]) in days), default=None
        )
    facts = story_facts(arts, analyses, dep, events) + quoted
    comp = classified(story.id, arts, facts, dep, all_events=all_events)
    facts = comp.facts
    event_facts = [f for f in facts if f.kind == "event"]
    comp.emphasis = {
        o: [emphasis_from_facts(a, analyses.get(a.id), event_facts) for a in arts if a.outlet == o]
        for o in comp.outlets
    }
    comp.anonymous_share = anonymous_share(arts, analyses)
    comp.main_actors, comp.portrayal = portrayal(arts, analyses)
    comp.quote_fidelity = [
        {
            "speaker": f.summary.split(":", 1)[0],
            "quote_id": f.quote_id,
            "wordings": [
                {
                    k: s[k]
                    for k in (
                        "article_id",
                        "outlet",
                        "quote",
                        "quote_start",
                        "quote_end",
                        "similarity",
                        "length_ratio",
                    )
                }
                for s in f.sentences
            ],
        }
        for f in facts
        if f.kind == "quote" and len(f.sentences) >= 2
    ]
    comp.genres = genre_mix(arts)
    return comp


def fact_outlets(fact: Fact) -> list[str]:
    """The outlets that report `fact` (its sentences' outlets when the fact names none), first seen first."""
    named = fact.outlets or [str(s["outlet"]) for s in fact.sentences if s.get("outlet")]
    return list(dict.fromkeys(named))


def counted_outlets(fact: Fact) -> list[str]:
    """The outlets whose reports count for `fact`: for an event, those that give it as happened."""
    if fact.kind in ("event", "statement") and any("counted" in s for s in fact.sentences):
        return list(
            dict.fromkeys(str(s["outlet"]) for s in fact.sentences if s.get("counted") and s.get("outlet"))
        )
    return fact_outlets(fact)


def is_corroborated(fact: Fact) -> bool:
    """Two or more independent outlets report it (a wire copy reprinted elsewhere counts once); for an
    event, as happened (briefing.py fills `independent_outlets` with those reports' outlets only). A
    statement is never corroborated: it says nothing as a fact."""
    if fact.kind == "statement":
        return False
    if fact.kind == "event":
        return len(set(fact.independent_outlets)) >= 2
    return len(set(fact.independent_outlets or fact_outlets(fact))) >= 2


def outlet_dates(heads: Iterable[tuple[str | None, Any]]) -> dict[str, str | None]:
    """(outlet, published) pairs -> each outlet's latest known publication day (ISO), None when none of
    its articles has a date."""
    out: dict[str, str | None] = {}
    for outlet, published in heads:
        if not outlet:
            continue
        day = str(published)[:10] if published else None
        known = out.get(outlet)
        out[outlet] = max(known, day) if known and day else known or day
    return out


def could_have_reported(fact: Fact, published: str | None) -> bool:
    """Whether an article published on `published` (ISO day; None: unknown) could report `fact` as
    happened: not when the act is dated after the article (a piece written before a summit does not
    leave the summit out), nor when the article's date is unknown and the act is dated (it may predate
    it). An undated act or quote could be reported by an article of its first report's day or later
    (`Fact.first_reported`): an article written before anyone reported it cannot have left it out."""
    if not fact.date:
        first = (fact.first_reported or "")[:10]
        return not (first and published and published[:10] < first)
    if published is None:
        return False
    when = fact.date[:10]
    return published[: len(when)] >= when


def is_omitted_by(
    outlet: str, fact: Fact, outlets: Sequence[str], published: Mapping[str, str | None] | None = None
) -> bool:
    """Whether `outlet` leaves out a fact the rest of the story's coverage agrees on: one it does not
    report that at least two other outlets do, or, in a story of two outlets, that the other one does.
    (A fact only one of many outlets reports is that outlet's own, not an omission of all the others.)
    An outlet that reports the act in some other way (as expected, denied), or that names both its sides
    in one sentence (`Fact.named_by`: it may report it in words the coder did not read), does not leave
    it out, and
    with `published` (outlet -> its articles' latest day, `outlet_dates`) nor does one whose article
    could not have reported it (`could_have_reported`)."""
    if fact.kind == "statement":
        return False
    if outlet in fact_outlets(fact) or outlet in fact.named_by:
        return False  # (an outlet naming both sides in one sentence may report it in other words)
    if published is not None and not could_have_reported(fact, published.get(outlet)):
        return False
    reported = counted_outlets(fact)
    others = len(set(outlets) - {outlet})
    return outlet not in reported and others > 0 and len(reported) >= min(2, others)


def classified(
    story_id: str, arts: Sequence[Article], facts: list[Fact], dep: Any, *, all_events: bool = False
) -> Comparison:
    """A Comparison of `facts` with the parts read off them alone: the doubted events set apart
    (briefing.shown_and_doubted; none with `all_events`), then of the others corroborated (two or more
    independent outlets), single-source (fewer: one outlet, or outlets that share one wire copy), and
    each outlet's omissions (`is_omitted_by`). The web's story page classifies with the same rules."""
    outlets = sorted({a.outlet for a in arts if a.outlet})
    kept, doubted = shown_and_doubted(facts, all_events)
    comp = Comparison(
        story_id=story_id,
        outlets=outlets,
        facts=kept,
        doubted=doubted,
        wire_groups=dep.groups(),
        agencies=dep.agencies,
    )
    facts = kept
    comp.statements = [f for f in facts if f.kind == "statement"]
    shown = [f for f in facts if f.kind != "statement"]
    comp.corroborated = [f for f in shown if is_corroborated(f)]
    comp.single_source = [f for f in shown if not is_corroborated(f)]
    published = outlet_dates((a.outlet, a.published) for a in arts)
    for outlet in outlets:
        comp.omissions[outlet] = [f for f in shown if is_omitted_by(outlet, f, outlets, published)]
    return comp


def lead_end(text: str, sentences: int = LEAD_SENTENCES) -> int:
    spans = sentence_spans(text)[:sentences]
    return spans[-1][1] if spans else 0


def emphasis_from_facts(article: Article, analysis: Analysis | None, facts: Sequence[Fact]) -> dict[str, Any]:
    """What `article` puts in its headline and lead: actor names and event facts' statements, in text
    order (a fact is in the lead when one of its sentences in this article starts there)."""
    end = lead_end(article.text)
    events = []
    for fact in facts:
        starts = [s["start"] for s in fact.sentences if s.get("article_id") == article.id]
        if starts and min(starts) < end:
            events.append((min(starts), fact.summary))
    return emphasis_record(article, analysis, end, events)


def emphasis_record(
    article: Article, analysis: Analysis | None, end: int, events: Sequence[tuple[int, str]]
) -> dict[str, Any]:
    """The emphasis record: actors named in the headline or the lead (up to `end`), and the lead's
    events as (first start, summary) pairs, both in text order (headline first)."""
    title = (article.title or "").lower()
    actors: list[tuple[int, str]] = []
    for actor in analysis.actors if analysis else []:
        if actor.anonymous:
            continue
        in_lead = [m.start for m in actor.mentions if m.start < end]
        forms = {actor.name, *actor.labels, *(m.text for m in actor.mentions if m.kind in ("name", "title"))}
        in_title = any(f and len(f) > 2 and f.lower() in title for f in forms)
        if in_lead or in_title:
            actors.append((-1 if in_title else min(in_lead), actor.name))
    return {
        "article_id": article.id,
        "title": article.title,
        "lead_end": end,
        "actors": list(dict.fromkeys(n for _, n in sorted(actors))),
        "events": list(dict.fromkeys(s for _, s in sorted(events))),
    }


def anonymous_share(arts: Sequence[Article], analyses: Mapping[str, Analysis]) -> dict[str, dict[str, float]]:
    counts: dict[str, Counter[str]] = {}
    for article in arts:
        analysis = analyses.get(article.id)
        if analysis is None or not article.outlet:
            continue
        c = counts.setdefault(article.outlet, Counter())
        for q in analysis.quotes:
            c["quotes"] += 1
            c["anonymous"] += bool(q.speaker.anonymous)
    return {
        o: {
            "anonymous": c["anonymous"],
            "quotes": c["quotes"],
            "share": round(c["anonymous"] / c["quotes"], 3) if c["quotes"] else 0.0,
        }
        for o, c in sorted(counts.items())
    }


def genre_mix(arts: Sequence[Article]) -> dict[str, dict[str, int]]:
    mix: dict[str, Counter[str]] = {"all": Counter()}
    for article in arts:
        g = genre_of(article)
        mix["all"][g] += 1
        if article.outlet:
            mix.setdefault(article.outlet, Counter())[g] += 1
    return {k: dict(sorted(v.items())) for k, v in mix.items()}


def comparison_record(comp: Comparison) -> dict[str, Any]:
    """JSON-ready form of a Comparison (`crosswire compare --json`)."""

    def brief(f: Fact) -> dict[str, Any]:
        return {
            "kind": f.kind,
            "summary": f.summary,
            "event_id": f.event_id,
            "quote_id": f.quote_id,
            "outlets": f.outlets,
        }

    return {
        "story_id": comp.story_id,
        "outlets": comp.outlets,
        "main_actors": comp.main_actors,
        "corroborated": to_dict(comp.corroborated),
        "statements": to_dict(comp.statements),
        "single_source": to_dict(comp.single_source),
        "doubted": [doubted_record(f) for f in comp.doubted],
        "omissions": {o: [brief(f) for f in fs] for o, fs in comp.omissions.items()},
        "emphasis": comp.emphasis,
        "anonymous_share": comp.anonymous_share,
        "portrayal": comp.portrayal,
        "quote_fidelity": comp.quote_fidelity,
        "genres": comp.genres,
        "wire_groups": comp.wire_groups,
        "agencies": comp.agencies,
    }
