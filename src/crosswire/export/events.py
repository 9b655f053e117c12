"""Events as `events.jsonl` records and as a GDELT-like event table (CSV or Parquet).

The shapes are documented in docs/output-format.md, "events.jsonl and the event table". The table keeps
GDELT 2.0's column names where the meaning is the same, so tools written for GDELT read it, and adds
crosswire's own columns (plover, mode, claim_by, rule, confidence, and what the text says of the act's
time and status: date_end, date_source, reported_on, status, negated) at the end. SQLDATE is the act's own
date, empty when the text does not date it: the publication date is `reported_on`, never SQLDATE.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from crosswire.export.cells import spreadsheet_safe
from crosswire.knowledge.actor_codes import NOT_COUNTRIES
from crosswire.model import Event, EventActor
from crosswire.stories.briefing import event_doubted, kind_of, mirrors, shown

# CAMEO roots by GDELT's QuadClass: verbal cooperation, material cooperation, verbal conflict, material conflict.
QUAD_CLASS = {
    **{r: 1 for r in ("01", "02", "03", "04", "05")},
    **{r: 2 for r in ("06", "07", "08")},
    **{r: 3 for r in ("09", "10", "11", "12", "13", "14")},
    **{r: 4 for r in ("15", "16", "17", "18", "19", "20")},
}
# What GDELT puts in Actor?Type1Code: a role or an organisation type (crosswire.knowledge.actor_codes).
TYPE_CODES = NOT_COUNTRIES

COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "DatePrecision",
    "Actor1Name", "Actor1Code", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Name", "Actor2Code", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
    "SOURCEURL",
    "plover", "mode", "claim_by", "rule", "confidence",
    "date_end", "date_source", "reported_on", "status", "negated",
)  # fmt: skip


def _actor_dict(actor: EventActor | None) -> dict[str, Any] | None:
    return None if actor is None else {"name": actor.name, "code": actor.code, "actor_id": actor.actor_id}


def event_record(event: Event) -> dict[str, Any]:
    """The `events.jsonl` line for one event."""
    place = event.place
    return {
        "id": event.id,
        "article_ids": event.article_ids,
        "mentions": [
            {
                "article_id": m.article_id,
                "start": m.start,
                "end": m.end,
                "sentence": m.sentence,
                "outlet": m.outlet,
                "status": m.status,
                "negated": m.negated,
                "date": m.date,
                "date_end": m.date_end,
                "date_source": m.date_source,
            }
            for m in event.mentions
        ],
        "source": _actor_dict(event.source),
        "target": _actor_dict(event.target),
        "cameo": event.cameo,
        "plover": event.plover,
        "mode": event.mode,
        "goldstein": event.goldstein,
        "date": event.date,
        "date_precision": event.date_precision,
        "date_end": event.date_end,
        "date_source": event.date_source,
        "reported_on": event.reported_on,
        "status": event.status,
        "negated": event.negated,
        "place": None
        if place is None
        else {"name": place.name, "country": place.country, "lat": place.lat, "lon": place.lon},
        "claim_by": event.claim_by,
        "rule": event.rule,
        "confidence": event.confidence,
    }


def _split_code(code: str | None) -> tuple[str | None, str | None]:
    """("PRK", "GOV") for "PRKGOV"; (None, "GOV") for a bare role; (None, None) for no code."""
    if not code:
        return None, None
    head, rest = code[:3], code[3:6] or None
    if head in TYPE_CODES:
        return None, head
    return head, rest


def event_row(event: Event, urls: Mapping[str, str] | None = None) -> dict[str, Any]:
    """One GDELT-like row; `urls` maps article ids to their URLs for SOURCEURL."""
    a1c, a1t = _split_code(event.source.code)
    a2c, a2t = _split_code(event.target.code if event.target else None)
    articles = event.article_ids
    outlets = {m.outlet or m.article_id for m in event.mentions}
    url = next((urls[a] for a in articles if urls and urls.get(a)), None)
    place = event.place
    return {
        "GLOBALEVENTID": event.id,
        "SQLDATE": int(event.date.replace("-", "")[:8]) if event.date and len(event.date) >= 10 else None,
        "DatePrecision": event.date_precision,
        "Actor1Name": event.source.name,
        "Actor1Code": event.source.code,
        "Actor1CountryCode": a1c,
        "Actor1Type1Code": a1t,
        "Actor2Name": event.target.name if event.target else None,
        "Actor2Code": event.target.code if event.target else None,
        "Actor2CountryCode": a2c,
        "Actor2Type1Code": a2t,
        # GDELT's root event is one reported in the lead; an article's first 600 characters stand in for it.
        "IsRootEvent": int(any(m.start < 600 for m in event.mentions)),
        "EventCode": event.cameo,
        "EventBaseCode": event.cameo[:3],
        "EventRootCode": event.cameo[:2],
        "QuadClass": QUAD_CLASS.get(event.cameo[:2]),
        "GoldsteinScale": event.goldstein,
        "NumMentions": len(event.mentions),
        "NumSources": len(outlets),
        "NumArticles": len(articles),
        "ActionGeo_FullName": place.name if place else None,
        "ActionGeo_CountryCode": place.country if place else None,
        "ActionGeo_Lat": place.lat if place else None,
        "ActionGeo_Long": place.lon if place else None,
        "SOURCEURL": url,
        "plover": event.plover,
        "mode": event.mode,
        "claim_by": event.claim_by,
        "rule": event.rule,
        "confidence": event.confidence,
        "date_end": event.date_end,
        "date_source": event.date_source,
        "reported_on": event.reported_on,
        "status": event.status,
        "negated": int(event.negated),
    }


def write_events_jsonl(events: Iterable[Event], path: str | os.PathLike[str]) -> int:
    """Write `events.jsonl` (via NAME.part, renamed when whole); returns the number of lines."""
    path = Path(path)
    part = path.with_name(path.name + ".part")
    count = 0
    events = list(events)
    mirrored = mirrors(events)
    with open(part, "w", encoding="utf-8", newline="\n") as handle:
        for event in events:
            record = event_record(event)
            # How the briefing shows it (stories/briefing.py): a fact, a statement, the mirror image of
            # another event ("Putin met North Korea" beside "Kim met Russia"), shown once, or doubted
            # (confidence under the precision gate's threshold: listed apart as less certain).
            record["shown_as"] = (
                "mirror" if event.id in mirrored else "doubted" if event_doubted(event) else kind_of(event)
            )
            record["mirror_of"] = mirrored.get(event.id)
            view = shown(event)  # the statement, status and date every view shows (one rule)
            record["statement"] = view.pop("statement")
            record["shown"] = view
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    os.replace(part, path)
    return count


def write_event_table(
    events: Iterable[Event],
    path: str | os.PathLike[str],
    format: str = "csv",
    urls: Mapping[str, str] | None = None,
) -> int:
    """Write the GDELT-like table as CSV or Parquet; returns the number of rows."""
    if format not in ("csv", "parquet"):
        raise ValueError(f"{path}: unknown event table format {format!r}: choose csv or parquet")
    path = Path(path)
    part = path.with_name(path.name + ".part")
    rows = [event_row(e, urls) for e in events]
    if format == "csv":
        with open(part, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows({name: spreadsheet_safe(value) for name, value in row.items()} for row in rows)
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist(rows, schema=_schema(pa)), part)
    os.replace(part, path)
    return len(rows)


def _schema(pa: Any) -> Any:
    ints = {"SQLDATE", "IsRootEvent", "QuadClass", "NumMentions", "NumSources", "NumArticles", "negated"}
    floats = {"GoldsteinScale", "ActionGeo_Lat", "ActionGeo_Long", "confidence"}
    return pa.schema(
        [(c, pa.int64() if c in ints else pa.float64() if c in floats else pa.string()) for c in COLUMNS]
    )
