"""`crosswire stories`, `compare STORY_ID`, `timeline`, `graph` and `report`: stories and their comparison.

Thin wrappers over `crosswire.stories` and `crosswire.report`. `stories --build` (or a store without
stories) groups the stored corpus first and stores the result.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from crosswire.cli import EXIT_CODES, DbOption, JsonOption, app, handle_errors


def _stories(corpus: Any, build: bool = False) -> list[Any]:
    from crosswire.stories.build import stories_step

    stories = corpus.stories()
    if build or not stories:
        stories_step(corpus, full=build)
        stories = corpus.stories()
    return stories


def _find_story(corpus: Any, story_id: str) -> Any:
    from crosswire.api import UsageError

    story = corpus.story(story_id)
    if story is None:
        matches = [s for s in _stories(corpus) if s.id.startswith(story_id)]
        if len(matches) != 1:
            raise UsageError(f"no story with id {story_id!r} in {corpus.db_url} (see `crosswire stories`)")
        story = matches[0]
    return story


@app.command("stories", epilog=EXIT_CODES)
@handle_errors
def stories_command(
    db: DbOption = None,
    build: Annotated[bool, typer.Option("--build", help="Group the stored articles again first.")] = False,
    json_output: JsonOption = False,
) -> None:
    """List the stories: id, articles, outlets, date span, corroborated facts, title."""
    from crosswire.api import open_corpus
    from crosswire.cli_render import print_json, stdout_console
    from crosswire.stories.build import story_record

    with open_corpus(db) as corpus:
        stories = _stories(corpus, build)
    if json_output:
        print_json({"stories": [story_record(s) for s in stories]})
        return
    table = Table(show_header=True)
    for column in ("id", "articles", "outlets", "dates", "corroborated", "title"):
        table.add_column(column, overflow="fold")
    for s in stories:
        corroborated = sum(1 for f in s.facts if len(f.independent_outlets) >= 2)
        table.add_row(
            s.id,
            str(len(s.article_ids)),
            Text(", ".join(s.outlets)),
            f"{s.date_span[0] or '?'}..{s.date_span[1] or '?'}",
            str(corroborated),
            Text(s.title or "-"),
        )
    stdout_console().print(table)


@app.command("compare", epilog=EXIT_CODES)
@handle_errors
def compare_command(
    story_id: Annotated[str, typer.Argument(metavar="STORY_ID", help="Story id (or a unique prefix).")],
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Compare one story across its outlets: corroborated, single-source, omissions, portrayal."""
    from crosswire.api import open_corpus
    from crosswire.cli_render import print_json, stdout_console
    from crosswire.stories.build import load_corpus
    from crosswire.stories.compare import compare_story, comparison_record

    with open_corpus(db) as corpus:
        story = _find_story(corpus, story_id)
        articles, analyses = load_corpus(corpus.store)
        comp = compare_story(story, articles, analyses)
    if json_output:
        print_json(comparison_record(comp))
        return
    console = stdout_console()
    console.print(Text(f"{story.title or 'Untitled story'} ({story.id})", style="bold"))
    for name, facts in (("corroborated", comp.corroborated), ("single-source", comp.single_source)):
        table = Table(title=name, show_header=True)
        for column in ("fact", "outlets", "independent"):
            table.add_column(column, overflow="fold")
        for f in facts:
            table.add_row(Text(f.summary), Text(", ".join(f.outlets)), str(len(f.independent_outlets)))
        console.print(table)
    table = Table(title="portrayal", show_header=True)
    for column in ("outlet", "actor", "tone", "labels"):
        table.add_column(column, overflow="fold")
    for outlet, actors in comp.portrayal.items():
        for actor, view in actors.items():
            table.add_row(Text(outlet), Text(actor), str(view["tone"]), Text(", ".join(view["labels"])))
    console.print(table)
    for outlet, facts in comp.omissions.items():
        if facts:
            console.print(Text(f"{outlet} leaves out: " + "; ".join(f.summary for f in facts[:8])))


@app.command("timeline", epilog=EXIT_CODES)
@handle_errors
def timeline_command(
    db: DbOption = None,
    story_id: Annotated[str | None, typer.Option("--story", help="Only this story.")] = None,
    json_output: JsonOption = False,
) -> None:
    """Events by date with the outlets and sentences that report them (a story's or the corpus's)."""
    from dataclasses import asdict

    from crosswire.api import open_corpus
    from crosswire.cli_render import print_json, stdout_console
    from crosswire.stories.timeline import corpus_timeline, story_timeline

    with open_corpus(db) as corpus:
        entries = (
            story_timeline(_find_story(corpus, story_id)) if story_id else corpus_timeline(_stories(corpus))
        )
    if json_output:
        print_json({"timeline": [asdict(e) for e in entries]})
        return
    table = Table(show_header=True)
    for column in ("date", "event", "outlets", "independent"):
        table.add_column(column, overflow="fold")
    for e in entries:
        table.add_row(
            e.date or "undated", Text(e.summary), Text(", ".join(e.outlets)), str(len(e.independent_outlets))
        )
    stdout_console().print(table)


@app.command("graph", epilog=EXIT_CODES)
@handle_errors
def graph_command(
    fmt: Annotated[str, typer.Option("--format", help="graphml or json.")] = "json",
    db: DbOption = None,
    out: Annotated[Path | None, typer.Option("--out", help="Write to this file instead of stdout.")] = None,
    json_output: JsonOption = False,
) -> None:
    """The actor graph: actors as nodes, event counts and mean Goldstein on the edges."""
    from crosswire.api import UsageError, open_corpus
    from crosswire.cli_render import print_json
    from crosswire.stories.build import load_corpus
    from crosswire.stories.graph import actor_graph

    if fmt not in ("graphml", "json"):
        raise UsageError(f"unknown graph format {fmt!r}: choose graphml or json")
    with open_corpus(db) as corpus:
        _, analyses = load_corpus(corpus.store)
    graph = actor_graph(e for a in analyses.values() for e in a.events)
    text = graph.dumps(fmt)
    if out is not None:
        try:
            out.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"{out}: cannot write graph: {exc.strerror or exc}") from exc
        if json_output:
            print_json(
                {"format": fmt, "path": str(out), "nodes": len(graph.nodes), "edges": len(graph.edges)}
            )
        return
    if json_output and fmt == "json":
        print_json(graph.to_json())
    else:
        typer.echo(text)


@app.command("report", epilog=EXIT_CODES)
@handle_errors
def report_command(
    db: DbOption = None,
    out: Annotated[Path, typer.Option("--out", help="Folder for report.md and report.html.")] = Path("out"),
    json_output: JsonOption = False,
) -> None:
    """Write the briefing report (report.md, self-contained report.html) for the stored corpus."""
    from crosswire.api import UsageError, open_corpus
    from crosswire.cli_render import print_json, stdout_console
    from crosswire.report import write_report

    with open_corpus(db) as corpus:
        _stories(corpus)
        try:
            paths = write_report(corpus, out)
        except OSError as exc:
            raise UsageError(f"{out}: cannot write report: {exc.strerror or exc}") from exc
    if json_output:
        print_json(paths)
    else:
        stdout_console().print(Text(f"wrote {paths['report_html']} and {paths['report_md']}"))
