"""The bad-input catalogue, continued: hostile upload names through the web app, and over-long
sentences through the parser (issue #8, section 3). Readers' cases are in test_bad_input_catalogue.py.
"""

from __future__ import annotations

import random
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from crosswire import run as api  # the run module holds the step lists analyze reads
from crosswire.analysis import analyze_article
from crosswire.model import Article
from crosswire.nlp.limits import MAX_SENTENCE_TOKENS
from crosswire.nlp.runtime import load_nlp, parse
from crosswire.store import open_store
from crosswire.web.app import create_app

TOKEN = "catalogue-token"
BODY = (
    b"Seoul and Tokyo agreed on Monday to resume a military intelligence pact.\n\n"
    b"Officials in both capitals welcomed the step and said talks would continue next month."
)


@pytest.fixture()
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(api, "ANALYSIS_STEPS", [])  # ingest only: the names are what is under test
    db = str(tmp_path / "web.db")
    with open_store(db):
        pass
    with TestClient(create_app(db, token=TOKEN), base_url="http://127.0.0.1") as test_client:
        yield test_client


def _finished(client: TestClient, job_id: str) -> dict:
    deadline = time.monotonic() + 240  # a fresh ingest worker loads its models first
    while time.monotonic() < deadline:
        job = client.get(f"/api/v1/ingest/{job_id}").json()
        if job["finished"]:
            return job
        time.sleep(0.05)
    raise AssertionError(f"ingest job {job_id} did not finish")


@pytest.mark.parametrize(
    "template",
    ["../../../../../tmp/{}", "..\\..\\..\\{}", "/tmp/{}", "a/../../{}", "....//....//{}", "./{}"],
)
def test_upload_names_cannot_leave_the_upload_folder(client: TestClient, template: str) -> None:
    name = f"evil-{uuid.uuid4().hex[:8]}.txt"
    response = client.post(
        "/api/v1/ingest",
        files={"files": (template.format(name), BODY, "text/plain")},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 202, response.text
    job = _finished(client, response.json()["id"])
    assert job["state"] == "done" and job["files"] == [name] and job["counts"]["read"] == 1
    # Only the base name was used: nothing was written where the path pointed.
    for folder in {Path("/tmp"), Path(tempfile.gettempdir()), Path(tempfile.gettempdir()).parent}:
        assert not (folder / name).exists()
    assert all(p["path"].endswith(name) and "/" not in p["path"] for p in job["problems"])


@pytest.mark.parametrize("name", ["..", "../", "a/..", ".hidden.txt", "../.bashrc"])
def test_upload_names_that_are_no_file_are_refused(client: TestClient, name: str) -> None:
    response = client.post(
        "/api/v1/ingest",
        files={"files": (name, BODY, "text/plain")},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 400
    assert (
        "missing or hidden file name" in response.json()["error"] and repr(name) in response.json()["error"]
    )


def test_upload_name_with_a_nul_byte_is_harmless(client: TestClient) -> None:
    response = client.post(
        "/api/v1/ingest",
        files={"files": ("report\x00.exe.txt", BODY, "text/plain")},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code in (202, 400, 415)
    if response.status_code == 202:
        job = _finished(client, response.json()["id"])
        assert job["state"] == "done" and "\x00" not in "".join(job["files"])


# --------------------------------------------------------------------------- over-long sentences

WORDS = (
    "the minister said that officials in Seoul and Washington would meet again to discuss sanctions relief "
    "and the talks that broke down in Hanoi while Kim Jong-un travelled to Vladivostok"
).split()


def _run_on(count: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(count))


def test_guard_cuts_a_50k_word_sentence_into_bounded_pieces() -> None:
    nlp = load_nlp()
    names = nlp.pipe_names
    assert names.index("crosswire_long_sentences") < names.index("parser")
    doc = nlp.make_doc(_run_on(50_000))
    nlp.get_pipe("crosswire_long_sentences")(doc)
    starts = [t.i for t in doc[1:] if t.is_sent_start]  # the first token always starts a sentence
    assert len(starts) == doc.user_data["crosswire_long_sentences"] == (len(doc) - 1) // MAX_SENTENCE_TOKENS
    assert all(b - a == MAX_SENTENCE_TOKENS for a, b in zip([0, *starts], starts, strict=False))


def test_guard_leaves_punctuated_text_alone() -> None:
    nlp = load_nlp()
    text = ". ".join(_run_on(30, seed) for seed in range(200)) + "."
    doc = nlp.make_doc(text)
    nlp.get_pipe("crosswire_long_sentences")(doc)
    assert "crosswire_long_sentences" not in doc.user_data
    assert not any(t.is_sent_start for t in doc[1:])  # nothing preset: the parser decides as before


def test_a_line_break_before_a_capital_ends_a_sentence_unless_the_line_runs_on() -> None:
    # records whose paragraphs are single lines (JSONL, live blogs): an entry title is not the subject
    # of the next line's sentence
    nlp = load_nlp()
    doc = nlp("Cruz: It Was All the Network's Fault\nTed Cruz apologized to Ben Carson on Monday.")
    assert [s.text.strip() for s in doc.sents] == [
        "Cruz: It Was All the Network's Fault",
        "Ted Cruz apologized to Ben Carson on Monday.",
    ]
    doc = nlp("The bill passed, said the minister,\nMike Pompeo, on Monday.")
    assert len(list(doc.sents)) == 1  # a line ending in a comma runs on
    doc = nlp("The talks in Hanoi ended\nwithout an agreement on Thursday.")
    assert len(list(doc.sents)) == 1  # a lower-case line carries on


@pytest.mark.slow
def test_50k_word_sentence_parses_in_bounded_time_with_offsets_intact(
    caplog: pytest.LogCaptureFixture,
) -> None:
    text = _run_on(50_000, seed=1)
    start = time.perf_counter()
    doc = parse(text)
    seconds = time.perf_counter() - start
    assert doc.text == text  # offsets into Article.text are unchanged
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS
    assert "cut" in caplog.text and "without punctuation" in caplog.text
    # spaCy's small model parses well over 2,000 words a second on one core; the bound allows a busy machine.
    assert seconds < 240, seconds


@pytest.mark.slow
def test_analysis_time_grows_linearly_not_quadratically_with_sentence_length() -> None:
    """Before the guard an 8,000-word sentence took six times as long to analyse as a 4,000-word one."""

    def analysis_seconds(text: str) -> float:
        article = Article(text=text, title="t", outlet="x", published=datetime(2026, 3, 6, tzinfo=UTC))
        doc = parse(text)
        start = time.perf_counter()
        analyze_article(article, doc)
        return time.perf_counter() - start

    analysis_seconds("Kim met Putin in Vladivostok on Thursday, officials said.")  # load resources once
    prose = analysis_seconds(". ".join(_run_on(25, seed) for seed in range(160)) + ".")  # 4,000 words
    long_run = analysis_seconds(_run_on(4_000, seed=2))
    assert long_run < 4 * prose + 5, (long_run, prose)
