"""The PETRARCH-compatible coder on small dictionaries and hand-written Treebank parses."""

from __future__ import annotations

import json
from datetime import date

import pytest

from crosswire.events.code import InputError, code_records, main, read_jsonl
from crosswire.events.petrarch.coder import CoderConfig, CodingError, code_tree
from crosswire.events.petrarch.parse import ParseError, parse_treebank
from crosswire.knowledge.petrarch.dictionaries import (
    Dictionaries,
    read_actors,
    read_agents,
    read_discards,
    read_verbs,
)

ACTORS = """FREEDONIA [FRE]
+FREEDONIAN
SYLVANIA [SYL]
KLOPSTOKIA [KLO]
MARX_BROTHERS [MRX/ZEP]
FIREFLY
\t[FREGOV <330101]
\t[FREMIL >321231]
"""
AGENTS = """POLICE {} [~COP]
MINISTER [~GOV]
MSF {} [NGO~]
"""
VERBS = """&MONEY
+DOLLARS
+SWISS FRANCS

--- CONDEMN [122] ---
CONDEMN
- * STRONGLY_WORDED [123]

--- MEET [031:032] ---
MEET {MET}

--- FREE [066] ---
FREE
- + * FROM $ [067]

--- GIVE [070] ---
GIVE {GAVE GIVEN}
- * &MONEY [071]

--- SAY [023] ---
SAY {SAID}

--- STOP [---] ---
STOP
- * AID [191]
"""


@pytest.fixture(scope="module")
def dicts() -> Dictionaries:
    return Dictionaries(
        read_actors(ACTORS),
        read_agents(AGENTS),
        read_verbs(VERBS),
        read_discards("+EARTHQUAKE\nFOOTBALL MATCH\n"),
    )


def run(dicts, parse, day=date(2000, 1, 1), **config):
    events = code_tree(parse_treebank(parse), dicts, day, CoderConfig(**config))
    return sorted((e.source, e.target, e.code) for e in events)


def np(*words: str) -> str:
    return "(NP " + " ".join(f"(NNP {w})" for w in words) + ")"


def test_simple_subject_verb_object(dicts):
    parse = f"(ROOT (S {np('Freedonia')} (VP (VBD condemned) {np('Sylvania')}) (. .)))"
    assert run(dicts, parse) == [("FRE", "SYL", "122")]


def test_pattern_after_verb_and_agents(dicts):
    parse = (
        "(ROOT (S (NP (JJ Freedonian) (NN police)) (VP (VBD condemned) (NP (NNP Sylvania)) "
        "(ADVP (RB strongly) (JJ worded))) (. .)))"
    )
    # `* STRONGLY_WORDED` needs the two words side by side, with any words between the verb and them
    assert run(dicts, parse) == [("FRECOP", "SYL", "123")]
    prefixed = (
        f"(ROOT (S (NP (NNP MSF) (NNP Freedonia) (NN minister)) (VP (VBD condemned) {np('Sylvania')})))"
    )
    assert run(dicts, prefixed) == [("NGOFREGOV", "SYL", "122")]


def test_compound_source_gives_one_event_per_actor(dicts):
    parse = (
        f"(ROOT (S (NP {np('Freedonia')} (CC and) {np('Klopstokia')}) (VP (VBD condemned) {np('Sylvania')})))"
    )
    assert run(dicts, parse) == [("FRE", "SYL", "122"), ("KLO", "SYL", "122")]
    multi = f"(ROOT (S (NP (DT the) (NNP Marx) (NNPS Brothers)) (VP (VBD condemned) {np('Sylvania')})))"
    assert run(dicts, multi) == [("MRX", "SYL", "122"), ("ZEP", "SYL", "122")]


def test_paired_code_and_target_search_skips_uncoded_phrases(dicts):
    parse = f"(ROOT (S {np('Freedonia')} (VP (VBD met) (NP (DT a) (NN delegation)) (PP (IN from) {np('Sylvania')}))))"
    assert run(dicts, parse) == [("FRE", "SYL", "031"), ("SYL", "FRE", "032")]


def test_passive_voice_swaps_source_and_target(dicts):
    parse = f"(ROOT (S {np('Sylvania')} (VP (VBD was) (VP (VBN condemned) (PP (IN by) {np('Freedonia')})))))"
    assert run(dicts, parse) == [("FRE", "SYL", "122")]


def test_pattern_source_and_target_markers(dicts):
    parse = f"(ROOT (S {np('Sylvania')} (VP (VBD was) (VP (VBN freed) (PP (IN from) {np('Klopstokia')})))))"
    assert run(dicts, parse) == [("KLO", "SYL", "067")]


def test_synset_in_pattern_and_null_code(dicts):
    money = f"(ROOT (S {np('Freedonia')} (VP (VBD gave) (NP (CD ten) (JJ swiss) (NNS francs)) (PP (IN to) {np('Sylvania')}))))"
    assert run(dicts, money) == [("FRE", "SYL", "071")]
    gold = f"(ROOT (S {np('Freedonia')} (VP (VBD gave) (NP (NN gold)) (PP (IN to) {np('Sylvania')}))))"
    assert run(dicts, gold) == [("FRE", "SYL", "070")]
    stop = f"(ROOT (S {np('Freedonia')} (VP (VB stop) (NP (NNS talks)) (PP (IN with) {np('Sylvania')}))))"
    assert run(dicts, stop) == []  # [---]: no event unless a pattern gives a code


def test_date_restricted_codes_follow_the_sentence_date(dicts):
    parse = f"(ROOT (S {np('Firefly')} (VP (VBD condemned) {np('Sylvania')})))"
    assert run(dicts, parse, day=date(1932, 6, 1)) == [("FREGOV", "SYL", "122")]
    assert run(dicts, parse, day=date(1934, 6, 1)) == [("FREMIL", "SYL", "122")]


def test_require_dyad_and_null_actors(dicts):
    parse = "(ROOT (S (NP (DT the) (NN minister)) (VP (VBD said) (PP (IN on) (NP (NNP Monday))))))"
    assert run(dicts, parse) == []
    assert run(dicts, parse, require_dyad=False) == [("---GOV", "---", "023")]


def test_comma_clause_removal(dicts):
    parse = (
        f"(ROOT (S {np('Freedonia')} (VP (VBD condemned) (NP (DT the) (NN plan)) (, ,) "
        f"(SBAR (IN after) (S {np('Sylvania')} (VP (VBD left)))) (, ,) (ADVP (RB again))) (. .)))"
    )
    # `, after Sylvania left ,` is a 3-word internal clause: removed by default, kept when comma_max=0
    assert run(dicts, parse) == []
    assert run(dicts, parse, comma_max=0) == [("FRE", "SYL", "122")]


def test_discards_and_bad_parses(dicts):
    with pytest.raises(CodingError) as err:
        code_tree(
            parse_treebank(f"(ROOT (S {np('Earthquake')} (VP (VBD hit) {np('Sylvania')})))"), dicts, None
        )
    assert err.value.kind == "storydiscard"
    with pytest.raises(ParseError, match="unbalanced"):
        parse_treebank("(ROOT (S (NP (NNP Freedonia)) (VP (VBD met)))")


def test_spacy_parse_codes_plain_text(dicts):
    out = list(
        code_records([{"id": "a", "text": "Freedonia condemned Sylvania.", "date": "2000-01-01"}], dicts)
    )
    assert out == [
        {
            "id": "a",
            "events": [
                {
                    "source": "FRE",
                    "target": "SYL",
                    "code": "122",
                    "rule": "CONDEMN [122]",
                    "evidence": "Freedonia condemned Sylvania .",
                }
            ],
        }
    ]


def _code_text(dicts, text: str) -> list[tuple[str, str, str]]:
    out = list(code_records([{"id": "a", "text": text, "date": "2000-01-01"}], dicts))
    return [(e["source"], e["target"], e["code"]) for e in out[0]["events"]]


def test_spacy_chained_conjuncts_give_one_event_each(dicts):
    # spaCy chains "A, B and C" (each conjunct the head of the next); the tree must list them flat.
    events = _code_text(dicts, "Sylvania, Klopstokia and Freedonia condemned Firefly on Monday.")
    assert sorted(events) == [("FRE", "FREMIL", "122"), ("KLO", "FREMIL", "122"), ("SYL", "FREMIL", "122")]


def test_spacy_clause_opening_words_stay_before_the_subject(dicts):
    # "almost five years after [Klopstokia crowds condemned ...]": the subject still precedes its verb.
    events = _code_text(
        dicts, "The talks resumed almost five years after Klopstokia crowds condemned Freedonia."
    )
    assert events == [("KLO", "FRE", "122")]


def test_cli_reads_jsonl_and_reports_bad_lines(tmp_path, capsys, eval_dir):
    good = tmp_path / "in.jsonl"
    good.write_text(
        json.dumps({"id": "x", "text": "Arnor condemned Gondor.", "date": "1995-01-01"}) + "\n",
        encoding="utf-8",
    )
    assert main(["--dictionaries", str(eval_dir / "cameo" / "dictionaries" / "validate"), str(good)]) == 0
    line = json.loads(capsys.readouterr().out.strip())
    assert line["id"] == "x" and [(e["source"], e["target"], e["code"]) for e in line["events"]] == [
        ("ARN", "GON", "122")
    ]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "ok", "text": "x", "date": "1995-01-01"}\n{not json\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.jsonl:2: not valid JSON"):
        list(read_jsonl(bad))
    assert main(["--dictionaries", str(eval_dir / "cameo" / "dictionaries" / "validate"), str(bad)]) == 2
    assert "bad.jsonl:2" in capsys.readouterr().err
