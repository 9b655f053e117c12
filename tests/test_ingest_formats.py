"""Every structured input format, read from files the tests build, and recognised by content."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from crosswire.ingest import IngestOptions, iter_articles, read_file
from crosswire.ingest.detect import detect_format
from crosswire.ingest.feeds import SUMMARY_ONLY
from crosswire.model import Article, Problem, article_record
from ingest_samples import (
    AD_MARK,
    BODY,
    COMMENT_MARK,
    NAV_MARK,
    PARAGRAPHS,
    SCRIPT_MARK,
    atom_feed,
    html_page,
    jsonl_lines,
    rss_feed,
    warc_archive,
)

KST = timedelta(hours=9)


@pytest.fixture(scope="module")
def options() -> IngestOptions:
    return IngestOptions()


def read(path: Path, options: IngestOptions) -> tuple[list[Article], list[Problem]]:
    items = list(read_file(path, options))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Problem)]


def assert_clean_body(article: Article) -> None:
    for marker in (SCRIPT_MARK, COMMENT_MARK, AD_MARK, NAV_MARK, "<p>", "<script"):
        assert marker not in article.text, marker
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text


def test_html_page_body_and_metadata(tmp_path: Path, options: IngestOptions) -> None:
    page = tmp_path / "page.html"
    page.write_text(html_page(), encoding="utf-8")
    articles, problems = read(page, options)
    assert problems == []
    [article] = articles
    assert_clean_body(article)
    assert article.title == "Kim arrives in Vladivostok for summit with Putin"
    assert not article.text.startswith(article.title)  # the <h1> is the title, not body
    assert article.authors == ["Park Min-ji"]
    assert article.published == datetime(2019, 4, 24, 21, 15).replace(tzinfo=article.published.tzinfo)
    assert article.published.utcoffset() == KST
    assert article.updated is not None and article.updated.isoformat() == "2019-04-25T08:02:00+09:00"
    assert article.url == "https://www.koreaherald.com/view.php?ud=20190424000712"
    assert article.outlet == "The Korea Herald"
    assert article.genre == "analysis" and article.section == "News Analysis"
    assert article.language == "en" and article.analysable
    assert article.format == "html" and article.source_path == str(page)


def test_html_genre_outlet_from_site_name_and_default_news(tmp_path: Path, options: IngestOptions) -> None:
    page = tmp_path / "plain.htm"
    page.write_text(
        html_page(url="https://unknown.example/story/1", section="World", site_name="The Japan Times")
    )
    [article], _ = read(page, options)
    assert article.outlet == "The Japan Times"  # no registry domain: og:site_name matched by name
    assert article.genre == "news"
    opinion = tmp_path / "opinion.html"
    opinion.write_text(
        html_page(url="https://unknown.example/opinion/2019/kim", section="World", site_name="Nobody")
    )
    [article], _ = read(opinion, options)
    assert article.genre == "opinion" and article.outlet is None


def test_rss_full_content_and_summary_only(tmp_path: Path, options: IngestOptions) -> None:
    feed = tmp_path / "yonhap.rss"
    feed.write_text(rss_feed(), encoding="utf-8")
    articles, problems = read(feed, options)
    assert [a.external_id for a in articles] == ["yna-AEN20190424000700315", "yna-AEN20190425000300315"]
    full, summary = articles
    assert_clean_body(full)
    assert full.url == "https://en.yna.co.kr/view/AEN20190424000700315"
    assert full.outlet == "Yonhap News Agency"
    assert full.authors == ["Kim Soo-yeon"]
    assert full.published.isoformat() == "2019-04-24T18:30:00+09:00"
    assert full.genre == "analysis" and full.warnings == [] and full.format == "feed"
    assert summary.text.startswith("South Korea said on Thursday") and "<p>" not in summary.text
    assert SUMMARY_ONLY in summary.warnings
    # The entry with neither content nor summary is reported, not silently lost.
    assert len(problems) == 1 and problems[0].severity == "warning"
    assert "yna-empty" in problems[0].message and problems[0].path == str(feed)


def test_atom_full_content_and_summary_only(tmp_path: Path, options: IngestOptions) -> None:
    feed = tmp_path / "japantimes.atom"
    feed.write_text(atom_feed(), encoding="utf-8")
    articles, problems = read(feed, options)
    assert problems == []
    full, summary = articles
    assert_clean_body(full)
    assert full.external_id == "tag:japantimes.co.jp,2019:opinion-kim-putin"
    assert full.authors == ["Michael Reed", "Aiko Sato"]
    assert full.published.isoformat() == "2019-04-25T06:00:00+09:00"
    assert full.updated.isoformat() == "2019-04-25T10:30:00+09:00"
    assert full.outlet == "The Japan Times" and full.genre == "commentary"  # /opinion/.../commentary/
    assert full.warnings == []
    assert summary.text.startswith("Prime Minister Shinzo Abe will travel")
    assert summary.published.isoformat() == "2019-04-25T11:00:00+09:00"  # only <updated>: taken as published
    assert SUMMARY_ONLY in summary.warnings


@pytest.mark.parametrize("compress", [False, True], ids=["plain", "gzip"])
def test_warc_html_responses_only(tmp_path: Path, options: IngestOptions, compress: bool) -> None:
    archive = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    archive.write_bytes(warc_archive(compress=compress))
    articles, problems = read(archive, options)
    assert problems == []
    assert [a.external_id for a in articles] == ["<urn:uuid:page-0001>", "<urn:uuid:page-0002>"]
    first, second = articles
    assert_clean_body(first)
    assert first.url == "https://www.koreaherald.com/view.php?ud=1"
    assert first.outlet == "The Korea Herald" and first.format == "warc"
    assert second.outlet == "Yonhap News Agency" and second.authors == ["Lee Ji-hye"]
    assert "security guarantees" in second.text and SCRIPT_MARK not in second.text


def test_jsonl_records_and_bad_lines(tmp_path: Path, options: IngestOptions) -> None:
    path = tmp_path / "scrape.jsonl"
    path.write_text("\n".join(jsonl_lines()) + "\n", encoding="utf-8")
    articles, problems = read(path, options)
    assert [a.external_id for a in articles] == ["scrape-1", "scrape-3"]
    first, third = articles
    assert first.text == BODY and first.outlet == "The Korea Herald"  # registry spelling
    assert first.authors == ["Park Min-ji", "Lee Ji-hye"] and first.genre == "analysis"
    assert first.published.isoformat() == "2019-04-24T21:15:00+09:00"
    assert third.authors == ["Kim Soo-yeon", "Lee Ji-hye"]
    assert third.outlet == "Yonhap News Agency"  # from the URL
    assert third.text.split("\n\n") == [
        "Putin said he would brief Chinese President Xi Jinping on his talks with Kim.",
        "The two leaders are due to meet in Beijing this week.",
    ]
    # Printed without a zone: local time of the outlet's country.
    assert third.published.isoformat() == "2019-04-27T10:00:00+09:00"
    messages = sorted(p.message for p in problems)
    assert len(messages) == 2 and all(p.path == str(path) for p in problems)
    assert messages[0].startswith("line 2: invalid JSON")
    assert messages[1].startswith("line 4: no article text")


def test_jsonl_reads_our_own_articles_output(tmp_path: Path, options: IngestOptions) -> None:
    page = tmp_path / "page.html"
    page.write_text(html_page())
    [original], _ = read(page, options)
    out = tmp_path / "articles.jsonl"
    out.write_text(json.dumps(article_record(original)) + "\n")
    [again], problems = read(out, options)
    assert problems == []
    assert again.id == original.id
    for name in ("title", "outlet", "url", "authors", "published", "updated", "genre", "text"):
        assert getattr(again, name) == getattr(original, name), name


def test_detect_format_by_content_not_extension(tmp_path: Path) -> None:
    cases = {
        "page.txt": html_page().encode(),
        "feed.html": rss_feed().encode(),
        "atom.txt": atom_feed().encode(),
        "archive.bin": warc_archive(),
        "archive.dat": warc_archive(compress=True),
        "records.txt": ("\n".join(jsonl_lines())).encode(),
        "story.html": b"Seoul, April 24 - Plain text that only looks like a page by its name.\n",
        "blank.txt": b"  \n\t\n",
        "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "note.txt": b"{Editor's note} This column first ran in print.\n\nKim arrived on Wednesday.\n",
        "interview.txt": b"<Interview> Kim Ji-eun talks to a former envoy\n\nThe talks stalled in Hanoi.\n",
        "stray.txt": b"Saved from the browser\n<html><head><title>T</title></head><body><p>x</p></body></html>",
    }
    expected = {
        "page.txt": "html",
        "feed.html": "feed",
        "atom.txt": "feed",
        "archive.bin": "warc",
        "archive.dat": "warc",
        "records.txt": "jsonl",
        "story.html": "text",
        "blank.txt": "empty",
        "image.txt": "binary",
        "note.txt": "text",
        "interview.txt": "text",
        "stray.txt": "html",
    }
    for name, data in cases.items():
        assert detect_format(tmp_path / name, data[:65536]) == expected[name], name


def test_folder_and_glob_mixing_formats(tmp_path: Path, options: IngestOptions) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "nested").mkdir(parents=True)
    (corpus / "a-page.txt").write_text(html_page())  # HTML saved as .txt
    (corpus / "b-feed.html").write_text(atom_feed())  # a feed saved as .html
    (corpus / "nested" / "c-crawl.data").write_bytes(warc_archive(compress=True))
    (corpus / "nested" / "d-records.log").write_text(jsonl_lines()[0] + "\n")
    (corpus / ".hidden.html").write_text(html_page(title="Hidden"))
    (corpus / "sources.toml").write_text('[[outlet]]\nname = "X"\n')  # configuration, not an article
    (corpus / "README.md").write_text(
        "# About this corpus\n\nArticles collected in April 2019 for a study.\n"
    )
    items = list(iter_articles([corpus], options))
    articles = [i for i in items if isinstance(i, Article)]
    assert [i for i in items if isinstance(i, Problem)] == []
    assert [a.format for a in articles] == ["html", "feed", "feed", "warc", "warc", "jsonl"]
    assert not any(a.title == "Hidden" for a in articles)
    globbed = [i for i in iter_articles([str(corpus / "**" / "*.data")], options) if isinstance(i, Article)]
    assert [a.external_id for a in globbed] == ["<urn:uuid:page-0001>", "<urn:uuid:page-0002>"]


def test_manifest_fills_outlet_url_published(tmp_path: Path) -> None:
    page = tmp_path / "unsigned.html"
    page.write_text(html_page(url="https://unknown.example/a/1", site_name="Unknown Site"))
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "path,outlet,url,published\nunsigned.html,Dong-A Ilbo,https://www.donga.com/en/1,"
        "2019-04-29T07:42:00+09:00\n"
    )
    options = IngestOptions(manifest=manifest)
    items = list(iter_articles([tmp_path], options))
    [article] = [i for i in items if isinstance(i, Article)]
    assert [i for i in items if isinstance(i, Problem)] == []  # the manifest itself is not read as input
    assert article.outlet == "The Dong-A Ilbo"
    assert article.url == "https://www.donga.com/en/1"
    assert article.published.isoformat() == "2019-04-29T07:42:00+09:00"


def test_html_dates_from_json_ld(tmp_path: Path, options: IngestOptions) -> None:
    markup = html_page(published="", modified="").replace(
        "</head>",
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": '
        '"NewsArticle", "datePublished": "2019-04-29T16:26:00+09:00", "dateModified": "2019-04-29T18:01:00+09:00"}]}'
        "</script></head>",
    )
    page = tmp_path / "ld.html"
    page.write_text(markup)
    [article], _ = read(page, options)
    assert article.published.isoformat() == "2019-04-29T16:26:00+09:00"
    assert article.updated.isoformat() == "2019-04-29T18:01:00+09:00"


def test_rss_author_as_email_and_name(tmp_path: Path, options: IngestOptions) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(
        rss_feed().replace(
            "<dc:creator>Kim Soo-yeon</dc:creator>", "<author>ksy@yna.co.kr (Kim Soo-yeon)</author>"
        )
    )
    articles, _ = read(feed, options)
    assert articles[0].authors == ["Kim Soo-yeon"]


def test_html_title_without_og_title_loses_the_site_name(tmp_path: Path, options: IngestOptions) -> None:
    markup = html_page().replace('<meta property="og:title"', '<meta property="x:title"')
    markup = markup.replace("<h1>Kim arrives in Vladivostok for summit with Putin</h1>", "")
    markup = markup.replace("Putin | The Korea Herald</title>", "Putin :: The Korea Herald</title>")
    page = tmp_path / "no-og.html"
    page.write_text(markup)
    [article], _ = read(page, options)
    assert article.title == "Kim arrives in Vladivostok for summit with Putin"


def _table_layout(title: str, paragraphs: list[str], per_row: bool) -> str:
    import html

    cells = (
        "".join(f"<tr><td>{html.escape(p)}</td></tr>" for p in paragraphs)
        if per_row
        else "<tr><td>" + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs) + "</td></tr>"
    )
    return (
        f"<html><head><title>{html.escape(title)}</title></head><body><table width='100%'>"
        "<tr><td><a href='/'>Home</a> | <a href='/politics'>Politics</a> | <a href='/world'>World</a></td></tr>"
        f"<tr><td><h1>{html.escape(title)}</h1></td></tr>{cells}"
        "<tr><td>Copyright The Hankyoreh. All rights reserved.</td></tr></table></body></html>"
    )


@pytest.mark.parametrize("per_row", [False, True])
def test_a_page_laid_out_in_tables_keeps_its_text(tmp_path: Path, seeds_dir: Path, per_row: bool) -> None:
    # Issue #18 item 9: the Hankyoreh article inside <table><tr><td> was refused as "HTML page holds
    # no article text (only navigation, scripts or markup)".
    seed = next(p for p in sorted(seeds_dir.glob("*.txt")) if "hani.co.kr" in p.read_text(encoding="utf-8"))
    blocks = [b.strip() for b in seed.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    paragraphs = [b for b in blocks if len(b.split()) >= 12]
    page = tmp_path / "hankyoreh.html"
    page.write_text(_table_layout("NK shifts strategic focus", paragraphs, per_row), encoding="utf-8")
    [article] = list(read_file(page, IngestOptions()))
    assert isinstance(article, Article), article
    assert article.title == "NK shifts strategic focus"
    assert paragraphs[-1][:60] in article.text and paragraphs[len(paragraphs) // 2][:60] in article.text
    assert article.word_count >= 0.9 * sum(len(p.split()) for p in paragraphs)
    assert "Politics" not in article.text.split("\n\n")[0]  # the navigation row is not the first paragraph
    assert "|" not in article.text[:200]


def test_a_data_table_inside_an_article_stays_out_of_its_text(tmp_path: Path) -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    page = tmp_path / "with-table.html"
    page.write_text(
        f"<html><head><title>Trade figures</title></head><body><article><h1>Trade figures</h1>{body}"
        "<table><tr><th>Year</th><th>Exports</th></tr><tr><td>2018</td><td>TABLECELLMARK</td></tr></table>"
        "</article></body></html>",
        encoding="utf-8",
    )
    [article] = list(read_file(page, IngestOptions()))
    assert isinstance(article, Article) and "TABLECELLMARK" not in article.text
