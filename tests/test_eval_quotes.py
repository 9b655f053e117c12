"""The quote scorer, its gold reader, and the acceptance numbers on the PolNeAR dev set."""

from __future__ import annotations

import json

import pytest

from crosswire.evaluation import quotes as ev

TEXT = 'Kim said that the talks failed. "We will wait," Ri told reporters.'
KIM = {"start": 0, "end": 3}


def gold(spans, kind="indirect", speaker="Kim", speaker_spans=((0, 3),)):
    return {
        "spans": [list(s) for s in spans],
        "type": kind,
        "speaker": speaker,
        "speaker_spans": [list(s) for s in speaker_spans],
    }


def pred(start, end, kind="indirect", mention="Kim", name="Kim Jong-un", s_start=0, s_end=3):
    return {
        "start": start,
        "end": end,
        "spans": [[start, end]],
        "kind": kind,
        "speaker": {"mention": mention, "name": name, "start": s_start, "end": s_end},
    }


def test_overlap_of_half_the_shorter_span_matches():
    g = gold([(9, 30)])  # "that the talks failed"
    assert ev.match_quotes(TEXT, [pred(14, 30)], [g]) == [(0, 0)]  # "the talks failed": inside
    assert ev.match_quotes(TEXT, [pred(0, 13)], [g]) == []  # "Kim said that": one shared token of 3


def test_matching_is_one_to_one_and_prefers_the_largest_overlap():
    g = gold([(9, 30)])
    preds = [pred(14, 24), pred(9, 30)]
    assert ev.match_quotes(TEXT, preds, [g]) == [(1, 0)]


def test_speaker_right_by_span_words_or_surname():
    g = gold([(9, 30)], speaker="Mr. Kim", speaker_spans=((40, 45),))
    assert ev.speaker_right(pred(9, 30, mention="he", s_start=41, s_end=43), g)  # span overlap
    assert ev.speaker_right(pred(9, 30, mention="Kim", name="Kim", s_start=0, s_end=3), g)  # same surname
    assert not ev.speaker_right(pred(9, 30, mention="Ri", name="Ri Yong-ho", s_start=0, s_end=2), g)
    no_source = gold([(9, 30)], speaker=None, speaker_spans=())
    assert not ev.speaker_right(pred(9, 30), no_source)
    assert ev.speaker_right(pred(9, 30, mention=None, name=None, s_start=None, s_end=None), no_source)


def test_score_reports_precision_recall_by_type():
    golds = [gold([(9, 30)]), gold([(32, 46)], kind="direct", speaker="Ri", speaker_spans=((47, 49),))]
    preds = [
        pred(9, 30),
        pred(32, 46, kind="direct", mention="reporters", s_start=55, s_end=64),
        pred(50, 64, kind="mixed"),
    ]
    result = ev.score([(TEXT, preds, golds)])
    assert result["span"] == {"precision": round(2 / 3, 4), "recall": 1.0, "f1": 0.8}
    assert result["by_type"]["direct"]["span"]["f1"] == 1.0
    assert result["by_type"]["direct"]["span_speaker"]["f1"] == 0.0
    assert result["by_type"]["mixed"]["span"]["precision"] == 0.0
    assert result["speaker_accuracy"] == 0.5


def test_read_gold_names_the_file_and_line_of_a_bad_record(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"text": "x", "quotes": []}) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold\.jsonl:2: not valid JSON"):
        ev.read_gold(path)
    path.write_text(json.dumps({"text": "x", "quotes": [{"spans": [[0, 1]], "type": "odd"}]}) + "\n")
    with pytest.raises(ValueError, match=r"gold\.jsonl:1: 'quotes'"):
        ev.read_gold(path)
    with pytest.raises(FileNotFoundError, match="missing.jsonl"):
        ev.read_gold(tmp_path / "missing.jsonl")


def test_main_reports_a_bad_file_without_a_traceback(tmp_path, capsys):
    assert ev.main([str(tmp_path / "missing.jsonl")]) == 2
    assert "missing.jsonl" in capsys.readouterr().err


def test_main_prints_scores_for_a_small_sample(eval_dir, capsys):
    assert ev.main([str(eval_dir / "quotes" / "polnear_dev.jsonl"), "--limit", "3"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["documents"] == 3
    assert result["counts"]["matched"] > 0
    assert set(result["by_type"]) == {"direct", "indirect", "mixed"}


@pytest.mark.slow
def test_dev_set_meets_the_acceptance_targets(eval_dir):
    result = ev.run(eval_dir / "quotes" / "polnear_dev.jsonl")
    assert result["documents"] == 84
    # Targets: direct 0.90, all kinds 0.70, speaker 0.85; held at what the extractor reaches (issue #3:
    # direct 0.9425, all kinds 0.7286 at precision 0.8294, speaker 0.8743).
    assert result["by_type"]["direct"]["span"]["f1"] >= 0.94
    assert result["span"]["f1"] >= 0.725
    assert result["span"]["precision"] >= 0.82
    assert result["speaker_accuracy"] >= 0.87
