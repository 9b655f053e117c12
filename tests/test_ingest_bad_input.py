"""Bad input: every case gives a clear per-file error or warning, and one bad file never stops a batch."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from crosswire.ingest import IngestOptions, iter_articles, read_file
from crosswire.model import Article, Problem
from ingest_samples import PARAGRAPHS, html_page, rss_feed, warc_archive

FRENCH = (
    "Le dirigeant nord-coréen est arrivé mercredi à Vladivostok pour son premier sommet avec le président "
    "russe. Selon les responsables de Séoul, cette rencontre doit montrer que Pyongyang dispose d'autres "
    "partenaires que Washington, alors que les sanctions pèsent lourdement sur son économie."
)
KOREAN = (
    "김정은 북한 국무위원장이 24일 전용 열차를 타고 러시아 블라디보스토크에 도착했다. 김 위원장은 "
    "블라디미르 푸틴 대통령과 첫 정상회담을 할 예정이다. 하노이 회담이 결렬된 지 두 달 만이다."
)


@pytest.fixture(scope="module")
def options() -> IngestOptions:
    return IngestOptions()


def only_problem(path: Path, options: IngestOptions) -> Problem:
    items = list(read_file(path, options))
    assert len(items) == 1 and isinstance(items[0], Problem), items
    problem = items[0]
    assert problem.path == str(path) and str(path) in str(problem)
    return problem


def test_missing_file_and_unmatched_glob(tmp_path: Path, options: IngestOptions) -> None:
    assert "no such file" in only_problem(tmp_path / "nope.txt", options).message
    [problem] = list(iter_articles([tmp_path / "missing-folder"], options))
    assert problem.severity == "error" and "no such file or folder" in problem.message
    [problem] = list(iter_articles([str(tmp_path / "*.warc")], options))
    assert problem.path.endswith("*.warc") and "no files match" in problem.message


def test_dangling_symlink(tmp_path: Path, options: IngestOptions) -> None:
    link = tmp_path / "gone.html"
    link.symlink_to(tmp_path / "deleted.html")
    problem = only_problem(link, options)
    assert "cannot read file" in problem.message and "no such file" in problem.message


def test_unreadable_file(tmp_path: Path, options: IngestOptions, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.html"
    locked.write_text(html_page())
    # chmod 000 does not stop root (CI runs as root), so the OS refusal is simulated at the open call.
    real_open = Path.open

    def refuse(self: Path, *args, **kwargs):
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    problem = only_problem(locked, options)
    assert problem.severity == "error" and "permission denied" in problem.message


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"text\x00with\x00nuls" * 20,
        gzip.compress(b"not a warc, just gzip'd text"),
    ],
    ids=["png", "pdf", "nul-bytes", "gzip-not-warc"],
)
def test_binary_files(tmp_path: Path, options: IngestOptions, data: bytes) -> None:
    path = tmp_path / "looks-like.txt"
    path.write_bytes(data)
    problem = only_problem(path, options)
    assert problem.severity == "error" and "binary file" in problem.message


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  "], ids=["empty", "whitespace"])
def test_empty_and_whitespace_files(tmp_path: Path, options: IngestOptions, data: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(data)
    problem = only_problem(path, options)
    assert problem.severity == "error" and ("empty" in problem.message or "whitespace" in problem.message)


def test_oversized_file_names_size_and_limit(tmp_path: Path) -> None:
    page = tmp_path / "big.html"
    page.write_text(html_page())
    size = page.stat().st_size
    problem = only_problem(page, IngestOptions(max_bytes=1000))
    assert f"{size:,} bytes" in problem.message and "1,000" in problem.message
    # The limit is configurable: the same file passes under a larger one.
    assert isinstance(next(iter(read_file(page, IngestOptions(max_bytes=size)))), Article)


def test_oversized_record_in_streamed_formats(tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc"
    archive.write_bytes(warc_archive())
    items = list(read_file(archive, IngestOptions(max_bytes=1000)))
    problems = [i for i in items if isinstance(i, Problem)]
    assert len(problems) == 2 and all("over the limit of 1,000" in p.message for p in problems)
    assert "<urn:uuid:page-0001>" in problems[0].message


def test_non_utf8_html_is_decoded_with_a_warning(tmp_path: Path, options: IngestOptions) -> None:
    page = tmp_path / "latin.html"
    markup = html_page(paragraphs=[p.replace("Officials", "Café officials") for p in PARAGRAPHS])
    page.write_bytes(markup.replace('<meta charset="utf-8">', "").encode("cp1252"))
    [article] = list(read_file(page, options))
    assert isinstance(article, Article)
    assert "Café officials in Seoul" in article.text
    [warning] = article.warnings
    assert "not UTF-8" in warning and "decoded as cp125" in warning


@pytest.mark.parametrize("text,language", [(FRENCH, "fr"), (KOREAN, "ko")])
def test_non_english_is_stored_flagged_not_analysed(
    tmp_path: Path, options: IngestOptions, text: str, language: str
) -> None:
    page = tmp_path / f"{language}.html"
    page.write_text(html_page(paragraphs=[text, text.replace(".", " !")]), encoding="utf-8")
    [article] = list(read_file(page, options))
    assert isinstance(article, Article)
    assert article.language == language and article.analysable is False
    assert any(f"'{language}'" in w and "not analysed" in w for w in article.warnings)
    # Accepting the language makes the same article analysable.
    [again] = list(read_file(page, IngestOptions(languages=("en", language))))
    assert again.analysable and again.warnings == []


def test_declared_language_is_normalised(tmp_path: Path, options: IngestOptions) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "1", "language": "en-US", "text": PARAGRAPHS[0]}) + "\n")
    [article] = list(read_file(path, options))
    assert article.language == "en" and article.analysable


def test_malformed_jsonl(tmp_path: Path, options: IngestOptions) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_bytes(b'{"id": 1, "text": \n[1, 2]\n{"text": "caf\xe9"}\n')
    problems = list(read_file(path, options))
    assert all(isinstance(p, Problem) and p.path == str(path) for p in problems)
    messages = [p.message for p in problems]
    assert messages[0].startswith("line 1: invalid JSON")
    assert messages[1] == "line 2: expected a JSON object, got list"
    assert messages[2].startswith("line 3: not UTF-8")
    assert messages[3] == "JSONL file holds no readable article"


@pytest.mark.parametrize(
    "data,expected",
    [
        (b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><<<>>>', "malformed feed"),
        (b'<rss version="2.0"><channel><title>Empty</title></channel></rss>', "feed has no entries"),
    ],
    ids=["broken-xml", "no-entries"],
)
def test_malformed_feeds(tmp_path: Path, options: IngestOptions, data: bytes, expected: str) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(data)
    problem = only_problem(path, options)
    assert problem.severity == "error" and expected in problem.message and "feed" in problem.message


def test_feed_with_broken_tail_keeps_readable_entries(tmp_path: Path, options: IngestOptions) -> None:
    path = tmp_path / "cut.xml"
    path.write_text(rss_feed()[:-40])  # the download stopped before </channel></rss>
    items = list(read_file(path, options))
    assert [type(i).__name__ for i in items].count("Article") == 2
    assert any(isinstance(i, Problem) and "not well-formed" in i.message for i in items)


@pytest.mark.parametrize(
    "data",
    [
        b"WARC/1.0\r\nWARC-Type: response\r\nthis is not a header line\r\n\r\n",
        warc_archive()[:60],
        gzip.compress(b"WARC/1.0\r\nnonsense"),
    ],
    ids=["bad-header", "truncated", "gzip-bad-header"],
)
def test_malformed_warc(tmp_path: Path, options: IngestOptions, data: bytes) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(data)
    problem = only_problem(path, options)
    assert problem.severity == "error" and "malformed WARC" in problem.message


def test_page_without_article_text(tmp_path: Path, options: IngestOptions) -> None:
    path = tmp_path / "menu.html"
    path.write_text(
        "<html><head><script>var x = 1;</script></head><body><nav><a href='/'>Home</a></nav></body></html>"
    )
    problem = only_problem(path, options)
    assert "no article text" in problem.message


def test_one_bad_file_never_stops_a_batch(tmp_path: Path, options: IngestOptions) -> None:
    (tmp_path / "1-binary.html").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "2-good.html").write_text(html_page())
    (tmp_path / "3-empty.txt").write_bytes(b"")
    (tmp_path / "4-bad.warc").write_bytes(b"WARC/1.0\r\ngarbage\r\n\r\n")
    (tmp_path / "5-feed.xml").write_text(rss_feed())
    items = list(iter_articles([tmp_path, tmp_path / "missing.txt"], options))
    kinds = [
        (Path(i.path).name, i.severity) if isinstance(i, Problem) else (Path(i.source_path).name, "article")
        for i in items
    ]
    assert kinds == [
        ("1-binary.html", "error"),
        ("2-good.html", "article"),
        ("3-empty.txt", "error"),
        ("4-bad.warc", "error"),
        ("5-feed.xml", "article"),
        ("5-feed.xml", "article"),
        ("5-feed.xml", "warning"),
        ("missing.txt", "error"),
    ]


def test_non_utf8_text_and_pages_are_decoded(tmp_path: Path, options: IngestOptions) -> None:
    western = tmp_path / "western.txt"
    body = "\n\n".join(
        p.replace("Officials", "Caf\u00e9 officials").replace('"', "\u201c", 1) for p in PARAGRAPHS
    )
    western.write_bytes(f"Kim arrives in Vladivostok\n\n{body}\n".encode("cp1252"))
    [article] = list(read_file(western, options))
    assert isinstance(article, Article) and "Caf\u00e9 officials in Seoul" in article.text
    assert any("not UTF-8" in w and "cp125" in w for w in article.warnings)
    korean = tmp_path / "korean.html"
    markup = html_page(paragraphs=[KOREAN, KOREAN.replace(".", "!")]).replace('<meta charset="utf-8">', "")
    korean.write_bytes(markup.encode("euc-kr"))
    [article] = list(read_file(korean, options))
    assert isinstance(article, Article) and KOREAN in article.text
    assert article.language == "ko" and not article.analysable
    assert any("cp949" in w or "euc" in w for w in article.warnings)


def test_utf16_with_byte_order_mark(tmp_path: Path, options: IngestOptions) -> None:
    page = tmp_path / "utf16.html"
    page.write_bytes(html_page().replace('<meta charset="utf-8">', "").encode("utf-16"))
    [article] = list(read_file(page, options))
    assert isinstance(article, Article) and PARAGRAPHS[0] in article.text and article.warnings == []


def test_overlong_jsonl_line_is_skipped_not_held(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    good = json.dumps({"id": "ok", "text": PARAGRAPHS[0]})
    huge = json.dumps({"id": "huge", "text": "word " * 5000})
    path.write_text(f"{good}\n{huge}\n{good.replace('ok', 'ok2')}\n")
    items = list(read_file(path, IngestOptions(max_bytes=2000)))
    assert [i.external_id for i in items if isinstance(i, Article)] == ["ok", "ok2"]
    [problem] = [i for i in items if isinstance(i, Problem)]
    assert problem.message.startswith("line 2: ") and "over the limit of 2,000" in problem.message


def test_a_mixed_folder_says_what_it_skips(tmp_path: Path, options: IngestOptions) -> None:
    # Issue #18 item 11: data.csv was skipped without a word while random.bin was reported.
    (tmp_path / "story.txt").write_text("Talks resume\n\n" + "\n\n".join(PARAGRAPHS), encoding="utf-8")
    (tmp_path / "data.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (tmp_path / "figures.tsv").write_text("a\tb\n", encoding="utf-8")
    (tmp_path / "random.bin").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "manifest.csv").write_text("path,outlet\nstory.txt,Meridian Wire\n", encoding="utf-8")
    (tmp_path / "sources.toml").write_text("", encoding="utf-8")
    (tmp_path / "make_corpus.py").write_text("print('hi')\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("# A corpus\n", encoding="utf-8")
    items = list(iter_articles([tmp_path], options))
    problems = {Path(p.path).name: p for p in items if isinstance(p, Problem)}
    assert [a.title for a in items if isinstance(a, Article)] == ["Talks resume"]
    assert set(problems) == {"data.csv", "figures.tsv", "random.bin"}
    assert problems["data.csv"].severity == "warning" and "--manifest" in problems["data.csv"].message
    assert problems["random.bin"].severity == "error"
    # Named on the command line, a CSV is still read (and refused by content, not by name).
    assert list(read_file(tmp_path / "data.csv", options))


@pytest.mark.parametrize("compress", [False, True])
def test_a_warc_cut_short_says_so_and_keeps_the_records_before_the_cut(
    tmp_path: Path, options: IngestOptions, compress: bool
) -> None:
    # Issue #18 item 7: a WARC whose last record was cut short (a download or copy that stopped)
    # dropped that record without a word. Every cut inside the last record's headers now warns.
    data = warc_archive(compress=compress)
    whole = list(read_file(_write(tmp_path / "whole.warc", data), options))
    assert [type(i) for i in whole] == [Article, Article]
    last_page = data.rfind(b"WARC/1.0\r\nWARC-Type: response") if not compress else None
    cuts = (
        range(last_page + 20, last_page + 320, 25)  # inside the last record's WARC and HTTP headers
        if last_page is not None
        else range(len(data) - 40, len(data) - 1, 7)  # inside the last gzip member
    )
    for cut in cuts:
        path = _write(tmp_path / ("cut.warc.gz" if compress else "cut.warc"), data[:cut])
        items = list(read_file(path, options))
        articles = [i for i in items if isinstance(i, Article)]
        problems = [i for i in items if isinstance(i, Problem)]
        assert articles and articles[0].title == whole[0].title, cut  # the records before the cut
        assert any("cut off" in p.message for p in problems), (cut, [p.message for p in problems])


def test_every_cut_inside_a_record_is_reported_plain_or_gzipped_whole(
    tmp_path: Path, options: IngestOptions
) -> None:
    # A .warc.gz made by gzipping a WARC that was already cut (one gzip member, whole) inflates
    # completely, so only the records can tell: a last record cut in its block or in its HTTP headers
    # was passed over without a word. Every cut that loses bytes of a record now says so.
    import gzip

    data = warc_archive(compress=False)
    starts = [i for i in range(len(data)) if data.startswith(b"WARC/1.0\r\n", i)][1:] + [len(data)]
    for gzipped in (False, True):
        for cut in range(starts[0] + 1, len(data), 11):
            if any(start - 4 <= cut <= start for start in starts):
                continue  # at a record's end (its closing blank lines): nothing of a record is lost
            raw = data[:cut]
            path = _write(
                tmp_path / ("cut.warc.gz" if gzipped else "cut.warc"), gzip.compress(raw) if gzipped else raw
            )
            problems = [i for i in read_file(path, options) if isinstance(i, Problem)]
            assert any("cut off" in p.message for p in problems), (
                gzipped,
                cut,
                [p.message for p in problems],
            )


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_gzip_data_corrupt_after_a_record_is_an_error_not_a_crash(
    tmp_path: Path, options: IngestOptions
) -> None:
    # Found by `make fuzz`: zlib's "incorrect header check" was taken for a WARC cut in a record's
    # first line, and looking at the end of the stream raised the gzip error again, uncaught.
    import gzip

    data = warc_archive(compress=False)
    first_end = data.index(b"WARC/1.0\r\n", 10)
    path = _write(tmp_path / "corrupt.warc.gz", gzip.compress(data[:first_end]) + b"\x02\x03 not gzip data")
    [problem] = list(read_file(path, options))
    assert isinstance(problem, Problem) and problem.severity == "error"
    assert "gzip data is corrupt" in problem.message
