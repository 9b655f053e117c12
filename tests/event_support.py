"""Coding events for tests: an article through the layers the event coder reads (actors, times, places,
quotes), then the coder itself - one helper instead of a copy in every event test file."""

from __future__ import annotations

from datetime import datetime

from crosswire.events.extract import extract_events
from crosswire.model import Article, Event
from crosswire.nlp.actors import extract_actors
from crosswire.nlp.dates import extract_times
from crosswire.nlp.places import extract_places
from crosswire.nlp.quotes import extract_quotes
from crosswire.nlp.runtime import parse


def code_article(article: Article, gated: bool = False) -> list[Event]:
    doc = parse(article.text)
    actors = extract_actors(article, doc)
    return extract_events(
        article,
        doc,
        actors,
        extract_times(article, doc),
        extract_places(article, doc),
        extract_quotes(article, doc, actors),
        gated=gated,
    )


def code_text(text: str, published: datetime | None = None, gated: bool = False) -> list[Event]:
    """Events of `text` as an article of the outlet "Test Daily" published on `published`."""
    return code_article(Article(text=text, published=published, outlet="Test Daily"), gated=gated)
