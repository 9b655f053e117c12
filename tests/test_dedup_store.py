"""De-duplication against the store: one lookup per batch, fingerprints persisted, answers across runs."""

from __future__ import annotations

import pickle
import sqlite3

import pytest

from crosswire.api import ingest
from crosswire.ingest.dedup import Deduplicator
from crosswire.model import Article
from crosswire.store import open_store
from crosswire.store.minhash import LOOKUP_CHUNK, _in_lists
from store_support import backend_url
from test_dedup import UNRELATED, WIRE


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    yield from backend_url(request.param, tmp_path)


def wire(outlet: str, paragraphs: list[str] = WIRE, title: str = "Pyongyang blames Washington") -> Article:
    return Article(text="\n\n".join(paragraphs), outlet=outlet, title=title)


def trimmed(outlet: str) -> Article:
    return wire(outlet, ["SEOUL, April 30 (Yonhap) -- " + WIRE[0], *WIRE[1:5]], "NK blames US")


def run(store, dedup: Deduplicator, batch: list[Article]) -> list[Article]:
    dedup.check_batch(batch)
    store.save_articles(batch)
    dedup.save_fingerprints()
    return batch


def test_copies_are_found_in_the_same_batch_and_in_later_batches(db_url) -> None:
    with open_store(db_url) as store:
        dedup = Deduplicator(store=store)
        first = run(store, dedup, [wire("Yonhap"), trimmed("NK News"), wire("Other", UNRELATED, "Cattle")])
        original, copy, unrelated = first
        assert copy.near_duplicates == [original.id] and copy.duplicate_of is None
        assert unrelated.near_duplicates == [] and original.near_duplicates == []
        # A later batch: the originals come from the store, not from memory.
        rewritten = ["Pyongyang on Tuesday blamed Washington for the failed summit in Vietnam.", *WIRE[1:]]
        later = run(store, dedup, [wire("Korea Herald"), wire("Korea Times", rewritten), trimmed("Dup")])
        assert later[0].duplicate_of == original.id
        assert later[1].near_duplicates[0] == original.id  # the earliest stored copy first
        assert later[2].duplicate_of == copy.id and later[2].near_duplicates == []
        assert dedup._pending == []  # nothing of the corpus is held between batches
        relations = {(r["article_id"], r["other_id"], r["kind"]) for r in store.list_relations()}
        assert (later[1].id, original.id, "near_duplicate") in relations


def test_a_new_run_finds_copies_of_articles_stored_by_an_earlier_run(tmp_path, db_url) -> None:
    first, second = tmp_path / "monday", tmp_path / "tuesday"
    first.mkdir()
    second.mkdir()
    (first / "yonhap.txt").write_text("Pyongyang blames Washington\n\n" + "\n\n".join(WIRE), encoding="utf-8")
    (second / "herald.txt").write_text(
        "NK blames US over Hanoi\n\nThe Korea Herald | Posted : 2019-04-30 17:02\n\n" + "\n\n".join(WIRE[:5]),
        encoding="utf-8",
    )
    ingest([first], db=db_url)
    summary = ingest([second], db=db_url)
    assert summary.counts["near_duplicates"] == 1
    with open_store(db_url) as store:
        by_title = {a.title: a for a in store.iter_articles()}
    assert by_title["NK blames US over Hanoi"].near_duplicates == [by_title["Pyongyang blames Washington"].id]


def test_reingesting_a_corpus_changes_nothing(tmp_path, db_url) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = {
        "a_original.txt": "\n\n".join(WIRE),
        "b_copy.txt": "\n\n".join(WIRE[:5]),
        "c_same.txt": "\n\n".join(WIRE),
        "d_other.txt": "\n\n".join(UNRELATED),
    }
    for name, body in texts.items():
        (corpus / name).write_text(f"Headline of {name}\n\n{body}", encoding="utf-8")
    first = ingest([corpus], db=db_url, batch_size=2)  # copies span batches
    assert (first.counts["duplicates"], first.counts["near_duplicates"], first.counts["added"]) == (1, 1, 4)
    with open_store(db_url) as store:
        before = sorted((r["article_id"], r["other_id"], r["kind"]) for r in store.list_relations())
    again = ingest([corpus], db=db_url, batch_size=3)
    assert again.counts["unchanged"] == 4 and again.counts["added"] == again.counts["updated"] == 0
    with open_store(db_url) as store:
        after = sorted((r["article_id"], r["other_id"], r["kind"]) for r in store.list_relations())
    assert after == before


def test_fingerprints_are_stored_once_per_new_original(tmp_path) -> None:
    db = tmp_path / "f.db"
    with open_store(str(db)) as store:
        dedup = Deduplicator(store=store)
        run(store, dedup, [wire("Yonhap"), wire("Copy"), trimmed("NK News"), Article(text="Too short.")])
        run(store, dedup, [wire("Yonhap")])  # the same article again: no second fingerprint
        pickle.loads(pickle.dumps(dedup))  # still picklable with a store (it reopens by URL)
    with sqlite3.connect(db) as conn:
        signatures = conn.execute("SELECT count(*), count(DISTINCT seq) FROM minhash_signatures").fetchone()
        bands = conn.execute("SELECT count(*) FROM minhash_bands").fetchone()[0]
    assert signatures == (2, 2)  # the original and the trimmed copy; not the exact copy, not the short text
    assert 0 < bands <= 2 * 32


def test_a_deleted_article_is_no_longer_a_candidate(tmp_path) -> None:
    db = str(tmp_path / "d.db")
    with open_store(db) as store:
        dedup = Deduplicator(store=store)
        (original,) = run(store, dedup, [wire("Yonhap")])
        with sqlite3.connect(tmp_path / "d.db") as conn:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("DELETE FROM articles WHERE id = ?", (original.id,))
        (copy,) = run(store, dedup, [trimmed("NK News")])
    assert copy.near_duplicates == []  # its band rows remain, its signature went with it


def test_in_lists_are_padded_to_few_lengths() -> None:
    lengths = {len(chunk) for n in range(1, 3000, 7) for chunk in _in_lists(list(range(n)))}
    assert lengths <= {16 * 2**k for k in range(9)} and max(lengths) <= LOOKUP_CHUNK
    assert list(_in_lists([1, 2, 3])) == [[1, 2, 3] + [3] * 13]


def test_the_in_memory_window_forgets_the_oldest_articles() -> None:
    dedup = Deduplicator(window=1)
    original = dedup.check(wire("Yonhap"))
    dedup.check(wire("Other", UNRELATED, "Cattle"))  # pushes the wire story out of the window
    late = dedup.check(trimmed("NK News"))
    assert late.near_duplicates == [] and original.id not in dedup._recent.prints
    assert all(original.id not in ids for ids in dedup._recent.bands.values())
    with pytest.raises(ValueError, match="window"):
        Deduplicator(window=0)
    with pytest.raises(ValueError, match="num_perm"):
        Deduplicator(num_perm=64)


def test_lookups_in_small_groups_give_the_same_answers(tmp_path, monkeypatch) -> None:
    from crosswire.ingest import dedup as dedup_module

    answers = []
    for group in (100, 1):
        monkeypatch.setattr(dedup_module, "LOOKUP_ARTICLES", group)
        with open_store(str(tmp_path / f"g{group}.db")) as store:
            batch = [wire("Yonhap"), trimmed("NK News"), wire("Copy"), wire("Other", UNRELATED, "Cattle")]
            run(store, Deduplicator(store=store), batch)
            answers.append([(a.duplicate_of, a.near_duplicates) for a in batch])
    assert answers[0] == answers[1]
    assert answers[0][1][1] and answers[0][2][0]  # the copy and the duplicate were found either way


def test_each_article_verifies_at_most_max_candidates_those_sharing_most_bands(tmp_path) -> None:
    from crosswire.ingest.fingerprint import fingerprint
    from crosswire.store import minhash

    with open_store(str(tmp_path / "cap.db")) as store:
        dedup = Deduplicator(store=store)
        original, copy = run(store, dedup, [wire("Yonhap"), trimmed("NK News")])
        keys = fingerprint(original.text).band_keys().tolist()
        both = minhash.lookup(store, [], [keys], [])
        capped = minhash.lookup(store, [], [keys], [], max_candidates=1)
    assert set(both.candidate_rows) == {original.id, copy.id}
    assert set(capped.candidate_rows) == {original.id}  # all 32 bands shared, against a few
