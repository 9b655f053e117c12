"""The CAMEO codebook shipped in the package, cross-checked against the shared table."""

from __future__ import annotations

import csv

import pytest

from crosswire.knowledge.codebook import Codebook, CodebookError, parent_codes


@pytest.fixture(scope="module")
def book() -> Codebook:
    return Codebook.builtin()


def test_every_shared_code_is_in_the_package_with_the_same_facts(book, eval_dir):
    with open(eval_dir / "cameo" / "cameo_codebook.tsv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert len(book) == len(rows)
    for row in rows:
        entry = book.get(row["code"])
        assert entry is not None, row["code"]
        assert entry.name == row["name"]
        assert entry.root == row["root"]
        assert entry.goldstein == pytest.approx(float(row["goldstein"]))
        assert (entry.plover_event or "") == row["plover_event"]
        assert (entry.plover_mode or "") == row["plover_mode"]
        assert (entry.plover_context or "") == row["plover_context"]


def test_all_twenty_roots_and_code_lengths(book):
    roots = {c.code for c in book if len(c.code) == 2}
    assert roots == {f"{i:02d}" for i in range(1, 21)}
    assert any(len(c.code) == 4 for c in book)


def test_goldstein_falls_back_to_parents(book):
    assert book.goldstein("190") == book.get("190").goldstein
    # 0499 is not a CAMEO code: its 3-digit parent does not exist either, so the root answers
    assert not book.is_valid("0499")
    assert book.goldstein("0499") == book.get("04").goldstein
    assert book.goldstein("1125") is not None and book.goldstein("99") is None


def test_root_plover_and_validity(book):
    assert book.root("0311") == "03"
    assert book.root("xx1") is None
    assert book.plover("0312") == ("AGREE", None, "military")
    assert book.plover("999") == (None, None, None)
    assert book.is_valid("193") and not book.is_valid("1717")
    assert parent_codes("0431") == ["0431", "043", "04"]


def test_bad_codebook_file_names_file_and_line(tmp_path):
    bad = tmp_path / "cameo.tsv"
    bad.write_text(
        "code\tgoldstein\tplover\tmode\tcontext\tname\n01\tabc\t\t\t\tMAKE STATEMENT\n", encoding="utf-8"
    )
    with pytest.raises(CodebookError, match=r"cameo.tsv:2: Goldstein"):
        Codebook.from_file(bad)
