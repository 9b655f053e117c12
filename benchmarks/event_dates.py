"""Where coded events' dates come from on real news, and a sample of dated events to check by hand.

    python benchmarks/event_dates.py [--basil ../shared/eval/basil] [--articles 10] [--sample 30] [--places 20]
                                     [--seed dates]

Picks `--articles` BASIL articles at random (seeded), analyses them with the full pipeline, and prints the
share of events by `date_source` (text, relative, kb, none), how many carry their article's publication date
as their own date (a date the text gives for that day is legitimate; the check is that it is rare and each
is read), and `--sample` random dated events with their sentence, date and source, to be marked by hand
(the figures in docs/accuracy.md, "Dates", were marked that way). `--places` samples events that have a
place the same way, to check the place is the act's own.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from typing import Any


def measure(basil: str, articles: int, sample: int, seed: str, places: int = 0) -> dict[str, Any]:
    from crosswire.analysis import analyze_articles
    from crosswire.evaluation.sentiment_data import basil_article, read_basil

    records = read_basil(basil, None)
    chosen = random.Random(seed).sample(records, min(articles, len(records)))
    picked = [basil_article(r) for r in chosen]
    events = []
    for article, analysis in analyze_articles(picked):
        for event in analysis.events:
            events.append((article, event))
    sources = Counter(e.date_source for _, e in events)
    on_publication = [
        (a, e) for a, e in events if e.date and a.published and e.date == a.published.date().isoformat()
    ]
    dated = [(a, e) for a, e in events if e.date]
    rows = []
    for article, event in random.Random(seed).sample(dated, min(sample, len(dated))):
        rows.append(
            {
                "article": article.title,
                "published": article.published.date().isoformat() if article.published else None,
                "sentence": event.mentions[0].sentence.strip(),
                "event": f"{event.source.name} -{event.cameo}-> {event.target.name if event.target else '-'}",
                "date": event.date,
                "date_end": event.date_end,
                "precision": event.date_precision,
                "date_source": event.date_source,
            }
        )
    placed = [(a, e) for a, e in events if e.place is not None]
    place_rows = [
        {
            "sentence": event.mentions[0].sentence.strip(),
            "event": f"{event.source.name} -{event.cameo}-> {event.target.name if event.target else '-'}",
            "place": event.place.name if event.place else None,
        }
        for _, event in random.Random(seed).sample(placed, min(places, len(placed)))
    ]
    return {
        "articles": [a.title for a in picked],
        "placed": len(placed),
        "place_sample": place_rows,
        "events": len(events),
        "date_source": {k: sources.get(k, 0) for k in ("text", "relative", "kb", "none")},
        "share": {
            k: round(sources.get(k, 0) / max(1, len(events)), 3) for k in ("text", "relative", "kb", "none")
        },
        "dated_on_publication_day": len(on_publication),
        "sample": rows,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--basil", default="../shared/eval/basil")
    parser.add_argument("--articles", type=int, default=10)
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--places", type=int, default=0)
    parser.add_argument("--seed", default="dates")
    args = parser.parse_args()
    result = measure(args.basil, args.articles, args.sample, args.seed, args.places)
    print(json.dumps(result, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
