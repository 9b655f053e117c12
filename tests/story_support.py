"""Small hand-built articles and analyses for the story tests (alignment, comparison, report)."""

from __future__ import annotations

from datetime import datetime

from crosswire.model import (
    Actor,
    Analysis,
    Article,
    Event,
    EventActor,
    EventMention,
    Mention,
    Quote,
    Span,
    Speaker,
)


def article(
    text: str,
    outlet: str,
    day: int = 1,
    title: str | None = None,
    genre: str | None = None,
    captions: list[str] | None = None,
) -> Article:
    return Article(
        text=text,
        title=title or f"{outlet} on the talks",
        outlet=outlet,
        published=datetime(2026, 3, day, 12, 0),
        genre=genre,
        captions=captions or [],
    )


def actor(
    art: Article,
    name: str,
    code: str,
    kind: str = "state",
    tone: float | None = None,
    labels: list[str] | None = None,
    anonymous: bool = False,
) -> Actor:
    """An actor with a mention at every occurrence of `name` in the article."""
    mentions, start = [], art.text.find(name)
    while start >= 0:
        mentions.append(Mention(start, start + len(name), name))
        start = art.text.find(name, start + 1)
    evidence = [Span(m.start, m.end, name) for m in mentions[:1]]
    return Actor(
        article_id=art.id,
        name=name,
        kind=kind,
        codes=[code],
        mentions=mentions,
        country=code[:3],
        tone=tone,
        evidence=evidence if tone is not None else [],
        labels=labels or [],
        anonymous=anonymous,
    )


def event(
    art: Article,
    phrase: str,
    source: tuple[str, str],
    target: tuple[str, str] | None,
    cameo: str,
    goldstein: float = 1.0,
    date: str | None = None,
    negated: bool = False,
    confidence: float = 0.9,
) -> Event:
    """An event as the coder would give it; `confidence` passes the precision gate's threshold unless
    a test asks for a doubted one."""
    start = art.text.index(phrase)
    return Event(
        source=EventActor(source[0], source[1]),
        target=EventActor(target[0], target[1]) if target else None,
        cameo=cameo,
        goldstein=goldstein,
        date=date,
        date_precision="day" if date else "published",
        negated=negated,
        confidence=confidence,
        mentions=[EventMention(art.id, start, start + len(phrase), phrase, art.outlet)],
    )


def quote(
    art: Article, words: str, speaker: str | None, anonymous: bool = False, code: str | None = None
) -> Quote:
    start = art.text.index(words)
    return Quote(
        article_id=art.id,
        text=words,
        start=start,
        end=start + len(words),
        kind="direct",
        speaker=Speaker(
            name=speaker, anonymous=anonymous, actor_code=code, description=speaker if anonymous else None
        ),
    )


def analysis(art: Article, actors=(), events=(), quotes=()) -> Analysis:
    return Analysis(article_id=art.id, actors=list(actors), events=list(events), quotes=list(quotes))


def talks_story() -> tuple[list[Article], dict[str, Analysis]]:
    """Three outlets on one round of talks: two report the meeting and a demand, one only the meeting;
    a Putin quote appears in full and truncated; one outlet quotes an anonymous official."""
    a = article(
        "North Korea and Russia held a summit in Vladivostok on Thursday. "
        "Pyongyang renewed its demand for a security guarantee for its regime. "
        "\u201cThe regime's security should be guaranteed first to ensure denuclearization,\u201d Vladimir Putin said. "
        "A senior official said \u201cthe talks went nowhere at all in the end\u201d.",
        "The Daily Alpha",
        day=2,
        genre="news",
    )
    b = article(
        "Russia hosted North Korea for a summit in Vladivostok. "
        "North Korea is pressing its demand for a security guarantee, officials said. "
        "\u201cThe regime's security should be guaranteed first,\u201d Putin said. "
        "The dictator left by train.",
        "The Beta Times",
        day=3,
        genre="analysis",
    )
    c = article(
        "North Korea met Russia at a summit in the Russian Far East. "
        "Workers began construction at the Tongchang launch site, satellite images show.",
        "The Gamma Post",
        day=3,
        genre="editorial",
    )
    an = {}
    for art, extra in ((a, []), (b, []), (c, [])):
        acts = [actor(art, "North Korea", "PRK", tone=-0.2), actor(art, "Russia", "RUS", tone=0.1)]
        extra.extend(acts)
    an[a.id] = analysis(
        a,
        [
            actor(a, "North Korea", "PRK", tone=-0.2, labels=["Pyongyang"]),
            actor(a, "Pyongyang", "PRKGOV"),
            actor(a, "Russia", "RUS"),
            actor(a, "Vladimir Putin", "RUSGOV", kind="person", tone=0.3),
            actor(a, "A senior official", "PRKGOV", kind="anonymous", anonymous=True),
        ],
        [
            event(
                a,
                "North Korea and Russia held a summit",
                ("North Korea", "PRKGOV"),
                ("Russia", "RUSGOV"),
                "040",
            )
        ],
        [
            quote(
                a,
                "The regime's security should be guaranteed first to ensure denuclearization,",
                "Vladimir Putin",
                code="RUSGOV",
            ),
            quote(a, "the talks went nowhere at all in the end", "a senior official", anonymous=True),
        ],
    )
    an[b.id] = analysis(
        b,
        [
            actor(b, "North Korea", "PRK", tone=-0.6, labels=["the dictator"]),
            actor(b, "Russia", "RUS"),
            actor(b, "Putin", "RUSGOV", kind="person", tone=-0.4),
        ],
        [
            event(
                b,
                "Russia hosted North Korea for a summit",
                ("Russia", "RUSGOV"),
                ("North Korea", "PRKGOV"),
                "042",
            )
        ],
        [quote(b, "The regime's security should be guaranteed first,", "Putin", code="RUSGOV")],
    )
    an[c.id] = analysis(
        c,
        [actor(c, "North Korea", "PRK"), actor(c, "Russia", "RUS"), actor(c, "Workers", "PRK")],
        [event(c, "North Korea met Russia at a summit", ("North Korea", "PRK"), ("Russia", "RUS"), "043")],
    )
    return [a, b, c], an
