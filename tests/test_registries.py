"""Readers and export formats are registries that installed packages extend through entry points
(`crosswire.readers`, `crosswire.exporters`): a new format needs no edit to crosswire (issue #17)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

import crosswire.export as export
import crosswire.ingest.readers as readers
from crosswire.ingest import IngestOptions, iter_articles
from crosswire.ingest.readers import Reader
from crosswire.model import Article, Problem


class FakeEntryPoint:
    """What importlib.metadata hands back for one entry point: a name and a load()."""

    def __init__(self, name: str, value: object) -> None:
        self.name, self.value = name, value

    def load(self) -> object:
        if isinstance(self.value, Exception):
            raise self.value
        return self.value


def read_note(path: Path, data: bytes, context, options) -> list[Article | Problem]:
    """A toy format: 'NOTE: title' on the first line, the body after it."""
    title, _, body = data.decode("utf-8").partition("\n")
    return [Article(text=body.strip(), title=title.removeprefix("NOTE:").strip())]


NOTE_READER = Reader("note", read_note, claims=lambda path, head: head.startswith(b"NOTE:"))


@pytest.fixture()
def plugins(monkeypatch):
    """Install fake entry points for both groups; the registries' caches are cleared around the test."""
    installed: dict[str, list[FakeEntryPoint]] = {readers.ENTRY_POINT_GROUP: [], export.ENTRY_POINT_GROUP: []}

    def fake_entry_points(*, group: str) -> list[FakeEntryPoint]:
        return list(installed.get(group, []))

    monkeypatch.setattr(readers, "entry_points", fake_entry_points)
    monkeypatch.setattr(export, "entry_points", fake_entry_points)
    for cached in (readers.plugins, readers.many_article_formats, export._plugins):
        cached.cache_clear()
    yield installed
    for cached in (readers.plugins, readers.many_article_formats, export._plugins):
        cached.cache_clear()


def test_a_plugin_reader_takes_its_files_and_the_built_in_readers_keep_theirs(tmp_path, plugins):
    plugins[readers.ENTRY_POINT_GROUP].append(FakeEntryPoint("note", NOTE_READER))
    (tmp_path / "a.txt").write_text("NOTE: Dam opens\nThe river authority opened the dam on Monday.\n")
    (tmp_path / "b.txt").write_text("Harbor talks\n\nThe port workers' union met the owners on Tuesday.\n")
    found = sorted(iter_articles([tmp_path], IngestOptions()), key=lambda a: a.source_path or "")
    assert [type(a) for a in found] == [Article, Article]
    note, plain = found
    assert note.format == "note" and note.title == "Dam opens" and note.text.startswith("The river authority")
    assert plain.format == "text"  # not claimed: detected and read as before


def test_without_the_plugin_the_same_file_is_plain_text(tmp_path, plugins):
    (tmp_path / "a.txt").write_text("NOTE: Dam opens\nThe river authority opened the dam on Monday.\n")
    (article,) = iter_articles([tmp_path], IngestOptions())
    assert article.format == "text"


def test_a_broken_reader_plugin_is_logged_and_left_out(tmp_path, plugins, caplog):
    plugins[readers.ENTRY_POINT_GROUP] += [
        FakeEntryPoint("broken", ImportError("no module named crosswire_broken")),
        FakeEntryPoint(
            "unclaiming", Reader("unclaiming", read_note)
        ),  # no `claims`: it could never be chosen
    ]
    (tmp_path / "a.txt").write_text("Plain words about the harbor strike that went on for a week.\n")
    with caplog.at_level(logging.WARNING, logger="crosswire.ingest.readers"):
        (article,) = iter_articles([tmp_path], IngestOptions())
    assert article.format == "text"
    assert "broken" in caplog.text and "unclaiming" in caplog.text


def test_a_plugin_export_format_is_listed_and_writes(tmp_path, plugins):
    def write_titles(articles, path: Path) -> int:
        titles = [a.title or "" for a in articles]
        path.write_text("\n".join(titles), encoding="utf-8")
        return len(titles)

    plugins[export.ENTRY_POINT_GROUP].append(FakeEntryPoint("titles", write_titles))
    assert export.formats() == (*export.FORMATS, "titles")
    path, count = export.export_articles(
        [Article(text="x", title="One"), Article(text="y", title="Two")], tmp_path, "titles"
    )
    assert (path.name, count, path.read_text(encoding="utf-8")) == ("articles.titles", 2, "One\nTwo")


def test_an_unknown_export_format_names_the_known_ones(tmp_path, plugins):
    with pytest.raises(ValueError, match="jsonl, csv, parquet"):
        export.export_articles([], tmp_path, "docx")
