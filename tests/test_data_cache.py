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

    first = data_cache.load_or_build("demo", ["v1"], build)
    second = data_cache.load_or_build("demo", ["v1"], build)
    assert first == second and list(second) == ["b", "a"] and len(builds) == 1
    assert [p.name.split("-")[0] for p in cache_home.iterdir()] == ["demo"]
    # Other sources (a data file or the module that builds it edited): another file, built anew.
    data_cache.load_or_build("demo", ["v2"], build)
    assert len(builds) == 2 and len(list(cache_home.iterdir())) == 2


def test_an_unreadable_cache_file_is_built_again_and_rewritten(cache_home):
    built = data_cache.load_or_build("demo", ["v1"], lambda: [1, 2])
    path = data_cache.cache_path("demo", ["v1"])
    path.write_bytes(b"\x00not a pickle")
    assert data_cache.load_or_build("demo", ["v1"], lambda: [1, 2]) == built
    assert data_cache.load_or_build("demo", ["v1"], lambda: [9]) == built  # rewritten


def test_no_cache_when_turned_off_or_the_folder_cannot_be_written(cache_home, monkeypatch, tmp_path):
    monkeypatch.setenv("CROSSWIRE_NO_DATA_CACHE", "1")
    assert data_cache.cache_path("demo", ["v1"]) is None
    assert data_cache.load_or_build("demo", ["v1"], lambda: [3]) == [3]
    monkeypatch.delenv("CROSSWIRE_NO_DATA_CACHE")
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert data_cache.load_or_build("demo", ["v1"], lambda: [4]) == [4]


def test_the_event_lexicon_reads_back_as_built_every_field_included(cache_home):
    Lexicon.builtin.cache_clear()
    try:
        built = Lexicon.builtin()
        Lexicon.builtin.cache_clear()
        read = Lexicon.builtin()
    finally:
        Lexicon.builtin.cache_clear()
    assert read is not built and read == built
    assert read.idioms == built.idioms and read.domain == built.domain and built.idioms
    assert list(read.verbs) == list(built.verbs) and list(read.nouns) == list(built.nouns)
    assert [p.name.split("-")[0] for p in cache_home.iterdir()] == ["event_lexicon"]
    # Nouns sharing one entry still share it (the coder reads them by lemma).
    shared = [lemma for lemma, e in built.nouns.items() if sum(x is e for x in built.nouns.values()) > 1]
    assert shared and sum(x is read.nouns[shared[0]] for x in read.nouns.values()) > 1


def test_files_unused_for_a_month_are_removed_when_another_is_written(cache_home):
    import os
    import time

    data_cache.load_or_build("demo", ["old"], lambda: [1])
    data_cache.load_or_build("demo", ["recent"], lambda: [2])
    old, recent = data_cache.cache_path("demo", ["old"]), data_cache.cache_path("demo", ["recent"])
    month_ago = time.time() - 31 * 86_400
    os.utime(old, (month_ago, month_ago))
    os.utime(recent, (month_ago, month_ago))
    assert data_cache.load_or_build("demo", ["recent"], lambda: [0]) == [2]  # read: marked as used
    data_cache.load_or_build("demo", ["new"], lambda: [3])
    assert not old.exists() and recent.exists() and data_cache.cache_path("demo", ["new"]).exists()
