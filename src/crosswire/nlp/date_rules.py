"""Resolve one temporal expression's words to dates: the rules behind `nlp.dates`.

`resolve(text, published=..., mention=...)` is a pure function of the expression's words and two anchors:
the article's publication date (for "yesterday", "last month", "on Friday", and for the year of "Apr. 26")
and the date of the event the sentence is already talking about (for "the previous day", "two days later").
Rules run in a fixed order, each named in `Resolution.rule` so that a wrong date can be traced to the rule
that produced it. Expressions that need an anchor that is missing come back with precision "unresolved";
absolute ones ("April 26, 2019", "in 2016", "2016-2017") never need one.

Calendar units come back with their first day as `value` and their last as `end_value` (precision "month"
or "year"); other stretches ("next week", "by the end of the year", "2016-2017") have precision "range";
lengths of time ("nearly 70 years", "three days") have precision "duration" and no value.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from crosswire.knowledge.months import MONTH_WORDS, month_number

MONTH_RE = rf"(?:{MONTH_WORDS})\.?"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_RE = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "hundred": 100, "a few": 3, "few": 3,
    "several": 3, "a couple of": 2, "couple of": 2,
}  # fmt: skip
NUMBER_RE = r"(?:\d+(?:\.\d+)?|" + "|".join(sorted(map(re.escape, NUMBER_WORDS), key=len, reverse=True)) + ")"
UNIT_RE = r"(?:second|minute|hour|day|night|week|fortnight|month|year|decade|centur(?:y|ie))s?"
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
TIME_OF_DAY_RE = (
    r"(?:(?:early|late|around|about|at|on)\s+)*(?:\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|\d{1,2}:\d{2}"
    r"|noon|midday|midnight|dawn|dusk|morning|afternoon|evening|night|late-night|overnight|nightfall)"
    r"(?:\s+(?:local time|[a-z]{2,4}))?"
)


@dataclass(frozen=True)
class Resolution:
    """What an expression resolved to; `anchor` names the date it was read against."""

    value: str | None
    end_value: str | None
    precision: str
    anchor: str | None
    rule: str


def unresolved(rule: str) -> Resolution:
    return Resolution(None, None, "unresolved", None, rule)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift(day: date, count: int, unit: str) -> date:
    """`day` moved by `count` calendar units (negative: back)."""
    unit = unit.rstrip("s")
    if unit in ("day", "night"):
        return day + timedelta(days=count)
    if unit == "week":
        return day + timedelta(weeks=count)
    if unit == "fortnight":
        return day + timedelta(weeks=2 * count)
    if unit == "month":
        return add_months(day, count)
    if unit == "year":
        return add_months(day, 12 * count)
    if unit == "decade":
        return add_months(day, 120 * count)
    return day  # seconds, minutes, hours: the same day


def nearest_year(month: int, day: int | None, anchor: date, future: bool) -> int:
    """The year that puts month/day nearest the anchor; news is mostly about the past, so a date after the
    anchor counts double unless the sentence speaks of the future."""
    best_year, best_cost = anchor.year, None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidate = date(year, month, min(day or 1, calendar.monthrange(year, month)[1]))
        except ValueError:
            continue
        gap = (candidate - anchor).days
        cost = abs(gap) * (2 if gap > 0 and not future else 1)
        if gap < 0 and future:
            cost *= 2
        if best_cost is None or cost < best_cost:
            best_year, best_cost = year, cost
    return best_year


def _number(word: str) -> float:
    word = word.strip().lower()
    return float(word) if word[0].isdigit() else float(NUMBER_WORDS[word])


def _iso(day: date) -> str:
    return day.isoformat()


def _point(day: date, anchor: str | None, rule: str) -> Resolution:
    return Resolution(_iso(day), None, "day", anchor, rule)


def _span(first: date, last: date, precision: str, anchor: str | None, rule: str) -> Resolution:
    return Resolution(_iso(first), _iso(last), precision, anchor, rule)


def _tag(kind: str, day: date | None) -> str | None:
    return f"{kind}:{day.isoformat()}" if day else None


def clean(text: str) -> str:
    """Lower case, curly apostrophes folded, possessive and outer articles/prepositions dropped."""
    text = text.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    text = re.sub(r"'s$", "", text.strip())
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"^(?:on|in|during|at|from|of|as of)\s+", "", text).strip(" ,.")


# --- the rules, each (pattern, handler); handlers return None to let later rules try ---------------------

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")  # US order, as English-language wires write it
_MONTH_DAY = re.compile(
    rf"^(?:(?:early|late|mid)[- ])?(?:{WEEKDAY_RE},?\s+)?({MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?"
    r"(?:,?\s+(\d{4}))?$"
)
_DAY_MONTH = re.compile(
    rf"^(?:{WEEKDAY_RE},?\s+)?(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_RE}),?(?:\s+(\d{{4}}))?$"
)
_MONTH_YEAR = re.compile(rf"^(?:(early|late|mid|the end of|end of|the beginning of|the start of)[- ])?"
                         rf"({MONTH_RE})(?:,?\s+(?:of\s+)?(\d{{4}}))?$")  # fmt: skip
_YEAR_RANGE = re.compile(
    r"^(?:between\s+|from\s+)?(1[89]\d\d|20\d\d)\s*(?:-|to|and|through|until)\s*(\d{2,4})$"
)
_DECADE = re.compile(r"^(?:the\s+)?(?:early\s+|late\s+|mid-)?(1[89]\d|20\d)0'?s$")
_YEAR = re.compile(r"^(?:the\s+)?(?:(early|late|mid|end of|the end of)[- ]?)?(?:year\s+)?(1[89]\d\d|20\d\d)$")
_AGO = re.compile(rf"^(?:about|around|nearly|almost|some|more than|over|just|only)?\s*({NUMBER_RE})\s+({UNIT_RE})"
                  r"\s+(ago|earlier|before|later|after|on|since)$")  # fmt: skip
_WINDOW = re.compile(rf"^(?:over|in|during|for|within)?\s*(?:the\s+)?(past|last|previous|next|coming|following)"
                     rf"\s+({NUMBER_RE})\s+({UNIT_RE})$")  # fmt: skip
_DURATION = re.compile(
    rf"^(?:for\s+)?(?:about|around|nearly|almost|some|more than|over|at least|less than|up to|just|only|"
    rf"roughly|well over|the)?\s*({NUMBER_RE})(?:\s+or\s+(?:so|more))?\s+(?:more\s+|full\s+|long\s+)?"
    rf"({UNIT_RE})(?:\s+or\s+(?:so|more))?(?:\s+long)?$"
)
_DEICTIC_DAY = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0, "earlier today": 0,
    "later today": 0, "yesterday": -1, "yesterday morning": -1, "yesterday afternoon": -1,
    "yesterday evening": -1, "last night": -1, "tomorrow": 1, "tomorrow morning": 1,
    "the day before yesterday": -2, "the day after tomorrow": 2,
}  # fmt: skip
_MENTION_DAY = {
    "the previous day": -1, "previous day": -1, "the day before": -1, "a day earlier": -1, "the prior day": -1,
    "the preceding day": -1, "one day earlier": -1, "a day before": -1, "the previous night": -1,
    "the night before": -1, "the next day": 1, "next day": 1, "the following day": 1, "a day later": 1,
    "the day after": 1, "one day later": 1, "the same day": 0, "that day": 0, "the same night": 0,
    "that night": 0, "that morning": 0, "that evening": 0, "that afternoon": 0,
}  # fmt: skip
_WEEKDAY = re.compile(
    rf"^(?:(this past|this coming|last|past|next|coming|this|early|late|on)\s+)?({WEEKDAY_RE})\.?"
    r"(?:\s+(?:morning|afternoon|evening|night|last week|next week))?$"
)
_RELATIVE_UNIT = re.compile(
    r"^(?:(earlier|later|early|late)\s+)?(?:the\s+)?(last|past|previous|this|next|coming|current|following|"
    r"the following|the previous)\s+(week|weekend|month|year|spring|summer|autumn|fall|winter)$"
)
_END_OF = re.compile(
    r"^(?:by\s+)?(?:the\s+)?(end|close|beginning|start|middle|turn)\s+of\s+(?:the\s+|this\s+|next\s+|last\s+)?"
    r"(year|month|week|(1[89]\d\d|20\d\d))$|^(year)-end$"
)
_TIME_OF_DAY = re.compile(rf"^{TIME_OF_DAY_RE}$")


def resolve(
    text: str,
    *,
    published: date | None,
    mention: date | None = None,
    future: bool = False,
    prefix: str = "",
) -> Resolution:
    """Resolve one expression. `prefix` is the word before it when it changes the meaning ("by", "since")."""
    words = clean(text)
    pub = _tag("published", published)
    try:
        res = _absolute(words, published, pub, future)
        if res is None:
            res = _relative(words, published, mention, pub, future)
    except (OverflowError, ValueError):
        # "99999999 days ago", "last Friday" read against 1 January of year 1: the answer lies outside
        # the calendar Python can represent (years 1-9999), so there is no date to give.
        return unresolved("out_of_calendar")
    if res is None:
        return unresolved("no_rule")
    return _apply_prefix(res, prefix.lower(), published, pub)


def _apply_prefix(res: Resolution, prefix: str, published: date | None, pub: str | None) -> Resolution:
    """'by the end of the year' runs from now to the year's end; 'since 2016' from then to now."""
    if res.value is None or published is None:
        return res
    if prefix in ("by", "until", "till", "through") and res.value > published.isoformat():
        return Resolution(
            published.isoformat(), res.end_value or res.value, "range", pub, f"{prefix}+{res.rule}"
        )
    if prefix == "since" and res.value < published.isoformat():
        return Resolution(res.value, published.isoformat(), "range", pub, f"since+{res.rule}")
    return res


def _absolute(words: str, published: date | None, pub: str | None, future: bool) -> Resolution | None:
    if m := _ISO.match(words):
        return _safe_day(int(m[1]), int(m[2]), int(m[3]), "absolute", "iso_date")
    if m := _NUMERIC.match(words):
        return _safe_day(int(m[3]), int(m[1]), int(m[2]), "absolute", "numeric_date")
    month_day = _MONTH_DAY.match(words)
    day_month = None if month_day else _DAY_MONTH.match(words)
    if month_day or day_month:
        month_word, day_word, year_word = (
            (month_day[1], month_day[2], month_day[3])
            if month_day
            else (day_month[2], day_month[1], day_month[3])  # type: ignore[index]
        )
        month, day = month_number(month_word), int(day_word)
        if year_word:
            return _safe_day(int(year_word), month, day, "absolute", "month_day_year")
        if published is None:
            return unresolved("month_day_no_anchor")
        year = nearest_year(month, day, published, future)
        return _safe_day(year, month, day, pub, "month_day")
    if m := _MONTH_YEAR.match(words):
        month = month_number(m[2])
        anchor: str | None
        if m[3]:
            year, anchor = int(m[3]), "absolute"
        elif published is None:
            return unresolved("month_no_anchor")
        else:
            year, anchor = nearest_year(month, None, published, future), pub
        return _span(date(year, month, 1), month_end(year, month), "month", anchor, "month")
    if m := _YEAR_RANGE.match(words):
        first = int(m[1])
        last = int(m[2]) if len(m[2]) == 4 else first // 100 * 100 + int(m[2])
        if last < first:
            return None
        return _span(date(first, 1, 1), date(last, 12, 31), "range", "absolute", "year_range")
    if m := _DECADE.match(words):
        first = int(m[1]) * 10
        return _span(date(first, 1, 1), date(first + 9, 12, 31), "range", "absolute", "decade")
    if m := _YEAR.match(words):
        year = int(m[2])
        if m[1] and "end" in m[1]:
            return _span(date(year, 12, 1), date(year, 12, 31), "range", "absolute", "end_of_year")
        return _span(date(year, 1, 1), date(year, 12, 31), "year", "absolute", "year")
    return None


def _safe_day(year: int, month: int, day: int, anchor: str | None, rule: str) -> Resolution:
    try:
        return _point(date(year, month, day), anchor, rule)
    except ValueError:
        return unresolved(f"{rule}_invalid")


def _relative(
    words: str, published: date | None, mention: date | None, pub: str | None, future: bool
) -> Resolution | None:
    if m := _AGO.match(words):
        count, unit, direction = _number(m[1]), m[2], m[3]
        if direction == "ago" or mention is None:
            base, tag = published, pub
        else:
            base, tag = mention, _tag("mention", mention)
        if base is None:
            return unresolved("offset_no_anchor")
        sign = -1 if direction in ("ago", "earlier", "before") else 1
        moved = shift(base, int(sign * count), unit)
        precision = (
            "day" if unit.startswith(("day", "night", "week", "second", "minute", "hour")) else "month"
        )
        if unit.startswith(("year", "decade")):
            precision = "year"
        return Resolution(_iso(moved), None, precision, tag, f"{unit.rstrip('s')}s_{direction}")
    if m := _WINDOW.match(words):
        if published is None:
            return unresolved("window_no_anchor")
        count, unit = int(_number(m[2])), m[3]
        if m[1] in ("past", "last", "previous"):
            return _span(shift(published, -count, unit), published, "range", pub, "past_window")
        return _span(published, shift(published, count, unit), "range", pub, "next_window")
    if _DURATION.match(words):
        return Resolution(None, None, "duration", None, "duration")
    if words in _DEICTIC_DAY:
        if published is None:
            return unresolved("deictic_no_anchor")
        return _point(published + timedelta(days=_DEICTIC_DAY[words]), pub, "deictic_day")
    if words in _MENTION_DAY:
        base, tag = (mention, _tag("mention", mention)) if mention else (published, pub)
        if base is None:
            return unresolved("relative_day_no_anchor")
        return _point(base + timedelta(days=_MENTION_DAY[words]), tag, "relative_to_mention")
    if m := _WEEKDAY.match(words):
        if published is None:
            return unresolved("weekday_no_anchor")
        return _point(weekday_date(m[2], m[1] or "", published, future), pub, "weekday")
    if m := _RELATIVE_UNIT.match(words):
        if published is None:
            return unresolved("relative_unit_no_anchor")
        return relative_unit(m[1], m[2], m[3], published, pub, future)
    if m := _END_OF.match(words):
        if published is None and not m[3]:
            return unresolved("end_of_no_anchor")
        return end_of(m[1] or "end", m[2] or m[4], m[3], words, published, pub)
    if _TIME_OF_DAY.match(words):
        base, tag = (mention, _tag("mention", mention)) if mention else (published, pub)
        if base is None:
            return unresolved("time_of_day_no_anchor")
        return _point(base, tag, "time_of_day")
    return None


def weekday_date(word: str, modifier: str, anchor: date, future: bool) -> date:
    """The day named: 'this past Friday' and 'last Friday' are the latest Friday before the anchor; 'next' and
    'coming' the first after; a bare 'Friday' follows the sentence's tense (on or before the anchor in past
    tense, on or after it in future tense)."""
    target = next(i for i, name in enumerate(WEEKDAYS) if name.startswith(word[:3]))
    back = (anchor.weekday() - target) % 7
    ahead = (target - anchor.weekday()) % 7
    if modifier in ("this past", "last", "past"):
        return anchor - timedelta(days=back or 7)
    if modifier in ("next", "this coming", "coming"):
        return anchor + timedelta(days=ahead or 7)
    return anchor + timedelta(days=ahead) if future else anchor - timedelta(days=back)


def relative_unit(
    part: str | None, which: str, unit: str, anchor: date, pub: str | None, future: bool
) -> Resolution:
    """'last month', 'this year', 'next week', 'earlier this month', 'last summer'."""
    step = {"last": -1, "past": -1, "previous": -1, "the previous": -1, "this": 0, "current": 0,
            "next": 1, "coming": 1, "following": 1, "the following": 1}[which]  # fmt: skip
    if unit in ("week", "weekend"):
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=step)
        first, last = (
            (monday, monday + timedelta(days=6))
            if unit == "week"
            else (monday + timedelta(days=5), monday + timedelta(days=6))
        )
        precision = "range"
    elif unit == "month":
        month_start = add_months(anchor.replace(day=1), step)
        first, last, precision = month_start, month_end(month_start.year, month_start.month), "month"
    elif unit == "year":
        first, last, precision = date(anchor.year + step, 1, 1), date(anchor.year + step, 12, 31), "year"
    else:
        first, last = season(unit, anchor, step)
        precision = "range"
    if part in ("earlier", "early") and step == 0:
        return _span(first, anchor, "range", pub, f"earlier_this_{unit}")
    if part in ("later", "late") and step == 0:
        return _span(anchor, last, "range", pub, f"later_this_{unit}")
    return _span(first, last, precision, pub, f"{which.replace('the ', '')}_{unit}")


def season(name: str, anchor: date, step: int) -> tuple[date, date]:
    """A northern-hemisphere season: 'this' is the latest one begun by the anchor."""
    first_month, last_month = SEASONS[name]
    year = anchor.year if anchor.month >= first_month else anchor.year - 1
    year += step
    start = date(year, first_month, 1)
    end_year = year + 1 if last_month < first_month else year
    return start, month_end(end_year, last_month)


def end_of(
    part: str, unit: str, year_word: str | None, words: str, anchor: date | None, pub: str | None
) -> Resolution:
    """'the end of the year' is its last month, 'the beginning of the month' its first ten days."""
    tag: str | None
    if year_word:
        year = int(year_word)
        first, last, tag = date(year, 1, 1), date(year, 12, 31), "absolute"
    else:
        assert anchor is not None
        step = 1 if " next " in f" {words} " else -1 if " last " in f" {words} " else 0
        tag = pub
        if unit == "month":
            start = add_months(anchor.replace(day=1), step)
            first, last = start, month_end(start.year, start.month)
        elif unit == "week":
            first = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=step)
            last = first + timedelta(days=6)
        else:
            first, last = date(anchor.year + step, 1, 1), date(anchor.year + step, 12, 31)
    length = (last - first).days + 1
    if part in ("end", "close"):
        first = last - timedelta(days=max(length // 12, 2) if unit != "month" else 9)
        if unit in ("year", None) or year_word:
            first = date(last.year, 12, 1)
    elif part in ("beginning", "start", "turn"):
        last = first + timedelta(days=max(length // 12, 2) if unit != "month" else 9)
        if unit == "year" or year_word:
            last = date(first.year, 1, 31)
    else:  # middle
        mid = first + timedelta(days=length // 2)
        first, last = mid - timedelta(days=length // 8), mid + timedelta(days=length // 8)
    return _span(first, last, "range", tag, f"{part}_of_{'year' if year_word else unit}")
