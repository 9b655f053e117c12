"""The PLOVER gold-record scorer, and `crosswire eval plover` over a few records end to end."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from conftest import EVAL
from crosswire.cli import app
from crosswire.evaluation import plover

GOLD = EVAL / "plover" / "plover_gsr_dev.jsonl"


def gold(rid: str, event: str, *sources: str) -> dict:
    return {"id": rid, "text": "x", "event": event, "source": [{"code": s} for s in sources]}


def row(plover_type: str, source: str) -> dict:
    return {"source": {"name": "x", "code": source}, "target": None, "cameo": "010", "plover": plover_type}


def test_score_counts_type_source_and_empty_records():
    golds = [gold("a", "AGREE", "JOR"), gold("b", "DEMAND", "IGO"), gold("c", "ASSAULT", "SRB")]
    coded = {"a": [row("CONSULT", "GBR"), row("AGREE", "JORGOV")], "b": [row("REQUEST", "USA")], "c": []}
    result = plover.score(golds, coded)
    # a: type right (second event), source right (JORGOV starts with JOR); b: REQUEST counts as DEMAND,
    # source wrong; c: no event.
    assert result["event_type"] == round(2 / 3, 3)
    assert result["source_country"] == round(1 / 3, 3)
    assert result["no_event"] == 1 and result["misses"] == {"none:ASSAULT": 1}


@pytest.mark.needs_shared
def test_eval_plover_codes_records_and_writes_score_py_input(tmp_path):
    out = tmp_path / "coded.jsonl"
    result = CliRunner().invoke(app, ["eval", "plover", str(GOLD), "--limit", "6", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "PLOVER gold records: event type" in result.output
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    golds = [json.loads(line) for line in GOLD.read_text().splitlines()][:6]
    assert [line["id"] for line in lines] == [g["id"] for g in golds]
    events = [e for line in lines for e in line["events"]]
    assert events, "six gold sentences of political events should code at least one event"
    for e in events:
        assert set(e) >= {"source", "target", "cameo", "plover", "status", "negated"}
        assert e["source"]["name"]
    # "Jordan and Britain have agreed to undertake joint military exercises" is an agreement by Jordan.
    first = lines[0]["events"]
    assert any(e["plover"] == "AGREE" and e["source"]["code"].startswith("JOR") for e in first), first
