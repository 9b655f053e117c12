"""Merging reports of one event across sentences and outlets."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from crosswire.events.extract import extract_events
from crosswire.events.merge import merge_events, same_event
from crosswire.model import Article, Event, EventActor, EventMention, Place
from crosswire.nlp.actors import extract_actors
from crosswire.nlp.dates import extract_times
from crosswire.nlp.places import extract_places
from crosswire.nlp.runtime import parse


def coded(text: str, outlet: str, published: datetime) -> list[Event]:
    article = Article(text=text, outlet=outlet, published=published)
    doc = parse(text)
    actors = extract_actors(article, doc)
    return extract_events(article, doc, actors, extract_times(article, doc), extract_places(article, doc), [])


def event(
    source: str, target: str, cameo: str, day: str, precision: str = "day", article: str = "a"
) -> Event:
    return Event(
        source=EventActor(source, source),
        target=EventActor(target, target),
        cameo=cameo,
        date=day,
        date_precision=precision,
        mentions=[EventMention(article, 0, 5, "text.", outlet=article)],
        confidence=0.6,
    )


def test_two_outlets_reporting_one_summit_merge() -> None:
    a = coded("Kim Jong-un met Vladimir Putin in Vladivostok on Thursday.", "Outlet A", datetime(2019, 4, 26))
    b = coded("North Korea and Russia held a summit on April 25.", "Outlet B", datetime(2019, 4, 27))
    merged = merge_events(a + b)
    prk_rus = [e for e in merged if e.cameo.startswith("04") and e.source.code.startswith("PRK")]
    assert len(prk_rus) == 1
    event_ = prk_rus[0]
    assert len(event_.article_ids) == 2 and {m.outlet for m in event_.mentions} == {"Outlet A", "Outlet B"}
    assert event_.date == "2019-04-25" and event_.place is not None and event_.place.name == "Vladivostok"
    assert event_.confidence > max(e.confidence for e in a + b if e.cameo.startswith("04"))


def test_window_and_root_keep_events_apart() -> None:
    assert same_event(event("USA", "PRK", "163", "2019-04-19"), event("USA", "PRK", "1631", "2019-04-21"))
    assert not same_event(event("USA", "PRK", "163", "2019-04-19"), event("USA", "PRK", "163", "2019-04-25"))
    assert not same_event(event("USA", "PRK", "163", "2019-04-19"), event("USA", "PRK", "085", "2019-04-19"))
    assert not same_event(event("USA", "PRK", "163", "2019-04-19"), event("PRK", "USA", "163", "2019-04-19"))
    assert same_event(event("USA", "PRK", "163", "2019-04-19"), event("USAGOV", "PRK", "163", "2019-04-19"))


def test_publication_date_merges_only_with_earlier_dated_reports() -> None:
    dated = event("USA", "PRK", "163", "2019-03-21")
    later_report = event("USA", "PRK", "163", "2019-04-29", "published", article="b")
    earlier_report = event("USA", "PRK", "163", "2019-03-01", "published", article="c")
    assert same_event(dated, later_report)
    assert not same_event(dated, earlier_report)
    merged = merge_events([later_report, dated])
    assert len(merged) == 1 and merged[0].date == "2019-03-21" and merged[0].date_precision == "day"


def test_fact_outweighs_claim_and_mentions_are_unique() -> None:
    claim = event("USA", "PRK", "163", "2019-04-19", article="a")
    claim.claim_by = "KCNA"
    fact = event("USA", "PRK", "163", "2019-04-19", article="b")
    merged = merge_events([claim, fact, fact])
    assert len(merged) == 1 and merged[0].claim_by is None and len(merged[0].mentions) == 2


# ---------------------------------------------------------------- the indexed merge equals the plain one

_CODES = [None, "PR", "PRK", "PRKGOV", "PRKMIL", "KOR", "KORGOV", "USA", "USAGOV"]
_NAMES = ["North Korea", "north korea", "Kim Jong-un", "Seoul", "Washington"]


def _plain_merge(events: list[Event], window_days: int = 3) -> list[list[int]]:
    """The definition: each event joins the first earlier group all of whose reports match it."""
    groups: list[list[int]] = []
    for i, e in enumerate(events):
        for group in groups:
            if all(same_event(e, events[j], window_days) for j in group):
                group.append(i)
                break
        else:
            groups.append([i])
    return groups


def _actor(draw, st):  # type: ignore[no-untyped-def]
    if draw(st.booleans()) and draw(st.booleans()):
        return None
    return EventActor(draw(st.sampled_from(_NAMES)), draw(st.sampled_from(_CODES)))


def test_indexed_merge_groups_exactly_as_the_definition() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @st.composite
    def events(draw):  # type: ignore[no-untyped-def]
        out = []
        for k in range(draw(st.integers(0, 30))):
            day = draw(st.sampled_from(["2019-04-25", "2019-04-26", "2019-04-29", "2019-05-20", None]))
            out.append(
                Event(
                    source=_actor(draw, st),
                    target=_actor(draw, st),
                    cameo=draw(st.sampled_from(["040", "036", "043", "111", "190"])),
                    date=day,
                    date_precision=draw(st.sampled_from(["day", "published"])) if day else None,
                    mentions=[EventMention(f"a{k}", k, k + 1, "s")],
                    confidence=0.5,
                )
            )
        return out

    @settings(max_examples=300, deadline=None)
    @given(events())
    def check(reports: list[Event]) -> None:
        expected = _plain_merge(reports)
        merged = merge_events(reports)
        assert len(merged) == len(expected)
        for event_out, group in zip(merged, expected, strict=True):
            got = sorted((m.article_id, m.start) for m in event_out.mentions)
            want = sorted((m.article_id, m.start) for j in group for m in reports[j].mentions)
            assert got == want

    check()


def test_a_denied_report_does_not_rename_the_act_another_outlet_reports() -> None:
    from dataclasses import replace

    # (an unspecified yield, 080: a denied 083 is another act than eased sanctions, 085, and stays apart)
    denied = replace(event("USA", "PRK", "080", "2019-04-19", article="a"), confidence=0.9)
    denied.status, denied.negated = "planned", True
    denied.mentions = [replace(m, status="planned", negated=True) for m in denied.mentions]
    happened = event("USA", "PRK", "085", "2019-04-19", article="b")
    merged = merge_events([denied, happened])
    assert len(merged) == 1
    # The code, rule and status are those of the report that gives the act as happened.
    assert merged[0].cameo == "085" and merged[0].is_fact
    # The evidence shown first is the report that states the act, not the denied one read before it.
    assert merged[0].mentions[0].article_id == "b" and merged[0].mentions[0].status != "planned"
    # Without a happened report, the denied one still names the act (shown as what it is, not as a fact).
    alone = merge_events([replace(denied)])
    assert alone[0].cameo == "080" and not alone[0].is_fact
    assert len(merge_events([replace(denied, cameo="083"), happened])) == 2


def test_confidence_grows_with_independent_outlets_stating_the_act_only() -> None:
    from dataclasses import replace

    def report(article: str, outlet: str, confidence: float, status: str = "happened") -> Event:
        e = replace(event("USA", "PRK", "163", "2019-04-19", article=article), confidence=confidence)
        e.mentions = [replace(e.mentions[0], outlet=outlet, status=status)]
        e.status = status
        return e

    # Two outlets stating it: 1 - 0.4 * 0.4.
    assert merge_events([report("a", "A", 0.6), report("b", "B", 0.6)])[0].confidence == 0.84
    # Many weak mentions from one outlet count as its surest one.
    same = merge_events([report("a", "A", 0.6), report("a2", "A", 0.3), report("a3", "A", 0.3)])
    assert same[0].confidence == 0.6
    # A report that only expects the act gives no support to the outlet that says it happened.
    mixed = merge_events([report("a", "A", 0.6), report("b", "B", 0.9, status="planned")])
    assert mixed[0].is_fact and mixed[0].confidence == 0.6


def test_a_period_holding_several_meetings_is_not_the_meeting_inside_it() -> None:
    period = replace(event("AAA", "BBB", "040", "2031-01-10"), date_end="2031-09-30", date_precision="range")
    meeting = replace(
        event("AAA", "BBB", "040", "2031-09-20", article="b"), date_end="2031-09-21", date_precision="range"
    )
    assert not same_event(period, meeting)
    assert len(merge_events([period, meeting])) == 2
    # The same period reported twice is one; a short range still takes a day inside it.
    again = replace(period, mentions=[EventMention("c", 0, 5, "text.", outlet="c")])
    assert same_event(period, again)
    assert same_event(meeting, event("AAA", "BBB", "040", "2031-09-21", article="d"))


def test_reports_placed_in_different_countries_or_cities_are_different_meetings() -> None:
    here = replace(
        event("AAA", "BBB", "040", "2031-03-01"),
        place=Place("Northtown", country="AAA", kind="city", geonames_id=1),
    )
    there = replace(
        event("AAA", "BBB", "040", "2031-03-02", article="b"),
        place=Place("Southport", country="CCC", kind="city", geonames_id=2),
    )
    assert not same_event(here, there)
    other_city = replace(there, place=Place("Easton", country="AAA", kind="city", geonames_id=3))
    assert not same_event(here, other_city)
    in_country = replace(there, place=Place("Aland", country="AAA", kind="country"))
    assert same_event(here, in_country)
    assert same_event(here, replace(there, place=None))


def test_a_named_body_s_statement_does_not_take_its_country_s_words() -> None:
    body = replace(
        event("Unification Board", "BBB", "010", "2031-03-01"),
        source=EventActor("Unification Board", "AAAGOV"),
    )
    country = replace(
        event("the North", "BBB", "010", "2031-03-01", article="b"), source=EventActor("the North", "AAA")
    )
    assert not same_event(body, country)
    # An act other than speech still merges a body with its country.
    assert same_event(replace(body, cameo="190"), replace(country, cameo="190"))


def test_one_person_coded_with_and_without_a_country_is_one_source() -> None:
    # BASIL: "Blake Farenthold" was USALEG in two outlets and LEG (no country given) in a third
    def person(code: str, name: str = "Blake Farenthold", target: str = "Congress") -> Event:
        ev = event("x", "USALEG", "0831", "2018-04-06")
        return replace(ev, source=EventActor(name, code), target=EventActor(target, "USALEG"))

    assert same_event(person("USALEG"), person("LEG"))
    # a role code alone does not join two different people, nor two codes of different roles
    assert not same_event(person("USALEG"), person("LEG", name="Lamar Smith"))
    assert not same_event(person("USAGOV"), person("LEG"))


def test_two_people_with_one_code_and_two_acts_of_one_root_stay_apart() -> None:
    # BASIL: Pelosi's demand and McCain's (both USALEG) were one corroborated fact; an apology to Grassley
    # corroborated praise of him (both root 05)
    def said(name: str, code: str = "100") -> Event:
        ev = event("x", "USAGOV", code, "2018-07-13")
        return replace(ev, source=EventActor(name, "USALEG"), target=EventActor("Donald Trump", "USAGOV"))

    assert not same_event(said("Nancy Pelosi"), said("John McCain"))
    assert same_event(said("Nancy Pelosi"), said("Pelosi"))
    assert same_event(said("Nancy Pelosi"), said("Mrs. Nancy Pelosi"))
    # a person and the state or body coded alike still merge
    kim = replace(event("PRKGOV", "RUS", "040", "2019-04-25"), source=EventActor("Kim Jong-un", "PRKGOV"))
    state = replace(event("PRK", "RUS", "040", "2019-04-25"), source=EventActor("North Korea", "PRK"))
    assert same_event(kim, state)
    assert not same_event(said("Bruce Braley", "051"), said("Bruce Braley", "055"))
    assert same_event(said("Bruce Braley", "051"), said("Bruce Braley", "050"))
    assert same_event(said("Bruce Braley", "040"), said("Bruce Braley", "042"))


def test_a_merged_side_is_named_as_most_reports_name_it() -> None:
    # Giveme5W1H: "Donald Trump held talks with the White House" where most reports name Obama
    def met(target: str, article: str, confidence: float) -> Event:
        ev = replace(event("USAGOV", "USAGOV", "040", "2016-11-10", article=article), confidence=confidence)
        return replace(ev, source=EventActor("Donald Trump", "USAGOV"), target=EventActor(target, "USAGOV"))

    merged = merge_events(
        [met("the White House", "a", 0.95), met("Barack Obama", "b", 0.8), met("Barack Obama", "c", 0.7)]
    )
    assert len(merged) == 1 and merged[0].target.name == "Barack Obama"
