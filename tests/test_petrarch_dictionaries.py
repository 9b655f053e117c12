"""Reading PETRARCH-format dictionaries: small dictionaries written here, one feature per test."""

from __future__ import annotations

from datetime import date

import pytest

from crosswire.knowledge.petrarch.dictionaries import (
    DictionaryError,
    load_dictionaries,
    read_actors,
    read_agents,
    read_discards,
    read_verbs,
    regular_forms,
)

ACTORS = """<!-- a comment block
spanning lines -->
FREEDONIA [FRE]   # a country
+FREEDONIAN
SYLVANIA_  [SYL]
DUCHY OF GRAND FENWICK [GFW/FEN]
RUFUS_T._FIREFLY
+FIREFLY
\t[FREGOV < 330101]
\t[FREMIL 19330101 - 19331231]
\t[FREREB >331231]
TRENTINO [---]
"""


def test_actor_phrases_synonyms_and_codes():
    entries = read_actors(ACTORS, "a.txt")
    assert [e.phrases[0] for e in entries] == [
        ("FREEDONIA",),
        ("SYLVANIA",),
        ("DUCHY", "OF", "GRAND", "FENWICK"),
        ("RUFUS", "T.", "FIREFLY"),
        ("TRENTINO",),
    ]
    assert ("FREEDONIAN",) in entries[0].phrases
    assert entries[2].codes_on(None) == ["GFW", "FEN"]  # one phrase, several actors
    assert entries[4].codes_on(None) == []  # the null code names no actor


@pytest.mark.parametrize(
    "day, code",
    [
        (date(1932, 12, 31), "FREGOV"),
        (date(1933, 1, 1), "FREMIL"),
        (date(1933, 12, 31), "FREMIL"),
        (date(1934, 1, 1), "FREREB"),
    ],
)
def test_date_restricted_actor_codes(day, code):
    firefly = read_actors(ACTORS, "a.txt")[3]
    assert firefly.codes_on(day) == [code]
    assert ("FIREFLY",) in firefly.phrases


def test_bad_actor_date_names_file_and_line():
    with pytest.raises(DictionaryError, match=r"bad.txt:2: cannot read actor code"):
        read_actors("X [AAA]\n\t[BBB <99-01]\n", "bad.txt")
    with pytest.raises(DictionaryError, match=r"bad.txt:2: .*calendar date"):
        read_actors("X [AAA]\n\t[BBB <991399]\n", "bad.txt")


AGENTS = """!PERSON! = MAN, WOMAN
POLICE {} [~COP]
GOOSE {GEESE} [~GGS]
CONGRESS!PERSON! [~LEG]
PARTY [~PTY]
MSF {} [NGO~]
"""


def test_agents_plurals_substitutions_and_prefixes():
    agents = {a.phrase: a for a in read_agents(AGENTS, "ag.txt")}
    assert ("POLICES",) not in agents  # {} turns regular plurals off
    assert ("GEESE",) in agents and ("GEESES",) not in agents
    assert {("CONGRESSMAN",), ("CONGRESSMEN",), ("CONGRESSWOMAN",), ("CONGRESSWOMEN",)} <= set(agents)
    assert agents[("PARTIES",)].code == "PTY" and not agents[("PARTIES",)].prefix
    assert agents[("MSF",)].prefix and agents[("MSF",)].code == "NGO"


def test_agent_without_tilde_is_an_error():
    with pytest.raises(DictionaryError, match=r"ag.txt:1: .*~"):
        read_agents("POLICE [COP]\n", "ag.txt")


VERBS = """&MONEY
+DOLLARS
+SWISS FRANCS
&ANYTHING
+&MONEY
+GOLD

--- PAY [071] ---
PAY {PAID}
REIMBURSE [072]
+PAY_UP {+PAID_UP}
- * &ANYTHING [073]
- SAID_* COMPENSATION [074:075]
- + WAS * BY $ [076]
- NEVER * [---]
"""


def test_verb_forms_regular_irregular_multiword():
    vd = read_verbs(VERBS, "v.txt")
    assert {f.words for f in vd.forms["PAID"]} == {("PAID", "UP"), ("PAID",)}
    assert vd.forms["PAID"][0].words == ("PAID", "UP")  # multi-word forms are tried first
    assert vd.forms["REIMBURSES"][0].code == "072"
    assert vd.forms["PAYS"][0].block == "PAY" and vd.forms["PAYS"][0].code is None
    assert regular_forms("DEPLORE") == {"DEPLORE", "DEPLORES", "DEPLORED", "DEPLORING"}
    assert "DEPARTES" not in regular_forms("DEPART")
    assert {"DENIES", "DENIED"} <= regular_forms("DENY")


def test_synsets_nest_and_patterns_parse():
    vd = read_verbs(VERBS, "v.txt")
    assert vd.synsets["ANYTHING"] == [("DOLLARS",), ("SWISS", "FRANCS"), ("GOLD",)]
    patterns = {p.code: p for p in vd.blocks["PAY"].patterns}
    assert set(patterns) == {"073", "074:075", "076", "---"}
    said = patterns["074:075"]
    assert [(i.kind, i.value, i.joined) for i in said.items] == [
        ("word", "SAID", True),
        ("verb", "*", False),
        ("word", "COMPENSATION", False),
    ]
    kinds = [i.kind for i in patterns["076"].items]
    assert kinds == ["target", "word", "verb", "word", "source"]
    # longest first
    assert vd.blocks["PAY"].patterns[0].code == "076"


def test_verb_errors_name_file_and_line():
    with pytest.raises(DictionaryError, match=r"v.txt:3: .*\*"):
        read_verbs("--- PAY [071] ---\nPAY\n- SAID COMPENSATION [074]\n", "v.txt")
    unknown = read_verbs("--- PAY [071] ---\nPAY\n- * &NOPE [074]\n", "v.txt")
    assert unknown.blocks["PAY"].patterns == []
    assert unknown.warnings == ["v.txt:3: pattern uses unknown synset &NOPE; ignored"]


def test_discards_and_folder_loading(tmp_path):
    d = read_discards("+TYPHOON\nWORLD CUP  # sport\n", "d.txt")
    assert d.story == [("TYPHOON",)] and d.sentence == [("WORLD", "CUP")]
    (tmp_path / "x.actors.txt").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "x.agents.txt").write_text(AGENTS, encoding="utf-8")
    (tmp_path / "x.verbs.txt").write_text(VERBS, encoding="utf-8")
    (tmp_path / "x.discards.txt").write_text("+TYPHOON\n", encoding="utf-8")
    dicts = load_dictionaries(tmp_path)
    assert dicts.actor_index.match(["DUCHY", "OF", "GRAND", "FENWICK", "SAID"], 0)[0] == 4
    assert dicts.agent_index.match(["CONGRESSMEN"], 0)[1].code == "LEG"
    with pytest.raises(DictionaryError, match="no verb dictionary"):
        (tmp_path / "x.verbs.txt").unlink()
        load_dictionaries(tmp_path)
