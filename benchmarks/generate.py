"""Synthetic news articles for benchmarks: varied, deterministic, streamed.

    generate_articles(n, seed=0, n_stories=None) -> Iterator[dict]
    write_text_dumps(directory, n, seed=0) -> int     # plain-text dumps shaped like ../shared/seeds/*.txt
    write_jsonl(path, n, seed=0) -> int                # one article object per line
    write_corpus(directory, n, seed=0) -> int          # text dumps in three layouts, ~3% exact/near copies

Every article belongs to a story; the articles of one story share its actors, place, topic words and a
story-specific name ("the Varrow accord"), so grouping and clustering benchmarks have real signal, while
sentences, numbers, outlets and lengths vary. Nothing is held in memory beyond the article being built:
story i's parameters are recomputed from (seed, i) whenever an article needs them, so n can be anything.

Command line: python benchmarks/generate.py text|corpus DIR N [--seed S] | jsonl FILE N [--seed S]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from generate_vocab import (
    ADJECTIVES,
    EXTRA_ROLES,
    FIRST_NAMES,
    GENERIC_SENTENCES,
    INSTITUTES,
    LAST_NAMES,
    NAME_SYLLABLES,
    NOUNS,
    OUTLETS,
    PLACES,
    SAID,
    SHARED_TITLES,
    STATES,
    TOPICS,
    WEEKDAYS,
    WHEN,
    Topic,
)

KST = timezone(timedelta(hours=9), "KST")
EPOCH = datetime(2025, 1, 1, tzinfo=UTC)  # the generated year starts here
YEAR = timedelta(days=365)
GENRES = (("news", 0.8), ("analysis", 0.1), ("opinion", 0.05), ("editorial", 0.05))
GENRE_PREFIX = {
    "analysis": "[News analysis] ",
    "editorial": "[Editorial] ",
    "opinion": "[Opinion] ",
    "news": "",
}


@dataclass(frozen=True)
class StoryParams:
    """What all articles of one story share."""

    key: str
    topic: Topic
    state_a: str
    state_b: str
    place: str
    place_country: str
    official_a: tuple[str, str]  # (name, title)
    official_b: tuple[str, str]
    analyst: tuple[str, str]  # (name, institute)
    codename: str  # invented proper noun that only this story uses
    thing: str  # the topic's object, e.g. "steel" or "the container terminal"
    number: int
    start: datetime


def _rng(*parts: object) -> random.Random:
    # A string seed is hashed with SHA-512 by random.Random, so this is stable across runs and platforms.
    return random.Random("\x1f".join(str(p) for p in parts))


def _codename(rng: random.Random) -> str:
    return "".join(rng.choice(NAME_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def story_params(seed: int, index: int) -> StoryParams:
    """Story `index`'s shared parameters, recomputed identically every time."""
    rng = _rng("story", seed, index)
    topic = TOPICS[rng.randrange(len(TOPICS))]
    state_a, state_b = rng.sample(STATES, 2)
    place, place_country = rng.choice(PLACES)
    off_a, off_b = rng.sample(topic.roles, 2)
    return StoryParams(
        key=f"story-{seed}-{index:05d}",
        topic=topic,
        state_a=state_a,
        state_b=state_b,
        place=place,
        place_country=place_country,
        official_a=(_person(rng), off_a),
        official_b=(_person(rng), off_b),
        analyst=(_person(rng), rng.choice(INSTITUTES)),
        codename=_codename(rng),
        thing=rng.choice(topic.things),
        number=rng.choice((3, 4, 5, 6, 8, 12, 15, 20, 25, 40, 60, 120, 300, 1500)),
        start=EPOCH + timedelta(seconds=rng.randrange(int((YEAR - timedelta(days=14)).total_seconds()))),
    )


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _genre(rng: random.Random) -> str:
    x = rng.random()
    for genre, p in GENRES:
        if x < p:
            return genre
        x -= p
    return "news"


# Per-sentence random fields, drawn only when the template uses them (most do not; this keeps 10k
# articles to a couple of seconds).
_RANDOM_FIELDS = {
    "rp": _person,
    "rr": lambda rng: rng.choice(EXTRA_ROLES),
    "ri": lambda rng: rng.choice(INSTITUTES),
    "said": lambda rng: rng.choice(SAID),
    "when": lambda rng: rng.choice(WHEN),
    "adj": lambda rng: rng.choice(ADJECTIVES),
    "m": lambda rng: rng.randint(2, 95),
    "noun": lambda rng: rng.choice(NOUNS),
    "rplace": lambda rng: rng.choice(PLACES)[0],
}


def _story_fields(story: StoryParams) -> dict[str, object]:
    return {
        "A": story.state_a,
        "B": story.state_b,
        "place": story.place,
        "country": story.place_country,
        "pa": story.official_a[0],
        "ta": story.official_a[1],
        "pb": story.official_b[0],
        "tb": story.official_b[1],
        "an": story.analyst[0],
        "inst": story.analyst[1],
        "code": story.codename,
        "thing": story.thing,
        "n": story.number,
    }


def _fill(template: str, story: StoryParams, rng: random.Random, published: datetime) -> str:
    """Fill one sentence template; numbers, wording and bystanders vary per sentence, the story's names do not."""
    event_day = published - timedelta(days=rng.choice((0, 1, 1, 2, 3)))
    fields = _story_fields(story)
    fields.update(
        n2=story.number * rng.choice((2, 3, 5, 10)) + rng.randrange(10),
        pct=rng.choice((3, 5, 7, 9, 12, 15, 19, 25)),
        day=WEEKDAYS[event_day.weekday()],
        verb=rng.choice(story.topic.verbs),
    )
    for name, draw in _RANDOM_FIELDS.items():
        if "{" + name + "}" in template:
            fields[name] = draw(rng)
    return template.format(**fields)


def _body(story: StoryParams, genre: str, rng: random.Random, published: datetime) -> str:
    """Paragraphs of 1-3 sentences until a 200-600 word target is reached (sentences stay < 45 words)."""
    target = rng.randint(220, 540)
    topic = story.topic
    first = _fill(rng.choice(topic.leads), story, rng, published)
    if genre != "news":
        first = _fill(rng.choice(topic.views), story, rng, published) + " " + first
    paragraphs = [first]
    words = len(first.split())
    # Story sentences are drawn without replacement and only about half the time, the rest are generic
    # sentences with fresh random fields: articles of one story share names and topic words (signal for
    # grouping) without sharing long word sequences (which would make them look like wire copies).
    pool = [*topic.body, *topic.quotes, *topic.background]
    rng.shuffle(pool)
    del pool[len(pool) // 2 + rng.randrange(3) :]
    while words < target:
        sentences = []
        for _ in range(rng.randint(1, 3)):
            template = pool.pop() if pool and rng.random() < 0.45 else rng.choice(GENERIC_SENTENCES)
            sentences.append(_fill(template, story, rng, published))
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    text = "\n\n".join(paragraphs)
    while len(text.split()) > 600:  # only the last paragraph can overshoot; drop it
        text = text.rsplit("\n\n", 1)[0]
    return text


def generate_articles(n: int, seed: int = 0, n_stories: int | None = None) -> Iterator[dict]:
    """Yield `n` article dicts: id, story, outlet, domain, url, title, authors, published (aware datetime),
    genre, language, text. The same (n, seed, n_stories) always gives the same articles; with n_stories given,
    article i does not depend on n, so a longer run extends a shorter one."""
    if n < 0:
        raise ValueError(f"generate_articles: n must be >= 0, got {n}")
    if n_stories is None:
        n_stories = max(1, n // 8)  # about eight articles per story, like a week of coverage
    if n_stories < 1:
        raise ValueError(f"generate_articles: n_stories must be >= 1, got {n_stories}")
    for i in range(n):
        rng = _rng("article", seed, i)
        # Skewed story sizes: a few big stories, a long tail of small ones, as in real coverage.
        story = story_params(seed, int(n_stories * rng.random() ** 1.6))
        name, domain, _kind = OUTLETS[rng.randrange(len(OUTLETS))]
        published = story.start + timedelta(minutes=rng.randrange(14 * 24 * 60))
        genre = _genre(rng)
        titles = story.topic.titles if rng.random() < 0.5 else SHARED_TITLES
        title = _fill(rng.choice(titles), story, rng, published)
        text = _body(story, genre, rng, published)
        slug = "-".join(title.lower().replace(",", "").replace("'", "").split()[:8])
        article_id = hashlib.sha256(f"{seed}:{i}".encode()).hexdigest()[:16]
        yield {
            "id": article_id,
            "story": story.key,
            "outlet": name,
            "domain": domain,
            "url": f"https://www.{domain}/{published:%Y/%m/%d}/{slug}-{article_id[:6]}",
            "title": title,
            "authors": [] if genre == "editorial" else [_person(rng)],
            "published": published.astimezone(KST).replace(second=0, microsecond=0),
            "genre": genre,
            "language": "en",
            "text": text,
        }


def render_text_dump(article: dict) -> str:
    """A plain-text dump shaped like a news page copied out of a browser (the seeds' shape)."""
    published: datetime = article["published"]
    modified = published + timedelta(minutes=(len(article["text"]) % 5) * 37)
    lines = [
        GENRE_PREFIX[article["genre"]] + article["title"],
        "",
        f"Posted on : {published:%Y-%m-%d %H:%M} KST Modified on : {modified:%Y-%m-%d %H:%M} KST",
        "",
        article["text"],
        "",
    ]
    if article["authors"]:
        lines += [f"By {article['authors'][0]}, staff reporter", ""]
    lines += [
        f"Please direct comments or questions to [desk@{article['domain']}]",
        "",
        "Most viewed articles",
        "",
    ]
    return "\n".join(lines)


def write_text_dumps(directory: str | Path, n: int, seed: int = 0) -> int:
    """Write `n` dumps as DIRECTORY/NNNNNN_ID.txt (created if missing); returns how many were written."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for i, article in enumerate(generate_articles(n, seed)):
        (out / f"{i:06d}_{article['id']}.txt").write_text(render_text_dump(article), encoding="utf-8")
        count += 1
    return count


def render_dated_layout(article: dict) -> str:
    """Second layout: a "Go to contents" page with "Posted March. 29, 2025 07:42" and no byline."""
    published: datetime = article["published"]
    stamp = f"{published:%B}. {published.day}, {published:%Y %H:%M}"
    return "\n".join(
        [
            "Go to contents",
            "",
            article["title"],
            "",
            f"Posted {stamp},   ",
            "",
            f"Updated {stamp}",
            "",
            "",
            article["text"],
            "",
        ]
    )


def render_commentary_layout(article: dict) -> str:
    """Third layout: section line, headline, "by NAME", role line, body, closing bio; no date at all."""
    author = article["authors"][0] if article["authors"] else "Staff writer"
    return "\n".join(
        [
            "Commentary / World",
            "",
            article["title"],
            "",
            f"by {author}",
            "",
            "Contributing Writer",
            "",
            article["text"],
            "",
            f"{author} is a contributing writer for {article['outlet']}.",
            "",
        ]
    )


LAYOUTS = (render_text_dump, render_dated_layout, render_commentary_layout)


def _near_copy(article: dict, rng: random.Random) -> dict:
    """A wire copy as another outlet runs it: same text with its last paragraph cut (or exact, half the time)."""
    copy = dict(article)
    name, domain, _kind = OUTLETS[rng.randrange(len(OUTLETS))]
    copy.update(outlet=name, domain=domain, id=article["id"] + "c")
    paragraphs = article["text"].split("\n\n")
    if rng.random() < 0.5 and len(paragraphs) > 3:
        copy["text"] = "\n\n".join(paragraphs[:-1])
    return copy


def write_corpus(directory: str | Path, n: int, seed: int = 0, copy_rate: float = 0.03) -> int:
    """Write `n` plain-text files in three layouts (see LAYOUTS), of which about `copy_rate` are exact or
    near copies of an earlier article under another outlet, so dedup has work to do. Returns files written."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    rng = _rng("corpus", seed)
    articles = generate_articles(n, seed)
    written = 0
    previous: dict | None = None
    while written < n:
        if previous is not None and rng.random() < copy_rate:
            article = _near_copy(previous, rng)
        else:
            article = next(articles)
        layout = LAYOUTS[written % len(LAYOUTS)]
        (out / f"{written:06d}_{article['id']}.txt").write_text(layout(article), encoding="utf-8")
        previous = article
        written += 1
    return written


def jsonl_record(article: dict) -> dict:
    """The JSONL input shape crosswire reads: {id, url, outlet, title, authors, published, genre, language,
    text}, plus the story key (ground truth for grouping benchmarks)."""
    record = {k: article[k] for k in ("id", "url", "outlet", "title", "authors", "genre", "language", "text")}
    record["published"] = article["published"].isoformat()
    record["story"] = article["story"]
    return record


def write_jsonl(path: str | Path, n: int, seed: int = 0) -> int:
    """Write `n` articles to PATH, one JSON object per line; returns how many were written."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8") as f:
        for article in generate_articles(n, seed):
            f.write(json.dumps(jsonl_record(article), ensure_ascii=False) + "\n")
            count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write synthetic news articles for benchmarks.")
    parser.add_argument("format", choices=("text", "corpus", "jsonl"))
    parser.add_argument("target", help="directory (text) or file (jsonl)")
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    writer = {"text": write_text_dumps, "corpus": write_corpus, "jsonl": write_jsonl}[args.format]
    written = writer(args.target, args.n, args.seed)
    print(f"wrote {written} articles to {args.target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
