"""The built-in event lexicon: coverage of CAMEO, valid codes, and clear errors for bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.knowledge.codebook import Codebook
from crosswire.knowledge.event_lexicon import Lexicon, LexiconError, parse_lexicon

REQUIRED_PHRASES = (
    "meet", "hold", "blast", "denounce", "reject", "impose", "demand", "urge", "call", "threaten", "agree",
    "warn", "withdraw", "expel", "vacate", "visit", "host", "sign", "accuse", "criticize", "condemn", "praise",
    "propose", "offer", "pledge", "appeal", "request", "sanction", "launch", "test", "attack", "arrest", "kill",
    "protest", "boycott", "mobilize", "deploy", "fire", "seize",
)  # fmt: skip


def test_builtin_covers_all_twenty_roots() -> None:
    assert Lexicon.builtin().roots() == {f"{r:02d}" for r in range(1, 21)}


def test_builtin_has_the_common_news_verbs_and_nouns() -> None:
    lexicon = Lexicon.builtin()
    missing = [v for v in REQUIRED_PHRASES if not lexicon.verb_entries(v)]
    assert not missing
    assert {"summit", "talk"} <= set(lexicon.nouns)


def test_every_code_is_in_the_codebook() -> None:
    codebook = Codebook.builtin()
    lexicon = Lexicon.builtin()
    for entries in lexicon.verbs.values():
        for entry in entries:
            assert codebook.is_valid(entry.code), entry.id
            assert entry.negated is None or codebook.is_valid(entry.negated)


def test_specific_entries_come_first() -> None:
    entries = Lexicon.builtin().verb_entries("reject")
    assert entries[0].objects and not entries[-1].objects
    phrasal = [e for e in Lexicon.builtin().verb_entries("call") if e.particles == ("on",)]
    assert phrasal and phrasal[0].code.startswith("02")


def test_bad_code_names_file_and_entry(tmp_path: Path) -> None:
    bad = tmp_path / "lex.toml"
    bad.write_text('[[verb]]\nid = "bogus"\nlemmas = ["meet"]\ncode = "999"\n', encoding="utf-8")
    with pytest.raises(LexiconError, match=r"lex\.toml.*bogus.*not a CAMEO code"):
        Lexicon.from_file(bad)


def test_bad_toml_and_bad_kind() -> None:
    with pytest.raises(LexiconError, match="x.toml: not valid TOML"):
        parse_lexicon("[[verb]\n", "x.toml")
    with pytest.raises(LexiconError, match="kind"):
        parse_lexicon('[[control]]\nid = "c"\nkind = "maybe"\nlemmas = ["agree"]\n', "y.toml")
    with pytest.raises(LexiconError, match="unknown section"):
        parse_lexicon("[verbs]\n", "z.toml")


def test_custom_lexicon_is_used(tmp_path: Path) -> None:
    from datetime import datetime

    from crosswire.events.extract import extract_events
    from crosswire.model import Article
    from crosswire.nlp.actors import extract_actors
    from crosswire.nlp.runtime import parse

    path = tmp_path / "mine.toml"
    path.write_text('[[verb]]\nid = "mine.snub"\nlemmas = ["ignore"]\ncode = "120"\n', encoding="utf-8")
    text = "Russia ignored Japan."
    article = Article(text=text, published=datetime(2019, 4, 29))
    doc = parse(text)
    events = extract_events(
        article, doc, extract_actors(article, doc), [], [], [], lexicon=Lexicon.from_file(path)
    )
    assert [(e.source.code, e.target.code, e.cameo, e.rule) for e in events] == [
        ("RUS", "JPN", "120", "mine.snub")
    ]
