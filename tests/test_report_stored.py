"""The report built from stored stories (report/stored.py: facts as the stories step aligned them,
the rest recomputed) is the report that aligning every story again gives, byte for byte."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from crosswire.api import analyze
from crosswire.report.data import report_data, report_data_from_store
from crosswire.report.markdown import render_markdown
from crosswire.report.render import render_html
from crosswire.report.stored import comparison_from_story
from crosswire.store import open_store
from crosswire.stories.build import load_corpus
from crosswire.stories.compare import compare_story

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from generate import generate_articles, jsonl_record  # noqa: E402


@pytest.fixture(scope="module")
def store_url(tmp_path_factory) -> str:
    root = tmp_path_factory.mktemp("stored")
    corpus = root / "corpus"
    corpus.mkdir()
    for i, article in enumerate(generate_articles(12, 3, n_stories=2)):
        (corpus / f"{i:03d}.jsonl").write_text(json.dumps(jsonl_record(article)) + "\n", encoding="utf-8")
    url = f"sqlite:///{root / 'store.db'}"
    with analyze([corpus], db=url):
        pass
    return url


def test_stored_facts_give_the_report_that_comparing_again_gives(store_url):
    with open_store(store_url) as store:
        stored = report_data_from_store(store)
        articles, analyses = load_corpus(store)
    assert stored.stories and any(c.single_source for c in stored.comparisons.values())
    fresh = report_data(articles, analyses, stored.stories)  # aligns every story again...
    by_id = {a.id: a for a in articles}
    for story in stored.stories:  # ...in the story's own article order, as the stories step does
        members = [by_id[i] for i in story.article_ids]
        fresh.comparisons[story.id] = compare_story(story, members, analyses)
        assert comparison_from_story(story, members, analyses) == fresh.comparisons[story.id]
    assert render_html(stored, "t") == render_html(fresh, "t")
    assert render_markdown(stored, "t") == render_markdown(fresh, "t")


def test_the_report_does_not_align_stored_stories(store_url, monkeypatch):
    import crosswire.stories.compare as compare_module

    def refuse(*args, **kwargs):
        raise AssertionError("the report aligned a story the stories step had already compared")

    monkeypatch.setattr(compare_module, "align_quotes", refuse)
    monkeypatch.setattr(compare_module, "story_facts", refuse)
    with open_store(store_url) as store:
        data = report_data_from_store(store)
    assert len(data.comparisons) == len(data.stories) > 0
