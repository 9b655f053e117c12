"""One event per happening: the same act reported by several sentences or outlets merged into one Event.

Two reports are the same event when their sources and targets agree (the same CAMEO actor code, or one
code refining the other - "PRK" and "PRKGOV" -, the same name with a role code one report gives without
its country - "LEG" and "USALEG" -, or, for uncoded actors, the same name; two full personal names that
share no word are two people whatever their codes), their CAMEO codes share the root (for the roots of
distinct acts, DISTINCT_ACT_ROOTS, the three-digit code), and their dates lie within `window_days` (a
range counts from its start to its end). An undated report only bounds the event by its publication day
(`reported_on`): it matches any dated report that is not later than that (a report never precedes its
event). A period longer than PERIOD_DAYS matches only the same period; two known places in different
countries, or two different cities, are different happenings; and a speech act (SPEECH_ROOTS) needs the
very same speaker code.

The merged event keeps every mention with what that report says (its status, polarity and date); its code
is the one most reports agree on, its date the best sourced one - a date from the text beats one from the
knowledge base, which beats none - and among those the most precise that most reports give. It is a fact
when any report states it as one, and `reported_on` is the earliest report's day.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable
from datetime import date

from crosswire.knowledge.actor_codes import ORG_HEADS
from crosswire.knowledge.kb import KnowledgeBase
from crosswire.knowledge.sources import OUTLET_TAILS
from crosswire.model import Event, EventActor, overall_status

# A dated span longer than this is a period that holds several acts ("the 2018 summits"): it is the same
# event only as a report of the same period, never as any act that falls inside it.
PERIOD_DAYS = 31
# Speech acts (statements, appeals): who said it is the act, so a named speaker ("the unification
# committee", "PRKGOV") is not the same source as its country at large ("the North", "PRK").
SPEECH_ROOTS = frozenset({"01", "02"})
PRECISION_RANK = {"day": 0, "month": 1, "range": 2, "year": 3, None: 5}
# Where a date came from, best first: the report's own words (absolute or relative), the knowledge base.
SOURCE_RANK = {"text": 0, "relative": 0, "kb": 1, "none": 2}


# Words that make a name an institution's, not a person's ("Treasury Department", "Korean Central News
# Agency", "The Washington Post"): the parser's organisation heads and outlet-name endings, and the bodies
# of government a name ends with.
BODY_WORDS = (
    frozenset(w.lower() for w in ORG_HEADS)
    | OUTLET_TAILS
    | frozenset("house senate congress government administration navy campaign press inc".split())
)
TITLE_WORDS = frozenset(
    "mr mrs ms dr sen rep gov president senator representative gen prime minister".split()
)


@functools.lru_cache(maxsize=4096)
def _person_words(name: str | None) -> frozenset[str] | None:
    """The words of a personal name ("Nancy Pelosi" -> {nancy, pelosi}, titles left out); None when the
    name is not one: a single word, a lower-case word, an institution's word, or a country's name."""
    words = [w.strip(".,").lower() for w in (name or "").replace("-", " ").split()]
    words = [w for w in words if w and w not in TITLE_WORDS]
    if len(words) < 2 or any(not w[0].isalpha() for w in words) or set(words) & BODY_WORDS:
        return None
    if any(not part[:1].isupper() for part in (name or "").replace("-", " ").split()):
        return None
    if KnowledgeBase.builtin().lookup_country(name or "") is not None:
        return None
    return frozenset(words)


def _different_people(a: str | None, b: str | None) -> bool:
    """ "Nancy Pelosi" and "John McCain", both coded USALEG: one code, two people. Two full personal
    names that share no word are different people whatever their codes say (a person and a state, "Kim
    Jong-un" and "North Korea", still merge by code)."""
    words_a, words_b = _person_words(a), _person_words(b)
    return words_a is not None and words_b is not None and not words_a & words_b


def same_side(a: EventActor | None, b: EventActor | None) -> bool:
    """Whether two reports' sources (or targets) are one party (see the module docstring)."""
    if a is None or b is None:
        return a is None and b is None
    same_name = (a.name or "").lower() == (b.name or "").lower()
    if a.code and b.code:
        if a.code.startswith(b.code) or b.code.startswith(a.code):
            return not _different_people(a.name, b.name)
        # "Blake Farenthold" coded LEG by one article (which never says whose legislator) and USALEG by
        # another: the same person, named alike, one code lacking only its country
        return bool(a.name) and same_name and (a.code.endswith(b.code) or b.code.endswith(a.code))
    return same_name


def _iso_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def _own_days(event: Event) -> tuple[date, date] | None:
    """The act's own first and last day; None when undated. (A "published" precision is the publication
    date that older stores kept as a stand-in: not the act's date.)"""
    if event.date_precision == "published":
        return None
    first = _iso_day(event.date)
    if first is None:
        return None
    last = _iso_day(event.date_end) or first
    return first, max(first, last)


def _reported(event: Event) -> date | None:
    if event.date_precision == "published":
        return _iso_day(event.date)
    return _iso_day(event.reported_on)


def _dates_agree(a: Event, b: Event, window_days: int) -> bool:
    da, db = _own_days(a), _own_days(b)
    if da is not None and db is not None:
        if max((da[1] - da[0]).days, (db[1] - db[0]).days) > PERIOD_DAYS:
            # a period: the same one only (its start and end as far apart as the window allows)
            return abs((da[0] - db[0]).days) <= window_days and abs((da[1] - db[1]).days) <= window_days
        gap = max(da[0], db[0]) - min(da[1], db[1])  # negative when the spans overlap
        return gap.days <= window_days
    ra, rb = _reported(a), _reported(b)
    if da is None and db is None:
        return ra is None or rb is None or abs((ra - rb).days) <= window_days
    if da is None:  # reported on `ra`: the event happened then or before
        return ra is None or db[0] <= ra  # type: ignore[index]
    return rb is None or da[0] <= rb


def _places_agree(a: Event, b: Event) -> bool:
    """Two known places name different happenings when they lie in different countries, or are two
    different cities (a summit in Hanoi is not one in Singapore); a country and a city in it agree."""
    pa, pb = a.place, b.place
    if pa is None or pb is None:
        return True
    if pa.country and pb.country and pa.country != pb.country:
        return False
    if pa.kind == "city" and pb.kind == "city":
        if pa.geonames_id is not None and pb.geonames_id is not None:
            return pa.geonames_id == pb.geonames_id
        return pa.name.lower() == pb.name.lower()
    return True


def _same_speaker(a: Event, b: Event) -> bool:
    """For a speech act, the same speaker: the same code (not one refining the other) or, uncoded,
    the same name."""
    if a.cameo[:2] not in SPEECH_ROOTS or a.source is None or b.source is None:
        return True
    if a.source.code or b.source.code:
        return (a.source.code or "").upper() == (b.source.code or "").upper()
    return True


# Roots whose codes are different acts, not ways of telling one: praise (051), an apology (055) and a
# signed agreement (057); a release (084), eased sanctions (085) and a resignation (0831). Their reports
# merge only with the same three-digit code, or with the root's unspecified one ("050").
DISTINCT_ACT_ROOTS = frozenset({"05", "08"})


def _codes_agree(a: str, b: str) -> bool:
    if a[:2] != b[:2]:
        return False
    if a[:2] not in DISTINCT_ACT_ROOTS:
        return True
    return a[:3] == b[:3] or a[:3].endswith("0") or b[:3].endswith("0")


def same_event(a: Event, b: Event, window_days: int = 3) -> bool:
    return (
        _codes_agree(a.cameo, b.cameo)
        and same_side(a.source, b.source)
        and same_side(a.target, b.target)
        and _same_speaker(a, b)
        and _dates_agree(a, b, window_days)
        and _places_agree(a, b)
    )


def _combine(group: list[Event]) -> Event:
    stated = [e for e in group if e.is_fact]
    # What the event is (its code, rule, target) comes from the reports that give it as happened: a denied
    # or expected report of a neighbouring code ("will not easily accept Pyongyang's demand") must not
    # rename the act another outlet reports ("Trump withdrawing from a second set of sanctions").
    voters = stated or group
    best = max(voters, key=lambda e: (e.confidence, -PRECISION_RANK.get(e.date_precision, 5)))
    mentions, seen = [], set()
    # The reports that state the act come first: the first mention is the evidence a reader is shown, and
    # a denied or expected neighbour ("will not easily accept") must not stand as the proof of a fact.
    stating = {id(e) for e in voters}
    for event in sorted(group, key=lambda e: id(e) not in stating):
        for m in event.mentions:
            key = (m.article_id, m.start, m.end)
            if key not in seen:
                seen.add(key)
                mentions.append(m)
    # The most specific code most reports agree on; the most precise date most reports give.
    codes = Counter(e.cameo for e in voters)
    cameo = max(codes, key=lambda c: (codes[c], len(c)))
    dated = sorted(group, key=_date_rank)
    top_rank = _date_rank(dated[0])
    day_votes = Counter((e.date, e.date_end) for e in dated if _date_rank(e) == top_rank)
    chosen = max(day_votes, key=lambda d: (day_votes[d], d[0] or "", d[1] or ""))
    date_from = next(e for e in dated if (e.date, e.date_end) == chosen)
    undated = _date_rank(date_from)[0] == SOURCE_RANK["none"]
    facts = [e for e in group if e.claim_by is None]
    # One status rule for every view (model.overall_status): the reports' own statuses, not the surest one's.
    status, negated = overall_status((m.status, m.negated) for m in mentions)
    reported = [e.reported_on for e in group if e.reported_on]
    sample = next((e for e in voters if e.cameo == cameo), best)
    # Independent reports raise confidence: 1 - product of the doubts, capped below certainty. Only the
    # reports that give the act as it is shown count (a denial or an expectation is no support for a
    # happened act), and one per outlet (its surest): seven weak mentions in one article are one report.
    surest: dict[str, float] = {}
    for event in voters:
        mention = event.mentions[0]
        outlet = mention.outlet or mention.article_id
        surest[outlet] = max(surest.get(outlet, 0.0), event.confidence)
    doubt = 1.0
    for confidence in surest.values():
        doubt *= 1.0 - confidence
    return Event(
        source=max(
            (e.source for e in group),
            key=lambda a: (a is not None, bool(a and a.actor_id), len((a and a.code) or "")),
        ),
        target=_most_named([e.target for e in voters], best.target),
        cameo=cameo,
        mentions=mentions,
        plover=sample.plover,
        mode=sample.mode,
        goldstein=sample.goldstein,
        date=None if undated else date_from.date,
        date_precision=None if undated else date_from.date_precision,
        date_end=None if undated else date_from.date_end,
        date_source="none" if undated else date_from.date_source,
        reported_on=min(reported) if reported else None,
        status=status,
        place=next((e.place for e in sorted(group, key=_date_rank) if e.place is not None), None),
        claim_by=None if facts else best.claim_by,  # one outlet stating it as fact outweighs the claims
        negated=negated,
        rule=best.rule,
        confidence=round(min(0.99, 1.0 - doubt), 2),
    )


def _most_named(sides: list[EventActor | None], best: EventActor | None) -> EventActor | None:
    """The side as most reports name it ("Barack Obama" over "the White House" where the merge took the
    two for one party by their code); `best` (the surest report's) on a tie."""
    names = Counter(a.name for a in sides if a is not None and a.name)
    if best is None or not names:
        return best
    top = max(names.values())
    if names.get(best.name or "", 0) == top:
        return best
    return next(a for a in sides if a is not None and a.name and names[a.name] == top)


def _date_rank(event: Event) -> tuple[int, int]:
    """Text before knowledge base before none; then day before month before range before year."""
    if _own_days(event) is None:
        return SOURCE_RANK["none"], PRECISION_RANK[None]
    source = event.date_source if event.date_source != "none" else "text"  # dated, source not recorded
    return SOURCE_RANK.get(source, 0), PRECISION_RANK.get(event.date_precision, 4)


def merge_events(events: Iterable[Event], window_days: int = 3) -> list[Event]:
    """Merge reports of the same event (see the module docstring); order follows the first report.

    An event joins the first earlier group all of whose reports are the same event as it. Only groups
    that can hold such reports are tried: same root, and a first report whose source is filed under
    one of the event's source keys (`_source_keys`), so a corpus-wide merge is near-linear instead of
    comparing every event with every group of its root.
    """
    groups: list[list[Event]] = []
    by_key: dict[tuple[str, str, str], list[int]] = {}  # (root, kind, value) -> group indexes, ascending
    by_root: dict[str, list[int]] = {}
    short: dict[str, list[int]] = {}  # groups whose first source has a code shorter than 3 letters
    for event in events:
        root = event.cameo[:2]
        keys = _source_keys(event.source)
        if keys is None:  # a very short code may refine into anything: try every group of the root
            candidates: list[int] = by_root.get(root, [])
        else:
            found = set(short.get(root, []))
            for kind, value in keys:
                found.update(by_key.get((root, kind, value), []))
            candidates = sorted(found)
        for index in candidates:
            group = groups[index]
            if all(same_event(event, other, window_days) for other in group):
                group.append(event)
                break
        else:
            index = len(groups)
            groups.append([event])
            by_root.setdefault(root, []).append(index)
            if keys is None:
                short.setdefault(root, []).append(index)
            else:
                for kind, value in keys:
                    by_key.setdefault((root, kind, value), []).append(index)
    return [group[0] if len(group) == 1 else _combine(group) for group in groups]


def _source_keys(actor: EventActor | None) -> list[tuple[str, str]] | None:
    """Keys that every actor `_compatible` with `actor` shares with it: the first three letters of its
    code (codes refine by appending: "PRK", "PRKGOV") and its lower-cased name (when either side has no
    code, actors match by name). None for a code shorter than three letters: it must be tried against
    everything."""
    if actor is None:
        return [("none", "")]
    keys = [("name", (actor.name or "").lower())]
    if actor.code:
        if len(actor.code) < 3:
            return None
        keys.append(("code", actor.code[:3]))
    return keys
