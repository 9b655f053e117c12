"""The fuzz harnesses at CI speed: every target on its seeds plus a few hundred mutated inputs.

The long coverage-guided runs are `make fuzz` (docs/fuzzing.md); this keeps every harness working and
catches the shallow crashes on every commit. The mutator is seeded, so a failure here repeats exactly,
and the failing input is printed in the error's notes.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from fuzz import mutate  # noqa: E402
from fuzz.harnesses import TARGETS, ContractError, fuzz_dates, fuzz_feed  # noqa: E402
from fuzz.seeds import seed_inputs  # noqa: E402

# Inputs per target: a few hundred, fewer where one input means a full HTML extraction.
COUNTS = {
    "html": 200, "warc": 300, "feed": 300, "ingest_file": 200, "detect": 200, "text": 300,
    "source_dates": 40,  # each input is six files read whole, HTML among them
}  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(TARGETS))
def test_harness_survives_mutated_inputs(name: str) -> None:
    target = TARGETS[name]
    seeds = seed_inputs(target.kind)
    assert seeds, f"no seeds for {name}"
    assert mutate.run(target.run, seeds, COUNTS.get(name, 400)) == COUNTS.get(name, 400)


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_seeds_reach_the_parser(name: str) -> None:
    """The seeds are real inputs of their kind: each is read without a refusal where one is expected."""
    target = TARGETS[name]
    for data in seed_inputs(target.kind):
        target.run(data)


def test_seed_corpora_come_from_the_examples() -> None:
    html = seed_inputs("html")
    assert len(html) == len(list((REPO_ROOT / "examples").glob("*.html")))
    assert all(b"<html" in page.lower() for page in html)
    assert any(s.startswith(b"\x1f\x8b") for s in seed_inputs("warc"))  # the .warc.gz, compressed
    assert any(s.startswith(b"WARC/1.") for s in seed_inputs("warc"))
    dates = seed_inputs("dates")
    assert len(dates) > 30 and len(set(dates)) == len(dates)


def test_harness_reports_a_broken_contract(monkeypatch: pytest.MonkeyPatch) -> None:
    """The harness is not a no-op: a parser result that breaks the contract is a crash."""
    from crosswire.nlp import date_rules

    backwards = date_rules.Resolution("2026-03-06", "2026-03-01", "range", None, "x")
    monkeypatch.setattr(date_rules, "resolve", lambda *args, **kwargs: backwards)
    with pytest.raises(ContractError, match="range ends before it starts"):
        fuzz_dates(b"\0\0\0\0\0yesterday")


def test_harness_lets_unexpected_exceptions_through(monkeypatch: pytest.MonkeyPatch) -> None:
    import feedparser

    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(feedparser, "parse", broken)
    with pytest.raises(KeyError):
        fuzz_feed(seed_inputs("feed")[0])
