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
