"""Merging reports of one event across sentences and outlets."""

from __future__ import annotations

from datetime import datetime

from crosswire.events.extract import extract_events
from crosswire.events.merge import merge_events, same_event
from crosswire.model import Article, Event, EventActor, EventMention
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
