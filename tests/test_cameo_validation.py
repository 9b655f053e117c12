"""The PETRARCH validation suite (../shared/eval/cameo), coded with its own dictionaries and scored."""

from __future__ import annotations

import json

import pytest

from crosswire.evaluation.cameo import run_validation, score
from crosswire.events.code import code_records


@pytest.fixture(scope="module")
def suite(eval_dir):
    records = [
        json.loads(line) for line in open(eval_dir / "cameo" / "petrarch_validation.jsonl", encoding="utf-8")
    ]
    return {r["id"]: r for r in records}


@pytest.fixture(scope="module")
def given(eval_dir):
    return run_validation(eval_dir, use_given_parse=True)


def test_record_exact_match_on_active_records(given):
    assert given["records"] == 270
    assert given["record_exact_match"] >= 0.90, given["failures"]
    assert given["triple"]["f1"] >= 0.90
    assert given["events_on_no_event_records"] == 0


@pytest.mark.parametrize(
    "record_id",
    [
        "DEMO-02",  # possessive source, paired 032:033 events
        "DEMO-08",  # agent carried across a compound actor list
        "AGENT-03",  # prefixed and suffixed agents around an actor
        "COMPOUND-09",  # compound agent across a compound actor
        "DATE-09",  # embedded date restriction at its lower bound
        "PATTERN-08",  # + and $ reverse source and target
        "PASSIVE-01",  # passive voice
        "SYNSET-22g",  # synsets joined by _ inside a pattern
        "COMMA-10",  # require_dyad off, comma deletion off
        "DISCARD-01",  # story discard
        "ERROR-03",  # unbalanced parse
    ],
)
def test_named_records_code_exactly(suite, eval_dir, record_id):
    record = suite[record_id]
    [out] = code_records([record], eval_dir / "cameo" / "dictionaries" / "validate")
    got = {(e["source"], e["target"], e["code"]) for e in out["events"]}
    assert got == {(e["source"], e["target"], e["code"]) for e in record["expected"]}
    if record["expect_error"]:
        assert out["error"].startswith(record["expect_error"])


def test_score_matches_the_official_definition():
    gold = [
        {"id": "a", "expected": [{"source": "A", "target": "B", "code": "042"}]},
        {"id": "b", "expected": []},
    ]
    pred = {
        "a": [{"source": "A", "target": "B", "code": "043"}],
        "b": [{"source": "X", "target": "Y", "code": "010"}],
    }
    result = score(gold, pred)
    assert result["triple"]["tp"] == 0 and result["root"]["tp"] == 1
    assert result["record_exact_match"] == 0.0 and result["events_on_no_event_records"] == 1


@pytest.mark.slow
def test_spacy_parses_code_most_of_the_suite(eval_dir):
    result = run_validation(eval_dir, use_given_parse=False)
    # Lower than with the given parses (different trees), but the engine must still work on them.
    # Measured 0.863 / 0.882 after flattening chained conjuncts and opening clauses before their subject.
    assert result["record_exact_match"] >= 0.85
    assert result["triple"]["f1"] >= 0.86
