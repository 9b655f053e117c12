"""`crosswire list articles`, `crosswire list stories` and `crosswire show ID`: reading the store.

Thin wrappers over `crosswire.api.Corpus`; every one refuses a store that does not exist yet.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.text import Text

from crosswire.cli.common import EXIT_CODES, DbOption, JsonOption, command_group, handle_errors, open_existing
from crosswire.cli.render import articles_table, print_article, print_json, stdout_console, stories_table
from crosswire.corpus import Corpus
from crosswire.errors import UsageError
from crosswire.model import article_record, to_dict

app = command_group()
list_app = command_group(help="List stored articles or stories.")
app.add_typer(list_app, name="list")


@list_app.command("articles", epilog=EXIT_CODES)
@handle_errors
def list_articles(
    db: DbOption = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Only this outlet (exact name).")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many.")] = 50,
    offset: Annotated[int, typer.Option("--offset", min=0, help="Skip this many first.")] = 0,
    json_output: JsonOption = False,
) -> None:
    """List stored articles, newest first."""
    with open_existing(db) as corpus:
        articles = corpus.list_articles(limit=limit, offset=offset, outlet=outlet)
        total = corpus.count()
    if json_output:
        print_json({"total": total, "articles": articles})
    else:
        console = stdout_console()
        console.print(articles_table(articles))
        console.print(Text(f"{len(articles)} of {total} articles"))


@list_app.command("stories", epilog=EXIT_CODES)
@handle_errors
def list_stories(
    db: DbOption = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Only stories this outlet covered.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many.")] = 50,
    json_output: JsonOption = False,
) -> None:
    """List stored stories (filled once story grouping has run)."""
    with open_existing(db) as corpus:
        stories = [s for s in corpus.stories() if outlet is None or outlet in s.outlets][:limit]
    if json_output:
        print_json({"stories": [to_dict(s) for s in stories]})
    else:
        console = stdout_console()
        console.print(stories_table(stories))
        console.print(Text(f"{len(stories)} stories"))


def full_article_id(corpus: Corpus, given: str) -> str:
    """The id itself, or the one stored id that starts with it (as `compare` takes story ids);
    UsageError when a prefix fits several."""
    if corpus.article(given) is not None or not given:
        return given
    found = corpus.store.article_ids_starting(given)
    if len(found) > 1:
        shown = ", ".join(found[:4]) + (", ..." if len(found) > 4 else "")
        raise UsageError(f"id prefix {given!r} fits several articles ({shown}): give more of the id")
    return found[0] if found else given


@app.command("show", epilog=EXIT_CODES)
@handle_errors
def show(
    article_id: Annotated[
        str, typer.Argument(metavar="ID", help="Article id, or a unique prefix (as in `list articles`).")
    ],
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Show one article with its metadata, text and (once analysed) its analysis."""
    with open_existing(db) as corpus:
        article_id = full_article_id(corpus, article_id)
        article = corpus.article(article_id)
        if article is None:
            raise UsageError(f"no article with id {article_id!r} in {corpus.db_url}")
        analysis = corpus.analysis(article_id)
    if json_output:
        print_json({"article": article_record(article), "analysis": to_dict(analysis)})
    else:
        print_article(article, stdout_console(), analysis)
