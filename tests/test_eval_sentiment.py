"""The BASIL sentiment scorer: metrics on hand-made inputs, entity matching, bad input, a tiny end-to-end run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosswire.evaluation import sentiment as S
from crosswire.model import Actor, Article, Mention


def test_confusion_and_per_class_scores() -> None:
    pairs = [
        ("negative", "negative"),
        ("negative", "neutral"),
        ("neutral", "neutral"),
        ("neutral", "negative"),
        ("positive", "positive"),
        ("neutral", "neutral"),
    ]
    matrix = S.confusion(pairs)
    assert matrix["negative"] == {"negative": 1, "neutral": 1, "positive": 0}
    assert matrix["neutral"] == {"negative": 1, "neutral": 2, "positive": 0}
    scores = S.per_class(matrix)
    assert scores["negative"]["precision"] == pytest.approx(0.5)
    assert scores["negative"]["recall"] == pytest.approx(0.5)
    assert scores["neutral"]["recall"] == pytest.approx(2 / 3)
    assert scores["positive"]["f1"] == pytest.approx(1.0)
    assert S.macro_f1(pairs) == pytest.approx((0.5 + 2 / 3 + 1.0) / 3)


def test_a_class_never_predicted_scores_zero_and_unknown_labels_fail() -> None:
    assert S.macro_f1([("positive", "neutral"), ("neutral", "neutral")]) == pytest.approx(
        (0 + 2 * 0.5 * 1 / 1.5 + 0) / 3
    )
    with pytest.raises(ValueError, match="unknown label"):
        S.confusion([("neutral", "mixed")])


def test_classify_by_thresholds() -> None:
    assert S.classify(None) == "neutral"
    assert S.classify(-0.9, -0.5, 0.5) == "negative"
    assert S.classify(0.2, -0.5, 0.5) == "neutral"
    assert S.classify(0.7, -0.5, 0.5) == "positive"


def test_thresholds_are_chosen_to_separate_and_cross_validated_by_story() -> None:
    items = []
    for n in range(40):
        story = f"story-{n}"
        items += [(story, "A", "negative", -0.8), (story, "B", "neutral", 0.0), (story, "C", "positive", 0.6)]
    neg, pos = S.choose_thresholds(items)
    assert -0.8 < neg <= 0.0 and 0.0 <= pos < 0.6
    cv = S.cross_validate(items)
    assert cv["macro_f1"] == pytest.approx(1.0)
    assert len(cv["thresholds"]) == S.FOLDS
    assert S.fold_of("story-1") == S.fold_of("story-1")
    assert len({S.fold_of(f"story-{n}") for n in range(40)}) == S.FOLDS


def actor(name: str, kind: str = "person") -> Actor:
    return Actor(article_id="a", name=name, kind=kind, mentions=[Mention(0, len(name), name)])


def test_entities_match_actors_by_name_and_surname() -> None:
    assert S.entity_name("Barack_Obama") == "Barack Obama"
    assert S.matches("Barack Obama", actor("Barack Obama"))
    assert S.matches("Barack Obama", actor("Obama"))
    assert not S.matches("Barack Obama", actor("Michelle Obama"))
    assert not S.matches("Barack Obama", actor("Donald Trump"))
    assert S.matches("Justice Department", actor("the Justice Department", "organisation"))


def test_entity_not_an_actor_is_found_as_a_phrase() -> None:
    article = Article(
        text="Officials in the Obama administration denied it. The Obama Administration said no."
    )
    found = S.entity_actor(article, "Obama administration", [])
    assert found is not None
    assert [article.text[m.start : m.end] for m in found.mentions] == [
        "Obama administration",
        "Obama Administration",
    ]
    assert S.entity_actor(article, "House Democrats", []) is None


def write_basil(folder: Path, records: list[dict]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "articles.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return folder


def record(n: int, text: str, sentiments: dict[str, str]) -> dict:
    return {
        "id": f"s{n}_1",
        "story_id": f"s{n}",
        "outlet": "nyt",
        "title": "t",
        "date": "2015-05-01",
        "text": text,
        "annotations": {"author_sentiment_entities": sentiments},
    }


def test_bad_input_names_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="articles.jsonl"):
        S.read_basil(tmp_path / "missing")
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "articles.jsonl").write_text(json.dumps(record(1, "x", {})) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"articles\.jsonl:2: not valid JSON"):
        S.read_basil(folder)
    write_basil(folder, [record(1, "x", {"John_Smith": "angry"})])
    with pytest.raises(ValueError, match=r"articles\.jsonl:1: .*author_sentiment_entities"):
        S.read_basil(folder)
    assert S.main([str(tmp_path / "missing")]) == 2


def test_run_end_to_end_on_a_tiny_set(tmp_path: Path) -> None:
    folder = write_basil(
        tmp_path / "basil",
        [
            record(
                1,
                "Critics condemned John Smith on Monday. Smith is a corrupt and dishonest politician, "
                "and his brutal tactics were a disgrace.",
                {"John_Smith": "negative", "Mary_Jones": "neutral"},
            ),
            record(
                2, "Mary Jones visited Boston on Tuesday. She met local officials.", {"Mary_Jones": "neutral"}
            ),
        ],
    )
    result = S.run(folder, cache_dir=tmp_path / "parses")
    assert result["articles"] == 2 and result["entities"] == 3
    assert result["method"] == S.METHOD
    assert result["confusion"]["negative"]["negative"] == 1
    assert result["confusion"]["neutral"]["neutral"] == 2
    assert result["macro_f1"] == pytest.approx(2 / 3)  # no positive entity: its F1 is zero
    assert set(result["per_class"]) == set(S.LABELS)
    assert result["lexicon_thresholds"]["confusion"]["negative"]["negative"] == 1
    assert result["cross_validated"]["scored"] <= 3


def test_group_entities_are_found_through_their_variants() -> None:
    [lawmakers] = S.entity_phrases("Republican Lawmakers")
    for text in ("Republican lawmakers", "GOP senators", "Republican legislators", "a Republican lawmaker"):
        assert lawmakers.search(text), text
    assert not lawmakers.search("Democratic lawmakers")
    assert not lawmakers.search("Republicans")  # the party at large is not the group
    [protesters] = S.entity_phrases("protestors")
    assert protesters.search("Protesters gathered") and protesters.search("one protestor")
    [admin] = S.entity_phrases("Obama's administration")
    assert admin.search("the Obama administration said")
    [congress] = S.entity_phrases("U.S. Congress")
    assert congress.search("Congress passed it")


def test_a_misspelt_or_truncated_person_is_found_by_surname_among_person_entities() -> None:
    from crosswire.nlp.runtime import parse

    text = "Mexican President Felipe Calderón met reporters on Monday, Fox News reported."
    article = Article(text=text)
    doc = parse(text)
    found = S.entity_actor(article, "Felipe Calder", [], doc)
    assert found is not None and found.kind == "person"
    assert [text[m.start : m.end] for m in found.mentions] == ["Felipe Calderón"]
    assert S.entity_actor(article, "Vicente Fox", [], doc) is None  # "Fox News" is no person


def test_model_cross_validation_never_trains_on_the_story_it_scores(monkeypatch) -> None:
    import numpy as np

    items = []
    rows = []
    for n in range(40):
        for label, value in (("negative", -1.0), ("neutral", 0.0), ("positive", 1.0)):
            items.append((f"story-{n}", label, label, value))
            rows.append([1.0, value, max(-value, 0.0), max(value, 0.0), 0.0, 0.0])
    features = np.array(rows)
    seen: list[set[str]] = []
    real_train = S.train_model

    def spy(train_items, train_features, info=None):
        seen.append({it[0] for it in train_items})
        return real_train(train_items, train_features, info)

    monkeypatch.setattr(S, "train_model", spy)
    cv = S.cross_validate_model(items, features)
    assert cv["macro_f1"] == pytest.approx(1.0)
    assert cv["scored"] == len(items)
    assert len(seen) == S.FOLDS
    for k, stories in enumerate(seen):
        assert all(S.fold_of(s) != k for s in stories)


# Measured on BASIL (story-grouped 5-fold CV, benchmarks/train_tone.py): see docs; the margin absorbs
# floating-point and parse-version drift, not a worse model.
MEASURED_CV_MACRO_F1 = 0.462
MEASURED_LEXICON_CV = 0.397


@pytest.mark.slow
def test_basil_cross_validated_macro_f1(eval_dir: Path, tmp_path_factory) -> None:
    import tempfile

    result = S.run(eval_dir / "basil", cache_dir=Path(tempfile.gettempdir()) / "crosswire-eval-parses")
    assert result["entities"] == 612
    cv = result["cross_validated"]["macro_f1"]
    assert cv >= MEASURED_CV_MACRO_F1 - 0.02
    # The model must beat the thresholded lexicon tone it is built on, both cross-validated by story.
    assert cv > result["lexicon_thresholds"]["cross_validated"]["macro_f1"] >= MEASURED_LEXICON_CV - 0.02
    # The shipped model was trained on BASIL; its stored CV score is the one measured here.
    assert result["model_info"]["cv_macro_f1"] == pytest.approx(cv, abs=0.02)
