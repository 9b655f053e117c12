"""Field normalisers the structured readers (HTML, feeds, WARC, JSONL) share: dates, authors, genre, outlet."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from crosswire.ingest.datetimes import SIGNED_YEAR, zone_named
from crosswire.ingest.datetimes import parse_datetime as written_datetime
from crosswire.model import Article

# Genre labels as outlets print them in sections, meta tags, feed categories and URL paths, most specific
# first: an "Opinion / Editorial" section is an editorial, a "News Analysis" section is analysis.
_GENRE_LABELS = (
    ("editorial", re.compile(r"\beditorials?\b")),
    ("analysis", re.compile(r"\b(?:news[\s_-]?)?analysis\b|\bexplainer\b")),
    ("commentary", re.compile(r"\bcommentary\b")),
    ("opinion", re.compile(r"\bopinions?\b|\bop[\s-]?eds?\b|\bcolumns?\b|\bcolumnists?\b|\bviewpoints?\b")),
)
_BYLINE_PREFIX = re.compile(r"^\s*(?:by|from)\s+", re.IGNORECASE)
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|\||\band\b|&)\s*", re.IGNORECASE)
_EMAIL_NAME = re.compile(r"^[^\s@()]+@[^\s@()]+(?:\s*\((.*)\))?$")
_SPACE = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def genre_from_labels(labels: Iterable[str | None]) -> str | None:
    """The genre named by any of `labels` (sections, categories, URL path), or None for plain news."""
    text = " | ".join(label.lower().replace("/", " ") for label in labels if label)
    for genre, pattern in _GENRE_LABELS:
        if pattern.search(text):
            return genre
    return None


def split_authors(value: Any) -> list[str]:
    """Author names from a list, or from a string such as "By A and B" / "A; B"."""
    if value is None:
        return []
    items = value if isinstance(value, list | tuple) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, dict):  # feed / JSON-LD style {"name": ...}
            item = item.get("name")
        if not isinstance(item, str):
            continue
        # RSS <author> is "e-mail (Name)"; a bare address names nobody.
        emailed = _EMAIL_NAME.match(item.strip())
        if emailed:
            item = emailed.group(1) or ""
        for part in _AUTHOR_SPLIT.split(_BYLINE_PREFIX.sub("", item)):
            # "Kim Ji-eun, staff reporter": the role is not part of the name
            name = part.split(",")[0].strip(" .\t\n")
            if name and len(name) <= 80 and name not in names:
                names.append(name)
    return names


def drop_stale_update(published: datetime | None, updated: datetime | None) -> datetime | None:
    """`updated` when it is really later than `published` (an update equal to or before it says nothing)."""
    if updated is None or published is None:
        return updated
    if (updated.tzinfo is None) != (published.tzinfo is None):
        return updated  # one naive, one aware: not comparable, keep what the source said
    return updated if updated > published else None


def parse_datetime(value: Any, default_timezone: str | None = None) -> datetime | None:
    """A datetime from ISO 8601, RFC 822 (feeds), a Unix timestamp, or a looser written date.

    The offset the source gives is kept; a naive value gets `default_timezone` when one is set.
    """
    result: datetime | None = None
    if isinstance(value, datetime):
        result = value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        return _unix_time(float(value))
    elif isinstance(value, str) and value.strip():
        result = _parse_date_string(value.strip())
    if result is None:
        return None
    zone = zone_named(default_timezone)
    if result.tzinfo is None and zone is not None:
        result = result.replace(tzinfo=zone)
    return result


# A number is read as a Unix time only where it can be one for news: seconds from 1973-03-03 (a smaller number,
# "2019" or "20190425", is a year or a compact date written as a number, not a moment in 1970) and
# milliseconds, as JavaScript and many APIs write them, from 1973 on.
UNIX_SECONDS_FROM = 1e8
UNIX_MILLISECONDS_FROM = 1e11


def _unix_time(value: float) -> datetime | None:
    if value != value or value < UNIX_SECONDS_FROM:  # NaN, or a number that is no timestamp
        return None
    seconds = value / 1000 if value >= UNIX_MILLISECONDS_FROM else value
    try:
        return datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _parse_date_string(text: str) -> datetime | None:
    if len(text) > 100 or SIGNED_YEAR.match(text):
        return None  # "-0001-01-01" is no year 1 (dateparser drops the sign)
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    except ValueError:
        pass
    try:
        # RFC 822 has no AM/PM: its reader would take "4:26 PM" for 04:26.
        parsed = None if _AM_PM.search(text) else parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):  # "08:00:99999999999900": no time
        parsed = None
    if parsed is not None:
        return parsed if written_year_is(parsed, text) else None
    # A date written out, read as a dateline is ("April 29, 2019 4:26 PM" at 16:26, not 04:26), and
    # never "2020" as 2020 with today's day and month, nor "yesterday" as the day before the ingest.
    return written_datetime(text)


_AM_PM = re.compile(r"\d\s*[ap]\.?\s?m\b", re.IGNORECASE)
# The year of an RFC 822 date: the number after the month name ("Fri, 31 Dec 9999 23:59:59 -2359").
_RFC822_YEAR = re.compile(r"\b[a-z]{3}[a-z]*\.?\s+(\d+)\b", re.IGNORECASE)


def written_year_is(value: datetime, text: str) -> bool:
    """False when `text` writes its year with three or four digits and `value` has another one: the
    RFC 822 reader takes any year under 100 for a two-digit one, so "01 Jan 0001" came out as 2001."""
    found = _RFC822_YEAR.search(text)
    return found is None or len(found.group(1)) <= 2 or int(found.group(1)) == value.year


def clean_paragraphs(text: str) -> str:
    """Collapse spaces inside lines and keep one blank line between paragraphs."""
    lines = [
        _SPACE.sub(" ", line).strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ]
    paragraphs = _BLANK_LINES.split("\n".join(lines))
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())


def outlet_name(sources: Any, url: str | None = None, name: str | None = None) -> str | None:
    """The registry's name for the outlet at `url`, or called `name` (a site name or feed title)."""
    if sources is None:
        return None
    outlet = sources.match(url=url) if url else None
    if outlet is None and name:
        outlet = sources.by_name(name) or sources.match(text=name)
    return outlet.name if outlet is not None else None


# Characters no article needs and stores or terminals mishandle: NUL (PostgreSQL refuses it in text),
# the other C0 and C1 controls and DEL (ESC and CSI start terminal escape sequences), and lone UTF-16
# surrogates (from a JSON "\ud800" escape; no UTF-8 encoder accepts them). Tab and line breaks stay;
# vertical tab and form feed, which old text files use as page breaks, become line breaks.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_PAGE_BREAKS = re.compile(r"[\x0b\x0c]")
_ONE_LINE_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]+")


def strip_controls(text: str) -> tuple[str, int]:
    """`text` without control characters and lone surrogates (page breaks as line breaks), and how
    many characters were dropped."""
    cleaned, dropped = _CONTROLS.subn("", text)
    return _PAGE_BREAKS.sub("\n", cleaned), dropped


def one_line(value: str | None) -> str | None:
    """A title, name or URL on one line: control characters, line breaks and runs of spaces as one space."""
    if value is None:
        return None
    cleaned = " ".join(_ONE_LINE_CONTROLS.sub(" ", value).split())
    return cleaned or None


def record_label(article: Article) -> str:
    """How a message names one article of a file that holds many: its id, else title, else URL."""
    if article.external_id:
        return f"record {_short(article.external_id)!r}"
    if article.title:
        return f"article {_short(article.title)!r}"
    if article.url:
        return f"article at {_short(article.url)}"
    return "article"


def _short(value: str, width: int = 80) -> str:
    return value if len(value) <= width else value[: width - 1] + "\u2026"


def utc_range_problem(value: datetime | None) -> str | None:
    """Why `value` cannot be stored, or None: a date at the edge of the calendar whose offset carries
    it past year 1 or 9999 once converted to UTC (`9999-12-31T23:59:59-23:59`)."""
    if value is None or value.tzinfo is None:
        return None
    try:
        value.astimezone(UTC)
    except (OverflowError, ValueError):
        return f"{value.isoformat()} is outside the calendar once converted to UTC"
    return None


def clean_text_fields(article: Article) -> None:
    """Take out what one hostile record could otherwise use to stop a whole batch from being stored,
    or to reach a terminal: control characters and lone surrogates, from every text field. Text
    lost from the body is recorded in `article.warnings`."""
    article.text, dropped = strip_controls(article.text)
    if dropped:
        article.warnings.append(
            f"removed {dropped} control character(s) (NUL, escape or an unpaired surrogate) from the text"
        )
    article.title = one_line(article.title)
    article.outlet = one_line(article.outlet)
    article.url = one_line(article.url)
    article.external_id = one_line(article.external_id)
    article.section = one_line(article.section)
    article.genre = one_line(article.genre)
    article.language = one_line(article.language)
    article.authors = [name for name in (one_line(a) for a in article.authors) if name]
    article.author_roles = {
        clean: one_line(role) or ""
        for name, role in article.author_roles.items()
        if (clean := one_line(name)) is not None
    }
    article.captions = [c for c in (strip_controls(caption)[0] for caption in article.captions) if c.strip()]


def drop_unstorable_dates(article: Article) -> None:
    """Leave out (with a warning) a published or updated date that overflows in UTC: stored, it would
    stop the whole batch, and no article was published in year 0 or 10000."""
    for name in ("published", "updated"):
        problem = utc_range_problem(getattr(article, name))
        if problem is not None:
            setattr(article, name, None)
            article.warnings.append(f"{name} date {problem}; left out")
