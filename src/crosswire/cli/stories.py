"""`crosswire stories`, `compare STORY_ID` and `timeline`: the stories and their comparison.

Thin wrappers over `crosswire.stories`. `stories --build` (or a store without stories) groups the
stored corpus first and stores the result.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer

from crosswire.cli.common import (
    EXIT_CODES,
    AllEventsOption,
    DbOption,
    JsonOption,
    command_group,
    handle_errors,
    open_existing,
)
from crosswire.cli.render import (
    print_comparison,
    print_json,
    stdout_console,
    story_list_table,
    timeline_table,
)
from crosswire.corpus import Corpus
from crosswire.errors import UsageError
from crosswire.model import Story
from crosswire.stories.build import load_corpus, stories_step, story_record
from crosswire.stories.compare import compare_story, comparison_record
from crosswire.stories.timeline import corpus_timeline, story_timeline

app = command_group()


def grouped_stories(corpus: Corpus, build: bool = False) -> list[Story]:
    """The stored stories; the corpus is grouped first when asked to or when it has none yet."""
    stories = corpus.stories()
    if build or not stories:
        stories_step(corpus.store, full=build)
        stories = corpus.stories()
    return stories


def find_story(corpus: Corpus, story_id: str) -> Story:
    """The story with this id (or that had it before its members changed) or the one story whose id
    starts with it; UsageError otherwise."""
    story = corpus.story(story_id)
    if story is not None:
        return story
    moved = corpus.store.story_moved_to(story_id)  # the id it had before its members changed
    if moved is not None and (story := corpus.story(moved)) is not None:
        return story
    matches = [s for s in grouped_stories(corpus) if s.id.startswith(story_id)]
    if len(matches) != 1:
        raise UsageError(f"no story with id {story_id!r} in {corpus.db_url} (see `crosswire stories`)")
    return matches[0]


@app.command("stories", epilog=EXIT_CODES)
@handle_errors
def stories(
    db: DbOption = None,
    build: Annotated[bool, typer.Option("--build", help="Group the stored articles again first.")] = False,
    json_output: JsonOption = False,
) -> None:
    """List the stories: id, articles, outlets, date span, corroborated facts, title."""
    with open_existing(db) as corpus:
        found = grouped_stories(corpus, build)
    if json_output:
        print_json({"stories": [story_record(s) for s in found]})
    else:
        stdout_console().print(story_list_table(found))


@app.command("compare", epilog=EXIT_CODES)
@handle_errors
def compare(
    story_id: Annotated[str, typer.Argument(metavar="STORY_ID", help="Story id (or a unique prefix).")],
    db: DbOption = None,
    json_output: JsonOption = False,
    all_events: AllEventsOption = False,
) -> None:
    """Compare one story across its outlets: corroborated, single-source, omissions, portrayal."""
    with open_existing(db) as corpus:
        story = find_story(corpus, story_id)
        articles, analyses = load_corpus(corpus.store)
        comparison = compare_story(story, articles, analyses, all_events=all_events)
    if json_output:
        print_json(comparison_record(comparison))
    else:
        print_comparison(story, comparison, stdout_console())


@app.command("timeline", epilog=EXIT_CODES)
@handle_errors
def timeline(
    db: DbOption = None,
    story_id: Annotated[str | None, typer.Option("--story", help="Only this story (id or prefix).")] = None,
    json_output: JsonOption = False,
    all_events: AllEventsOption = False,
) -> None:
    """Events by date with the outlets and sentences that report them (a story's or the corpus's)."""
    with open_existing(db) as corpus:
        if story_id:
            entries = story_timeline(find_story(corpus, story_id), all_events)
        else:
            entries = corpus_timeline(grouped_stories(corpus), all_events)
    if json_output:
        print_json({"timeline": [asdict(e) for e in entries]})
    else:
        stdout_console().print(timeline_table(entries))
