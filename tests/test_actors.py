"""Actors with CAMEO codes on the three seed articles and on constructed sentences."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from crosswire.model import Actor, Article
from crosswire.nlp.actors import extract_actors
from crosswire.nlp.runtime import parse


def read_seed(path: Path) -> Article:
    """The seed as the plain-text reader produces it (its body, publication date, outlet)."""
    from crosswire.ingest.context import ReadContext
    from crosswire.ingest.text import read_text
    from crosswire.knowledge.sources import SourceRegistry

    context = ReadContext(sources=SourceRegistry.builtin(), source_path=str(path))
    return next(read_text(path, path.read_text(encoding="utf-8"), context))


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> dict[str, tuple[Article, list[Actor]]]:
    out = {}
    for key, path in zip(("hani", "donga", "jt"), sorted(seeds_dir.glob("*.txt")), strict=True):
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


def covering(actors: list[Actor], char: int) -> Actor | None:
    """The actor with a mention that covers character `char` (a name's mention may include "the")."""
    for actor in actors:
        if any(m.start <= char < m.end for m in actor.mentions):
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


def test_thae_yong_ho_as_a_defector_acts_for_no_state(seeds) -> None:
    article, actors = seeds["jt"]
    assert article.published is None  # undated: the article's own description decides, not his latest office
    thae = named(actors, "Thae Yong-ho")
    assert "defector" in (thae.title or "")
    assert thae.codes == [] and thae.country is None  # a defector acts for no state he left
    # dated, the knowledge base's office on that day decides: none while a defector, a seat in Seoul later
    text = "Thae Yong Ho, a prominent defector and former member of North Korea's ruling elite, spoke."
    assert named(actors_of(text, datetime(2019, 4, 29)), "Thae Yong-ho").codes == []
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


def test_surname_joins_only_the_one_bearer_named_before() -> None:
    text = "Kim Yo-jong spoke first. Then Kim Jong-un arrived. Kim said the talks were over."
    actors = actors_of(text)
    kim = holding(actors, "Kim", text.index("Kim said"))
    # two Kims named before: a shared Korean surname stays unresolved rather than guessed
    assert kim is None or kim.name not in ("Kim Jong-un", "Kim Yo-jong")
    text = "Then Kim Jong-un arrived. Kim said the talks were over."
    kim = holding(actors_of(text), "Kim", text.index("Kim said"))
    assert kim is not None and kim.name == "Kim Jong-un"


def test_untagged_surname_joins_the_full_name() -> None:
    text = "North Korean Foreign Minister Ri Yong-ho spoke on Monday. Ri said the talks were over."
    actors = actors_of(text)
    ri = holding(actors, "Ri", text.index("Ri said"))
    assert ri is not None and ri.name == "Ri Yong-ho" and ri.codes == ["PRKGOV"]
    text = "Ri Song-chol met Ri Yong-ho on Monday. Ri said the talks were over."
    assert holding(actors_of(text), "Ri", text.index("Ri said")) is None


def test_ministries_carry_their_country_and_never_merge() -> None:
    text = (
        "The Swedish Foreign Ministry said the talks would start on Monday. "
        "North Korea's Foreign Ministry said the United States had come empty-handed. "
        "Russia's Defense Ministry said its troops were on alert."
    )
    actors = actors_of(text)
    swe = covering(actors, text.index("Foreign Ministry"))
    prk = covering(actors, text.index("Foreign Ministry said the United"))
    assert swe is not None and swe.codes == ["SWEGOV"] and swe.country == "SWE"
    assert prk is not None and prk.codes == ["PRKGOV"] and prk.country == "PRK"
    assert swe is not prk and "Swedish" in swe.name and "North Korea" in prk.name
    rus = covering(actors, text.index("Defense Ministry"))
    assert rus is not None and rus.codes == ["RUSMIL"]  # CAMEO: a defence ministry is the military
    text = "The South Korean Unification Ministry said it regretted the decision."
    assert [a.codes for a in actors_of(text) if a.kind == "organisation"] == [["KORGOV"]]


def test_bare_ministry_takes_the_country_only_when_unambiguous() -> None:
    text = (
        "North Korea's Foreign Ministry said the talks had failed. Analysts were not surprised. "
        "The Foreign Ministry also said it would not meet again soon."
    )
    actors = actors_of(text)
    first = covering(actors, text.index("Foreign Ministry"))
    later = covering(actors, text.index("Foreign Ministry also"))
    assert later is first and first.codes == ["PRKGOV"]
    # two ministries named and a sentence about both countries: the bare one keeps no country
    text = (
        "The Swedish Foreign Ministry said the talks would open. The U.S. delegation and the North "
        "Korean side were led by officials at the Foreign Ministry."
    )
    actors = actors_of(text)
    bare = covering(actors, text.index("Foreign Ministry."))
    assert bare is not None and bare.country is None and bare.codes == ["GOV"]
    # no ministry named before, one country in the sentence before
    text = "These drills are a matter of South Korea's security. Foreign Ministry spokesperson Park Jae-won spoke."
    actors = actors_of(text)
    ministry = covering(actors, text.index("Foreign Ministry"))
    assert ministry is not None and ministry.codes == ["KORGOV"]
    assert named(actors, "Park Jae-won").codes == ["KORGOV"]


def test_unnamed_official_takes_the_national_outlets_government() -> None:
    text = "The talks will be long, said a former high-ranking official in the government."
    official = named(actors_of(text), "a former high-ranking official in the government")
    assert official.codes == ["GOV"] and official.country is None  # no outlet, no context: no guess
    article = Article(text=text, published=datetime(2019, 4, 29), outlet="The Hankyoreh")
    official = named(extract_actors(article, parse(text)), official.name)
    assert official.codes == ["KORGOV"] and "context:outlet country" in official.code_evidence
    # a wire agency writes for everyone: its "the government" is nobody's in particular
    article = Article(text=text, published=datetime(2019, 4, 29), outlet="Yonhap News Agency")
    assert named(extract_actors(article, parse(text)), official.name).country is None


def test_plural_group_across_countries_carries_every_code() -> None:
    text = "South Korean and U.S. negotiators met in Hanoi on Friday."
    group = next(a for a in actors_of(text) if a.kind == "group")
    assert group.codes == ["KORGOV", "USAGOV"] and group.country == "KOR"
    text = "North Korean negotiators in Hanoi refused to talk."
    group = next(a for a in actors_of(text) if a.kind == "group")
    assert group.codes == ["PRKGOV"]


def test_state_media_after_a_country() -> None:
    text = "North Korea tested a new engine last month, and its state media praised the test."
    media = holding(actors_of(text), "its state media", text.index("its state media"))
    assert media is not None and media.codes == ["PRKMED"] and media.kind == "organisation"


def test_seed_actors_have_countries(seeds) -> None:
    _, hani = seeds["hani"]
    official = named(hani, "a former high-ranking official in the government")
    assert official.codes == ["KORGOV"] and "context:outlet country" in official.code_evidence
    _, jt = seeds["jt"]
    group = named(jt, "South Korean and U.S. negotiators")
    assert group.codes == ["KORGOV", "USAGOV"]
    for _, actors in seeds.values():
        names = [a.name for a in actors if a.kind == "organisation"]
        assert len(names) == len(set(names))


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


def test_civilian_generals_and_former_office_holders() -> None:
    # "Attorney General" is a civilian office, not a military rank; a named former office holder is an elite
    ashby = named(actors_of("Attorney General Walter Ashby released the report."), "Walter Ashby")
    assert ashby.codes == ["GOV"]
    # the knowledge base knows the US attorney general of the article's date (2019)
    barr = named(actors_of("Attorney General William Barr released the report."), "William Barr")
    assert barr.codes == ["USAGOV"]
    smith = named(actors_of("Former Lima Mayor Juan Perez said he was worried."), "Juan Perez")
    assert smith.codes and smith.codes[0].endswith("ELI") and smith.former


def test_a_middle_name_does_not_hide_a_known_person() -> None:
    article = Article(text="Donald John Trump took the oath.", published=datetime(2018, 5, 1))
    trump = named(extract_actors(article, parse(article.text)), "Donald Trump")
    assert trump.codes == ["USAGOV"]
