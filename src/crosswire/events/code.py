"""`crosswire code --dictionaries DIR INPUT.jsonl > OUTPUT.jsonl`: code sentences with PETRARCH dictionaries.

Input lines are JSON objects `{id, text, date}` (optionally `parse`, a Penn Treebank parse, and
`config`, PETRARCH options such as require_dyad); output lines are `{id, events: [{source, target,
code, rule, evidence}]}`. A record PETRARCH would refuse (discard phrase, dateline, unreadable parse)
gets no events and an `error` field saying why.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from crosswire.errors import CrosswireError
from crosswire.knowledge.petrarch.dictionaries import Dictionaries, load_dictionaries

from .petrarch.coder import CoderConfig, CodingError, code_tree
from .petrarch.parse import ParseError, parse_treebank


class InputError(CrosswireError, ValueError):
    """A bad input line; the message names the file and line."""


def parse_date(value: object) -> date | None:
    """`2019-04-25`, `20190425` or `190425`; None when absent."""
    if value in (None, ""):
        return None
    text = str(value).strip().replace("-", "")
    if not text.isdigit() or len(text) not in (6, 8):
        raise ValueError(f"date {value!r} is not YYYY-MM-DD")
    if len(text) == 6:
        text = ("20" if int(text[:2]) < 30 else "19") + text
    return date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def code_record(record: dict, dicts: Dictionaries, use_given_parse: bool = True, nlp=None) -> dict:
    """Code one `{id, text, date, [parse], [config]}` record into `{id, events[, error]}`."""
    out: dict = {"id": record.get("id"), "events": []}
    config = CoderConfig.from_mapping(record.get("config"))
    day = parse_date(record.get("date"))
    try:
        if use_given_parse and record.get("parse"):
            trees = [parse_treebank(record["parse"])]
        else:
            from .petrarch.spacy_tree import trees_from_text

            trees = trees_from_text(record.get("text") or "", nlp)
        for tree in trees:
            for event in code_tree(tree, dicts, day, config):
                out["events"].append(event.as_dict())
    except ParseError as exc:
        out["error"] = f"bad_input_parse: {exc}"
    except CodingError as exc:
        out["error"] = f"{exc.kind}: {exc}"
    return out


def code_records(
    records: Iterable[dict],
    dictionaries_dir: str | Path | Dictionaries,
    use_given_parse: bool = True,
    nlp=None,
) -> Iterator[dict]:
    """Code records one by one; `dictionaries_dir` may be a folder or already-loaded Dictionaries."""
    dicts = (
        dictionaries_dir
        if isinstance(dictionaries_dir, Dictionaries)
        else load_dictionaries(dictionaries_dir)
    )
    for record in records:
        yield code_record(record, dicts, use_given_parse, nlp)


def read_jsonl(path: str | Path) -> Iterator[dict]:
    """Records from a JSONL file; a bad line raises InputError naming the file and line."""
    with open(path, encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{lineno}: not valid JSON ({exc.msg})") from None
            if not isinstance(record, dict):
                raise InputError(f"{path}:{lineno}: expected a JSON object with id, text, date")
            if not isinstance(record.get("text"), str) and not record.get("parse"):
                raise InputError(f"{path}:{lineno}: record has no 'text' string")
            try:
                parse_date(record.get("date"))
            except ValueError as exc:
                raise InputError(f"{path}:{lineno}: {exc}") from None
            yield record


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="crosswire code", description=__doc__.splitlines()[0])
    parser.add_argument("--dictionaries", required=True, help="folder of PETRARCH dictionaries")
    parser.add_argument("input", help="JSONL with {id, text, date} per line")
    parser.add_argument(
        "--spacy", action="store_true", help="parse with spaCy even when a record has a parse"
    )
    args = parser.parse_args(argv)
    try:
        dicts = load_dictionaries(args.dictionaries)
        for result in code_records(read_jsonl(args.input), dicts, use_given_parse=not args.spacy):
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    except (InputError, ValueError, OSError) as exc:
        sys.stderr.write(f"crosswire code: {exc}\n")
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
