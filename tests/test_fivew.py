"""The main event as 5W1H: the seed articles and constructed leads."""

from __future__ import annotations

import pickle
from datetime import datetime

import pytest

from conftest import SEEDS
from crosswire.model import Article
from crosswire.nlp.actors import extract_actors
from crosswire.nlp.fivew import main_event
from crosswire.nlp.runtime import parse
from test_dates import read_seed

QUESTIONS = ("who", "what", "when", "where", "why", "how")


def event_of(text: str, title: str | None = None, published: datetime | None = datetime(2019, 4, 29)) -> dict:
    article = Article(text=text, title=title, published=published)
    return main_event(article, parse(text))


@pytest.fixture(scope="module")
def seeds() -> dict[str, tuple[Article, dict]]:
    out = {}
    for key, path in zip(("hani", "donga", "jt"), sorted(SEEDS.glob("*.txt")), strict=True):
        article = read_seed(path)
        doc = parse(article.text)
        out[key] = (article, main_event(article, doc, actors=extract_actors(article, doc)))
    return out


def test_every_answer_points_at_its_text(seeds):
    for article, event in seeds.values():
        assert set(event) == set(QUESTIONS)
        for answer in event.values():
            if answer is None or answer["start"] is None:
                continue
            source = article.title if answer["found_in"] == "title" else article.text
            assert source[answer["start"] : answer["end"]] == answer["text"]


def test_hankyoreh_main_event_is_kims_summit_from_the_deck(seeds):
    article, event = seeds["hani"]
    assert event["who"]["value"]["name"] == "Kim Jong-un"
    assert event["who"]["value"]["code"] == "PRKGOV"
    assert event["what"]["value"] == "reveal"
    # The lead has no date of its own: the publication date stands in, marked as such.
    assert event["when"] == {
        "text": None, "start": None, "end": None, "value": "2019-04-29", "found_in": "published", "precision": "day"
    }  # fmt: skip


def test_donga_main_event_is_pyongyang_blasting_seoul(seeds):
    _, event = seeds["donga"]
    assert event["who"]["text"] == "Pyongyang"
    assert event["who"]["value"]["code"] == "PRK"
    assert event["what"]["text"] == "has strongly blasted Seoul"
    assert event["where"]["value"] == {"name": "Panmunjom", "country": "PRK"}


def test_japan_times_pronoun_subject_resolves_to_kim_and_hanoi_is_where(seeds):
    _, event = seeds["jt"]
    assert event["who"]["text"] == "Kim Jong Un"
    assert event["who"]["value"]["name"] == "Kim Jong-un"
    assert event["where"]["value"] == {"name": "Hanoi", "country": "VNM"}
    assert event["when"] is None  # no publication date and no date in the lead


def test_headline_gives_who_and_what_with_title_offsets():
    title = "Taliban attacks German consulate in northern Afghan city with truck bomb"
    event = event_of("The death toll rose to six on Friday, officials said.", title=title)
    assert event["who"]["found_in"] == "title" and event["who"]["text"] == "Taliban"
    assert event["what"]["text"].startswith("attacks German consulate")
    assert title[event["what"]["start"] : event["what"]["end"]] == event["what"]["text"]


def test_headline_topic_label_before_a_colon_is_skipped():
    title = "Tram crash: Police identify three remaining victims"
    event = event_of("Police named the victims on Saturday.", title=title)
    assert event["who"]["text"] == "Police"
    assert event["who"]["start"] == title.index("Police")


def test_lead_gives_when_where_why_how():
    text = (
        "North Korea fired two short-range missiles into the sea on Thursday in protest against joint drills, "
        "military officials in Seoul said. The launch came after weeks of silence."
    )
    event = event_of(text)
    assert event["who"]["text"] == "North Korea"
    assert event["what"]["text"].startswith("fired two short-range missiles")
    assert event["when"]["text"] == "Thursday" and event["when"]["value"] == "2019-04-25"
    assert event["where"]["text"] == "Seoul" and event["where"]["value"]["country"] == "KOR"


def test_reporting_verb_gives_way_to_the_reported_event():
    event = event_of("Rescuers pulled the boy from the well, state media reported.")
    assert event["who"]["text"] == "Rescuers"
    assert event["what"]["value"] == "pull"


def test_cause_and_manner():
    event = event_of("The minister resigned abruptly because of the scandal over the contracts.")
    assert event["why"]["text"].startswith("because of the scandal")
    assert event["how"]["text"] == "abruptly"
    event = event_of("Protesters blocked the road by chaining themselves to the gates.")
    assert event["how"]["text"].startswith("by chaining")


def test_dateline_is_where():
    event = event_of("SEOUL - South Korea's president met the envoy on Monday.")
    assert event["where"]["found_in"] == "dateline"
    assert event["where"]["value"]["country"] == "KOR"


def test_no_lead_no_answers_and_the_result_pickles():
    event = event_of("Ok.", published=None)
    assert event == {q: None for q in QUESTIONS}
    assert pickle.loads(pickle.dumps(event_of("Kim met Putin in Vladivostok."))) is not None
