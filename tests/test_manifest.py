"""Manifests (CSV and TOML), how files are matched to entries, and front matter."""

from __future__ import annotations

import pickle
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from crosswire.ingest.manifest import ManifestEntry, load_manifest, lookup, split_front_matter

KST = timezone(timedelta(hours=9))


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


def test_csv_manifest(tmp_path):
    path = write(
        tmp_path,
        "m.csv",
        "path,outlet,url,published,desk\n"
        "seeds/a.txt,The Dong-A Ilbo,https://www.donga.com/1,2019-04-29T07:42+09:00,politics\n"
        'b.txt,"Japan Times, The",,April 29 2019,\n'
        ",,,,\n",
    )
    manifest = load_manifest(path)
    assert list(manifest) == ["seeds/a.txt", "b.txt"]
    a = manifest["seeds/a.txt"]
    assert a == ManifestEntry(
        "seeds/a.txt",
        "The Dong-A Ilbo",
        "https://www.donga.com/1",
        datetime(2019, 4, 29, 7, 42, tzinfo=KST),
        {"desk": "politics"},
    )
    b = manifest["b.txt"]
    assert b.outlet == "Japan Times, The" and b.url is None and b.published == datetime(2019, 4, 29)


def test_toml_manifest_both_shapes(tmp_path):
    path = write(
        tmp_path,
        "m.toml",
        '[[article]]\npath = "seeds/a.txt"\noutlet = "Yonhap"\npublished = 2019-04-29T16:26:00+09:00\n\n'
        '[[article]]\npath = "c.txt"\npublished = 2019-04-30\nnote = "wire copy"\n\n'
        '["b.txt"]\noutlet = "NHK"\nurl = "https://www3.nhk.or.jp/x"\n',
    )
    manifest = load_manifest(path)
    assert set(manifest) == {"seeds/a.txt", "b.txt", "c.txt"}
    assert manifest["seeds/a.txt"].published == datetime(2019, 4, 29, 16, 26, tzinfo=KST)
    assert manifest["c.txt"].published == datetime(2019, 4, 30) and manifest["c.txt"].extra == {
        "note": "wire copy"
    }
    assert manifest["b.txt"].outlet == "NHK" and manifest["b.txt"].url == "https://www3.nhk.or.jp/x"


def test_format_sniffed_when_extension_says_nothing(tmp_path):
    assert list(load_manifest(write(tmp_path, "manifest", "path,outlet\na.txt,AP\n"))) == ["a.txt"]
    assert list(load_manifest(write(tmp_path, "manifest2", '["a.txt"]\noutlet = "AP"\n'))) == ["a.txt"]


def test_lookup_by_exact_relative_and_basename(tmp_path):
    corpus = tmp_path / "corpus"
    manifest = load_manifest(
        write(
            tmp_path,
            "m.csv",
            f"path,outlet\n{corpus}/exact.txt,A\nseeds/rel.txt,B\nbase.txt,C\n../up.txt,D\nother/x.txt,E\n",
        )
    )
    assert lookup(manifest, corpus / "exact.txt").outlet == "A"
    assert (
        lookup(manifest, Path("/anywhere/seeds/rel.txt")).outlet == "B"
    )  # a relative path the file's path ends with
    assert lookup(manifest, tmp_path / "seeds" / "rel.txt").outlet == "B"
    assert lookup(manifest, Path("deep/down/base.txt")).outlet == "C"  # basename
    assert lookup(manifest, tmp_path.parent / "up.txt").outlet == "D"  # relative to the manifest's folder
    assert lookup(manifest, corpus / "x.txt") is None  # same name, another folder
    assert lookup(manifest, corpus / "rel.txt") is None  # "seeds/rel.txt" names a file in seeds/
    assert lookup(manifest, corpus / "missing.txt") is None


def test_lookup_on_a_plain_dict():
    entries = {"seeds/a.txt": ManifestEntry("seeds/a.txt", "X", None, None, {})}
    assert lookup(entries, Path("/data/seeds/a.txt")).outlet == "X"
    assert lookup(entries, Path("/data/a.txt")) is None


def test_manifest_pickles(tmp_path):
    manifest = load_manifest(write(tmp_path, "m.csv", "path,outlet\nseeds/a.txt,A\n"))
    copy = pickle.loads(pickle.dumps(manifest))
    assert lookup(copy, Path("/x/seeds/a.txt")).outlet == "A"


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("m.csv", "file,outlet\na.txt,X\n", "'path' column"),
        (
            "m.csv",
            "path,outlet,published\na.txt,X,not a date\n",
            "line 2: 'published' 'not a date' is not a date",
        ),
        (
            "m.csv",
            "path,outlet\na.txt,X\nb.txt,Y\na.txt,Z\n",
            "line 4: path 'a.txt' already listed on line 2",
        ),
        ("m.csv", "path,outlet\na.txt,X,extra\n", "line 2: more cells"),
        ("m.csv", "path,outlet\n,X\n", "line 2: missing 'path'"),
        ("m.csv", "", "manifest is empty"),
        ("m.csv", "path,outlet\n", "lists no files"),
        ("m.toml", "[[article]\npath=", "not valid TOML"),
        ("m.toml", '[[article]]\noutlet = "X"\n', "article #1: missing 'path'"),
        ("m.toml", 'title = "corpus"\n', "top-level key 'title' must be a table"),
        ("m.toml", '[[article]]\npath = "a.txt"\noutlet = 3\n', "'outlet' must be text"),
        ("m.toml", '["a.txt"]\npublished = "someday"\n', "[a.txt]: 'published' 'someday' is not a date"),
    ],
)
def test_bad_manifest_names_the_file_and_the_problem(tmp_path, name, content, problem):
    path = write(tmp_path, name, content)
    with pytest.raises(ValueError) as err:
        load_manifest(path)
    assert str(err.value).startswith(f"{path}: ") and problem in str(err.value)


def test_unreadable_manifest(tmp_path):
    with pytest.raises(ValueError, match="gone.csv: cannot read manifest"):
        load_manifest(tmp_path / "gone.csv")
    bad = tmp_path / "latin.csv"
    bad.write_bytes(b"path,outlet\n\xe9t\xe9.txt,X\n")
    with pytest.raises(ValueError, match="latin.csv: cannot read manifest"):
        load_manifest(bad)


# ---------------------------------------------------------------- front matter


def test_yaml_like_front_matter():
    fields, rest = split_front_matter(
        "---\noutlet: The Korea Herald\nurl: https://www.koreaherald.com/view.php?ud=1\n"
        "published: '2021-03-12 09:00'\ntitle: \"A: colon in a title\"\nauthors:\n  - Lee Min-ho\n  - Park Ji-yeon\n"
        "genre: opinion\nlanguage: en\n# a comment\n---\nHeadline\n\nBody.\n"
    )
    assert fields == {
        "outlet": "The Korea Herald",
        "url": "https://www.koreaherald.com/view.php?ud=1",
        "published": "2021-03-12 09:00",
        "title": "A: colon in a title",
        "authors": ["Lee Min-ho", "Park Ji-yeon"],
        "genre": "opinion",
        "language": "en",
    }
    assert rest == "Headline\n\nBody.\n"


def test_front_matter_author_lists_and_toml():
    assert split_front_matter("---\nauthors: Jane Doe and John Roe\n---\nx")[0]["authors"] == [
        "Jane Doe",
        "John Roe",
    ]
    assert split_front_matter("---\nauthors: [Jane Doe, John Roe]\n---\nx")[0]["authors"] == [
        "Jane Doe",
        "John Roe",
    ]
    assert split_front_matter("---\nauthor: Jane Doe\n---\nx")[0] == {"authors": ["Jane Doe"]}
    fields, rest = split_front_matter(
        '+++\noutlet = "NHK"\nauthors = ["A B"]\npublished = 2019-04-29T16:26:00+09:00\n+++\nText'
    )
    assert fields == {
        "outlet": "NHK",
        "authors": ["A B"],
        "published": datetime(2019, 4, 29, 16, 26, tzinfo=KST),
    }
    assert rest == "Text"


@pytest.mark.parametrize(
    "text",
    [
        "Headline\n---\noutlet: X\n---\n",  # not at the very top
        "---\nA horizontal rule, then prose: not a key at all.\n---\nText",  # not key: value lines
        "---\noutlet: X\nno closing fence\n",
        "+++\noutlet = \n+++\nText",  # broken TOML
        "",
    ],
)
def test_text_without_front_matter_is_left_alone(text):
    assert split_front_matter(text) == ({}, text)
