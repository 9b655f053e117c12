"""Tone toward actors: constructed sentences for each rule, and the Japan Times commentary among the seeds."""

from __future__ import annotations

from datetime import datetime

import pytest

from conftest import SEEDS
from crosswire.model import Actor, Article, Quote, Speaker
from crosswire.nlp.actors import extract_actors
from crosswire.nlp.quotes import extract_quotes
from crosswire.nlp.runtime import parse
from crosswire.nlp.tone import Lexicon, LexiconError, contributions, score_tone


def toned(text: str, quotes: list[Quote] | None = None) -> dict[str, Actor]:
    article = Article(text=text, published=datetime(2019, 4, 29))
    doc = parse(text)
    return {a.name: a for a in score_tone(article, doc, extract_actors(article, doc), quotes)}


def test_praise_goes_to_the_one_praised_not_the_praiser() -> None:
    actors = toned("Donald Trump praised Moon Jae-in's courage.")
    assert actors["Moon Jae-in"].tone is not None and actors["Moon Jae-in"].tone > 0.3
    assert actors["Donald Trump"].tone is None


def test_criticism_goes_to_its_object_and_to_a_passive_subject() -> None:
    active = toned("Donald Trump criticized Moon Jae-in.")
    assert active["Moon Jae-in"].tone is not None and active["Moon Jae-in"].tone < -0.2
    assert active["Donald Trump"].tone is None
    passive = toned("Moon Jae-in was sharply criticized by Donald Trump.")
    assert passive["Moon Jae-in"].tone is not None and passive["Moon Jae-in"].tone < -0.2
    assert passive["Donald Trump"].tone is None


def test_brutal_regime_of_x_is_negative() -> None:
    actors = toned("The brutal regime of Kim Jong-un executed dozens of officials.")
    assert actors["Kim Jong-un"].tone is not None and actors["Kim Jong-un"].tone < -0.3


def test_negation_flips_and_damps() -> None:
    plain = toned("Shinzo Abe criticized Donald Trump.")["Donald Trump"].tone
    negated = toned("Shinzo Abe did not criticize Donald Trump.")["Donald Trump"].tone
    assert plain is not None and plain < 0
    assert negated is not None and 0 <= negated < abs(plain)


def test_intensifier_strengthens() -> None:
    plain = toned("Donald Trump is a dishonest man.")["Donald Trump"].tone
    strong = toned("Donald Trump is an extremely dishonest man.")["Donald Trump"].tone
    assert plain is not None and strong is not None and strong < plain < 0


def test_aggress_verb_weighs_on_the_one_acting() -> None:
    actors = toned("Vladimir Putin will exploit Kim Jong-un.")
    assert actors["Vladimir Putin"].tone is not None and actors["Vladimir Putin"].tone < -0.2
    assert actors["Kim Jong-un"].tone is None


def test_quoted_words_count_less_and_own_words_not_at_all() -> None:
    text = "Donald Trump is a liar. Moon Jae-in said that Donald Trump is a liar."
    quoted_start = text.index("Donald Trump is a liar", 10)
    quoted_end = text.index(".", quoted_start)

    def quote(speaker: str) -> Quote:
        return Quote(
            "a",
            text[quoted_start:quoted_end],
            quoted_start,
            quoted_end,
            "indirect",
            speaker=Speaker(name=speaker),
        )

    article = Article(text=text)
    doc = parse(text)
    actors = extract_actors(article, doc)
    trump = next(n for n, a in enumerate(actors) if a.name == "Donald Trump")
    unquoted = contributions(article, doc, actors)[trump]
    by_moon = contributions(article, doc, actors, [quote("Moon Jae-in")])[trump]
    by_trump = contributions(article, doc, actors, [quote("Donald Trump")])[trump]
    inside = [c for c in by_moon if c.sentence_start >= quoted_start - 30]
    assert unquoted and inside
    assert all(c.voice == 0.5 for c in inside)
    assert all(c.voice == 0.0 for c in by_trump if c.sentence_start >= quoted_start - 30)
    total = {
        name: sum(c.value * c.voice for c in cs)
        for name, cs in (("none", unquoted), ("moon", by_moon), ("trump", by_trump))
    }
    assert total["none"] < total["moon"] < total["trump"] < 0


def test_evidence_are_the_sentences_and_inputs_are_untouched() -> None:
    text = "Kim Jong-un met officials on Monday. Critics called Kim Jong-un a ruthless dictator."
    article = Article(text=text)
    doc = parse(text)
    actors = extract_actors(article, doc)
    out = score_tone(article, doc, actors)
    kim = next(a for a in out if a.name == "Kim Jong-un")
    assert kim.tone is not None and kim.tone < 0
    assert [e.text for e in kim.evidence] == ["Critics called Kim Jong-un a ruthless dictator."]
    for e in kim.evidence:
        assert text[e.start : e.end] == e.text
    assert all(a.tone is None and not a.evidence for a in actors)
    assert [a.labels for a in out] == [a.labels for a in actors]


def test_doc_of_another_text_is_refused() -> None:
    with pytest.raises(ValueError, match="not parsed from article.text"):
        score_tone(Article(text="Kim Jong-un left."), parse("Moon Jae-in left."), [])


def test_lexicon_errors_name_the_line() -> None:
    assert Lexicon.parse("# comment\ngood\t2\tword\n").word == {"good": 2.0}
    with pytest.raises(LexiconError, match=r"my\.tsv:2: unknown class 'adj'"):
        Lexicon.parse("good\t2\tword\nbad\t-2\tadj\n", "my.tsv")
    with pytest.raises(LexiconError, match=r"my\.tsv:1: weight 'x'"):
        Lexicon.parse("good\tx\tword\n", "my.tsv")
    with pytest.raises(LexiconError, match=r"outside \[-3, 3\]"):
        Lexicon.parse("good\t9\tword\n", "my.tsv")


@pytest.fixture(scope="module")
def japan_times() -> dict[str, Actor]:
    from crosswire.ingest.context import ReadContext
    from crosswire.ingest.sources import SourceRegistry
    from crosswire.ingest.text import read_text

    path = next(p for p in sorted(SEEDS.glob("*.txt")) if "Great Disruptor" in p.read_text(encoding="utf-8"))
    context = ReadContext(sources=SourceRegistry.builtin(), source_path=str(path))
    article = next(read_text(path, path.read_text(encoding="utf-8"), context))
    doc = parse(article.text)
    actors = extract_actors(article, doc)
    return {a.name: a for a in score_tone(article, doc, actors, extract_quotes(article, doc, actors))}


def test_seed_commentary_portrays_putin_negatively(japan_times) -> None:
    putin = japan_times["Vladimir Putin"]
    assert putin.tone is not None and putin.tone < -0.3
    evidence = " ".join(e.text for e in putin.evidence)
    assert "exploit a desperate Kim" in evidence
    assert "Great Disruptor" in evidence


def test_seed_commentary_portrays_kim_negatively_with_his_labels(japan_times) -> None:
    kim = japan_times["Kim Jong-un"]
    assert kim.tone is not None and kim.tone < -0.5
    assert any("dictator" in label for label in kim.labels)
    assert any("young dictator" in e.text for e in kim.evidence)
    assert any("merciless" in e.text for e in kim.evidence)
