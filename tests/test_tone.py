"""Tone toward actors: constructed sentences for each rule, and the Japan Times commentary among the seeds."""

from __future__ import annotations

import math
from datetime import datetime
from pathlib import Path

import pytest

from crosswire.model import Actor, Article, Quote, Speaker
from crosswire.nlp.actors import extract_actors
from crosswire.nlp.quotes import extract_quotes
from crosswire.nlp.runtime import parse
from crosswire.nlp.tone import Lexicon, LexiconError, contributions, lexicon_tone
from crosswire.nlp.tone_model import score_tone


def toned(text: str, quotes: list[Quote] | None = None) -> dict[str, Actor]:
    """The lexicon's own tone: the rules below are about which words reach which actor."""
    article = Article(text=text, published=datetime(2019, 4, 29))
    doc = parse(text)
    return {a.name: a for a in lexicon_tone(article, doc, extract_actors(article, doc), quotes)}


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


def test_score_tone_is_the_models_expected_sentiment_over_the_same_evidence() -> None:
    from crosswire.nlp.tone_model import article_sentiment

    text = (
        "Critics condemned John Smith on Monday. Smith is a corrupt and dishonest politician, and his brutal "
        "tactics were a disgrace. Mary Jones visited Boston on Tuesday."
    )
    article = Article(text=text)
    doc = parse(text)
    actors = extract_actors(article, doc)
    scored = score_tone(article, doc, actors)
    lexical = lexicon_tone(article, doc, actors)
    by_model = article_sentiment(article, doc, actors)
    smith = next(n for n, a in enumerate(actors) if a.name == "John Smith")
    jones = next(n for n, a in enumerate(actors) if a.name == "Mary Jones")
    assert scored[smith].tone == pytest.approx(by_model[smith].score)
    assert scored[smith].tone is not None and scored[smith].tone < 0
    assert lexical[smith].tone is not None and lexical[smith].tone != pytest.approx(scored[smith].tone)
    assert [e.text for e in scored[smith].evidence] == [e.text for e in lexical[smith].evidence]
    assert scored[jones].tone is None and lexical[jones].tone is None  # no evidence, no verdict


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
def japan_times(seeds_dir: Path) -> dict[str, Actor]:
    from crosswire.ingest.context import ReadContext
    from crosswire.ingest.text import read_text
    from crosswire.knowledge.sources import SourceRegistry

    path = next(
        p for p in sorted(seeds_dir.glob("*.txt")) if "Great Disruptor" in p.read_text(encoding="utf-8")
    )
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


# ---------------------------------------------------------------------------------------------- tone_model
def test_fit_softmax_separates_three_classes_and_rejects_bad_labels() -> None:
    import numpy as np

    from crosswire.nlp.tone_model import fit_softmax, softmax

    rng = np.random.default_rng(0)
    centres = np.array([[-2.0, 0.0], [0.0, 2.0], [2.0, 0.0]])
    y = np.repeat([0, 1, 2], 30)
    x = centres[y] + rng.normal(scale=0.3, size=(90, 2))
    w, b = fit_softmax(x, y, 3, l2=0.1)
    assert (softmax(x @ w + b).argmax(axis=1) == y).mean() > 0.97
    stronger, _ = fit_softmax(x, y, 3, l2=100.0)
    assert np.abs(stronger).sum() < np.abs(w).sum()  # the ridge shrinks the weights
    with pytest.raises(ValueError, match="labels"):
        fit_softmax(x, np.full(90, 3), 3)
    with pytest.raises(ValueError, match="no training rows"):
        fit_softmax(np.zeros((0, 2)), np.zeros(0, dtype=int), 3)


def test_balanced_weights_give_each_class_equal_mass() -> None:
    import numpy as np

    from crosswire.nlp.tone_model import balanced_weights

    y = np.array([0] * 8 + [1] * 2 + [2] * 1)
    w = balanced_weights(y, 3, power=1.0)
    assert [round(float(w[y == c].sum()), 6) for c in range(3)] == [round(11 / 3, 6)] * 3
    half = balanced_weights(y, 3, power=0.5)
    assert w[y == 2][0] > half[y == 2][0] > half[y == 0][0]


def test_features_split_the_lexicon_by_voice_and_sign() -> None:
    from crosswire.nlp.tone import Contribution
    from crosswire.nlp.tone_model import FEATURES, features_from

    absent = features_from(None)
    assert not absent.any()
    row = dict(
        zip(
            FEATURES,
            features_from(
                [
                    Contribution(0, 10, "corrupt", -0.8, 1.0),
                    Contribution(0, 10, "honest", 0.4, 1.0),
                    Contribution(20, 30, "liar", -1.0, 0.5),
                ]
            ),
            strict=True,
        )
    )
    assert row["found"] == 1.0
    assert row["outlet_negative"] == pytest.approx(math.log1p(0.8))
    assert row["outlet_positive"] == pytest.approx(math.log1p(0.4))
    assert row["quoted_negative"] == pytest.approx(math.log1p(0.5))
    assert row["quoted_positive"] == 0.0
    assert row["tone"] == pytest.approx(math.tanh((-0.8 + 0.4 - 0.5) / 1.5))


def test_model_file_round_trips_and_bad_files_are_named(tmp_path) -> None:
    import numpy as np

    from crosswire.nlp.tone_model import FEATURES, ToneModel, ToneModelError

    d = len(FEATURES)
    model = ToneModel(
        FEATURES, np.zeros(d), np.ones(d), np.arange(d * 3.0).reshape(d, 3), np.zeros(3), {"x": 1.5}
    )
    path = tmp_path / "m.npz"
    model.save(path)
    again = ToneModel.load(path)
    assert again.info == {"x": 1.5}
    row = np.linspace(0, 1, d)
    assert np.allclose(again.probabilities(row), model.probabilities(row))
    assert again.probabilities(row).sum() == pytest.approx(1.0)
    garbage = tmp_path / "garbage.npz"
    garbage.write_bytes(b"not a numpy file")
    with pytest.raises(ToneModelError, match="garbage.npz"):
        ToneModel.load(garbage)
    other = tmp_path / "other.npz"
    np.savez(
        other,
        feature_names=np.array(["a"]),
        mean=np.zeros(1),
        scale=np.ones(1),
        weights=np.zeros((1, 3)),
        bias=np.zeros(3),
    )
    with pytest.raises(ToneModelError, match="other.npz: built for features"):
        ToneModel.load(other)


def test_shipped_model_reads_outlet_blame_as_negative_and_a_plain_report_as_neutral() -> None:
    from crosswire.nlp.tone_model import LABELS, ToneModel, article_sentiment

    model = ToneModel.builtin()
    assert 0.0 < model.info["cv_macro_f1"] <= 1.0  # the story-grouped CV score travels with the model
    text = (
        "Critics condemned John Smith on Monday. Smith is a corrupt and dishonest politician, and his brutal "
        "tactics were a disgrace. Mary Jones visited Boston on Tuesday. She met local officials."
    )
    article = Article(text=text)
    doc = parse(text)
    actors = extract_actors(article, doc)
    found = article_sentiment(article, doc, actors, extract_quotes(article, doc, actors))
    assert [s.actor_id for s in found] == [a.actor_id for a in actors]
    by_name = {a.name: s for a, s in zip(actors, found, strict=True)}
    assert by_name["John Smith"].label == "negative"
    assert by_name["John Smith"].score < 0
    assert by_name["Mary Jones"].label == "neutral"
    for s in found:
        assert set(s.probabilities) == set(LABELS)
        assert sum(s.probabilities.values()) == pytest.approx(1.0)
    assert article_sentiment(article, doc, []) == []
