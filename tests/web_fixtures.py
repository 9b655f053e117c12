"""A small, hand-made store for the web API and security tests: articles from three outlets, one
analysis with actors, quotes, events and dates, and one story with aligned facts. Built through the
store API in a fraction of a second, so these tests need no nlp model."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from crosswire.model import (
    Actor,
    Analysis,
    Article,
    Event,
    EventActor,
    EventMention,
    Fact,
    Mention,
    Quote,
    Speaker,
    Story,
    TimeRef,
)
from crosswire.store import open_store

KST = timezone(timedelta(hours=9))
TALKS = (
    "North Korea and the United States held talks in Stockholm on Wednesday. "
    '"The negotiations broke down because of American inflexibility," Kim Myong-gil said after the meeting.\n\n'
    "Washington said the talks were good and would continue in two weeks. "
    "North Korea could resume missile tests before the next round."
)
TALKS_B = (
    "American and North Korean negotiators met in Stockholm. "
    "The State Department said the discussions were good.\n\nNo date was set for a new round."
)
CATTLE = (
    "Indonesia halted imports of live cattle from four Australian export yards, citing health certificates."
)


def build_store(db_url: str) -> dict[str, object]:
    """Fill `db_url`; returns the records and ids the tests refer to."""
    a = Article(
        text=TALKS,
        title="Talks in Stockholm break down",
        outlet="The Hankyoreh",
        published=datetime(2019, 10, 6, 9, 0, tzinfo=KST),
        url="https://example.org/a",
        authors=["Kim Ji-eun"],
    )
    b = Article(
        text=TALKS_B,
        title="Negotiators meet in Stockholm",
        outlet="Dong-A Ilbo",
        published=datetime(2019, 10, 6, 12, 0, tzinfo=KST),
    )
    c = Article(
        text=CATTLE,
        title="Cattle imports halted",
        outlet="The Japan Times",
        published=datetime(2020, 3, 9, 8, 0, tzinfo=KST),
    )
    quote_start = TALKS.index('"The negotiations')
    quote_end = TALKS.index(" Kim Myong-gil said")
    quote = Quote(
        article_id=a.id,
        text=TALKS[quote_start + 1 : quote_end - 2],
        start=quote_start,
        end=quote_end,
        kind="direct",
        cue="said",
        speaker=Speaker(name="Kim Myong-gil", actor_code="PRKGOV"),
    )
    kim_start = TALKS.index("Kim Myong-gil")
    nk_start = TALKS.index("North Korea")
    us_start = TALKS.index("the United States")
    first_end = TALKS.index(".") + 1
    event = Event(
        source=EventActor("North Korea", "PRK"),
        target=EventActor("United States", "USA"),
        cameo="043",
        mentions=[
            EventMention(a.id, 0, first_end, TALKS[:first_end], "The Hankyoreh"),
            EventMention(b.id, 0, TALKS_B.index(".") + 1, TALKS_B[: TALKS_B.index(".") + 1], "Dong-A Ilbo"),
        ],
        date="2019-10-05",
    )
    analysis_a = Analysis(
        article_id=a.id,
        actors=[
            Actor(
                a.id,
                "Kim Myong-gil",
                "person",
                codes=["PRKGOV"],
                mentions=[Mention(kim_start, kim_start + len("Kim Myong-gil"), "Kim Myong-gil")],
            ),
            Actor(
                a.id,
                "North Korea",
                "state",
                codes=["PRK"],
                mentions=[
                    Mention(nk_start, nk_start + 11, "North Korea"),
                    Mention(TALKS.rindex("North Korea"), TALKS.rindex("North Korea") + 11, "North Korea"),
                ],
            ),
            Actor(
                a.id,
                "United States",
                "state",
                codes=["USA"],
                mentions=[Mention(us_start, us_start + len("the United States"), "the United States")],
            ),
        ],
        quotes=[quote],
        events=[event],
        times=[TimeRef("Wednesday", TALKS.index("Wednesday"), TALKS.index("Wednesday") + 9, "2019-10-02")],
    )
    analysis_b = Analysis(
        article_id=b.id, actors=[Actor(b.id, "North Korea", "state", codes=["PRK"])], events=[event]
    )
    fact_event = Fact(
        kind="event",
        summary="North Korea and the US hold talks",
        event_id=event.id,
        outlets=["Dong-A Ilbo", "The Hankyoreh"],
        independent_outlets=["Dong-A Ilbo", "The Hankyoreh"],
        sentences=[
            {
                "article_id": m.article_id,
                "outlet": m.outlet,
                "start": m.start,
                "end": m.end,
                "text": m.sentence,
            }
            for m in event.mentions
        ],
    )
    fact_quote = Fact(
        kind="quote",
        summary="Kim Myong-gil blames American inflexibility",
        quote_id=quote.id,
        outlets=["The Hankyoreh"],
        independent_outlets=["The Hankyoreh"],
        sentences=[
            {
                "article_id": a.id,
                "outlet": "The Hankyoreh",
                "start": quote.start,
                "end": quote.end,
                "text": quote.text,
            }
        ],
    )
    story = Story(
        article_ids=[a.id, b.id],
        title="Stockholm talks",
        outlets=["Dong-A Ilbo", "The Hankyoreh"],
        date_span=("2019-10-06", "2019-10-06"),
        facts=[fact_event, fact_quote],
        portrayal={"The Hankyoreh": {"North Korea": 0.2}, "Dong-A Ilbo": {"North Korea": -0.4}},
    )
    with open_store(db_url) as store:
        store.save_articles([a, b, c])
        store.save_analyses([analysis_a, analysis_b])
        store.save_stories([story])
    return {"a": a, "b": b, "c": c, "quote": quote, "event": event, "story": story}
