"""One event per happening: the same act reported by several sentences or outlets merged into one Event.

Two reports are the same event when their sources and targets agree (the same CAMEO actor code, or one
code refining the other - "PRK" and "PRKGOV" - or, for uncoded actors, the same name), their CAMEO codes
share the root, and their dates lie within `window_days`. A date taken from the publication date is a
weak one: it matches any dated report that is not later than it (a report never precedes its event).
The merged event keeps every mention; its code, date and place are the best supported ones.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

from crosswire.model import Event, EventActor

PRECISION_RANK = {"day": 0, "month": 1, "range": 2, "year": 3, "published": 4, None: 5}


def _compatible(a: EventActor | None, b: EventActor | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if a.code and b.code:
        return a.code.startswith(b.code) or b.code.startswith(a.code)
    return (a.name or "").lower() == (b.name or "").lower()


def _day(event: Event) -> date | None:
    try:
        return date.fromisoformat((event.date or "")[:10])
    except ValueError:
        return None


def _dates_agree(a: Event, b: Event, window_days: int) -> bool:
    da, db = _day(a), _day(b)
    if da is None or db is None:
        return True
    weak_a, weak_b = a.date_precision == "published", b.date_precision == "published"
    if weak_a and weak_b:
        return abs((da - db).days) <= window_days
    if weak_a:  # reported on `da`: the event happened then or before
        return db <= da
    if weak_b:
        return da <= db
    return abs((da - db).days) <= window_days


def same_event(a: Event, b: Event, window_days: int = 3) -> bool:
    return (
        a.cameo[:2] == b.cameo[:2]
        and _compatible(a.source, b.source)
        and _compatible(a.target, b.target)
        and _dates_agree(a, b, window_days)
    )


def _combine(group: list[Event]) -> Event:
    best = max(group, key=lambda e: (e.confidence, -PRECISION_RANK.get(e.date_precision, 5)))
    mentions, seen = [], set()
    for event in group:
        for m in event.mentions:
            key = (m.article_id, m.start, m.end)
            if key not in seen:
                seen.add(key)
                mentions.append(m)
    # The most specific code most reports agree on; the most precise date most reports give.
    codes = Counter(e.cameo for e in group)
    cameo = max(codes, key=lambda c: (codes[c], len(c)))
    dated = sorted(group, key=lambda e: PRECISION_RANK.get(e.date_precision, 5))
    top_rank = PRECISION_RANK.get(dated[0].date_precision, 5)
    day_votes = Counter(e.date for e in dated if PRECISION_RANK.get(e.date_precision, 5) == top_rank)
    chosen_date = max(day_votes, key=lambda d: (day_votes[d], d or ""))
    date_source = next(e for e in dated if e.date == chosen_date)
    facts = [e for e in group if e.claim_by is None]
    sample = next((e for e in group if e.cameo == cameo), best)
    # Independent reports raise confidence: 1 - product of the doubts, capped below certainty.
    doubt = 1.0
    for event in group:
        doubt *= 1.0 - event.confidence
    return Event(
        source=max(
            (e.source for e in group),
            key=lambda a: (a is not None, bool(a and a.actor_id), len((a and a.code) or "")),
        ),
        target=best.target,
        cameo=cameo,
        mentions=mentions,
        plover=sample.plover,
        mode=sample.mode,
        goldstein=sample.goldstein,
        date=chosen_date,
        date_precision=date_source.date_precision,
        place=next((e.place for e in group if e.place is not None), None),
        claim_by=None if facts else best.claim_by,  # one outlet stating it as fact outweighs the claims
        negated=best.negated,
        rule=best.rule,
        confidence=round(min(0.99, 1.0 - doubt), 2),
    )


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
