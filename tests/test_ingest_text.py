"""The plain-text reader on the three seed dumps (read from ../shared) and on page shapes built here."""

from __future__ import annotations

import pickle
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEEDS
from crosswire.ingest import textlines
from crosswire.ingest.context import ReadContext
from crosswire.ingest.manifest import load_manifest, lookup
from crosswire.ingest.text import read_text
from crosswire.knowledge.sources import SourceRegistry
from crosswire.model import Article

KST = timezone(timedelta(hours=9))
HANKYOREH, DONGA, JAPAN_TIMES = "000_", "001_", "002_"
REGISTRY = SourceRegistry.builtin()


def seed(prefix: str) -> Path:
    (path,) = sorted(SEEDS.glob(f"{prefix}*.txt"))
    return path


def read(path: Path, text: str | None = None, manifest: dict | None = None, **kw) -> Article:
    text = path.read_text(encoding="utf-8") if text is None else text
    entry = lookup(manifest, path) if manifest else None
    articles = list(read_text(path, text, ReadContext(REGISTRY, manifest_entry=entry, **kw)))
    assert len(articles) == 1
    return articles[0]


def read_string(text: str, tmp_path: Path, **kw) -> Article:
    return read(tmp_path / "page.txt", text, **kw)


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> dict[str, Article]:
    return {p: read(seed(p)) for p in (HANKYOREH, DONGA, JAPAN_TIMES)}


def write_csv_manifest(tmp_path: Path) -> Path:
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "path,outlet,url,published\n"
        f"{seed(DONGA).name},Dong-A Ilbo,https://www.donga.com/en/article/all/20190429/1,\n"
        f"{seed(JAPAN_TIMES)},the japan times,,\n",
        encoding="utf-8",
    )
    return manifest


def write_toml_manifest(tmp_path: Path) -> Path:
    manifest = tmp_path / "manifest.toml"
    manifest.write_text(
        f'[[article]]\npath = "seeds/{seed(DONGA).name}"\noutlet = "The Dong-A Ilbo"\n\n'
        f'["{seed(JAPAN_TIMES).name}"]\noutlet = "Japan Times"\n',
        encoding="utf-8",
    )
    return manifest


# ---------------------------------------------------------------- the seeds


def test_three_seed_articles_with_exact_headlines(seeds):
    assert seeds[HANKYOREH].title == "NK shifts strategic focus from sanctions to regime security"
    assert seeds[DONGA].title == "N. Korea's demand for security guarantees"
    assert seeds[JAPAN_TIMES].title == "North Korean diplomacy after the Hanoi impasse"
    assert all(a.format == "text" and a.language is None for a in seeds.values())
    assert all(a.source_path and a.source_path.endswith(".txt") for a in seeds.values())


def test_hankyoreh_recognised_from_its_contact_address(seeds):
    assert seeds[HANKYOREH].outlet == "The Hankyoreh"
    # Without the contact line its page layout (the registry's "Posted on : ... KST") still names it;
    # without either nothing does, and it is not guessed.
    text = seed(HANKYOREH).read_text(encoding="utf-8")
    contact = next(line for line in text.splitlines() if "@hani.co.kr" in line)
    assert read(seed(HANKYOREH), text.replace(contact, "")).outlet == "The Hankyoreh"
    dateline = next(line for line in text.splitlines() if line.startswith("Posted on"))
    assert read(seed(HANKYOREH), text.replace(contact, "").replace(dateline, "")).outlet is None


def test_outlet_from_page_layout_without_manifest(seeds):
    assert seeds[DONGA].outlet == "The Dong-A Ilbo"
    assert seeds[JAPAN_TIMES].outlet == "The Japan Times"
    # The outlet's country then supplies the zone Dong-A's dateline leaves out.
    assert seeds[DONGA].published == datetime(2019, 4, 29, 7, 42, tzinfo=KST)


@pytest.mark.needs_shared
@pytest.mark.parametrize("writer", [write_csv_manifest, write_toml_manifest])
def test_outlet_from_manifest(tmp_path, writer):
    manifest = load_manifest(writer(tmp_path))
    donga, japan_times = read(seed(DONGA), manifest=manifest), read(seed(JAPAN_TIMES), manifest=manifest)
    assert donga.outlet == "The Dong-A Ilbo"
    assert japan_times.outlet == "The Japan Times"
    # The outlet's country supplies the zone the dateline leaves out.
    assert donga.published == datetime(2019, 4, 29, 7, 42, tzinfo=KST)
    assert donga.published.isoformat() == "2019-04-29T07:42:00+09:00"
    assert japan_times.published is None


@pytest.mark.needs_shared
def test_manifest_url_is_recorded(tmp_path):
    donga = read(seed(DONGA), manifest=load_manifest(write_csv_manifest(tmp_path)))
    assert donga.url == "https://www.donga.com/en/article/all/20190429/1"


def test_authors_and_roles(seeds):
    assert seeds[HANKYOREH].authors == ["Kim Ji-eun"]
    assert seeds[HANKYOREH].author_roles == {"Kim Ji-eun": "staff reporter"}
    assert seeds[JAPAN_TIMES].authors == ["Michael Macarthur Bosack"]
    assert seeds[JAPAN_TIMES].author_roles == {"Michael Macarthur Bosack": "Contributing Writer"}
    assert seeds[DONGA].authors == []


def test_published_and_updated_with_time_zone(seeds):
    hani = seeds[HANKYOREH]
    assert hani.published.isoformat() == "2019-04-29T16:26:00+09:00"
    assert hani.updated.isoformat() == "2019-04-29T16:26:00+09:00"
    # Dong-A's dateline gives no zone: the outlet's country (from its page layout) supplies Seoul's.
    assert seeds[DONGA].published == datetime(2019, 4, 29, 7, 42, tzinfo=KST)
    assert seeds[JAPAN_TIMES].published is None and seeds[JAPAN_TIMES].updated is None


def test_genres_and_sections(seeds):
    assert seeds[HANKYOREH].genre == "analysis"
    assert seeds[DONGA].genre in ("editorial", "opinion")
    assert seeds[JAPAN_TIMES].genre == "commentary"
    assert seeds[JAPAN_TIMES].section == "Commentary / World"


BOILERPLATE = [
    "Go to contents",
    "Please direct comments",
    "english@hani.co.kr",
    "button that move",
    "Most viewed articles",
    "Posted on",
    "Modified on",
    "Posted April",
    "Updated April",
    "By Kim Ji-eun",
    "staff reporter",
    "Contributing Writer",
    "by Michael",
    "Commentary / World",
    "[News analysis]",
    "is the special adviser",  # the Japan Times author's bio
]


def test_no_boilerplate_in_any_body(seeds):
    for article in seeds.values():
        for fragment in BOILERPLATE:
            assert fragment not in article.text, (article.title, fragment)
        for paragraph in article.text.split("\n\n"):
            assert paragraph == paragraph.strip() and paragraph
            assert not textlines.is_boilerplate(paragraph), paragraph
        assert article.title not in article.text


def test_photo_caption_kept_once_and_out_of_text(seeds):
    hani = seeds[HANKYOREH]
    raw = seed(HANKYOREH).read_text(encoding="utf-8")
    caption = next(line.strip() for line in raw.splitlines() if line.rstrip().endswith("(Yonhap News)"))
    assert raw.count(caption) == 2  # the dump carries it twice
    assert hani.captions == [caption]
    assert caption not in hani.text
    assert seeds[DONGA].captions == [] and seeds[JAPAN_TIMES].captions == []


def test_deck_and_body_headings_stay_in_text(seeds):
    paragraphs = seeds[HANKYOREH].text.split("\n\n")
    assert paragraphs[0].startswith("Kim Jong-un") and paragraphs[0].endswith("post-Hanoi strategy")
    assert "Regime security original reason behind North\u2019s nuclear program" in paragraphs
    assert paragraphs[-1].endswith("thrown the ball back to the US.")


def test_body_text_is_the_whole_article(seeds):
    raw = seed(JAPAN_TIMES).read_text(encoding="utf-8")
    body_lines = [line.strip() for line in raw.splitlines() if len(line.split()) > 20]
    kept = [line for line in body_lines if line in seeds[JAPAN_TIMES].text]
    assert len(kept) == len(body_lines) - 1  # all but the author's bio


# ---------------------------------------------------------------- other shapes of the same kind

WIRE_PAGE = """Skip to main content
World | Asia

South Korea and Japan agree to resume security talks

By Jane Doe and John Roe, Reuters

Published: 12 March 2021 | 10:05 GMT
Facebook Twitter Print

SEOUL (Reuters) - South Korea and Japan agreed on Friday to resume security talks suspended since 2018,
officials said, a step both governments described as overdue.

Foreign ministry spokesman Choi Young-sam said the talks would be held in Tokyo next month.

"We welcome the decision," a Japanese official told reporters.

Related articles
Seoul protests Tokyo's textbook decision
North Korea fires two missiles into the sea
"""


def test_wire_shape_byline_dateline_and_section(tmp_path):
    article = read_string(WIRE_PAGE, tmp_path)
    assert article.title == "South Korea and Japan agree to resume security talks"
    assert article.authors == ["Jane Doe", "John Roe"]
    assert article.author_roles == {"Jane Doe": "Reuters", "John Roe": "Reuters"}
    assert article.published == datetime(2021, 3, 12, 10, 5, tzinfo=UTC)
    assert article.section == "World | Asia"
    assert article.genre == "news"
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 3
    assert (
        paragraphs[0].startswith("SEOUL (Reuters) - South Korea") and "2018, officials said" in paragraphs[0]
    )
    for junk in ("Skip to", "Facebook", "Related articles", "textbook decision", "fires two missiles"):
        assert junk not in article.text
    # A wire credit in a byline or a dateline does not make the article the wire's own.
    assert article.outlet is None


def test_front_matter_supplies_metadata(tmp_path):
    page = (
        "---\noutlet: korea herald\nurl: https://www.koreaherald.com/view.php?ud=2021\n"
        "published: 2021-03-12 09:00\nauthors: [Lee Min-ho, Park Ji-yeon]\ngenre: opinion\n---\n"
        "Time to talk to Pyongyang\n\nThe government should reopen the liaison office, and soon.\n"
    )
    article = read_string(page, tmp_path)
    assert article.outlet == "The Korea Herald"
    assert article.url == "https://www.koreaherald.com/view.php?ud=2021"
    assert article.published.isoformat() == "2021-03-12T09:00:00+09:00"
    assert article.authors == ["Lee Min-ho", "Park Ji-yeon"]
    assert article.genre == "opinion"
    assert article.title == "Time to talk to Pyongyang"
    assert article.text == "The government should reopen the liaison office, and soon."


def test_toml_front_matter_and_manifest_precedence(tmp_path):
    page = '+++\noutlet = "Yonhap"\npublished = 2021-03-12T09:00:00+09:00\n+++\nTitle line\n\nBody sentence here.\n'
    assert read_string(page, tmp_path).outlet == "Yonhap News Agency"
    manifest = tmp_path / "m.csv"
    manifest.write_text("path,outlet\npage.txt,NHK\n", encoding="utf-8")
    article = read(tmp_path / "page.txt", page, manifest=load_manifest(manifest))
    assert article.outlet == "NHK"  # the manifest overrides the front matter
    assert article.published.isoformat() == "2021-03-12T09:00:00+09:00"


def test_masthead_credit_names_the_outlet_but_a_citation_does_not(tmp_path):
    body = (
        "Kim meets Putin in Vladivostok\n\n"
        "Yonhap reported that the two leaders met for three hours on Thursday in the Russian port city.\n"
    )
    assert read_string(body, tmp_path).outlet is None
    credited = read_string(body + "\n\u00a9 2019 The Japan Times Ltd. All rights reserved.\n", tmp_path)
    assert credited.outlet == "The Japan Times"
    assert "rights reserved" not in credited.text


def test_source_url_line_gives_url_and_outlet(tmp_path):
    page = "A headline\n\nA first paragraph of the story, long enough.\n\nSource: https://english.hani.co.kr/arti/1.html\n"
    article = read_string(page, tmp_path)
    assert article.url == "https://english.hani.co.kr/arti/1.html"
    assert article.outlet == "The Hankyoreh"
    assert "Source:" not in article.text


def test_caption_shapes_and_label_prefix(tmp_path):
    page = (
        "EDITORIAL: Stop the drills\n\n"
        "\u25b2 Soldiers take part in a drill near the border on Monday.\n"
        "Troops march past the cameras in Seoul on March 4. / Reuters\n\n"
        "By contrast, the North said the exercises were a rehearsal for invasion and warned of a response.\n"
    )
    article = read_string(page, tmp_path)
    assert article.title == "Stop the drills"
    assert article.genre == "editorial"
    assert len(article.captions) == 2
    assert (
        article.text
        == "By contrast, the North said the exercises were a rehearsal for invasion and warned of a response."
    )
    assert article.authors == []


def test_unsigned_news_is_not_an_editorial(tmp_path):
    sentence = "The official said the talks would resume, according to the ministry, and the envoy told reporters so. "
    article = read_string("Talks to resume\n\n" + sentence * 12, tmp_path)
    assert article.genre == "news"


def test_default_timezone_when_outlet_unknown(tmp_path):
    page = "Headline\n\nUpdated: April 29, 2019 3:05 p.m.\n\nThe body of the story goes here, long enough to count.\n"
    article = read_string(page, tmp_path, default_timezone="Asia/Tokyo")
    assert article.published is None
    assert article.updated.isoformat() == "2019-04-29T15:05:00+09:00"


def test_hard_wrapped_paragraphs_are_joined(tmp_path):
    page = (
        "Headline of the piece\n\nThe first paragraph was wrapped by the tool that saved\n"
        "the page, at a fixed width of about sixty characters per\nline.\n\nA second paragraph.\n"
    )
    assert read_string(page, tmp_path).text.split("\n\n") == [
        "The first paragraph was wrapped by the tool that saved the page, at a fixed width of about sixty characters per line.",
        "A second paragraph.",
    ]


def test_page_without_body_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match=r"page\.txt: no article text"):
        read_string("Go to contents\n\nJust a headline\n\nShare\nMost viewed articles\n", tmp_path)


def test_bare_genre_kicker_and_masthead_line(tmp_path):
    page = (
        "The Korea Herald\nEditorial\n\nSeoul must keep talking\n\nPosted : 2019-04-30 18:00\n\n"
        "Talks are the only road. The government should say so plainly, and we expect it will.\n"
    )
    article = read_string(page, tmp_path)
    assert article.outlet == "The Korea Herald"
    assert (article.title, article.genre, article.section) == (
        "Seoul must keep talking",
        "editorial",
        "Editorial",
    )
    assert article.published.isoformat() == "2019-04-30T18:00:00+09:00"  # the outlet's zone
    assert article.text.startswith("Talks are the only road.")


@pytest.mark.needs_shared
def test_read_context_pickles_for_worker_processes(tmp_path):
    manifest = load_manifest(write_csv_manifest(tmp_path))
    context = ReadContext(REGISTRY, manifest_entry=lookup(manifest, seed(DONGA)), source_path="x.txt")
    copy = pickle.loads(pickle.dumps(context))
    assert (
        next(read_text(seed(DONGA), seed(DONGA).read_text(encoding="utf-8"), copy)).outlet
        == "The Dong-A Ilbo"
    )


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=600))
def test_random_text_never_crashes(text):
    path = Path("random.txt")
    try:
        articles = list(read_text(path, text, ReadContext(REGISTRY)))
    except ValueError as err:
        assert str(err).startswith("random.txt: ")
        return
    assert len(articles) == 1 and articles[0].text.strip()


LINES = st.sampled_from(
    [
        "Go to contents",
        "By Jane Doe, staff reporter",
        "Posted on : 2019-04-29 16:26 KST",
        "Share",
        "Opinion / Asia",
        "A headline here",
        "Body sentence that ends here.",
        "",
        "(c) Reuters",
        "Photo of a scene. (AP)",
        "Related articles",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(LINES, max_size=25))
def test_shuffled_page_parts_never_crash_and_never_leak_chrome(lines):
    try:
        (article,) = read_text(Path("p.txt"), "\n".join(lines), ReadContext(REGISTRY))
    except ValueError as err:
        assert str(err).startswith("p.txt: ")
        return
    for junk in ("Go to contents", "staff reporter", "Posted on", "(c) Reuters", "Photo of a scene"):
        assert junk not in article.text


def test_breadcrumbs_byline_email_and_wire_end_marks(tmp_path):
    page = (
        "Home\nNational\nNorth Korea\n\nNorth denounces drills as 'violation'\n\n"
        "Published : Apr 29, 2019 - 16:26       Updated : Apr 29, 2019 - 17:01\n\n"
        "North Korea on Monday denounced the joint drills as a violation of agreements, state media said.\n\n"
        "Image\nTroops at a drill site on Monday.Credit...Kim Min-su/Reuters\n\n"
        "The drills are a grave provocation, a commentary said.\n\n(END)\n\n"
        "By Choi Min-ji (minji@heraldcorp.com)\n\nMost Popular\nSamsung unveils a phone\nSingers top chart again\n"
    )
    article = read_string(page, tmp_path)
    assert article.section == "National / North Korea"
    assert article.authors == ["Choi Min-ji"]
    assert article.outlet == "The Korea Herald"  # from the byline's address
    assert article.published.isoformat() == "2019-04-29T16:26:00+09:00"
    assert article.updated.isoformat() == "2019-04-29T17:01:00+09:00"
    assert article.captions == ["Troops at a drill site on Monday.Credit...Kim Min-su/Reuters"]
    assert article.text.split("\n\n") == [
        "North Korea on Monday denounced the joint drills as a violation of agreements, state media said.",
        "The drills are a grave provocation, a commentary said.",
    ]


def test_print_edition_note_is_chrome(tmp_path):
    note = (
        "A version of this article appears in print on April 26, 2019, Section A, Page 1 of the"
        " New York edition with the headline: Kim Meets Putin."
    )
    article = read_string(
        f"Kim meets Putin\n\nThe two leaders met in Vladivostok on Thursday.\n\n{note}\n", tmp_path
    )
    assert article.text == "The two leaders met in Vladivostok on Thursday."


def test_pipe_kicker_is_not_a_title_label_and_agency_is_not_an_author(tmp_path):
    page = (
        "Opinion | Commentary\n\nWhy the cattle ban is about steel\n\nBy Laura Fenwick, Southern Wire\n\n"
        "When the ban came, nobody believed the official reason, and nobody should have.\n"
    )
    article = read_string(page, tmp_path)
    assert article.title == "Why the cattle ban is about steel"
    assert (article.genre, article.section) == ("opinion", "Opinion | Commentary")
    assert article.authors == ["Laura Fenwick"]
    assert article.author_roles == {"Laura Fenwick": "Southern Wire"}
