"""An event's own time and place, from its clause or a named event, never the publication date."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from crosswire.knowledge.named_events import NamedEventBase
from crosswire.model import Article, Event
from crosswire.nlp.named_events import find_named_events
from crosswire.nlp.runtime import parse
from event_support import code_text

PUBLISHED = datetime(2019, 4, 29)  # a Monday


def code(text: str, published: datetime | None = PUBLISHED) -> list[Event]:
    return code_text(text, published)


def only(events: list[Event], root: str, source: str) -> Event:
    found = [e for e in events if e.cameo.startswith(root) and (e.source.code or "").startswith(source)]
    assert found, [(e.cameo, e.source.code, e.date) for e in events]
    return found[0]


def when(event: Event) -> tuple[str | None, str | None, str | None, str]:
    return event.date, event.date_end, event.date_precision, event.date_source


# ---------------------------------------------------------------- the clause's own time


def test_absolute_date_in_the_clause_is_text() -> None:
    event = only(code("North Korea and Russia held a summit in Vladivostok on April 25."), "04", "PRK")
    assert when(event) == ("2019-04-25", None, "day", "text")
    assert event.reported_on == "2019-04-29"


def test_weekday_counts_back_from_publication() -> None:
    event = only(code("Japan condemned China on Thursday."), "111", "JPN")
    assert when(event) == ("2019-04-25", None, "day", "relative")


def test_this_past_friday_and_last_week() -> None:
    friday = only(code("The US imposed sanctions on Iran this past Friday."), "163", "USA")
    assert when(friday) == ("2019-04-26", None, "day", "relative")
    week = only(code("China criticized Japan last week."), "111", "CHN")
    assert when(week) == ("2019-04-22", "2019-04-28", "range", "relative")


def test_previous_day_counts_from_the_dated_mention_not_from_the_report() -> None:
    # A medium's report is no event of its own (issue #15): the report's date only anchors "the previous day".
    events = code("On April 26, KCNA reported that Kim Jong-un met Vladimir Putin the previous day.")
    meeting = only(events, "04", "PRKGOV")
    assert not [e for e in events if (e.source.code or "").startswith("PRKMED")]
    assert when(meeting) == ("2019-04-25", None, "day", "relative")


def test_previous_day_of_nothing_dated_leaves_the_event_undated() -> None:
    # date_rules would count it from publication (2019-04-28); the text never says which day it follows.
    event = only(code("Kim Jong-un met Vladimir Putin the previous day."), "04", "PRKGOV")
    assert when(event) == (None, None, None, "none")


def test_no_time_in_the_clause_is_undated_not_the_publication_date() -> None:
    event = only(code("Japan condemned China."), "111", "JPN")
    assert when(event) == (None, None, None, "none") and event.reported_on == "2019-04-29"


def test_a_reported_act_does_not_take_the_report_s_date() -> None:
    events = code("On April 26, North Korea said that Japan had attacked a South Korean ship.")
    attack = only(events, "19", "JPN")
    assert attack.date is None and attack.date_source == "none"


def test_coordinated_verbs_share_the_time() -> None:
    events = code("On Friday, Japan condemned China and criticized Russia.")
    assert {e.date for e in events if e.cameo.startswith("11")} == {"2019-04-26"}


# ---------------------------------------------------------------- years that date something else


def test_year_of_a_named_agreement_does_not_date_todays_dispute() -> None:
    event = only(
        code("Canada criticized the United States over the 1994 North American Free Trade Agreement."),
        "111",
        "CAN",
    )
    assert event.date is None and event.date_source == "none"


def test_year_of_the_armistice_dates_the_armistice_not_the_criticism() -> None:
    event = only(code("South Korea criticized North Korea over the 1953 armistice on Tuesday."), "111", "KOR")
    assert when(event) == ("2019-04-23", None, "day", "relative")


# ---------------------------------------------------------------- named events (knowledge base)


def test_named_summit_is_dated_and_placed_from_the_knowledge_base() -> None:
    events = code("The Hanoi summit between the United States and North Korea collapsed.")
    event = only(events, "04", "USA")
    assert when(event) == ("2019-02-27", "2019-02-28", "range", "kb")
    assert event.place is not None and event.place.name == "Hanoi" and event.place.country == "VNM"


def test_signing_a_named_declaration_takes_its_date() -> None:
    event = only(code("North Korea and South Korea signed the Panmunjom Declaration."), "057", "PRK")
    assert when(event) == ("2018-04-27", None, "day", "kb")


def test_meeting_at_a_named_summit() -> None:
    event = only(code("Kim Jong-un met Donald Trump at the Singapore summit."), "04", "PRK")
    assert when(event) == ("2018-06-12", None, "day", "kb")
    assert event.place is not None and event.place.country == "SGP"


def test_background_event_gets_the_war_s_time() -> None:
    event = only(code("Chinese troops killed American soldiers in the 1950-53 Korean War."), "18", "CHN")
    assert when(event) == ("1950-06-25", "1953-07-27", "range", "kb")


def test_complaining_about_a_named_deal_is_not_dated_by_the_deal() -> None:
    # Only holding, signing or taking part in a named event takes its time; violating a deal does not.
    event = only(code("Iran accused the United States of violating the Iran nuclear deal."), "112", "IRN")
    assert event.date is None


def test_text_date_beats_the_knowledge_base() -> None:
    # A summit the text dates itself keeps the text's date even where a named event could match.
    event = only(
        code("North Korea and the United States held a summit in Hanoi on February 28."), "04", "PRK"
    )
    assert when(event) == ("2019-02-28", None, "day", "text")


def mentions(text: str, published: date | None = date(2019, 4, 29)) -> list[tuple[str, str]]:
    doc = parse(text)
    return [(text[m.start : m.end], m.event.name) for m in find_named_events(doc, published)]


def test_named_event_by_alias_and_by_description() -> None:
    assert mentions("The second North Korea-US summit in Hanoi had broken down.") == [
        ("second North Korea-US summit", "Hanoi summit")
    ]
    found = mentions("Since its collapsed summit with the U.S. in Hanoi, Vietnam, the North changed course.")
    assert [name for _, name in found] == ["Hanoi summit"]
    assert [name for _, name in mentions("The first summit between North Korea and the United States.")] == [
        "Singapore summit"
    ]


def test_named_event_not_matched_when_the_words_point_elsewhere() -> None:
    assert mentions("Trump wants a new Iran deal.") == []
    assert mentions("It became the great war of our time.") == []  # a name is capitalised: not "great war"
    assert mentions("He fought in the Great War.") == [("Great War", "World War I")]
    assert mentions("Talks between the US and North Korea resumed.") == []  # talks: too many to choose
    assert mentions("Experts discussed the 2018 Hanoi summit.") == []  # the year contradicts the entry
    # An entry long after the article is not what it meant.
    assert mentions("The summit in Hanoi was a success.", published=date(2015, 1, 1)) == []


def test_ambiguous_description_gives_the_span_of_the_recent_candidates() -> None:
    doc = parse("It violates the agreement reached at the North Korea-South Korea summit.")
    found = find_named_events(doc, date(2019, 4, 29))
    assert len(found) == 1
    assert (found[0].event.date, found[0].event.end) == ("2018-04-27", "2018-09-20")
    # Without a publication date there is no telling which one was meant.
    assert find_named_events(doc, None) == []


def test_knowledge_base_file_is_valid_and_world_wide() -> None:
    base = NamedEventBase.builtin()
    assert len(base.events) >= 40
    parties = {p for e in base.events for p in e.parties}
    assert {"PRK", "IRN", "UKR", "ISR", "USA", "GBR"} <= parties
    for entry in base.events:
        assert entry.end is None or entry.end >= entry.date, entry.name
    with pytest.raises(ValueError, match="bad named event"):
        NamedEventBase.from_toml('[[event]]\nname = "x"\ndate = "not a date"\n')


# ---------------------------------------------------------------- place


def test_place_is_the_clause_s_own_not_another_act_s() -> None:
    events = code(
        "On April 26, KCNA reported that the summit in Hanoi between the US and North Korea collapsed."
    )
    # The report itself is no event (a medium reporting); the summit keeps its own place.
    assert not [e for e in events if (e.source.code or "").startswith("PRKMED")]
    summit = only(events, "04", "USA")
    assert summit.place is not None and summit.place.name == "Hanoi"


def test_visit_takes_place_at_its_destination() -> None:
    event = only(code("Kim Jong-un flew to Vladivostok on Wednesday."), "04", "PRK")
    assert event.place is not None and event.place.name == "Vladivostok"


def test_dateline_only_for_the_report_s_own_statement() -> None:
    text = (
        "SEOUL \u2014 South Korea's president praised North Korea on Monday.\n\nNorth Korea criticized Japan."
    )
    events = code(text)
    praise = only(events, "05", "KOR")
    assert praise.place is not None and praise.place.name == "Seoul"
    criticism = only(events, "111", "PRK")
    assert criticism.place is None


# ---------------------------------------------------------------- merging reports


def report(
    day: str | None, source: str = "text", article: str = "a", reported_on: str = "2019-04-29", **kw
) -> Event:
    from crosswire.model import EventActor, EventMention

    precision = None if day is None else kw.pop("precision", "day")
    return Event(
        source=EventActor("North Korea", "PRK"),
        target=EventActor("Russia", "RUS"),
        cameo="040",
        date=day,
        date_precision=precision,
        date_end=kw.pop("end", None),
        date_source=source if day else "none",
        reported_on=reported_on,
        mentions=[
            EventMention(
                article, 0, 5, "s.", outlet=article, status=kw.get("status", "happened"), date=day,
                date_source=source if day else "none",
            )
        ],
        confidence=kw.pop("confidence", 0.6),
        **kw,
    )  # fmt: skip


def test_merge_prefers_text_over_knowledge_base_over_none() -> None:
    from crosswire.events.merge import merge_events

    undated = report(None, article="c", confidence=0.9)
    kb = report("2019-04-25", "kb", article="b", confidence=0.8)
    text = report("2019-04-26", "relative", article="a", confidence=0.5)
    merged = merge_events([undated, kb, text])
    assert len(merged) == 1
    assert (merged[0].date, merged[0].date_source) == ("2019-04-26", "relative")
    # Each report keeps its own date.
    assert sorted((m.article_id, m.date) for m in merged[0].mentions) == [
        ("a", "2019-04-26"),
        ("b", "2019-04-25"),
        ("c", None),
    ]
    only_kb = merge_events([undated, report("2019-04-25", "kb", article="b")])
    assert (only_kb[0].date, only_kb[0].date_source) == ("2019-04-25", "kb")
    none = merge_events([undated, report(None, article="d", reported_on="2019-04-27")])
    assert (none[0].date, none[0].date_source, none[0].reported_on) == (None, "none", "2019-04-27")


def test_undated_report_merges_only_with_events_before_it() -> None:
    from crosswire.events.merge import same_event

    undated = report(None, reported_on="2019-04-29")
    assert same_event(undated, report("2019-04-25", article="b"))
    assert not same_event(undated, report("2019-05-10", article="b"))
    # A range overlapping a day within the window is the same event.
    summit = report("2019-02-27", "kb", end="2019-02-28", precision="range", article="b")
    assert same_event(summit, report("2019-02-28", article="c"))
    assert not same_event(summit, report("2019-03-10", article="c"))


def test_merge_keeps_each_report_s_status_and_states_the_fact() -> None:
    from crosswire.events.merge import merge_events

    expected = report("2019-04-25", article="a", status="planned", confidence=0.9)
    held = report("2019-04-25", article="b", status="happened", confidence=0.5)
    merged = merge_events([expected, held])
    assert len(merged) == 1 and merged[0].status == "happened" and merged[0].is_fact
    assert {(m.article_id, m.status) for m in merged[0].mentions} == {("a", "planned"), ("b", "happened")}
    only_planned = merge_events([expected, report("2019-04-25", article="c", status="planned")])
    assert only_planned[0].status == "planned" and not only_planned[0].is_fact


def test_from_through_gives_a_range() -> None:
    text = "From Dec. 22 through Jan. 25, the White House and congressional Democrats battled over funding."
    events = [e for e in code(text, published=datetime(2019, 2, 15)) if e.cameo.startswith("19")]
    assert events and when(events[0]) == ("2018-12-22", "2019-01-25", "range", "text")


def test_participle_and_its_head_share_the_time() -> None:
    praise = only(code("Speaking at the White House on Friday, Mr. Trump praised Japan."), "051", "USA")
    assert when(praise) == ("2019-04-26", None, "day", "relative")
    accuse = only(code("Japan responded on Tuesday, accusing China of lying."), "112", "JPN")
    assert when(accuse) == ("2019-04-23", None, "day", "relative")


def test_a_dated_setting_dates_the_act() -> None:
    # "In an October 2012 interview": the interview is where the act happened, so its date is the act's.
    event = only(code("In an October 2012 interview with Fox News, Christie criticized Obama."), "111", "")
    assert when(event) == ("2012-10-01", "2012-10-31", "month", "text")


# ---------------------------------------------------------------- the seeds


@pytest.fixture(scope="module")
def seed_events(seeds_dir) -> dict[str, tuple[Article, list[Event]]]:  # skipped without ../shared
    from conftest import SEEDS
    from test_events_seeds import code_article, read_seed

    out = {}
    for key, path in zip(("hani", "donga", "jt"), sorted(SEEDS.glob("*.txt")), strict=True):
        article = read_seed(path)
        if article.published is None:  # the Japan Times page prints no date
            article.published = datetime(2019, 4, 22)
        out[key] = (article, code_article(article))
    return out


def seed_find(events: list[Event], root: str, source: str, target: str, words: str) -> list[Event]:
    return [
        e
        for e in events
        if e.cameo.startswith(root)
        and (e.source.code or "").startswith(source)
        and e.target is not None
        and (e.target.code or "").startswith(target)
        and words in e.mentions[0].sentence
    ]


def test_no_seed_event_carries_its_publication_date(seed_events) -> None:
    for article, events in seed_events.values():
        published = article.published.date().isoformat()
        assert events
        assert all(e.reported_on == published for e in events)
        assert not [e for e in events if e.date == published], [
            (e.cameo, e.mentions[0].sentence[:60]) for e in events if e.date == published
        ]


def test_seed_summits_have_their_own_dates_and_places(seed_events) -> None:
    _, hani = seed_events["hani"]
    headline = seed_find(hani, "04", "PRK", "RUS", "summit with Putin reveals")
    assert headline and all(when(e) == ("2019-04-25", None, "day", "kb") for e in headline)
    assert all(e.place is not None and e.place.name == "Vladivostok" for e in headline)
    told = seed_find(hani, "01", "PRKGOV", "RUS", "reported that Kim told")
    assert told and when(told[0]) == ("2019-04-25", None, "day", "relative")  # "the previous day"
    hanoi = seed_find(hani, "04", "PRK", "USA", "reported that Kim told")
    assert hanoi and when(hanoi[0]) == ("2019-02-27", "2019-02-28", "range", "kb")
    assert hanoi[0].place is not None and hanoi[0].place.name == "Hanoi"

    _, donga = seed_events["donga"]
    inter_korean = seed_find(donga, "04", "PRK", "KOR", "North Korea-South Korea summit")
    assert inter_korean and when(inter_korean[0]) == ("2018-04-27", "2018-09-20", "range", "kb")
    collapsed = seed_find(donga, "04", "PRK", "USA", "collapsed summit")
    assert collapsed and when(collapsed[0]) == ("2019-02-27", "2019-02-28", "range", "kb")

    _, jt = seed_events["jt"]
    moscow = seed_find(jt, "04", "PRKGOV", "RUS", "heading to Moscow")
    # Written before the summit, "may now be heading to Moscow": no date the text gives, no place it had.
    # The event coder drops the author's guess altogether; if it is ever coded, it must stay undated.
    assert all(e.date is None for e in moscow)


def test_meeting_at_the_dmz_is_placed_there() -> None:
    event = only(code("Donald Trump met Kim Jong-un at the DMZ on Sunday."), "04", "USA")
    assert event.place is not None and event.place.name == "Demilitarized Zone"
    assert when(event) == ("2019-04-28", None, "day", "relative")


def test_store_keeps_time_status_and_per_report_fields(tmp_path) -> None:
    from crosswire.model import Analysis, EventActor, EventMention
    from crosswire.store import open_store

    article = Article(text="Kim met Putin. The summit was held.", published=PUBLISHED, outlet="Test Daily")
    event = Event(
        source=EventActor("North Korea", "PRK"),
        target=EventActor("Russia", "RUS"),
        cameo="040",
        date="2019-02-27",
        date_end="2019-02-28",
        date_precision="range",
        date_source="kb",
        reported_on="2019-04-29",
        status="planned",
        negated=True,
        mentions=[
            EventMention(article.id, 0, 14, "Kim met Putin.", status="planned", negated=True, date="2019-02-27",
                         date_end="2019-02-28", date_source="kb")
        ],
    )  # fmt: skip
    with open_store(str(tmp_path / "store.db")) as store:
        store.save_articles([article])
        store.save_analyses([Analysis(article_id=article.id, events=[event])])
        stored = store.get_analysis(article.id)
    assert stored is not None and stored.events == [event]


def test_the_summit_after_a_named_summit_is_that_summit() -> None:
    text = (
        "The Singapore summit raised hopes. Kim Jong-un met Donald Trump at the summit, "
        "and Trump praised Kim after the summit."
    )
    found = mentions(text, published=date(2018, 6, 20))
    assert [(words, name) for words, name in found] == [
        ("Singapore summit", "Singapore summit"),
        ("the summit", "Singapore summit"),
        ("the summit", "Singapore summit"),
    ]
    events = code(text, published=datetime(2018, 6, 20))
    meeting = only(events, "04", "PRK")
    assert when(meeting) == ("2018-06-12", None, "day", "kb")
    praise = only(events, "051", "USA")
    assert praise.date is None  # "after the summit" is later than the summit, on no known day
    # Too far from the name, or the only named event is of another kind: no link.
    assert mentions("The Iran nuclear deal was signed in Vienna. The summit failed.") == [
        ("Iran nuclear deal", "Joint Comprehensive Plan of Action (Iran nuclear deal)")
    ]


def test_being_in_an_agreement_is_not_its_time() -> None:
    event = only(code("The United States cooperated with Iran in the Iran nuclear deal."), "06", "USA")
    assert event.date is None
    kills = only(code("Al Qaeda killed Americans in the September 11 attacks."), "18", "")
    assert when(kills) == ("2001-09-11", None, "day", "kb")


def test_a_summit_takes_the_time_of_the_verb_that_holds_it_not_of_one_that_judges_it() -> None:
    held = code("The summit between Japan and China took place on Thursday.")
    assert when(only(held, "04", "JPN")) == ("2019-04-25", None, "day", "relative")
    judged = code("North Korea criticized the Japan-China summit on Thursday.")
    assert when(only(judged, "111", "PRK")) == ("2019-04-25", None, "day", "relative")
    assert only(judged, "04", "JPN").date is None


def test_story_facts_never_date_an_act_by_its_report() -> None:
    from dataclasses import replace

    from crosswire.stories.briefing import story_facts
    from crosswire.stories.timeline import fact_date
    from crosswire.stories.wire import find_dependence
    from story_support import talks_story

    arts, an = talks_story()  # the coded summit carries no date of its own
    dep = find_dependence(arts)
    summit = next(
        f for f in story_facts(arts, an, dep) if any("held a summit" in s["text"] for s in f.sentences)
    )
    assert all(s["date"] is None for s in summit.sentences) and fact_date(summit) is None
    assert summit.first_reported == "2026-03-02"  # the publication day is kept apart
    for article in arts:  # every report of the summit dates it (as events/timing.py dates each report)
        for event in an[article.id].events:
            event.date, event.date_precision, event.date_source = "2026-02-26", "day", "relative"
            event.mentions = [replace(m, date="2026-02-26", date_source="relative") for m in event.mentions]
    summit = next(
        f for f in story_facts(arts, an, dep) if any("held a summit" in s["text"] for s in f.sentences)
    )
    assert fact_date(summit) == "2026-02-26"
    assert {s["date"] for s in summit.sentences} == {"2026-02-26"}


def test_negotiating_a_named_agreement_is_not_dated_by_it() -> None:
    # Issue #15: "the 1994 North American Free Trade Agreement" dated a 2018 negotiation to 1994.
    events = code("The United States negotiated the North American Free Trade Agreement with Mexico.")
    assert events and all(e.date is None for e in events if e.cameo.startswith("04"))
