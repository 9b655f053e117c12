"""`quotes.jsonl` and `actors.jsonl`: the article analysis in the output contract's shapes.

The shapes are documented in docs/output-format.md; external scorers read these files, so a field is
never renamed or dropped without a note there.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from crosswire.model import Actor, Analysis, Quote, to_dict
from crosswire.store import Store
from crosswire.version import __version__


def quote_record(quote: Quote) -> dict[str, Any]:
    speaker = quote.speaker
    return {
        "id": quote.id,
        "article_id": quote.article_id,
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "spans": [list(span) for span in quote.spans],
        "kind": quote.kind,
        "cue": quote.cue,
        "speaker": {
            "mention": speaker.mention,
            "name": speaker.name,
            "actor_code": speaker.actor_code,
            "actor_id": speaker.actor_id,
            "anonymous": speaker.anonymous,
            "description": speaker.description,
            "start": speaker.start,
            "end": speaker.end,
        },
        "reported_via": quote.reported_via,
    }


def actor_record(actor: Actor) -> dict[str, Any]:
    return {
        "article_id": actor.article_id,
        "actor_id": actor.actor_id,
        "name": actor.name,
        "codes": list(actor.codes),
        "kind": actor.kind,
        "country": actor.country,
        "role": actor.role,
        "title": actor.title,
        "anonymous": actor.anonymous,
        "description": actor.description,
        "former": actor.former,
        "mentions": [
            {"start": m.start, "end": m.end, "text": m.text, "kind": m.kind} for m in actor.mentions
        ],
        "labels": list(actor.labels),
        "code_evidence": list(actor.code_evidence),
        "tone": actor.tone,
        "evidence": [to_dict(span) for span in actor.evidence],
    }


def write_analysis_jsonl(analyses: Iterable[Analysis], out_dir: Path) -> dict[str, str]:
    """Stream every analysis into quotes.jsonl and actors.jsonl; returns {output name: path}."""
    paths = {"quotes": out_dir / "quotes.jsonl", "actors": out_dir / "actors.jsonl"}
    parts = {name: path.with_name(path.name + ".part") for name, path in paths.items()}
    with (
        parts["quotes"].open("w", encoding="utf-8") as quotes,
        parts["actors"].open("w", encoding="utf-8") as actors,
    ):
        for analysis in analyses:
            for quote in analysis.quotes:
                quotes.write(json.dumps(quote_record(quote), ensure_ascii=False) + "\n")
            for actor in analysis.actors:
                actors.write(json.dumps(actor_record(actor), ensure_ascii=False) + "\n")
    for name, part in parts.items():
        part.replace(paths[name])
    return {name: str(path) for name, path in paths.items()}


# Beside quotes.jsonl and actors.jsonl: where each article's lines sit in them and which analysis
# (its time) they were written from, so the next run copies those bytes instead of decoding again.
SPLICE_INDEX = ".crosswire-analysis-lines.json"
NAMES = ("quotes", "actors")
# Below this share of changed articles, they are read one by one; above it, every table is streamed.
BY_ID_SHARE = 0.2


def _analysis_lines(analysis: Analysis) -> dict[str, bytes]:
    return {
        "quotes": "".join(
            json.dumps(quote_record(q), ensure_ascii=False) + "\n" for q in analysis.quotes
        ).encode(),
        "actors": "".join(
            json.dumps(actor_record(a), ensure_ascii=False) + "\n" for a in analysis.actors
        ).encode(),
    }


def _stamp(path: Path) -> list[int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns]


def _index_key(store: Store) -> list[str]:
    """What the copied lines were made by: this crosswire (the record shapes) and this store."""
    return [__version__, str(store.url)]


def _load_index(out_dir: Path, paths: dict[str, Path], key: list[str]) -> dict[str, list[Any]]:
    """{article id: [analysis stamp, quotes offset, length, actors offset, length]} from the last write,
    or {} when there is none, it was made by another version or store, or the files were changed since
    (then everything is written afresh)."""
    try:
        index = json.loads((out_dir / SPLICE_INDEX).read_text(encoding="utf-8"))
        if index.get("key") != key or index.get("files") != {n: _stamp(p) for n, p in paths.items()}:
            return {}
        return {row[0]: row[1:] for row in index["articles"]}
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return {}


def write_analysis_jsonl_spliced(store: Store, out_dir: Path) -> dict[str, str]:
    """quotes.jsonl and actors.jsonl from the store, as `write_analysis_jsonl(store.iter_analyses())`
    writes them byte for byte, but an article analysed at the same time as when these files were last
    written has its lines copied from them: a run that adds 1% of articles decodes 1% of analyses."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {name: out_dir / f"{name}.jsonl" for name in NAMES}
    key = _index_key(store)
    old = _load_index(out_dir, paths, key)
    stamps = list(store.analysis_stamps())
    fresh_ids = {aid for aid, stamp in stamps if aid not in old or old[aid][0] != stamp}
    fresh: Iterator[Analysis]
    if len(fresh_ids) <= BY_ID_SHARE * len(stamps):
        fresh = store.iter_analyses(ids=[aid for aid, _ in stamps if aid in fresh_ids])
    else:
        fresh = store.iter_all_analyses(fresh_ids)
    parts = {name: path.with_name(path.name + ".part") for name, path in paths.items()}
    rows: list[list[Any]] = []
    sources: dict[str, BinaryIO | None] = {name: None for name in NAMES}
    try:
        if len(fresh_ids) < len(stamps):
            sources = {name: open(paths[name], "rb") for name in NAMES}
        with parts["quotes"].open("wb") as quotes_out, parts["actors"].open("wb") as actors_out:
            outs = {"quotes": quotes_out, "actors": actors_out}
            for aid, stamp in stamps:
                if aid in fresh_ids:
                    analysis = next(fresh)
                    assert analysis.article_id == aid, (analysis.article_id, aid)
                    lines = _analysis_lines(analysis)
                else:
                    lines = {}
                    for k, name in enumerate(NAMES):
                        offset, length = old[aid][1 + 2 * k], old[aid][2 + 2 * k]
                        source = sources[name]
                        assert source is not None
                        source.seek(offset)
                        lines[name] = source.read(length)
                row: list[Any] = [aid, stamp]
                for name in NAMES:
                    row += [outs[name].tell(), len(lines[name])]
                    outs[name].write(lines[name])
                rows.append(row)
    finally:
        for source in sources.values():
            if source is not None:
                source.close()
    (out_dir / SPLICE_INDEX).unlink(missing_ok=True)  # never an index that disagrees with the files
    for name, part in parts.items():
        os.replace(part, paths[name])
    index = {"key": key, "files": {name: _stamp(path) for name, path in paths.items()}, "articles": rows}
    temporary = out_dir / (SPLICE_INDEX + ".tmp")
    temporary.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
    temporary.replace(out_dir / SPLICE_INDEX)
    return {name: str(path) for name, path in paths.items()}
