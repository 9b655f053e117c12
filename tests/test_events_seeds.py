"""Seed acceptance: the built-in lexicon codes the key events of the three seed articles."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from crosswire.events.merge import merge_events
from crosswire.knowledge.codebook import Codebook
from crosswire.model import Article, Event
from event_support import code_article as code_events


def read_seed(path: Path) -> Article:
    from crosswire.ingest.context import ReadContext
    from crosswire.ingest.text import read_text
    from crosswire.knowledge.sources import SourceRegistry

    context = ReadContext(sources=SourceRegistry.builtin(), source_path=str(path))
    return next(read_text(path, path.read_text(encoding="utf-8"), context))


def code_article(article: Article) -> list[Event]:
    return code_events(article)


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> dict[str, tuple[Article, list[Event]]]:
    out = {}
    for key, path in zip(("hani", "donga", "jt"), sorted(seeds_dir.glob("*.txt")), strict=True):
        article = read_seed(path)
        if article.published is None:  # the Japan Times page prints no date
            article.published = datetime(2019, 4, 22)
        out[key] = (article, code_article(article))
    return out


def find(events: list[Event], root: str, source: str, target: str | None, words: str = "") -> list[Event]:
    return [
        e
        for e in events
        if e.cameo.startswith(root)
        and (e.source.code or "").startswith(source)
        and (target is None or (e.target is not None and (e.target.code or "").startswith(target)))
        and words in e.mentions[0].sentence
    ]


def test_kim_putin_summit_on_april_25(seeds) -> None:
    article, events = seeds["hani"]
    found = [e for e in find(events, "04", "PRK", "RUS") if e.date == "2019-04-25"]
    assert found, [(e.cameo, e.source.code, e.target and e.target.code, e.date) for e in events]
    assert all(e.date_precision == "day" for e in found)
    reverse = [e for e in find(events, "04", "RUS", "PRK") if e.date == "2019-04-25"]
    assert reverse  # a summit is a meeting of both sides


def test_state_media_reports_with_claim_chain(seeds) -> None:
    _, events = seeds["hani"]
    # State media that merely report are not parties to an event; what they report is coded as a claim.
    assert not find(events, "01", "PRKMED", None, "reported that Kim told")
    told = find(events, "01", "PRKGOV", "RUS", "reported that Kim told")
    assert told and told[0].claim_by in {"Rodong Sinmun", "Korean Central News Agency"}
    assert told[0].date == "2019-04-25"  # "during their extended summit the previous day"
    # What Kim told Putin is a claim of Kim's, not a fact: the Hanoi summit broke down.
    hanoi = find(events, "04", "PRK", "USA", "reported that Kim told")
    assert hanoi and hanoi[0].claim_by == "Kim Jong-un" and hanoi[0].rule.endswith(".failed")


def test_north_rejects_seoul_offer(seeds) -> None:
    article, events = seeds["donga"]
    found = find(events, "12", "PRK", "KOR", "rejected Seoul")
    assert len(found) == 1
    event = found[0]
    assert event.cameo == "125" and event.claim_by is None
    # The text does not say when the offer was rejected: undated, reported on the publication day.
    assert event.date is None and event.date_source == "none"
    assert event.reported_on == article.published.date().isoformat()
    assert event.rule == "reject.offer"


def test_kcna_denounces_joint_drill(seeds) -> None:
    _, events = seeds["donga"]
    found = find(events, "111", "PRKMED", None, "Alliance 19-1")
    assert {e.target.code for e in found if e.target} == {"KOR", "USA"}
    assert all(e.source.name == "Korean Central News Agency" for e in found)
    blasted = find(events, "111", "PRK", "KOR", "blasted Seoul")
    assert blasted and blasted[0].goldstein == Codebook.builtin().goldstein("111")


def test_treasury_sanctions_and_trump_withdrawal(seeds) -> None:
    _, events = seeds["jt"]
    imposed = find(events, "163", "USAGOV", "PRK")
    assert len(imposed) == 1 and imposed[0].source.name == "Treasury Department"
    eased = find(events, "08", "USAGOV", "PRK")
    assert len(eased) == 1 and eased[0].source.name == "Donald Trump"
    # "This past Friday" from Monday 2019-04-22
    assert imposed[0].date == eased[0].date == "2019-04-19"
    assert imposed[0].plover == "COERCE" and eased[0].plover == "RETREAT"


def test_hanoi_summit_ended_without_agreement(seeds) -> None:
    _, events = seeds["donga"]
    found = find(events, "04", "PRK", "USA", "collapsed summit")
    assert found
    event = found[0]
    assert event.rule.endswith(".failed")
    assert event.place is not None and event.place.name == "Hanoi" and event.place.country == "VNM"
    assert event.claim_by is None


def test_offsets_and_merge_across_the_seeds(seeds) -> None:
    everything = []
    for article, events in seeds.values():
        for e in events:
            m = e.mentions[0]
            assert article.text[m.start : m.end] == m.sentence
            assert e.article_ids == [article.id]
        everything += events
    merged = merge_events(everything)
    assert len(merged) < len(everything)
    hanoi = [
        e
        for e in merged
        if e.cameo.startswith("04")
        and (e.source.code or "").startswith("PRK")
        and e.target is not None
        and (e.target.code or "").startswith("USA")
        and len(e.article_ids) > 1
    ]
    assert hanoi  # the collapsed Hanoi summit is reported by more than one outlet
