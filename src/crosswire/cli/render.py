"""How the CLI shows things to people: Rich tables and progress bars.

Machine-readable output (`--json`) never goes through here; it is plain `json.dumps` on stdout.
Everything from the input (titles, file names, problems) is printed as text, never as Rich markup,
so a headline like "[News analysis] ..." or a hostile file name shows literally.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from crosswire.corpus import RunSummary
from crosswire.model import Article, ProgressFn, Story, article_record, outlet_readings
from crosswire.stories.briefing import DOUBTED_LABEL, shown_and_doubted
from crosswire.stories.compare import is_corroborated

# The stories modules load scipy and the embedding stack: only the commands that need them do.
if TYPE_CHECKING:
    from crosswire.stories.compare import Comparison
    from crosswire.stories.timeline import TimelineEntry


# Control characters that would reach the terminal from untrusted text: ESC and CSI start escape
# sequences (clear the screen, retitle the window, rewrite earlier lines), and Rich passes them on.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_C1 = re.compile(r"[\x7f-\x9f]")


def visible(value: object) -> str:
    """`value` as text with every control character but tab and line break shown as U+FFFD."""
    return _CONTROLS.sub("\ufffd", str(value))


def cell(value: object, style: str = "") -> Text:
    """A table cell or line from any value: plain text (never Rich markup), control characters shown."""
    return Text(visible(value), style=style)


def add_columns(table: Table, names: Iterable[str]) -> None:
    """Columns that fold long text; an id column (`id`, `article_id`, `story_id`...) never wraps (an id
    cut in two cannot be copied)."""
    for name in names:
        if name == "id" or name.endswith("_id"):
            table.add_column(name, no_wrap=True, overflow="ignore")
        else:
            table.add_column(name, overflow="fold")


def stdout_console() -> Console:
    # Created per call so test runners that swap sys.stdout see the output.
    return Console(file=sys.stdout, highlight=False, soft_wrap=False)


def stderr_console() -> Console:
    return Console(file=sys.stderr, highlight=False)


def print_json(data: Any) -> None:
    """`data` as JSON on stdout. JSON escapes the C0 controls itself; the C1 controls (a CSI is one)
    are escaped too, so no string in it can drive a terminal, and the JSON reads back the same."""
    sys.stdout.write(escape_c1(json.dumps(data, ensure_ascii=False, indent=2, default=str)) + "\n")


def escape_c1(json_text: str) -> str:
    """JSON text with the C1 controls (and DEL) written as \\u escapes: the same JSON, inert on a terminal."""
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)


@contextmanager
def progress_bars(enabled: bool = True) -> Iterator[ProgressFn | None]:
    """A ProgressFn that draws one Rich bar per task on stderr; nothing when stderr is not a terminal."""
    console = stderr_console()
    if not enabled or not console.is_terminal:
        yield None
        return
    bars = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )
    tasks: dict[str, Any] = {}
    last: dict[str, float] = {}

    def update(task: str, completed: int, total: int | None) -> None:
        if task not in tasks:
            tasks[task] = bars.add_task(task, total=total)
        # The bar redraws ten times a second; updating it for each of thousands of files is wasted work.
        now = time.monotonic()
        if now - last.get(task, 0.0) < 0.05 and completed != total:
            return
        last[task] = now
        bars.update(tasks[task], completed=completed, total=total)

    with bars:
        yield update


def summary_table(summary: RunSummary) -> Table:
    # One row per count: nine columns would not fit an 80-column terminal.
    table = Table(title="Run summary", show_header=False)
    table.add_column("count")
    table.add_column("value", justify="right")
    for name, value in summary.counts.items():
        style = "red" if name == "errors" and value else ("yellow" if name == "warnings" and value else None)
        table.add_row(cell(name.replace("_", " ")), cell(value, style=style or ""))
    return table


def problems_table(summary: RunSummary) -> Table:
    table = Table(title="Problems", show_header=True)
    table.add_column("file", overflow="fold")
    table.add_column("severity")
    table.add_column("problem", overflow="fold")
    for problem in summary.problems:
        style = "red" if problem.severity == "error" else "yellow"
        table.add_row(cell(problem.path), cell(problem.severity, style=style), cell(problem.message))
    return table


def print_summary(summary: RunSummary, console: Console) -> None:
    console.print(summary_table(summary))
    if summary.problems:
        console.print(problems_table(summary))
    if summary.db_url:
        console.print(cell(f"store: {summary.db_url}"), soft_wrap=True)
    for name, path in summary.outputs.items():
        console.print(cell(f"{name}: {path}"), soft_wrap=True)
    if summary.phases:
        timings = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in summary.phases.items())
        console.print(cell(f"time: {timings}"), soft_wrap=True)


def articles_table(rows: Iterable[dict[str, Any]]) -> Table:
    """Summary rows from `Corpus.list_articles`."""
    table = Table(show_header=True)
    add_columns(table, ("id", "outlet", "published", "genre", "words", "title"))
    for row in rows:
        table.add_row(
            cell(row.get("id")),
            cell(row.get("outlet") or "-"),
            cell(row.get("published") or "-"),
            cell(row.get("genre") or "-"),
            cell(row.get("word_count") if row.get("word_count") is not None else "-"),
            cell(row.get("title") or "-"),
        )
    return table


def stories_table(stories: Iterable[Story]) -> Table:
    """`list stories`: the stored stories, briefly."""
    table = Table(show_header=True)
    add_columns(table, ("id", "articles", "outlets", "title"))
    for s in stories:
        table.add_row(cell(s.id), cell(len(s.article_ids)), cell(", ".join(s.outlets)), cell(s.title or "-"))
    return table


def story_list_table(stories: Iterable[Story]) -> Text:
    """`crosswire stories`: each story as a short block (id and title; articles, corroborated facts and
    dates; outlets), so nothing is cut or folded mid-word at 80 columns as a six-column table was."""
    out = Text()
    for s in stories:
        # the corroborated facts as `compare` counts them: events two independent outlets report as happened
        corroborated = sum(f.kind == "event" and is_corroborated(f) for f in shown_and_doubted(s.facts)[0])
        first, last = s.date_span
        dates = first or "undated" if first == last else f"{first or '?'} to {last or '?'}"
        out.append(s.id, style="bold")
        title = " ".join((s.title or "Untitled story").split())
        out.append(f"  {visible(title)}\n")
        out.append(
            f"    {len(s.article_ids)} article{'s' * (len(s.article_ids) != 1)} · "
            f"{corroborated} corroborated fact{'s' * (corroborated != 1)} · {dates}\n"
        )
        outlets = ", ".join(s.outlets) or "unknown outlets"
        out.append(f"    {visible(outlets)}\n")
    if not out:
        out.append("No stories.\n")
    return out


def print_comparison(story: Story, comparison: Comparison, console: Console) -> None:
    """`crosswire compare`: corroborated and single-source facts, portrayal, omissions."""
    console.print(cell(f"{story.title or 'Untitled story'} ({story.id})", style="bold"))
    for name, facts in (
        ("corroborated facts", [f for f in comparison.corroborated if f.kind == "event"]),
        ("single-source and unconfirmed facts", [f for f in comparison.single_source if f.kind == "event"]),
        ("statements (said, not facts)", comparison.statements),
        ("quotes", [f for f in comparison.facts if f.kind == "quote"]),
    ):
        table = Table(title=name, show_header=True)
        if name == "quotes":  # a quote has no status or date of its own: two columns, none left empty
            table.add_column("quote", overflow="fold")
            table.add_column("outlets", overflow="fold")
            for f in facts:
                table.add_row(cell(f.summary), cell(_readings(f)))
            console.print(table)
            continue
        table.add_column("statement", overflow="fold")
        table.add_column("outlets", overflow="fold")
        table.add_column("first reported", no_wrap=True)  # a date or a status word is never cut in two
        table.add_column("status", no_wrap=True)
        for f in facts:
            table.add_row(
                cell(f.summary), cell(_readings(f)), cell(f.first_reported or ""), cell(f.status or "")
            )
        console.print(table)
    if comparison.doubted:
        table = Table(title=f"{DOUBTED_LABEL} (not counted as facts)", show_header=True)
        for column in ("statement", "confidence", "reports (confidence)"):
            table.add_column(column, overflow="fold")
        for f in comparison.doubted:
            # each report with its own reading where it is not a plain report ("denied", "expected"), as the
            # report and the story page show it: a denial merged under an act must not read as support
            reports = "; ".join(
                f"{s.get('outlet') or '?'}"
                + ("" if s.get("reads") in (None, "reported") else f" [{s['reads']}]")
                + (f" ({s['confidence']:.2f})" if s.get("confidence") is not None else "")
                + f": {s.get('text') or ''}"
                for s in f.sentences
            )
            table.add_row(cell(f.summary), cell(f"{f.confidence or 0:.2f}"), cell(reports))
        console.print(table)
    table = Table(title="portrayal", show_header=True)
    for column in ("outlet", "actor", "tone", "labels"):
        table.add_column(column, overflow="fold")
    for outlet, actors in comparison.portrayal.items():
        for actor, view in actors.items():
            table.add_row(cell(outlet), cell(actor), cell(view["tone"]), cell(", ".join(view["labels"])))
    console.print(table)
    for outlet, facts in comparison.omissions.items():
        if facts:
            console.print(cell(f"{outlet} leaves out: " + "; ".join(f.summary for f in facts[:8])))


def _readings(fact: Any) -> str:
    """The outlets of a fact, each marked with what it says when it does not report the act as happened
    (the `reads` and `counted` the briefing put on each report, stories/briefing.py)."""
    if fact.kind == "quote":
        return ", ".join(fact.outlets)
    return ", ".join(
        r["outlet"] + ("" if r["counted"] else f" ({r['reads']})") for r in outlet_readings(fact)
    )


def timeline_table(entries: Iterable[TimelineEntry]) -> Table:
    """`crosswire timeline`: one row per dated event."""
    table = Table(show_header=True)
    for column in ("date", "event", "outlets", "independent"):
        table.add_column(column, overflow="fold")
    for e in entries:
        table.add_row(
            cell(e.date or "undated"),
            cell(e.summary),
            cell(
                ", ".join(
                    dict.fromkeys(
                        str(s.get("outlet"))
                        + ("" if s.get("reads") in (None, "reported") else f" ({s['reads']})")
                        for s in e.sources
                    )
                )
            ),
            cell(len(e.independent_outlets)),
        )
    return table


def print_article(article: Article, console: Console, analysis: Any = None) -> None:
    record = article_record(article)
    table = Table(show_header=False, box=None)
    table.add_column("field", style="bold")
    table.add_column("value", overflow="fold")
    for name, value in record.items():
        if name == "text":
            continue
        if isinstance(value, list | dict):
            value = json.dumps(value, ensure_ascii=False) if value else "-"
        table.add_row(cell(name), cell("-" if value is None else value))
    console.print(table)
    console.print()
    console.print(cell(article.text))
    if analysis is not None:
        print_analysis(analysis, console)


def _short(text: str | None, width: int = 110) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def print_analysis(analysis: Any, console: Console) -> None:
    """Actors, quotes and events of one article as tables. Every cell is Text: article words that look
    like Rich markup ("[bold]") are printed as they are, never interpreted."""
    actors = Table(title=f"actors ({len(analysis.actors)})", title_justify="left")
    for column in ("name", "kind", "codes", "mentions", "tone"):
        actors.add_column(column)
    for actor in analysis.actors:
        tone = "-" if actor.tone is None else f"{actor.tone:+.2f}"
        actors.add_row(
            cell(actor.name), cell(actor.kind), cell(", ".join(actor.codes) or "-"),
            cell(str(len(actor.mentions))), cell(tone),
        )  # fmt: skip
    quotes = Table(title=f"quotes ({len(analysis.quotes)})", title_justify="left")
    for column in ("speaker", "kind", "cue", "text"):
        quotes.add_column(column, overflow="fold")
    for quote in analysis.quotes:
        speaker = quote.speaker.name or "-"
        if quote.speaker.actor_code:
            speaker += f" ({quote.speaker.actor_code})"
        quotes.add_row(cell(speaker), cell(quote.kind), cell(quote.cue or "-"), cell(_short(quote.text)))
    events = Table(title=f"events ({len(analysis.events)})", title_justify="left")
    for column in ("date", "cameo", "source", "target", "rule", "sentence"):
        events.add_column(column, overflow="fold")
    for event in analysis.events:
        events.add_row(
            cell(event.date or "-"), cell(event.cameo),
            cell(event.source.code or event.source.name or "-"),
            cell((event.target.code or event.target.name or "-") if event.target else "-"),
            cell(event.rule or "-"),
            cell(_short(event.mentions[0].sentence if event.mentions else "", 70)),
        )  # fmt: skip
    console.print()
    if analysis.main_event:
        parts = [
            f"{key}: {value.get('text')}"
            for key, value in analysis.main_event.items()
            if isinstance(value, dict) and value.get("text")
        ]
        console.print(cell("main event: " + "; ".join(parts)))
    for table in (actors, quotes, events):
        console.print(table)
