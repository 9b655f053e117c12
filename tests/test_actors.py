"""Actors with CAMEO codes on the three seed articles and on constructed sentences."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from conftest import SEEDS
from crosswire.model import Actor, Article
from crosswire.nlp.actors import extract_actors
from crosswire.nlp.runtime import parse


def read_seed(path: Path) -> Article:
    """The seed as the plain-text reader produces it (its body, publication date, outlet)."""
    from crosswire.ingest.context import ReadContext
    from crosswire.ingest.sources import SourceRegistry
    from crosswire.ingest.text import read_text

    context = ReadContext(sources=SourceRegistry.builtin(), source_path=str(path))
    return next(read_text(path, path.read_text(encoding="utf-8"), context))


@pytest.fixture(scope="module")
def seeds() -> dict[str, tuple[Article, list[Actor]]]:
    out = {}
    for key, path in zip(("hani", "donga", "jt"), sorted(SEEDS.glob("*.txt")), strict=True):
        article = read_seed(path)
        out[key] = (article, extract_actors(article, parse(article.text)))
    return out


def actors_of(text: str, published: datetime | None = datetime(2019, 4, 29)) -> list[Actor]:
    article = Article(text=text, published=published)
    return extract_actors(article, parse(text))


def named(actors: list[Actor], name: str) -> Actor:
    found = [a for a in actors if a.name == name]
    assert len(found) == 1, [(a.name, a.kind) for a in actors]
    return found[0]


def holding(actors: list[Actor], text: str, start: int) -> Actor | None:
    """The actor that has a mention `text` at character `start`."""
    for actor in actors:
        if any(m.start == start and m.text == text for m in actor.mentions):
            return actor
    return None


def test_offsets_point_into_the_article(seeds) -> None:
    for article, actors in seeds.values():
        assert actors
        for actor in actors:
            for m in actor.mentions:
                assert article.text[m.start : m.end] == m.text


def test_kim_jong_un_is_one_actor_with_surname_description_and_pronoun(seeds) -> None:
    article, actors = seeds["jt"]
    kim = named(actors, "Kim Jong-un")
    texts = {m.text for m in kim.mentions}
    assert {"Kim Jong Un", "Kim", "the North Korean leader", "he"} <= texts
    # "When Kim Jong Un boarded his train ..., he was probably asking himself ..."
    he = article.text.index("he was probably")
    assert holding(actors, "he", he) is kim
    assert kim.codes == ["PRKGOV"] and kim.country == "PRK" and kim.kind == "person"
    assert any(e.startswith("kb:person Kim Jong-un") for e in kim.code_evidence)
    assert {"North Korean leader", "young dictator"} <= set(kim.labels)


def test_kim_in_the_hankyoreh(seeds) -> None:
    article, actors = seeds["hani"]
    kim = named(actors, "Kim Jong-un")
    assert sum(m.text == "Kim" for m in kim.mentions) > 10
    assert "North Korean leader" in kim.labels and "demonym:North Korean" in kim.code_evidence
    assert len([a for a in actors if a.name.startswith("Kim")]) == 1


def test_pyongyang_and_the_north_are_north_korea(seeds) -> None:
    article, actors = seeds["donga"]
    prk = named(actors, "North Korea")
    assert prk.kind == "state" and prk.codes == ["PRK"]
    kinds = {(m.text, m.kind) for m in prk.mentions}
    assert ("Pyongyang", "metonym") in kinds and ("the North", "metonym") in kinds
    assert holding(actors, "Pyongyang", article.text.index("Pyongyang, which rejected")) is prk


def test_seouls_offer_is_south_korea(seeds) -> None:
    article, actors = seeds["donga"]
    kor = holding(actors, "Seoul", article.text.index("Seoul’s offer"))
    assert kor is not None and kor.codes == ["KOR"] and kor.kind == "state"
    washington = holding(actors, "Washington", article.text.index("Washington will not easily"))
    assert washington is not None and washington.codes == ["USA"]


def test_capital_as_location_is_not_the_state() -> None:
    text = "Kim arrived in Seoul on Monday. Seoul rejected the offer on Tuesday."
    actors = actors_of(text)
    kor = named(actors, "South Korea")
    assert [m.start for m in kor.mentions] == [text.index("Seoul rejected")]


def test_titles_give_country_and_role(seeds) -> None:
    _, hani = seeds["hani"]
    ri = named(hani, "Ri Yong-ho")
    assert ri.codes == ["PRKGOV"] and "title:Foreign Minister" in ri.code_evidence
    assert named(hani, "Vladimir Putin").codes == ["RUSGOV"]
    _, donga = seeds["donga"]
    assert named(donga, "Vladimir Putin").codes == ["RUSGOV"]
    assert named(donga, "Donald Trump").codes == ["USAGOV"]
    _, jt = seeds["jt"]
    assert named(jt, "Donald Trump").codes == ["USAGOV"]


def test_titles_without_the_knowledge_base() -> None:
    actors = actors_of(
        "North Korean Vice Foreign Minister Pak Chol-su met Russian Deputy Foreign Minister Igor Petrov."
    )
    pak = named(actors, "Pak Chol-su")
    assert pak.codes == ["PRKGOV"] and "demonym:North Korean" in pak.code_evidence
    assert named(actors, "Igor Petrov").codes == ["RUSGOV"]


def test_hong_min_is_a_south_korean_researcher(seeds) -> None:
    _, actors = seeds["hani"]
    hong = named(actors, "Hong Min")
    assert hong.codes == ["KOREDU"] and hong.country == "KOR" and hong.role == "EDU"
    assert hong.title.startswith("director of the North Korea research office")
    assert any("Korea Institute for National Unification" in e for e in hong.code_evidence)


def test_former_senior_official_is_anonymous_south_korean_government(seeds) -> None:
    _, actors = seeds["hani"]
    official = named(actors, "a former senior official in the South Korean government")
    assert official.anonymous and official.former and official.kind == "anonymous"
    assert official.codes == ["KORGOV"]
    assert official.description == "a former senior official in the South Korean government"


def test_state_media(seeds) -> None:
    _, hani = seeds["hani"]
    assert named(hani, "Rodong Sinmun").codes == ["PRKMED"]
    assert named(hani, "Korean Central News Agency").codes == ["PRKMED"]
    _, donga = seeds["donga"]
    assert named(donga, "Korean Central News Agency").codes == ["PRKMED"]


def test_thae_yong_ho_is_north_korean(seeds) -> None:
    article, actors = seeds["jt"]
    assert article.published is None  # undated: the article's own description decides, not his latest office
    thae = named(actors, "Thae Yong-ho")
    assert thae.country == "PRK" and thae.codes == ["PRKELI"]
    assert "defector" in (thae.title or "")
    # dated, the knowledge base's office on that day decides
    text = "Thae Yong Ho, a prominent defector and former member of North Korea's ruling elite, spoke."
    assert named(actors_of(text, datetime(2019, 4, 29)), "Thae Yong-ho").codes == ["PRKELI"]
    assert named(actors_of(text, datetime(2021, 6, 1)), "Thae Yong-ho").codes == ["KORLEG"]


def test_treasury_department_is_us_government(seeds) -> None:
    article, actors = seeds["jt"]
    treasury = holding(actors, "U.S. Treasury", article.text.index("U.S. Treasury"))
    assert treasury is not None and treasury.codes == ["USAGOV"]


def test_spelling_variants_are_one_actor() -> None:
    actors = actors_of(
        "Kim Jong Un met Moon Jae-in. Later Kim Jong-un left. Ri Yong-ho spoke. Ri Yong Ho left."
    )
    assert len(named(actors, "Kim Jong-un").mentions) == 2
    assert len(named(actors, "Ri Yong-ho").mentions) == 2
    # and for names the knowledge base does not know
    actors = actors_of("Pak Chol-su arrived. Pak Chol Su left.")
    assert len([a for a in actors if a.kind == "person"]) == 1


def test_surname_joins_the_most_recent_full_name() -> None:
    text = "Kim Yo-jong spoke first. Then Kim Jong-un arrived. Kim said the talks were over."
    actors = actors_of(text)
    kim = holding(actors, "Kim", text.index("Kim said"))
    assert kim is not None and kim.name == "Kim Jong-un"


def test_ambiguous_pronoun_is_not_resolved() -> None:
    text = "Donald Trump met Vladimir Putin in Helsinki on Monday. He said the talks went well."
    actors = actors_of(text)
    assert holding(actors, "He", text.index("He said")) is None
    text = "Donald Trump arrived in Helsinki on Monday. He said the talks went well."
    actors = actors_of(text)
    assert holding(actors, "He", text.index("He said")).name == "Donald Trump"


def test_codes_follow_the_publication_date() -> None:
    text = "Donald Trump spoke in Florida."
    assert named(actors_of(text, datetime(2019, 4, 29)), "Donald Trump").codes == ["USAGOV"]
    trump = named(actors_of(text, datetime(2023, 1, 1)), "Donald Trump")
    assert trump.codes == ["USAELI"] and trump.former


def test_doc_from_other_text_is_rejected() -> None:
    with pytest.raises(ValueError, match="not parsed from article.text"):
        extract_actors(Article(text="Kim spoke."), parse("Moon spoke."))
