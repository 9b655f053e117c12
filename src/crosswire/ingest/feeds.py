"""RSS 2.0, RSS 1.0 and Atom feeds: one Article per entry.

Feeds carry either the full article (content:encoded, atom:content) or only a teaser (description,
summary). A teaser is still kept, so the story is known, but flagged: it is not the article.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from crosswire.ingest.detect import bom_encoding
from crosswire.ingest.fields import (
    drop_stale_update,
    genre_from_labels,
    outlet_name,
    parse_datetime,
    split_authors,
)
from crosswire.ingest.html import fragment_text, strip_genre_label, title_genre
from crosswire.model import Article, Problem

SUMMARY_ONLY = "summary only: the feed entry carries a summary, not the full article"


def _entry_body(entry: Any) -> tuple[str, bool]:
    """(text, summary_only) of an entry: the longest full content, else the summary."""
    contents = [c.get("value") or "" for c in entry.get("content") or [] if isinstance(c, dict)]
    full = max((fragment_text(c) for c in contents), key=len, default="")
    summary = fragment_text(entry.get("summary") or "")
    # Some feeds repeat the summary as content; only content longer than the teaser counts as full text.
    if full and len(full) >= len(summary):
        return full, False
    return summary, True


# feedparser reads "99999-01-01" as 9999-12-01 and "-0001-..." as year 1: its reading of a date with a
# sign or a number longer than a year is not taken.
_NOT_A_YEAR = re.compile(r"^\s*[+\-\u2212]\s*\d|\d{5,}")
# UTC offsets after a time ("00:00:00 +1400", "T08:00:00-05:00"): no year stands there.
_ZONES = re.compile(r"(?:\s|(?<=:\d\d))[+-]\d{2}:?\d{2}\b")


def _entry_date(entry: Any, key: str, default_timezone: str | None, warnings: list[str]) -> Any:
    # The raw string keeps the source's offset; feedparser's *_parsed values are converted to UTC.
    # dict.get skips feedparser's deprecated fallback that answers "published" with "updated".
    raw = dict.get(entry, key)
    value = parse_datetime(raw, default_timezone) if raw else None
    trusted = not (isinstance(raw, str) and _NOT_A_YEAR.search(raw))
    if value is None and trusted and dict.get(entry, f"{key}_parsed"):
        value = parse_datetime(calendar.timegm(entry[f"{key}_parsed"]))
        # feedparser reads more shapes, but also a year 0001 as 2001: its answer must keep the year.
        if (
            value is not None
            and raw
            and not re.search(rf"(?<!\d){value.year}(?!\d)", _ZONES.sub(" ", str(raw)))
        ):
            value = None
    if value is None and raw:
        shown = repr(raw) if len(repr(raw)) <= 60 else repr(raw)[:57] + "..."
        warnings.append(f"{key} {shown} is not a date crosswire can read; left out")
    return value


def _feed_outlet(sources: Any, feed: Any, entry: Any) -> str | None:
    # Aggregated feeds mix outlets, so the entry's own link decides first, then the feed's site.
    return outlet_name(sources, url=entry.get("link")) or outlet_name(
        sources, url=feed.get("link"), name=feed.get("title")
    )


# An entity declaration in the document type's internal subset: `<!DOCTYPE rss [ <!ENTITY a "...">`.
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY\b", re.IGNORECASE)
_FIRST_ELEMENT = re.compile(rb"<[A-Za-z]")


def refuse_entity_declarations(data: bytes) -> None:
    """Refuse a feed that declares its own XML entities, before any XML parser sees it.

    Nested entities expand exponentially ("billion laughs": a 1 KB file becomes gigabytes) and an
    external one (`SYSTEM "file:///etc/passwd"`) would pull a local file into the article text. News
    feeds never declare entities (they use the predefined ones and character references), so refusing
    costs nothing real and does not depend on what the XML parser underneath would do. Declarations
    can only stand in the prolog, before the root element, so article text that quotes one is not refused.
    """
    encoding = bom_encoding(data)
    if encoding and encoding != "utf-8":
        data = data.decode(encoding, errors="replace").encode("utf-8")
    root = _FIRST_ELEMENT.search(data)
    if _ENTITY_DECLARATION.search(data, 0, root.start() if root else len(data)):
        raise ValueError(
            "feed declares XML entities (<!ENTITY> in its DOCTYPE); refused: entity expansion can "
            "exhaust memory or read local files, and news feeds have no need for it"
        )


def read_feed(path: Path | str, data: bytes, context: Any) -> Iterator[Article | Problem]:
    """One Article per feed entry that has any text; a Problem warning for each one that has none."""
    import feedparser

    refuse_entity_declarations(data)
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    feed = parsed.get("feed", {})
    entries = parsed.get("entries", [])
    if parsed.get("bozo") and not entries:
        reason = parsed.get("bozo_exception")
        raise ValueError(f"malformed feed, no entries could be read ({reason})")
    if not entries:
        raise ValueError("feed has no entries")
    if parsed.get("bozo"):
        yield Problem(
            str(path),
            f"feed is not well-formed ({parsed.get('bozo_exception')}); read {len(entries)} entries anyway",
            "warning",
        )
    sources = getattr(context, "sources", None)
    default_tz = getattr(context, "default_timezone", None)
    for number, entry in enumerate(entries, start=1):
        label = entry.get("id") or entry.get("link") or f"entry {number}"
        text, summary_only = _entry_body(entry)
        if not text:
            yield Problem(
                str(path), f"feed entry {number} ({label}) has no content or summary; skipped", "warning"
            )
            continue
        tags = [t.get("term") for t in entry.get("tags") or [] if isinstance(t, dict)]
        warnings = [SUMMARY_ONLY] if summary_only else []
        published = _entry_date(entry, "published", default_tz, warnings)
        updated = _entry_date(entry, "updated", default_tz, warnings)
        if published is None:
            published, updated = updated, None
        updated = drop_stale_update(published, updated)
        title = fragment_text(entry.get("title") or "") or None
        yield Article(
            text=text,
            title=strip_genre_label(title),
            outlet=_feed_outlet(sources, feed, entry),
            url=entry.get("link"),
            source_path=str(path),
            external_id=entry.get("id") or entry.get("link"),
            authors=split_authors(entry.get("authors") or entry.get("author")),
            published=published,
            updated=updated,
            section=tags[0] if tags else None,
            genre=genre_from_labels([*tags, urlparse(entry.get("link") or "").path, title_genre(title)])
            or "news",
            warnings=warnings,
            format="feed",
        )
