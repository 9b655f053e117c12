"""The bounded briefing (report/scope.py): which stories a large corpus's report keeps, the appendix
cap, the sentence saying what the report covers, and that a small corpus's report is unchanged."""

from __future__ import annotations

import json
import re
import sys
from datetime import datetime
from pathlib import Path

import pytest

from crosswire.api import analyze
from crosswire.model import Analysis, Article, Story
from crosswire.report.data import report_data, report_data_from_store
from crosswire.report.markdown import render_markdown
from crosswire.report.render import render_html
from crosswire.report.scope import Choice, StoryRank, choose, ranked
from crosswire.store import open_store
from crosswire.stories.build import build_stories, load_corpus
from story_support import analysis, article, quote, talks_story

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from generate import generate_articles, jsonl_record  # noqa: E402


def rank(sid: str, outlets: int, articles: int, day: int | None) -> StoryRank:
    return StoryRank(sid, outlets, articles, datetime(2026, 3, day) if day else None)


def test_stories_rank_by_outlets_then_articles_then_latest_date_then_id() -> None:
    ranks = [
        rank("e", 2, 2, None),  # undated: after the dated ones it ties with
        rank("d", 2, 2, 4),
        rank("c", 2, 2, 9),
        rank("b", 2, 2, 9),  # ties with "c" on everything but its id
        rank("a", 2, 5, 1),  # more articles beats a later date
        rank("z", 3, 1, 1),  # more outlets beats everything
    ]
    expected = ["z", "a", "b", "c", "d", "e"]
    assert [r.story_id for r in ranked(ranks)] == expected
    assert [r.story_id for r in ranked(list(reversed(ranks)))] == expected


def test_choose_keeps_top_stories_while_their_articles_fit() -> None:
    ranks = [rank("a", 3, 3, 5), rank("b", 3, 3, 9), rank("c", 2, 4, 9), rank("d", 2, 2, 9)]
    assert choose(ranks, corpus_articles=12, max_stories=4, max_articles=12) is None  # it all fits
    assert choose(ranks, 12, max_stories=2, max_articles=100) == Choice(["b", "a"])
    # "c" (4 articles) would overflow 8, and ends the list: "d" fits but ranks below "c".
    assert choose(ranks, 12, max_stories=10, max_articles=8) == Choice(["b", "a"])
    assert choose(ranks, 12, max_stories=10, max_articles=10) == Choice(["b", "a", "c"])
    # A top story larger than the whole budget is kept alone, cut to the budget.
    assert choose(ranks, 12, max_stories=10, max_articles=2) == Choice(["b"], cut=2)
    # Too many stories alone also bounds the report, even with few articles.
    assert choose(ranks, 12, max_stories=3, max_articles=12) == Choice(["b", "a", "c"])


def small_stories() -> tuple[list[Article], dict[str, Analysis], list[Story], Article]:
    """Four stories of different reach plus one article in no story, each article quoting someone."""
    arts, an, stories = [], {}, []
    plan = {"wide": (["Alpha", "Beta", "Gamma"], 5), "late": (["Alpha", "Beta", "Gamma"], 9)}
    plan |= {"long": (["Alpha", "Beta", "Beta", "Beta"], 9), "pair": (["Delta", "Eps"], 9)}
    for name, (outlets, day) in plan.items():
        members = []
        for i, outlet in enumerate(outlets):
            text = f"The {name} talks went on. \u201cWe will talk about {name} item {i},\u201d {outlet} chief said."
            art = article(text, f"The {outlet} Times", day=day - i % 2, title=f"{name} {i}")
            said = text[text.index("\u201c") + 1 : text.index(",\u201d")]
            an[art.id] = analysis(art, quotes=[quote(art, said, f"{outlet} chief")])
            arts.append(art)
            members.append(art.id)
        stories.append(Story(article_ids=members, title=f"The {name} story"))
    loner = article("Nothing else happened.", "The Lone Gazette", day=20, title="<b>alone</b>")
    arts.append(loner)
    an[loner.id] = analysis(loner)
    return arts, an, stories, loner


def test_a_bounded_report_covers_only_the_top_stories_and_says_so() -> None:
    arts, an, stories, loner = small_stories()
    data = report_data(arts, an, stories, max_stories=2, max_articles=100)
    # "late" and "wide" have three outlets; "late" is more recent. Listed in their own order.
    assert [s.title for s in data.stories] == ["The wide story", "The late story"]
    kept = {i for s in data.stories for i in s.article_ids}
    assert {a.id for a in data.articles} == kept and loner.id not in kept
    assert [a.id for a in data.articles] == [a.id for a in arts if a.id in kept]  # corpus order kept
    assert {q["article_id"] for qs in data.quotes_by_speaker.values() for q in qs} <= kept
    assert set(data.analyses) <= kept
    html, md = render_html(data, "t"), render_markdown(data, "t")
    sentence = "This briefing covers the 2 stories reported by the most outlets (of 4 stories; 6 articles of"
    assert sentence + " 13 in the corpus); the full corpus is in the exports and the workbench." in html
    assert sentence.replace("(", "\\(") + " 13 in the corpus\\); the full corpus is in the exports" in md
    assert "The long story" not in html and "alone" not in html
    assert html.count('class="article"') == 6
    assert set(re.findall(r'href="#([^"]+)"', html)) <= set(re.findall(r'id="([^"]+)"', html))


def test_the_appendix_is_capped_even_for_one_huge_story() -> None:
    arts, an, stories, _ = small_stories()
    data = report_data(arts, an, stories, max_stories=10, max_articles=2)
    assert [s.title for s in data.stories] == ["The late story"]
    # Its two latest articles (day 9, by id), not the one from day 8.
    members = [a for a in arts if a.id in stories[1].article_ids]
    latest = sorted((a for a in members if a.published.day == 9), key=lambda a: a.id)
    assert [a.id for a in data.articles] == [a.id for a in arts if a in latest]
    html, md = render_html(data, "t"), render_markdown(data, "t")
    assert html.count('class="article"') == 2 and "This briefing covers the story reported" in html
    # Citations of the left-out member are plain text, never links to a missing anchor.
    targets = set(re.findall(r'href="#([^"]+)"', html))
    assert targets and targets <= set(re.findall(r'id="([^"]+)"', html))
    linked = set(re.findall(r"report\.html#a-([0-9a-f]+)-", md))
    assert linked and linked <= {a.id for a in data.articles}


def test_a_small_corpus_report_is_the_whole_corpus_unchanged() -> None:
    arts, an = talks_story()
    stories = build_stories(arts, an)
    data = report_data(arts, an, stories)
    unbounded = report_data(arts, an, stories, max_stories=10**6, max_articles=10**6)
    assert data.coverage is None and len(data.articles) == len(arts) and data.stories == stories
    assert render_html(data, "t") == render_html(unbounded, "t")
    assert render_markdown(data, "t") == render_markdown(unbounded, "t")
    assert "This briefing covers" not in render_html(data, "t")
    # Articles in no story stay in a small corpus's report, as they always did.
    arts2, an2, stories2, loner = small_stories()
    assert loner.id in {a.id for a in report_data(arts2, an2, stories2).articles}


@pytest.fixture(scope="module")
def store_url(tmp_path_factory) -> str:
    root = tmp_path_factory.mktemp("scoped")
    corpus = root / "corpus"
    corpus.mkdir()
    for i, item in enumerate(generate_articles(16, 5, n_stories=4)):
        (corpus / f"{i:03d}.jsonl").write_text(json.dumps(jsonl_record(item)) + "\n", encoding="utf-8")
    url = f"sqlite:///{root / 'store.db'}"
    with analyze([corpus], db=url):
        pass
    return url


@pytest.mark.parametrize("articles_cap", [100, 3])
def test_the_store_path_chooses_what_the_in_memory_path_chooses(store_url, monkeypatch, articles_cap) -> None:
    import crosswire.store.bulk as bulk

    read: list[object] = []
    real = bulk.stored_stories

    def spy(conn, ids=None):
        read.append(ids)
        return real(conn, ids)

    monkeypatch.setattr(bulk, "stored_stories", spy)
    with open_store(store_url) as store:
        everything = store.list_stories()
        assert len(everything) >= 3
        stored = report_data_from_store(store, max_stories=2, max_articles=articles_cap)
        articles, analyses = load_corpus(store)
    assert read and read[0] is not None and len(read[0]) == len(stored.stories)  # only kept stories decoded
    fresh = report_data(
        articles, analyses, everything, stored_facts=True, max_stories=2, max_articles=articles_cap
    )
    assert stored.coverage == fresh.coverage and stored.coverage is not None
    assert [a.id for a in stored.articles] == [a.id for a in fresh.articles]
    html = render_html(stored, "t")
    assert html == render_html(fresh, "t")
    assert set(re.findall(r'href="#([^"]+)"', html)) <= set(re.findall(r'id="([^"]+)"', html))
    assert render_markdown(stored, "t") == render_markdown(fresh, "t")
    if articles_cap == 3:
        assert len(stored.articles) == 3 and len(stored.stories) == 1


def test_bulk_readers_filter_by_id(store_url, monkeypatch) -> None:
    import crosswire.store.bulk as bulk

    monkeypatch.setattr(bulk, "IN_CHUNK", 2)  # several IN queries per table, still in id order
    with open_store(store_url) as store:
        ids = sorted(a.article_id for a in store.iter_analyses())[::3]
        assert list(store.iter_all_analyses(ids=set(ids))) == list(store.iter_analyses(ids=ids))
        every = store.list_stories()
        wanted = [every[-1].id, every[0].id]
        assert store.stored_stories(ids=wanted) == [every[0], every[-1]]  # in position order
