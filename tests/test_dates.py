"""Time expressions: the seed articles' dates and one constructed sentence per resolution rule."""

from __future__ import annotations

import pickle
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from conftest import SEEDS
from crosswire.model import Article, TimeRef
from crosswire.nlp import date_rules
from crosswire.nlp.dates import extract_times
from crosswire.nlp.runtime import parse

KST = timezone(timedelta(hours=9))
# A Monday: 2019-04-29.
MONDAY = datetime(2019, 4, 29, 16, 26, tzinfo=KST)


def read_seed(path: Path) -> Article:
    from crosswire.ingest.context import ReadContext
    from crosswire.ingest.text import read_text
    from crosswire.knowledge.sources import SourceRegistry

    context = ReadContext(sources=SourceRegistry.builtin(), source_path=str(path))
    return next(read_text(path, path.read_text(encoding="utf-8"), context))


def seed(prefix: str) -> Article:
    return read_seed(next(SEEDS.glob(f"{prefix}_*.txt")))


def times_of(text: str, published: datetime | None = MONDAY) -> list[TimeRef]:
    return extract_times(Article(text=text, published=published), parse(text))


def find(times: list[TimeRef], words: str) -> TimeRef:
    hits = [t for t in times if words.lower() in t.text.lower()]
    assert hits, f"no time expression holds {words!r}; found {[t.text for t in times]}"
    return hits[0]


# --- the seeds ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hani(seeds_dir: Path) -> list[TimeRef]:  # seeds_dir: skipped without ../shared
    article = seed("000")
    assert article.published is not None and article.published.date() == date(2019, 4, 29)
    return extract_times(article, parse(article.text))


def test_hankyoreh_explicit_dates_take_the_publication_year(hani):
    assert find(hani, "Apr. 26").value == "2019-04-26"
    assert find(hani, "Apr. 12").value == "2019-04-12"
    assert find(hani, "Apr. 25").value == "2019-04-25"
    assert find(hani, "Apr. 26").anchor == "published:2019-04-29"


def test_hankyoreh_previous_day_counts_from_the_report_date_in_the_sentence(hani):
    ref = find(hani, "the previous day")
    assert ref.value == "2019-04-25"
    assert ref.anchor == "mention:2019-04-26"


def test_hankyoreh_by_the_end_of_the_year_is_a_range_to_december_31(hani):
    ref = find(hani, "by the end of the year")
    assert ref.precision == "range"
    assert ref.end_value == "2019-12-31"
    assert ref.value <= ref.end_value


def test_hankyoreh_nearly_70_years_is_a_duration(hani):
    ref = find(hani, "nearly 70 years")
    assert ref.precision == "duration" and ref.value is None


def test_offsets_point_into_the_text(hani):
    text = seed("000").text
    for ref in hani:
        assert text[ref.start : ref.end] == ref.text


@pytest.mark.needs_shared
def test_japan_times_without_a_date_leaves_this_past_friday_unresolved():
    article = seed("002")
    assert article.published is None
    ref = find(extract_times(article, parse(article.text)), "This past Friday")
    assert ref.precision == "unresolved" and ref.value is None


@pytest.mark.needs_shared
def test_japan_times_with_a_manifest_date_resolves_this_past_friday():
    article = seed("002")
    article.published = datetime(2019, 4, 22, 0, 0, tzinfo=KST)
    times = extract_times(article, parse(article.text))
    assert find(times, "This past Friday").value == "2019-04-19"
    assert find(times, "2016-2017").end_value == "2017-12-31"  # absolute: needs no anchor


def test_absolute_expressions_resolve_without_a_publication_date():
    times = times_of("The talks collapsed on April 26, 2019, after the crisis of 2017.", published=None)
    assert find(times, "April 26, 2019").value == "2019-04-26"
    assert find(times, "2017").value == "2017-01-01"
    assert find(times, "2017").precision == "year"


# --- constructed sentences, one per rule ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "words", "value", "end_value", "precision"),
    [
        ("Officials met yesterday in Seoul.", "yesterday", "2019-04-28", None, "day"),
        ("The envoy arrived two days ago.", "two days ago", "2019-04-27", None, "day"),
        ("The envoy arrived on Tuesday for talks.", "Tuesday", "2019-04-23", None, "day"),
        ("The envoy will arrive on Tuesday for talks.", "Tuesday", "2019-04-30", None, "day"),
        ("This past Friday, the ministry issued a statement.", "This past Friday", "2019-04-26", None, "day"),
        ("Talks resume next week in Hanoi.", "next week", "2019-05-06", "2019-05-12", "range"),
        ("Exports fell last month, the ministry said.", "last month", "2019-03-01", "2019-03-31", "month"),
        ("Exports fell last year, the ministry said.", "last year", "2018-01-01", "2018-12-31", "year"),
        ("The sanctions were first imposed in 2016.", "2016", "2016-01-01", "2016-12-31", "year"),
        ("Tests in 2016-2017 raised tension.", "2016-2017", "2016-01-01", "2017-12-31", "range"),
        ("The summit was held on Dec. 28.", "Dec. 28", "2018-12-28", None, "day"),
        ("Talks began in the 1990s.", "1990s", "1990-01-01", "1999-12-31", "range"),
        (
            "The deal must be reached by the end of the year.",
            "end of the year",
            "2019-04-29",
            "2019-12-31",
            "range",
        ),
    ],
)
def test_rules(sentence, words, value, end_value, precision):
    ref = find(times_of(sentence), words)
    assert (ref.value, ref.end_value, ref.precision) == (value, end_value, precision), ref


def test_the_previous_day_without_an_earlier_date_counts_from_publication():
    ref = find(times_of("Kim met Putin the previous day, officials said."), "the previous day")
    assert ref.value == "2019-04-28"
    assert ref.anchor == "published:2019-04-29"


def test_the_previous_day_uses_an_earlier_sentence_of_the_same_paragraph():
    text = "The agency reported the meeting on April 10. Kim had arrived the day before."
    ref = find(times_of(text), "the day before")
    assert ref.value == "2019-04-09"


def test_a_day_later_counts_from_the_mentioned_date():
    ref = find(times_of("The missile flew on March 3. A day later the UN met."), "A day later")
    assert ref.value == "2019-03-04"


def test_relative_expressions_without_a_publication_date_are_unresolved():
    times = times_of("Officials met yesterday and will meet again next week.", published=None)
    assert {t.precision for t in times} == {"unresolved"}
    assert all(t.value is None for t in times)


def test_month_without_a_year_prefers_the_past_in_past_tense():
    ref = find(times_of("The envoy visited in October."), "October")
    assert (ref.value, ref.end_value, ref.precision) == ("2018-10-01", "2018-10-31", "month")


def test_resolve_is_pure_and_timerefs_pickle():
    a = date_rules.resolve("last month", published=date(2019, 1, 15))
    assert a == date_rules.resolve("last month", published=date(2019, 1, 15))
    assert (a.value, a.end_value) == ("2018-12-01", "2018-12-31")
    refs = times_of("They met yesterday.")
    assert pickle.loads(pickle.dumps(refs)) == refs


def test_weekday_rule_directions():
    friday = date_rules.weekday_date
    assert friday("friday", "this past", date(2019, 4, 26), False) == date(2019, 4, 19)  # on a Friday itself
    assert friday("friday", "", date(2019, 4, 26), False) == date(2019, 4, 26)
    assert friday("friday", "next", date(2019, 4, 26), False) == date(2019, 5, 3)


def test_unknown_expressions_stay_unresolved_with_their_rule_named():
    res = date_rules.resolve("the second day of the 1st", published=date(2019, 4, 29))
    assert res.precision == "unresolved" and res.rule == "no_rule"
