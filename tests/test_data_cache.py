"""The data cache: tables built from data files, kept between processes in the user's cache folder."""

from __future__ import annotations

import pytest

from crosswire.knowledge import data_cache
from crosswire.knowledge.event_lexicon import Lexicon


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.delenv("CROSSWIRE_NO_DATA_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "crosswire"


def test_a_table_is_built_once_then_read_back(cache_home):
    builds = []

    def build():
        builds.append(1)
        return {"b": (1, 2.5, None), "a": frozenset({"x"})}

    def to_plain(table):
        return table

    first = data_cache.load_or_build("demo", ["v1"], build, to_plain, dict)
    second = data_cache.load_or_build("demo", ["v1"], build, to_plain, dict)
    assert first == second and list(second) == ["b", "a"] and len(builds) == 1
    assert [p.name.split("-")[0] for p in cache_home.iterdir()] == ["demo"]
    # Other sources (a data file or the module that builds it edited): another file, built anew.
    data_cache.load_or_build("demo", ["v2"], build, to_plain, dict)
    assert len(builds) == 2 and len(list(cache_home.iterdir())) == 2


def test_an_unreadable_cache_file_is_built_again_and_rewritten(cache_home):
    built = data_cache.load_or_build("demo", ["v1"], lambda: [1, 2], list, list)
    path = data_cache.cache_path("demo", ["v1"])
    path.write_bytes(b"\x00not marshal")
    assert data_cache.load_or_build("demo", ["v1"], lambda: [1, 2], list, list) == built
    assert data_cache.load_or_build("demo", ["v1"], lambda: [9], list, list) == built  # rewritten


def test_no_cache_when_turned_off_or_the_folder_cannot_be_written(cache_home, monkeypatch, tmp_path):
    monkeypatch.setenv("CROSSWIRE_NO_DATA_CACHE", "1")
    assert data_cache.cache_path("demo", ["v1"]) is None
    assert data_cache.load_or_build("demo", ["v1"], lambda: [3], list, list) == [3]
    monkeypatch.delenv("CROSSWIRE_NO_DATA_CACHE")
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert data_cache.load_or_build("demo", ["v1"], lambda: [4], list, list) == [4]


def test_the_event_lexicon_reads_back_as_built(cache_home):
    Lexicon.builtin.cache_clear()
    try:
        built = Lexicon.builtin()
        Lexicon.builtin.cache_clear()
        read = Lexicon.builtin()
    finally:
        Lexicon.builtin.cache_clear()
    assert read is not built and read == built
    assert list(read.verbs) == list(built.verbs) and list(read.nouns) == list(built.nouns)
    assert [p.name.split("-")[0] for p in cache_home.iterdir()] == ["event_lexicon"]
    # Nouns sharing one entry still share it (the coder reads them by lemma).
    shared = [lemma for lemma, e in built.nouns.items() if sum(x is e for x in built.nouns.values()) > 1]
    assert shared and sum(x is read.nouns[shared[0]] for x in read.nouns.values()) > 1
