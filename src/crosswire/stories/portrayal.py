"""Portrayal: how each outlet portrays each of a story's main actors, keyed by who the actor is.

Tone. Each actor's `tone` is set at analysis time by `nlp.tone_model.score_tone`: the trained entity-sentiment
model's expected sentiment, P(positive) - P(negative) (`nlp.tone_model`, cross-validated on BASIL), with the
sentences whose lexicon evidence fed the model as `evidence`. An outlet's tone toward an actor is the mean of
its articles' tones (an article that names the actor under two names counts once, its tones weighted by
mentions); articles where the actor had no evidence are counted in `articles` but not in the mean.

Identity. Rows are keyed by the actor's canonical identity, not by the words an article used:

- a person resolved by the knowledge base is its KB name ("kb:person Kim Jong-un" in `code_evidence`);
- a person the KB does not know is its normalised full name, and a one-word name ("Putin", "Kim" after
  "Chairman") joins the story's only full-named person whose first or last word it is, if there is exactly
  one (family names come first in "Kim Jong-un", last in "Vladimir Putin");
- a state is its country (ISO3 / CAMEO country code), so "North Korea" and "Pyongyang" are one row;
- an organisation or group is its KB name, else its full CAMEO code ("PRKGOV" for "North Korean
  officials"), else its normalised name.

The words each outlet used stay with the row: `labels` ("Chairman Kim", "the dictator", "Pyongyang") and
`names` (the names it printed: "Putin", "Vladimir Putin").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from crosswire.model import Actor, Analysis, Article
from crosswire.stories.inputs import normalise_name

MAIN_ACTORS = 6
MAX_EVIDENCE = 3
_KB_PREFIXES = ("kb:person ", "kb:organisation ")


def kb_name(actor: Actor) -> str | None:
    """The knowledge-base name the actor was resolved to, if any ("kb:person Kim Jong-un (Chairman)")."""
    for note in actor.code_evidence:
        for prefix in _KB_PREFIXES:
            if note.startswith(prefix):
                return note[len(prefix) :].split(" (", 1)[0].strip() or None
    return None


def identity(actor: Actor) -> str:
    """The canonical identity an actor is compared by across articles (see the module docstring)."""
    canonical = kb_name(actor)
    if actor.kind == "person":
        return "person:" + normalise_name(canonical or actor.name)
    if actor.kind == "state":
        country = actor.country or (actor.codes[0][:3] if actor.codes else None)
        if country:
            return "state:" + country.upper()
    if canonical:
        return "org:" + normalise_name(canonical)
    if actor.codes:
        return "code:" + actor.codes[0].upper()
    return "name:" + normalise_name(actor.name)


def story_identities(actors: Sequence[Actor]) -> dict[str, str]:
    """actor_id -> identity for the actors of one story, with one-word person names joined to the story's
    only full-named person of that surname ("Putin" -> "Vladimir Putin")."""
    keys = {a.actor_id: identity(a) for a in actors}
    surnames: dict[str, set[str]] = {}
    for actor in actors:
        key = keys[actor.actor_id]
        words = key.removeprefix("person:").split()
        if key.startswith("person:") and len(words) >= 2:
            # the family name comes last in "Vladimir Putin", first in "Kim Jong-un" and "Xi Jinping"
            for word in {words[0], words[-1]}:
                surnames.setdefault(word, set()).add(key)
    for actor in actors:
        key = keys[actor.actor_id]
        words = key.removeprefix("person:").split()
        if key.startswith("person:") and len(words) == 1:
            full = surnames.get(words[0], set())
            if len(full) == 1:  # "Kim" beside both Kim Jong-un and Kim Yo-jong stays its own row
                keys[actor.actor_id] = next(iter(full))
    return keys


def _display_names(names: Mapping[str, Counter[str]], canonical: Mapping[str, str]) -> dict[str, str]:
    # The KB name when there is one, else the most used name, the fuller one on a tie.
    return {
        key: canonical.get(key) or max(counts.items(), key=lambda kv: (kv[1], len(kv[0].split()), kv[0]))[0]
        for key, counts in names.items()
    }


def portrayal(
    arts: Sequence[Article], analyses: Mapping[str, Analysis]
) -> tuple[list[str], dict[str, dict[str, dict[str, Any]]]]:
    """The story's main actors (named in most articles) and each outlet's portrayal of each of them:
    {outlet: {actor: {tone, articles, labels, names, evidence, mentions}}}."""
    pairs = [
        (article, actor)
        for article in arts
        for actor in (analyses[article.id].actors if article.id in analyses else [])
        if not (actor.anonymous or actor.kind == "anonymous")
    ]
    keys = story_identities([actor for _, actor in pairs])
    spread: Counter[str] = Counter()
    names: dict[str, Counter[str]] = {}
    canonical: dict[str, str] = {}
    seen: set[tuple[str, str]] = set()
    for article, actor in pairs:
        key = keys[actor.actor_id]
        if (article.id, key) not in seen:
            seen.add((article.id, key))
            spread[key] += 1
        names.setdefault(key, Counter())[actor.name] += len(actor.mentions) or 1
        if kb := kb_name(actor):
            canonical.setdefault(key, kb)
    ranked = sorted(spread, key=lambda k: (-spread[k], -sum(names[k].values()), k))[:MAIN_ACTORS]
    display = _display_names({k: names[k] for k in ranked}, canonical)
    out: dict[str, dict[str, dict[str, Any]]] = {}
    # Per (outlet, actor, article): mention-weighted tones, so one article counts once however it names him.
    per_article: dict[tuple[str, str, str], list[tuple[float, int]]] = {}
    for article, actor in pairs:
        key = keys[actor.actor_id]
        if key not in display or not article.outlet:
            continue
        view = out.setdefault(article.outlet, {}).setdefault(
            display[key], {"labels": [], "names": [], "evidence": [], "mentions": 0}
        )
        view["mentions"] += len(actor.mentions)
        view["labels"].extend(label for label in dict.fromkeys(actor.labels) if label not in view["labels"])
        if actor.name not in view["names"]:
            view["names"].append(actor.name)
        tones = per_article.setdefault((article.outlet, display[key], article.id), [])
        if actor.tone is not None:
            tones.append((actor.tone, max(len(actor.mentions), 1)))
        view["evidence"].extend(
            {
                "article_id": article.id,
                "outlet": article.outlet,
                "start": s.start,
                "end": s.end,
                "text": s.text,
            }
            for s in actor.evidence
        )
    means: dict[tuple[str, str], list[float]] = {}
    counted: Counter[tuple[str, str]] = Counter()
    for (outlet, name, _), tones in per_article.items():
        counted[(outlet, name)] += 1
        if tones:
            total = sum(w for _, w in tones)
            means.setdefault((outlet, name), []).append(sum(t * w for t, w in tones) / total)
    for outlet, per_outlet in out.items():
        for name, view in per_outlet.items():
            scored = means.get((outlet, name), [])
            view["tone"] = round(sum(scored) / len(scored), 3) if scored else None
            view["articles"] = counted[(outlet, name)]
            unique = {(e["article_id"], e["start"]): e for e in view["evidence"]}
            view["evidence"] = list(unique.values())[:MAX_EVIDENCE]
    return [display[k] for k in ranked], out
