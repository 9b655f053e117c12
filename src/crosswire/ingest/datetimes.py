"""Publication and update datetimes as news pages print them, with their time zones.

Pages print dates in a handful of shapes ("2019-04-29 16:26 KST", "April. 29, 2019 07:42",
"12 March 2021 | 10:05 GMT"), so regular expressions read almost all of them quickly; dateparser
(slow) is only the fallback for a line already known to carry a date. A time printed without a zone
is local to the outlet, so `localise` attaches the zone of the outlet's country.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from crosswire.knowledge.months import MONTH_WORDS, month_number

# Zone abbreviations seen in datelines. Fixed offsets where the abbreviation already says whether
# summer time applies (EST vs EDT); a region where it does not ("ET"). CST is China Standard Time:
# crosswire's corpora are about East Asia, where that is what "CST" means.
_FIXED_ZONES = {
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "KST": 9 * 60,
    "JST": 9 * 60,
    "CST": 8 * 60,
    "HKT": 8 * 60,
    "SGT": 8 * 60,
    "PHT": 8 * 60,
    "ICT": 7 * 60,
    "WIB": 7 * 60,
    "IST": 5 * 60 + 30,
    "MSK": 3 * 60,
    "EET": 2 * 60,
    "EEST": 3 * 60,
    "CET": 60,
    "CEST": 2 * 60,
    "BST": 60,
    "WET": 0,
    "WEST": 60,
    "EST": -5 * 60,
    "EDT": -4 * 60,
    "CDT": -5 * 60,
    "MST": -7 * 60,
    "MDT": -6 * 60,
    "PST": -8 * 60,
    "PDT": -7 * 60,
    "AEST": 10 * 60,
    "AEDT": 11 * 60,
}
_REGION_ZONES = {"ET": "America/New_York", "PT": "America/Los_Angeles", "CT": "America/Chicago"}

# The zone of an outlet's home country (its capital's zone where a country has several).
_COUNTRY_ZONES = {
    "KOR": "Asia/Seoul",
    "PRK": "Asia/Pyongyang",
    "JPN": "Asia/Tokyo",
    "CHN": "Asia/Shanghai",
    "HKG": "Asia/Hong_Kong",
    "TWN": "Asia/Taipei",
    "RUS": "Europe/Moscow",
    "USA": "America/New_York",
    "GBR": "Europe/London",
    "FRA": "Europe/Paris",
    "DEU": "Europe/Berlin",
    "ESP": "Europe/Madrid",
    "ITA": "Europe/Rome",
    "QAT": "Asia/Qatar",
    "VNM": "Asia/Ho_Chi_Minh",
    "SGP": "Asia/Singapore",
    "IND": "Asia/Kolkata",
    "AUS": "Australia/Sydney",
    "CAN": "America/Toronto",
    "TUR": "Europe/Istanbul",
    "LVA": "Europe/Riga",
    "MNG": "Asia/Ulaanbaatar",
    "THA": "Asia/Bangkok",
    "PHL": "Asia/Manila",
    "IDN": "Asia/Jakarta",
    "MYS": "Asia/Kuala_Lumpur",
    "UKR": "Europe/Kyiv",
    "ISR": "Asia/Jerusalem",
    "IRN": "Asia/Tehran",
    "ARE": "Asia/Dubai",
    "BRA": "America/Sao_Paulo",
    "MEX": "America/Mexico_City",
}

_MON = rf"(?P<mon>{MONTH_WORDS})\.?"
_ZONE_NAMES = "|".join(sorted([*_FIXED_ZONES, *_REGION_ZONES], key=len, reverse=True))
_ZONE = (
    r"(?:\s*\(?(?P<tz>(?:UTC|GMT)\s*[+-]\s*\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|"
    rf"(?<![A-Za-z])(?:{_ZONE_NAMES})(?![A-Za-z]))\)?)?"
)
_TIME = (
    r"(?:\s*(?:,|\||at|-|–|—|•|·|/|T)?\s*(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<ampm>[ap]\.?\s?m\.?)?)?"
)
_DATE_SHAPES = [
    # (?<!\d): "99999-01-01" is no date, not 9999-01-01.
    re.compile(rf"(?<!\d)(?P<y>\d{{4}})[-/.](?P<m>\d{{1,2}})[-/.](?P<d>\d{{1,2}})(?!\d){_TIME}{_ZONE}", re.I),
    re.compile(rf"\b{_MON}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?!\d){_TIME}{_ZONE}", re.I),
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MON},?\s+(?P<y>\d{{4}})(?!\d){_TIME}{_ZONE}", re.I),
]
# A time printed before its date: "10:05 GMT, 12 March 2021".
_LOOSE_TIME = re.compile(
    rf"(?<![\d:])(?P<h>\d{{1,2}}):(?P<mi>\d{{2}})\s*(?P<ampm>[ap]\.?\s?m\.?)?{_ZONE}", re.I
)

# Dateline labels: what a page prints before its publication or update time.
_LABELS = re.compile(
    r"(?P<label>first\s+published|published|posted|created|issued|released|dated|date|"
    r"last\s+updated|last\s+modified|updated|modified|edited|revised|입력|수정)"
    r"(?:\s+(?:on|at))?\s*[:：]?\s*",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\d{4}")
# An ISO 8601 expanded year ("-0001-01-01", "+12019-01-01"): before year 1 or after 9999, no date a
# datetime holds. Read loosely, "-0001-01-01" was year 1, silently.
SIGNED_YEAR = re.compile(r"[+\-\u2212]\s*\d")
_UPDATE_LABELS = ("updated", "modified", "edited", "revised", "수정")
_WEEKDAY = re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?", re.IGNORECASE)
_LEFTOVER = re.compile(r"[\s,|/•·–—()-]+")


def _offset(tz: str) -> tzinfo | None:
    tz = tz.strip()
    upper = tz.upper().replace(" ", "")
    if upper in _FIXED_ZONES:
        return timezone(timedelta(minutes=_FIXED_ZONES[upper]))
    if upper in _REGION_ZONES:
        return ZoneInfo(_REGION_ZONES[upper])
    m = re.fullmatch(r"(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?", upper)
    if not m:
        return None
    minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
    if minutes > 14 * 60:
        return None
    return timezone(timedelta(minutes=minutes if m.group(1) == "+" else -minutes))


def _build(m: re.Match[str], text: str) -> tuple[datetime, bool] | None:
    parts = m.groupdict()
    month = month_number(parts["mon"]) if parts.get("mon") else int(parts["m"])
    hour, minute, second = 0, 0, 0
    zone_text = parts.get("tz")
    has_time = parts.get("h") is not None
    if has_time:
        hour, minute, second = int(parts["h"]), int(parts["mi"]), int(parts["s"] or 0)
        ampm = parts.get("ampm")
    else:
        loose = _LOOSE_TIME.search(text[: m.start()]) or _LOOSE_TIME.search(text[m.end() :])
        ampm = None
        if loose:
            has_time = True
            hour, minute = int(loose["h"]), int(loose["mi"])
            ampm, zone_text = loose["ampm"], zone_text or loose["tz"]
    if ampm:
        if hour > 12:
            return None
        hour = hour % 12 + (12 if ampm.lower().startswith("p") else 0)
    try:
        value = datetime(int(parts["y"]), month, int(parts["d"]), hour, minute, second)
    except ValueError:
        return None
    if zone_text:
        zone = _offset(zone_text)
        if zone is None:
            return None  # "10:00+25:00": read without its zone the time would be hours off, silently
        value = value.replace(tzinfo=zone)
    return value, has_time


def find_datetime(text: str) -> datetime | None:
    """The first date (with its time and zone when printed) in `text`, naive when no zone is printed."""
    best: tuple[int, datetime] | None = None
    for shape in _DATE_SHAPES:
        for m in shape.finditer(text):
            built = _build(m, text)
            if built is not None and (best is None or m.start() < best[0]):
                best = (m.start(), built[0])
                break
    return best[1] if best else None


def _leftover_words(line: str) -> int | None:
    # Words left on a line once its date, time and weekday are taken out; None when it has no date.
    for shape in _DATE_SHAPES:
        m = shape.search(line)
        if m and _build(m, line) is not None:
            rest = _LOOSE_TIME.sub(" ", _WEEKDAY.sub(" ", line[: m.start()] + " " + line[m.end() :]))
            return len(_LEFTOVER.sub(" ", rest).split())
    return None


def is_date_only(line: str) -> bool:
    """True for a line that holds a date and nothing else ("Monday, April 29, 2019 10:05 GMT")."""
    return _leftover_words(line) == 0


def parse_datetime(value: str) -> datetime | None:
    """A datetime from a value meant to be one (manifest cell, front matter, labelled dateline)."""
    value = value.strip()
    if not value or SIGNED_YEAR.match(value):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00") if value.endswith("Z") else value)
    except ValueError:
        pass
    found = find_datetime(value)
    if found is not None:
        return found
    return written_date(value)


def written_date(value: str) -> datetime | None:
    """A date written out ("April 29, 2019", "29 Apr 2019 4:26 PM"), or None: every part of the day
    must be written, since a missing one would be filled in from the day crosswire runs."""
    # Slow (it loads its language data on first use), so only for values known to be dates. Relative
    # dates ("3 days ago") are refused: they would resolve against the day crosswire runs.
    if not re.search(r"\d", value) or len(value) > 80:
        return None
    import dateparser

    try:
        return dateparser.parse(
            value,
            languages=["en"],
            settings={
                "PARSERS": ["custom-formats", "absolute-time"],
                "REQUIRE_PARTS": ["day", "month", "year"],
            },
        )
    except (ValueError, OverflowError, TypeError, AttributeError):
        return None


def dateline(line: str) -> list[tuple[str, datetime]] | None:
    """("published"|"updated", datetime) pairs from a dateline, or None when `line` is not one.

    "Posted on : 2019-04-29 16:26 KST Modified on : 2019-04-29 16:26 KST" gives both; a line holding
    only a date gives ("published", date). A sentence that merely contains a date is not a dateline.
    """
    if len(line) > 200:  # datelines are short; body paragraphs are not worth the regexes
        return None
    text = line.strip().lstrip("|•·-–— ").strip()
    # This runs on every short line of a page, so the common "no" is decided by cheap tests: a
    # dateline either opens with a label or is a date alone, and every date shape has a 4-digit year.
    if _LABELS.match(text):
        starts = list(_LABELS.finditer(text))
        found: list[tuple[str, datetime]] = []
        for i, m in enumerate(starts):
            end = starts[i + 1].start() if i + 1 < len(starts) else len(text)
            segment = text[m.end() : end].strip(" ,|:")
            # A labelled segment is the date and little else ("... 07:42 Seoul time"); a sentence
            # that starts with "Released on 12 March, the report ..." is not a dateline.
            leftover = _leftover_words(segment)
            if leftover is None:
                value = written_date(segment) if 0 < len(segment.split()) <= 6 else None
            else:
                value = find_datetime(segment) if leftover <= 2 else None
            if value is None:
                continue
            label = m.group("label").lower()
            found.append(
                (
                    "updated"
                    if label.startswith(_UPDATE_LABELS) or "updated" in label or "modified" in label
                    else "published",
                    value,
                )
            )
        if found and len(text) < 160:
            return found
        return None
    if len(text) < 80 and _YEAR.search(text) and is_date_only(text):
        value = find_datetime(text)
        return [("published", value)] if value else None
    return None


@cache
def zone_for_country(iso3: str | None) -> tzinfo | None:
    """The time zone of a country (ISO 3166-1 alpha-3), None when unknown."""
    if not iso3:
        return None
    name = _COUNTRY_ZONES.get(iso3.upper())
    if name is None:
        name = _zone_from_pytz(iso3.upper())
    if name is None:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _zone_from_pytz(iso3: str) -> str | None:
    # Countries outside the table: pycountry gives the alpha-2 code pytz's country table uses.
    try:
        import pycountry
        import pytz
    except ImportError:
        return None
    country = pycountry.countries.get(alpha_3=iso3)
    zones = pytz.country_timezones.get(country.alpha_2) if country else None
    return zones[0] if zones else None


def zone_named(name: str | None) -> tzinfo | None:
    """A zone from an IANA name ("Asia/Seoul") or an abbreviation/offset ("KST", "+09:00")."""
    if not name:
        return None
    fixed = _offset(name)
    if fixed is not None:
        return fixed
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def localise(value: datetime | None, *zones: tzinfo | None) -> datetime | None:
    """`value` with the first known zone attached when it was printed without one."""
    if value is None or value.tzinfo is not None:
        return value
    for zone in zones:
        if zone is not None:
            return value.replace(tzinfo=zone)
    return value
