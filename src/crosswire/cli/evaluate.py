"""`crosswire eval ...` and `crosswire code`: scoring against gold sets, and PETRARCH-style coding.

Each command forwards to the `main(argv)` of a module in `crosswire.evaluation` (or `events.code`), so
`python -m crosswire.evaluation.quotes FILE` and `crosswire eval quotes FILE` are the same program.
Extra options after the positional arguments are passed through (e.g. `--limit 10`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from crosswire.cli.common import EXIT_CODES, command_group
from crosswire.evaluation import cameo, fivew, plover, quotes, sentiment, stories
from crosswire.events import code as event_code

app = command_group()
eval_app = command_group(help="Score crosswire against gold sets (the numbers in docs/accuracy.md).")
app.add_typer(eval_app, name="eval")

PASS_THROUGH = {"allow_extra_args": True, "ignore_unknown_options": True}


def _forward(main: Callable[[list[str]], int], args: list[str]) -> None:
    code = main(args)
    if code:
        raise typer.Exit(code)


@eval_app.command("quotes", context_settings=PASS_THROUGH, epilog=EXIT_CODES)
def eval_quotes(
    ctx: typer.Context, path: Annotated[Path, typer.Argument(help="PolNeAR-format JSONL.")]
) -> None:
    """Quote spans and speakers, P/R/F1 by kind (e.g. ../shared/eval/quotes/polnear_dev.jsonl)."""
    _forward(quotes.main, [str(path), *ctx.args])


@eval_app.command("5w1h", context_settings=PASS_THROUGH, epilog=EXIT_CODES)
def eval_fivew(
    ctx: typer.Context, path: Annotated[Path, typer.Argument(help="Giveme5W1H-format JSONL.")]
) -> None:
    """Main-event 5W1H precision per question (e.g. ../shared/eval/5w1h/giveme5w1h_gold.jsonl)."""
    _forward(fivew.main, [str(path), *ctx.args])


@eval_app.command("cameo", context_settings=PASS_THROUGH, epilog=EXIT_CODES)
def eval_cameo(
    ctx: typer.Context,
    eval_dir: Annotated[Path, typer.Argument(help="The cameo/ folder of the validation suite.")],
) -> None:
    """The PETRARCH validation suite: record exact-match, triple and root F1 (add --spacy to parse with spaCy)."""
    # Accept the cameo/ folder itself or the eval/ folder that holds it.
    base = eval_dir.parent if (eval_dir / "petrarch_validation.jsonl").is_file() else eval_dir
    _forward(cameo.main, ["--eval-dir", str(base), *ctx.args])


@eval_app.command("plover", context_settings=PASS_THROUGH, epilog=EXIT_CODES)
def eval_plover(
    ctx: typer.Context,
    gold: Annotated[Path, typer.Argument(help="PLOVER gold-standard JSONL.")] = plover.DEFAULT_GOLD,
) -> None:
    """PLOVER gold records coded as one-sentence articles: event type, source country, no-event count
    (add --out CODED.jsonl to keep the coded lines for ../shared/eval/plover/score.py)."""
    _forward(plover.main, [str(gold), *ctx.args])


@eval_app.command("stories", context_settings=PASS_THROUGH, epilog=EXIT_CODES)
def eval_stories(
    ctx: typer.Context, basil_dir: Annotated[Path, typer.Argument(help="BASIL folder.")]
) -> None:
    """Story grouping: B-cubed F1 and adjusted Rand index against story ids, overall and per year."""
    _forward(stories.main, [str(basil_dir), *ctx.args])


@eval_app.command("sentiment", context_settings=PASS_THROUGH, epilog=EXIT_CODES)
def eval_sentiment(
    ctx: typer.Context, basil_dir: Annotated[Path, typer.Argument(help="BASIL folder.")]
) -> None:
    """Article-level sentiment toward the main entities: macro-F1 over negative/neutral/positive."""
    _forward(sentiment.main, [str(basil_dir), *ctx.args])


@app.command("code", context_settings=PASS_THROUGH, epilog=EXIT_CODES)
def code(
    ctx: typer.Context,
    dictionaries: Annotated[Path, typer.Option("--dictionaries", help="Folder of PETRARCH dictionaries.")],
    input_path: Annotated[Path, typer.Argument(metavar="INPUT.jsonl", help="Lines of {id, text, date}.")],
) -> None:
    """Code sentences with PETRARCH-format dictionaries; writes {id, events: [...]} lines to stdout."""
    _forward(event_code.main, ["--dictionaries", str(dictionaries), str(input_path), *ctx.args])
