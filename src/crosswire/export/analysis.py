"""`quotes.jsonl` and `actors.jsonl`: the article analysis in the output contract's shapes.

The shapes are documented in docs/output-format.md; external scorers read these files, so a field is
never renamed or dropped without a note there.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from crosswire.model import Actor, Analysis, Quote, to_dict


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
        "mentions": [{"start": m.start, "end": m.end, "text": m.text, "kind": m.kind} for m in actor.mentions],
        "labels": list(actor.labels),
        "code_evidence": list(actor.code_evidence),
        "tone": actor.tone,
        "evidence": [to_dict(span) for span in actor.evidence],
    }


def write_analysis_jsonl(analyses: Iterable[Analysis], out_dir: Path) -> dict[str, str]:
    """Stream every analysis into quotes.jsonl and actors.jsonl; returns {output name: path}."""
    paths = {"quotes": out_dir / "quotes.jsonl", "actors": out_dir / "actors.jsonl"}
    parts = {name: path.with_name(path.name + ".part") for name, path in paths.items()}
    with parts["quotes"].open("w", encoding="utf-8") as quotes, parts["actors"].open("w", encoding="utf-8") as actors:
        for analysis in analyses:
            for quote in analysis.quotes:
                quotes.write(json.dumps(quote_record(quote), ensure_ascii=False) + "\n")
            for actor in analysis.actors:
                actors.write(json.dumps(actor_record(actor), ensure_ascii=False) + "\n")
    for name, part in parts.items():
        part.replace(paths[name])
    return {name: str(path) for name, path in paths.items()}
