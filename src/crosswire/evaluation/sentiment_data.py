"""BASIL records and how an annotated entity is found among an article's actors (see sentiment.py).

For each article and each entity in its `author_sentiment_entities` ("Barack_Obama": negative|neutral|positive),
the entity is found among the article's actors (`extract_actors`) by name: the full name, or the surname when
the actor's first name does not contradict it ("Obama", "Mr. Obama", "President Obama"); the matched actors are
merged into one, together with the entity's phrase found in the text. A group entity is also found through
its variants ("Republican_Lawmakers": "Republican lawmakers", "GOP senators"), and a person no
actor matched through the Doc's PERSON entities with its surname (a misspelt or truncated key).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from crosswire.evaluation import read_records
from crosswire.evaluation.sentiment_metrics import LABELS
from crosswire.model import Actor, Article, Mention


def _basil_record_problem(rec: dict[str, Any]) -> str | None:
    if not isinstance(rec.get("text"), str):
        return "record has no 'text' string"
    sentiments = (rec.get("annotations") or {}).get("author_sentiment_entities")
    if not isinstance(sentiments, dict) or any(v not in LABELS for v in sentiments.values()):
        return f"annotations.author_sentiment_entities must map entities to {LABELS}"
    return None


def read_basil(basil_dir: str | Path, limit: int | None = None) -> list[dict[str, Any]]:
    """BASIL's articles.jsonl records; a clear error names the file and line of any bad record."""
    return read_records(Path(basil_dir) / "articles.jsonl", _basil_record_problem, limit)


def entity_name(key: str) -> str:
    """BASIL's entity key as text: "Barack_Obama" -> "Barack Obama"."""
    return key.replace("_", " ").strip()


def _words(name: str) -> list[str]:
    return re.findall(r"[\w'-]+", name.lower())


def matches(entity: str, actor: Actor) -> bool:
    """Whether `actor` is the entity: same name, or same surname with no contradicting first name."""
    want, have = _words(entity), _words(actor.name)
    if not want or not have:
        return False
    if want == have:
        return True
    if actor.kind == "person" and len(want) >= 2:
        if have[-1] != want[-1]:
            return False
        # "Obama" or "Barack Obama" match; "Michelle Obama" does not.
        return len(have) == 1 or have[0] == want[0]
    if actor.kind != "person":
        joined_want, joined_have = " ".join(want), " ".join(have)
        return joined_want in joined_have or (len(have) > 1 and joined_have in joined_want)
    return False


# Party words and the collective nouns a group entity is written with ("Republican_Lawmakers" appears as
# "Republican lawmakers", "GOP senators"): US politics dominates BASIL and most US news.
PARTY_WORDS = {
    "republican": r"(?:republican|gop)s?",
    "republicans": r"(?:republican|gop)s?",
    "gop": r"(?:republican|gop)s?",
    "democratic": r"democrat(?:ic|s)?",
    "democrat": r"democrat(?:ic|s)?",
    "democrats": r"democrat(?:ic|s)?",
}
GROUP_NOUNS = {
    "lawmakers": r"(?:lawmakers?|legislators?|senators?|congressm[ae]n|congresswom[ae]n|members)",
    "legislators": r"(?:lawmakers?|legislators?)",
    "leaders": r"(?:leaders?|leadership)",
    "officials": r"officials?",
}


def _word_pattern(word: str) -> str:
    if word in PARTY_WORDS:
        return PARTY_WORDS[word]
    if word in GROUP_NOUNS:
        return GROUP_NOUNS[word]
    # A plural or singular, and "protestors" / "protesters".
    stem = re.escape(word.removesuffix("s")) if len(word) > 3 and word.endswith("s") else re.escape(word)
    if stem.endswith(("or", "er")) and len(stem) > 5:
        stem = stem[:-2] + "[eo]r"
    return stem + "s?"


def entity_phrases(entity: str) -> list[re.Pattern[str]]:
    """Patterns for an entity that is a phrase rather than an actor's name: its words with party synonyms,
    number and spelling variants, without a possessive or a "U.S." prefix. The party's bare plural
    ("Republicans" for "Republican lawmakers") is not taken: on BASIL it lowered the cross-validated score, as
    it catches the party at large, not the group the annotators meant."""
    text = re.sub(r"'s\b|\u2019s\b", "", entity)
    words = [w for w in re.findall(r"[\w.-]+", text.lower()) if w not in ("u.s.", "us")]
    if not words:
        return []
    return [re.compile(r"\b" + r"\s+".join(_word_pattern(w) for w in words) + r"\b", re.IGNORECASE)]


def _phrase_mentions(article: Article, entity: str, person: bool) -> list[Mention]:
    if person:  # a person's full name only: the surname alone is left to the actors ("Fox" is also Fox News)
        patterns = [re.compile(r"\b" + r"\s+".join(map(re.escape, entity.split())) + r"\b", re.IGNORECASE)]
    else:
        patterns = entity_phrases(entity)
    return [
        Mention(m.start(), m.end(), m.group(0), "name") for p in patterns for m in p.finditer(article.text)
    ]


def _person_entities(doc: Any, entity: str) -> list[Mention]:
    """PERSON entities ending in the entity's surname, or in a longer word it begins ("Calder" for a name
    cut short), with no contradicting first name: how a misspelt or truncated key still finds its person."""
    words = entity.split()
    if doc is None or len(words) < 2 or len(words[-1]) < 4:
        return []
    surname, first = words[-1].lower(), words[0].lower()
    out = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        names = [t.lower_ for t in ent if t.is_alpha]
        if not names or not (names[-1] == surname or (len(surname) >= 5 and names[-1].startswith(surname))):
            continue
        if len(names) > 1 and names[0] != first:
            continue
        out.append(Mention(ent.start_char, ent.end_char, ent.text, "name"))
    return out


def entity_actor(article: Article, entity: str, actors: Sequence[Actor], doc: Any = None) -> Actor | None:
    """One actor for the entity: the matched actors merged, with the entity's phrase variants found in the
    text (all a group entity has when no actor carries its name), or a person's surname among the Doc's
    PERSON entities when no actor matched (`doc` optional)."""
    found = [a for a in actors if matches(entity, a)]
    person = bool(found) and found[0].kind == "person"
    mentions = [m for a in found for m in a.mentions] + _phrase_mentions(article, entity, person)
    named = len(entity.split()) >= 2 and all(w[:1].isupper() for w in entity.split())
    by_surname = _person_entities(doc, entity) if named and not found else []
    mentions += by_surname
    if not mentions:
        return None
    unique: dict[tuple[int, int], Mention] = {}
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if not any(s <= m.start and m.end <= e for s, e in unique):  # drop a mention inside another
            unique[(m.start, m.end)] = m
    return Actor(
        article_id=article.id,
        name=entity,
        kind=found[0].kind if found else ("person" if by_surname else "group"),
        mentions=list(unique.values()),
        labels=[lab for a in found for lab in a.labels],
    )


def basil_article(rec: dict[str, Any]) -> Article:
    published = None
    if isinstance(rec.get("date"), str):
        try:
            published = datetime.fromisoformat(rec["date"])
        except ValueError:
            published = None
    return Article(
        text=rec["text"],
        title=rec.get("title"),
        outlet=rec.get("outlet_name") or rec.get("outlet"),
        url=rec.get("url"),
        external_id=rec.get("id"),
        published=published,
    )
