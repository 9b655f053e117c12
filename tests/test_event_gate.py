"""The event coder's precision gate (events/gate.py, knowledge/event_gate.py) and its trainer
(benchmarks/train_event_gate.py), on invented sentences and synthetic judgement data."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

from crosswire.errors import LexiconError
from crosswire.events import gate
from crosswire.knowledge.event_gate import GateWeights
from crosswire.model import Article
from crosswire.nlp.runtime import parse
from event_support import code_text

TRAINER = Path(__file__).resolve().parents[1] / "benchmarks" / "train_event_gate.py"

PLAIN = "Peru condemned Chile on Monday."
OFF_TOPIC = "Peru condemned Chile after the football match on Monday."


def _trainer():
    spec = importlib.util.spec_from_file_location("crosswire_train_event_gate", TRAINER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    added = str(TRAINER.parent) not in sys.path
    try:
        spec.loader.exec_module(module)
    finally:
        if added and str(TRAINER.parent) in sys.path:
            sys.path.remove(str(TRAINER.parent))
    return module


def code(text: str, gated: bool) -> list:
    return code_text(text, gated=gated)


# ---------------------------------------------------------------- the weights file


def test_the_shipped_gate_loads_with_a_threshold_and_known_features() -> None:
    weights = GateWeights.builtin()
    assert 0.0 < weights.threshold < 1.0
    assert "bias" in weights.weights and "off_topic" in weights.weights
    assert 0.0 < weights.probability({}) < 1.0


def test_a_weights_file_needs_a_threshold_and_numbers() -> None:
    parsed = GateWeights.parse("# provenance\nthreshold\t0.5\nbias\t0.0\nnegated\t-2\n")
    assert parsed.probability({}) == pytest.approx(0.5)
    assert parsed.probability({"negated": 1.0}) < 0.2
    assert GateWeights.parse(parsed.dump("header")) == parsed
    with pytest.raises(LexiconError):
        GateWeights.parse("bias\t0.0\n")
    with pytest.raises(LexiconError):
        GateWeights.parse("threshold\t0.5\nbias\tmany\n")


# ---------------------------------------------------------------- features and the gated coder


def test_features_see_sport_and_a_plain_statement_apart() -> None:
    with gate.collecting() as rows:
        code(OFF_TOPIC, gated=True)  # collecting: nothing held back
    assert rows and all(f["off_topic"] == 1.0 for _, f in rows)
    with gate.collecting() as rows:
        code(PLAIN, gated=True)
    assert rows and all(f["off_topic"] == 0.0 and f["source_state"] == 1.0 for _, f in rows)


def test_the_shipped_gate_trusts_a_plain_act_and_doubts_one_in_sport_news() -> None:
    plain = [e for e in code(PLAIN, gated=False) if e.cameo == "111"]
    assert plain and plain[0].confidence > 0.5
    sport = [e for e in code(OFF_TOPIC, gated=False) if e.cameo == "111"]
    assert sport and sport[0].confidence < plain[0].confidence


def test_a_gated_coder_drops_events_under_the_threshold_and_an_ungated_one_keeps_them(monkeypatch) -> None:
    strict = GateWeights({"bias": 2.0, "off_topic": -4.0}, threshold=0.5)
    monkeypatch.setattr(gate, "weights", lambda: strict)
    assert not [e for e in code(OFF_TOPIC, gated=True) if e.cameo == "111"]
    kept = [e for e in code(PLAIN, gated=True) if e.cameo == "111"]
    assert kept and kept[0].confidence == pytest.approx(strict.probability({}), abs=0.001)
    ungated = [e for e in code(OFF_TOPIC, gated=False) if e.cameo == "111"]
    assert ungated and ungated[0].confidence < 0.5


# ---------------------------------------------------------------- the trainer


def test_the_trainers_cross_validation_learns_a_synthetic_sheet() -> None:
    train = _trainer()
    rng = np.random.default_rng(0)
    groups = []
    for _ in range(4):  # four "sheets": events with a bad feature are mostly wrong
        x = rng.integers(0, 2, size=(80, 3)).astype(float)
        y = ((x[:, 0] == 0) | (rng.random(80) < 0.1)).astype(float)
        groups.append((x, y))
    models = train.cross_validate(groups)
    assert len(models) == 4 and all(m[0] < -1.0 and abs(m[1]) < 1.0 for m in models)
    p = np.concatenate([train.predict(m, g[0]) for m, g in zip(models, groups, strict=True)])
    y = np.concatenate([g[1] for g in groups])
    ungated = y.mean()
    precision, share = train.at_threshold(p, y, 0.5)
    assert precision > ungated + 0.2 and 0.3 < share < 0.8
    t = train.choose_threshold(p, y, 0.9)
    assert train.at_threshold(p, y, t)[0] >= 0.9
    assert train.auc(p, y) > 0.8 and train.auc(np.array([0.2, 0.9]), np.array([0.0, 1.0])) == 1.0
    assert "right" in train.reliability(p, y)
    # a target no threshold reaches: the threshold with the best precision
    assert train.choose_threshold(p, y, 1.01) in train.THRESHOLDS


def test_the_trainers_fit_weighs_rows() -> None:
    train = _trainer()
    x = np.array([[1.0], [1.0], [0.0], [0.0]])
    y = np.array([1.0, 0.0, 1.0, 0.0])
    heavy_right = train.fit(x, y, weight=np.array([5.0, 1.0, 1.0, 1.0]))
    assert train.predict(heavy_right, np.array([[1.0]]))[0] > 0.6


def test_an_analysis_gates_events_only_when_its_resources_ask(monkeypatch) -> None:
    from crosswire.analysis import analyze_article
    from crosswire.knowledge.resources import Resources

    monkeypatch.setattr(gate, "weights", lambda: GateWeights({"bias": 2.0, "off_topic": -4.0}, threshold=0.5))
    article = Article(text=OFF_TOPIC, outlet="Test Daily")
    doc = parse(article.text)
    assert [e for e in analyze_article(article, doc).events if e.cameo == "111"]
    gated = analyze_article(article, doc, Resources(event_gate=True)).events
    assert not [e for e in gated if e.cameo == "111"]


def test_polnear_draws_leave_earlier_draws_out(eval_dir: Path) -> None:  # skipped without ../shared
    audit_path = TRAINER.parent / "event_audit.py"
    spec = importlib.util.spec_from_file_location("crosswire_event_audit", audit_path)
    assert spec is not None and spec.loader is not None
    audit = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(audit)
    assert audit.POLNEAR.exists(), audit.POLNEAR
    # every recorded draw, replayed as it was made, reads only articles no earlier draw read (the fresh
    # and final checks of docs/accuracy.md rest on it)
    read: set[str] = set()
    for seed, (n, excluded) in sorted(audit.POLNEAR_DRAWS.items()):
        drawn = {r["id"] for r in audit.pick_polnear(n, seed, excluded)}
        assert len(drawn) == n and not drawn & read, seed
        read |= drawn
