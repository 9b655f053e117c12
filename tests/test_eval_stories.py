"""Story-grouping evaluation: B-cubed and adjusted Rand written out by hand, BASIL loading, the real score."""

from __future__ import annotations

import json
from itertools import combinations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosswire.evaluation.stories import adjusted_rand, bcubed, load_basil, main

labels = st.lists(st.integers(min_value=0, max_value=4), min_size=2, max_size=30)


def test_bcubed_by_hand() -> None:
    gold = ["a", "a", "a", "b", "b"]
    pred = [1, 1, 2, 2, 2]
    # precision per item: 1, 1, 1/3, 2/3, 2/3; recall: 2/3, 2/3, 1/3, 1, 1
    p, r, f1 = bcubed(gold, pred)
    assert p == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)
    assert r == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)
    assert f1 == pytest.approx(2 * p * r / (p + r))
    assert bcubed(gold, gold) == (1.0, 1.0, 1.0)
    # everything in one cluster: perfect recall, precision = sum of squared shares
    p, r, _ = bcubed(gold, [0] * 5)
    assert r == 1.0 and p == pytest.approx((3 * 3 / 5 + 2 * 2 / 5) / 5)


def test_adjusted_rand_by_hand() -> None:
    assert adjusted_rand([0, 0, 1, 1], [1, 1, 0, 0]) == pytest.approx(1.0)
    # contingency: index = 1, sums 2 and 1, expected 2/6, max 1.5 -> (1 - 1/3) / (1.5 - 1/3) = 4/7
    assert adjusted_rand([0, 0, 1, 1], [0, 0, 1, 2]) == pytest.approx(4 / 7)
    assert adjusted_rand([0, 0, 0, 1, 1, 1], [0, 1, 2, 0, 1, 2]) < 0


def _pair_ari(gold: list[int], pred: list[int]) -> float:
    """ARI from pair counts, a different route to the same number."""
    pairs = list(combinations(range(len(gold)), 2))
    both = sum(gold[i] == gold[j] and pred[i] == pred[j] for i, j in pairs)
    same_gold = sum(gold[i] == gold[j] for i, j in pairs)
    same_pred = sum(pred[i] == pred[j] for i, j in pairs)
    expected = same_gold * same_pred / len(pairs)
    maximum = (same_gold + same_pred) / 2
    if maximum == expected:
        return 1.0 if same_gold == same_pred else 0.0
    return (both - expected) / (maximum - expected)


@given(labels, st.randoms())
def test_metrics_properties(gold: list[int], rnd) -> None:
    pred = [rnd.randrange(4) for _ in gold]
    assert adjusted_rand(gold, pred) == pytest.approx(_pair_ari(gold, pred))
    assert adjusted_rand(gold, pred) == pytest.approx(adjusted_rand(pred, gold))
    renamed = [f"story-{x * 7}" for x in pred]
    assert adjusted_rand(gold, renamed) == pytest.approx(adjusted_rand(gold, pred))
    p, r, f1 = bcubed(gold, pred)
    assert 0 < p <= 1 and 0 < r <= 1 and min(p, r) - 1e-12 <= f1 <= max(p, r) + 1e-12
    assert bcubed(pred, gold)[:2] == pytest.approx((r, p))


def test_metrics_reject_mismatched_lengths() -> None:
    with pytest.raises(ValueError):
        bcubed([1, 2], [1])
    with pytest.raises(ValueError):
        adjusted_rand([1, 2], [1])


def test_load_basil_errors_name_file_and_line(tmp_path) -> None:
    with pytest.raises(FileNotFoundError, match="articles.jsonl"):
        load_basil(tmp_path)
    (tmp_path / "articles.jsonl").write_text(
        '{"id": "1", "story_id": "s", "title": "t", "text": "x"}\n{oops\n'
    )
    with pytest.raises(ValueError, match=r"articles.jsonl:2: not valid JSON"):
        load_basil(tmp_path)
    (tmp_path / "articles.jsonl").write_text('{"id": "1", "title": "t", "text": "x"}\n')
    with pytest.raises(ValueError, match=r"articles.jsonl:1: record lacks story_id"):
        load_basil(tmp_path)
    assert main([str(tmp_path / "missing")]) == 2


@pytest.mark.slow
def test_basil_grouping_meets_targets(eval_dir, capsys) -> None:
    """Acceptance (issue #5): B-cubed F1 >= 0.95 and ARI >= 0.90 overall and within each year."""
    assert main([str(eval_dir / "basil"), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["overall"]["articles"] == 300
    assert result["overall"]["bcubed_f1"] >= 0.95
    assert result["overall"]["ari"] >= 0.90
    assert len(result["by_year"]) == 10
    for year, scores in result["by_year"].items():
        assert scores["bcubed_f1"] >= 0.95, year
        assert scores["ari"] >= 0.90, year
