"""The store's side of de-duplication: text-hash and MinHash band-key lookups, one round per batch.

The de-duplicator (ingest/dedup.py) fingerprints a batch of articles, asks `lookup` once which stored
articles share a text hash or an LSH band key with any of them, checks the candidates' stored
signatures in memory, and after the batch's articles are saved, `save_fingerprints` records the new
fingerprints. So memory holds one batch's fingerprints, never the whole corpus's, whatever its size.

Ingest writes a batch's fingerprints in the articles' own transaction (`Store.save_articles(...,
fingerprints=)` calls `write_fingerprints`), so a crash never leaves stored articles without them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from sqlalchemy import Connection, func, select

from crosswire.store.protocol import Connections, FingerprintRow, Lookup
from crosswire.store.schema import articles, minhash_bands, minhash_signatures
from crosswire.store.sql import chunked, insert_ignore

# Values per IN (...) list: well under SQLite's bound-parameter limit (32766), few round trips.
LOOKUP_CHUNK = 4096
MAX_CANDIDATES = 200  # stored candidates verified per article (see lookup)
T = TypeVar("T")


def lookup(
    store: Connections,
    text_hashes: Iterable[str],
    key_groups: Sequence[Sequence[int]],
    article_ids: Iterable[str],
    max_candidates: int = MAX_CANDIDATES,
) -> Lookup:
    """Stored originals of `text_hashes`, stored articles sharing a band key with any group of
    `key_groups` (one group per article, with their signatures), and which of `article_ids` are
    fingerprinted already; one read transaction.

    Each group keeps at most `max_candidates` candidates, those sharing the most bands with it: a
    copy shares several bands, a chance collision one, and the cap bounds the memory a lookup takes
    whatever the corpus size (a group only reaches it when hundreds of stored articles share its
    bands, e.g. a wire story printed by hundreds of outlets; the copies among them still rank first).
    """
    found = Lookup()
    with store._read("looking up duplicates") as conn:
        found.originals = _originals(conn, set(text_hashes))
        ids = set(article_ids)
        for id_chunk in _in_lists(sorted(ids)):
            query = select(minhash_signatures.c.article_id, minhash_signatures.c.seq).where(
                minhash_signatures.c.article_id.in_(id_chunk)
            )
            found.fingerprinted.update((row[0], int(row[1])) for row in conn.execute(query))
        for key_chunk in _in_lists(sorted({key for group in key_groups for key in group})):
            for key, article_id in _bands_with_keys(conn, key_chunk):
                found.candidates.setdefault(int(key), []).append(article_id)
        wanted: set[str] = set()
        for group in key_groups:
            shared = Counter(other for key in group for other in found.candidates.get(key, ()))
            if len(shared) > max_candidates:
                ranked = sorted(shared.items(), key=lambda item: (-item[1], item[0]))
                wanted.update(other for other, _count in ranked[:max_candidates])
            else:
                wanted.update(shared)
        for chunk in _in_lists(sorted(wanted)):
            query = select(minhash_signatures).where(minhash_signatures.c.article_id.in_(chunk))
            rows: Any = conn.execute(query)  # (article_id, seq, shingles, signature)
            for article_id, seq, shingles, signature in rows:
                if article_id in found.candidate_rows:
                    continue  # an IN list padded with repeats
                found.candidate_rows[article_id] = len(found.candidate_seqs)
                found.candidate_seqs.append(int(seq))
                found.candidate_sizes.append(int(shingles))
                found.candidate_signatures += signature
    return found


def _in_lists(values: list[T]) -> Iterable[list[T]]:
    """`values` in IN-list chunks, each padded (repeating its last value) to a power-of-two length.

    Every distinct list length is a distinct SQL statement, which the database driver prepares and
    caches; padding keeps those few (16 .. LOOKUP_CHUNK), so memory stays flat over a long run.
    """
    for chunk in chunked(values, LOOKUP_CHUNK):
        size = 16
        while size < len(chunk):
            size *= 2
        yield chunk + [chunk[-1]] * (size - len(chunk))


def _originals(conn: Connection, text_hashes: set[str]) -> dict[str, str]:
    # The same order as queries.find_by_text_hash: an original before a duplicate, then the oldest.
    best: dict[str, tuple[bool, Any, str]] = {}
    for chunk in _in_lists(sorted(text_hashes)):
        query = select(
            articles.c.text_hash, articles.c.id, articles.c.duplicate_of, articles.c.ingested_at
        ).where(articles.c.text_hash.in_(chunk))
        for text_hash, article_id, duplicate_of, ingested_at in conn.execute(query):
            rank = (duplicate_of is not None, ingested_at, article_id)
            if text_hash not in best or rank < best[text_hash]:
                best[text_hash] = rank
    return {text_hash: rank[2] for text_hash, rank in best.items()}


def save_fingerprints(store: Connections, rows: Sequence[FingerprintRow]) -> int:
    """Record fingerprints of stored articles (ones already recorded are kept); returns rows given."""
    if not rows:
        return 0
    with store._write("saving fingerprints") as conn:
        return write_fingerprints(conn, rows)


def write_fingerprints(conn: Connection, rows: Sequence[FingerprintRow]) -> int:
    """`save_fingerprints` inside the caller's transaction (e.g. the one saving the articles)."""
    if rows:
        first = (
            int(conn.execute(select(func.coalesce(func.max(minhash_signatures.c.seq), 0))).scalar_one()) + 1
        )
        signature_rows = [
            {
                "article_id": row.article_id,
                "seq": first + i,
                "shingles": row.shingles,
                "signature": row.signature,
            }
            for i, row in enumerate(rows)
        ]
        insert_ignore(conn, minhash_signatures, signature_rows)
        band_rows = [(key, row.article_id) for row in rows for key in row.band_keys]
        for chunk in chunked(band_rows, LOOKUP_CHUNK):
            _insert_bands(conn, chunk)
    return len(rows)


# Band rows are many (32 per article) and tiny, so on SQLite they bypass SQLAlchemy's per-row parameter
# handling, which costs more than SQLite's own insert; PostgreSQL keeps the Core statements (which
# batch rows into multi-row VALUES there).


def _bands_with_keys(conn: Connection, keys: list[int]) -> Iterable[tuple[int, str]]:
    if conn.dialect.name == "sqlite":
        marks = ",".join("?" * len(keys))
        sql = f"SELECT band_key, article_id FROM minhash_bands WHERE band_key IN ({marks})"
        return [(row[0], row[1]) for row in conn.exec_driver_sql(sql, tuple(keys))]
    query = select(minhash_bands.c.band_key, minhash_bands.c.article_id).where(
        minhash_bands.c.band_key.in_(keys)
    )
    return [(row[0], row[1]) for row in conn.execute(query)]


def _insert_bands(conn: Connection, rows: list[tuple[int, str]]) -> None:
    if conn.dialect.name == "sqlite":
        sql = "INSERT OR IGNORE INTO minhash_bands (band_key, article_id) VALUES (?, ?)"
        conn.exec_driver_sql(sql, rows)
    else:
        insert_ignore(conn, minhash_bands, [{"band_key": key, "article_id": ref} for key, ref in rows])
