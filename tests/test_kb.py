"""The built-in knowledge base: countries, people in office by date, organisations, PETRARCH dictionaries."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from crosswire.knowledge.kb import KnowledgeBase


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.builtin()


@pytest.mark.parametrize(
    "text, iso3",
    [
        ("North Korea", "PRK"),
        ("N. Korea", "PRK"),
        ("DPRK", "PRK"),
        ("Pyongyang", "PRK"),
        ("North Korean", "PRK"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("America", "USA"),
        ("Washington", "USA"),
        ("the United States", "USA"),
        ("Russian", "RUS"),
        ("Moscow", "RUS"),
        ("South Korea", "KOR"),
        ("Seoul", "KOR"),
        ("Beijing", "CHN"),
        ("Tokyo", "JPN"),
        ("Bolivia", "BOL"),
        ("Reykjavik", "ISL"),
        ("North Korea's", "PRK"),
        ("Viet Nam", "VNM"),
    ],
)
def test_country_names_aliases_demonyms_capitals(kb: KnowledgeBase, text: str, iso3: str) -> None:
    found = kb.country(text)
    assert found is not None and found.iso3 == iso3, (text, found)


def test_country_lookups_that_must_fail(kb: KnowledgeBase) -> None:
    assert kb.country("us") is None  # the pronoun
    assert kb.country("Kim") is None
    assert kb.country("the North") is None  # only in a Korean story
    assert kb.country("the North", context={"KOR"}).iso3 == "PRK"
    assert kb.country("the South", context={"PRK"}).iso3 == "KOR"
    assert kb.country("the North", context={"USA"}) is None


def test_how_a_country_matched(kb: KnowledgeBase) -> None:
    assert kb.lookup_country("Pyongyang").via == "capital"
    assert kb.lookup_country("North Korean").via == "demonym"
    assert kb.lookup_country("DPRK").via == "alias"


def test_country_records(kb: KnowledgeBase) -> None:
    prk = kb.country("North Korea")
    assert (prk.cameo, prk.capital, prk.region) == ("PRK", "Pyongyang", "East Asia")
    assert kb.country("Kosovo").cameo == "KSV"  # CAMEO differs from ISO3 here
    assert kb.country_by_code("KSV").name == "Kosovo"
    assert len(kb.countries) > 240


@pytest.mark.parametrize(
    "spelling", ["Kim Jong-un", "Kim Jong Un", "Kim Jong-Un", "Kim Jongun", "kim jong un"]
)
def test_person_spelling_variants(kb: KnowledgeBase, spelling: str) -> None:
    person = kb.person(spelling)
    assert person is not None and person.name == "Kim Jong-un"


def test_person_offices_by_date(kb: KnowledgeBase) -> None:
    trump = kb.person("Donald Trump")
    assert trump.code_on(date(2019, 4, 29)) == ("USAGOV", False)
    assert trump.code_on(date(2023, 1, 1)) == ("USAELI", True)
    assert trump.code_on(date(2025, 3, 1)) == ("USAGOV", False)
    pompeo = kb.person("Mike Pompeo")
    assert pompeo.code_on(date(2017, 6, 1))[0] == "USASPY"
    assert pompeo.office_on(date(2019, 1, 1)).title == "Secretary of State"
    thae = kb.person("Thae Yong Ho")
    assert thae.code_on(date(2019, 4, 29))[0] == ""  # a defector: no code of the state he left
    assert thae.code_on(date(2021, 1, 1))[0] == "KORLEG"
    assert kb.person("Ri Yong Ho").code_on(date(2019, 2, 28))[0] == "PRKGOV"
    assert kb.person("Kang Kyung-wha").code_on(date(2019, 1, 1))[0] == "KORGOV"
    assert kb.person("Shinzo Abe").office_on(date(2019, 1, 1)).title == "Prime Minister"


def test_surname_alone_only_when_unambiguous(kb: KnowledgeBase) -> None:
    assert kb.person("Putin").name == "Vladimir Putin"
    assert kb.person("Kim") is None  # many Kims
    assert kb.person("Nobody Special") is None


def test_people_data_is_consistent(kb: KnowledgeBase) -> None:
    g20 = {
        "ARG",
        "AUS",
        "BRA",
        "CAN",
        "CHN",
        "FRA",
        "DEU",
        "IND",
        "IDN",
        "ITA",
        "JPN",
        "MEX",
        "RUS",
        "SAU",
        "ZAF",
        "KOR",
        "TUR",
        "GBR",
        "USA",
        "PRK",
    }
    assert g20 <= {p.country for p in kb.people}
    for person in kb.people:
        assert person.offices, person.name
        for office in person.offices:
            # an empty code: a time the person acts for no state (a defector before any new office)
            assert not office.code or office.code[:3] in kb._by_cameo or office.code.startswith("IGO"), (
                person.name,
                office,
            )
            assert office.end is None or office.start is None or office.start < office.end, (
                person.name,
                office,
            )


@pytest.mark.parametrize(
    "name, code",
    [
        ("KCNA", "PRKMED"),
        ("Korean Central News Agency", "PRKMED"),
        ("Rodong Sinmun", "PRKMED"),
        ("Yonhap", "KORMED"),
        ("Xinhua", "CHNMED"),
        ("TASS", "RUSMED"),
        ("Kyodo", "JPNMED"),
        ("NHK", "JPNMED"),
        ("the UN", "IGOUNO"),
        ("U.N.", "IGOUNO"),
        ("NATO", "IGOWSTNAT"),
        ("European Union", "IGOEUREEC"),
        ("ASEAN", "IGOSEAASN"),
        ("IAEA", "IGOUNOIAE"),
        ("the Pentagon", "USAMIL"),
        ("Reuters", "GBRMED"),
        ("Korea Institute for National Unification", "KOREDU"),
        ("Supreme People’s Assembly", "PRKLEG"),
    ],
)
def test_organisations(kb: KnowledgeBase, name: str, code: str) -> None:
    org = kb.organisation(name)
    assert org is not None and org.code == code, (name, org)


def test_acronyms_are_case_sensitive(kb: KnowledgeBase) -> None:
    assert kb.organisation("WHO").code.startswith("IGOUNO")
    assert kb.organisation("who") is None


def test_extend_from_petrarch_plain_data() -> None:
    kb = KnowledgeBase.builtin().copy()
    kb.extend_from_petrarch(
        {
            "RUFUS_T_FIREFLY": [
                ("RUSGOV", date(1955, 1, 1), date(1956, 1, 1)),
                ("RUSELI", date(1956, 1, 1), None),
            ],
            "KIM_JONG_UN": [("XXXGOV", date(2000, 1, 1), None)],
            "RUSSIA_ALIAS": [("RUS", None, None)],
            "GRAND_FENWICK_COUNCIL": [("RUSGOVLEG", None, None)],
        },
        {"HIGH CHANCELLOR": "~GOV", "FOOT_SOLDIER": "MIL"},
    )
    firefly = kb.person("Rufus T Firefly")
    assert firefly is not None and firefly.country == "RUS"
    assert firefly.code_on(date(1955, 6, 1)) == ("RUSGOV", False)
    assert firefly.code_on(date(1990, 6, 1)) == ("RUSELI", False)
    assert kb.person("Kim Jong Un").offices[0].code == "PRKGOV"  # built-in entries win
    assert kb.country("Russia Alias").iso3 == "RUS"
    assert kb.organisation("Grand Fenwick Council").code == "RUSGOVLEG"
    assert kb.agent_role("high chancellor") == "GOV" and kb.agent_role("foot soldier") == "MIL"
    assert KnowledgeBase.builtin().person("Rufus T Firefly") is None  # the shared KB is untouched


def test_load_petrarch_folder(tmp_path: Path) -> None:
    (tmp_path / "Test.actors.txt").write_text(
        "# comment\nRUFUS_T_FIREFLY_  # leader\n+R._T._FIREFLY_\n\t[RUSGOV 550101-551231]\n\t[RUSELI >560101]\n",
        encoding="utf-8",
    )
    (tmp_path / "Test.agents.txt").write_text("HIGH_CHANCELLOR [~GOV]\n", encoding="utf-8")
    kb = KnowledgeBase.builtin().copy()
    assert kb.load_petrarch_dir(tmp_path) == []
    firefly = kb.person("R. T. Firefly")
    assert firefly is not None and firefly.code_on(date(1955, 12, 31))[0] == "RUSGOV"
    assert firefly.code_on(date(1956, 2, 1))[0] == "RUSELI"
    assert kb.agent_role("high chancellor") == "GOV"


@pytest.mark.slow
def test_production_phoenix_dictionaries(eval_dir: Path) -> None:
    kb = KnowledgeBase.builtin().copy()
    kb.load_petrarch_dir(eval_dir / "cameo" / "dictionaries" / "phoenix")
    jon = kb.person("Jon Ha Chol")
    assert jon is not None and jon.country == "PRK"
    assert kb.agent_role("diplomat") == "GOV"
    assert kb.organisation("North Atlantic Treaty Organization").code == "IGOWSTNAT"


def test_missing_dictionary_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="nowhere"):
        KnowledgeBase.builtin().copy().load_petrarch_dir(tmp_path / "nowhere")


def test_a_past_president_named_with_his_title_holds_no_office_today(kb: KnowledgeBase) -> None:
    eisenhower = kb.person("Eisenhower")
    assert eisenhower is not None and eisenhower.code_on(date(2016, 8, 17)) == ("USAELI", True)
    assert eisenhower.office_on(date(1955, 1, 1)) is not None
