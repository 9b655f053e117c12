"""The sources registry: the built-in starter set, lookups, conservative masthead matching, user files."""

from __future__ import annotations

import pickle
from collections import Counter
from pathlib import Path

import pytest

from crosswire.knowledge.sources import KINDS, SourceRegistry, host_of, name_key

REGISTRY = SourceRegistry.builtin()


def name(outlet) -> str | None:
    return outlet.name if outlet else None


def test_builtin_registry_is_large_and_well_formed():
    assert len(REGISTRY) >= 80
    for outlet in REGISTRY.outlets:
        assert outlet.kind in KINDS, outlet.name
        assert outlet.country and len(outlet.country) == 3 and outlet.country.isupper(), outlet.name
        assert outlet.language and len(outlet.language) == 2, outlet.name
    keys = Counter(k for o in REGISTRY.outlets for k in {name_key(n) for n in (o.name, *o.aliases)})
    assert [k for k, n in keys.items() if n > 1] == []  # no alias names two outlets
    domains = Counter(d for o in REGISTRY.outlets for d in o.domains)
    assert [d for d, n in domains.items() if n > 1] == []


@pytest.mark.parametrize(
    ("query", "country", "kind"),
    [
        ("The Hankyoreh", "KOR", "newspaper"),
        ("Dong-A Ilbo", "KOR", "newspaper"),
        ("JoongAng Ilbo", "KOR", None),
        ("Chosun Ilbo", "KOR", None),
        ("Korea Herald", "KOR", None),
        ("Korea Times", "KOR", None),
        ("Yonhap", "KOR", "wire agency"),
        ("KBS", "KOR", "broadcaster"),
        ("Arirang", "KOR", None),
        ("NK News", "KOR", None),
        ("Japan Times", "JPN", None),
        ("Asahi Shimbun", "JPN", None),
        ("Yomiuri", "JPN", None),
        ("Mainichi", "JPN", None),
        ("Nikkei Asia", "JPN", None),
        ("Kyodo", "JPN", "wire agency"),
        ("NHK", "JPN", "broadcaster"),
        ("New York Times", "USA", None),
        ("Washington Post", "USA", None),
        ("WSJ", "USA", None),
        ("AP", "USA", "wire agency"),
        ("CNN", "USA", None),
        ("Fox News", "USA", None),
        ("NPR", "USA", None),
        ("Bloomberg", "USA", None),
        ("Politico", "USA", None),
        ("HuffPost", "USA", None),
        ("Breitbart", "USA", None),
        ("USA Today", "USA", None),
        ("LA Times", "USA", None),
        ("Xinhua", "CHN", "state media"),
        ("Global Times", "CHN", None),
        ("China Daily", "CHN", None),
        ("CGTN", "CHN", None),
        ("People's Daily", "CHN", None),
        ("SCMP", "HKG", None),
        ("TASS", "RUS", "state media"),
        ("RIA Novosti", "RUS", None),
        ("RT", "RUS", None),
        ("Interfax", "RUS", None),
        ("Sputnik", "RUS", None),
        ("Kommersant", "RUS", None),
        ("Reuters", "GBR", "wire agency"),
        ("AFP", "FRA", "wire agency"),
        ("BBC", "GBR", None),
        ("The Guardian", "GBR", None),
        ("Financial Times", "GBR", None),
        ("The Economist", "GBR", "magazine"),
        ("Deutsche Welle", "DEU", None),
        ("France 24", "FRA", None),
        ("Le Monde", "FRA", None),
        ("Der Spiegel", "DEU", None),
        ("EFE", "ESP", None),
        ("ANSA", "ITA", None),
        ("dpa", "DEU", None),
        ("KCNA", "PRK", "state media"),
        ("Rodong Sinmun", "PRK", "state media"),
        ("Voice of Korea", "PRK", None),
        ("Uriminzokkiri", "PRK", None),
        ("Al Jazeera", "QAT", None),
    ],
)
def test_required_outlets_are_covered(query, country, kind):
    outlet = REGISTRY.by_name(query)
    assert outlet is not None, query
    assert outlet.country == country
    if kind:
        assert outlet.kind == kind


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Hankyoreh", "The Hankyoreh"),
        ("the hankyoreh", "The Hankyoreh"),
        ("DongA Ilbo", "The Dong-A Ilbo"),
        ("THE DONG-A ILBO.", "The Dong-A Ilbo"),
        ("A.P.", "Associated Press"),
        ("Peoples Daily", "People's Daily"),
        ("Korean Central News Agency", "Korean Central News Agency"),
        ("Unknown Gazette", None),
        ("", None),
        ("The", None),
    ],
)
def test_by_name_ignores_case_punctuation_and_the(query, expected):
    assert name(REGISTRY.by_name(query)) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("english.hani.co.kr", "The Hankyoreh"),
        ("https://www.japantimes.co.jp/x", "The Japan Times"),
        ("english@hani.co.kr", "The Hankyoreh"),
        ("HTTP://EN.YNA.CO.KR:8080/view?id=1", "Yonhap News Agency"),
        ("www.donga.com/en/article/all", "The Dong-A Ilbo"),
        ("[english@hani.co.kr]", "The Hankyoreh"),
        ("asia.nikkei.com", "Nikkei Asia"),
        ("www.nikkei.com", "Nihon Keizai Shimbun"),
        ("kcna.kp", "Korean Central News Agency"),
        ("co.kr", None),
        ("kr", None),
        ("notjapantimes.co.jp", None),
        ("example.com", None),
        ("", None),
    ],
)
def test_by_domain_matches_subdomains_urls_and_emails(query, expected):
    assert name(REGISTRY.by_domain(query)) == expected


def test_host_of_shapes():
    assert host_of("https://user@www.Example.com:443/path") == "example.com"
    assert host_of("jane.doe@news.example.org") == "news.example.org"
    assert host_of("   ") is None


def test_match_prefers_url_then_email_then_credit_line():
    credit = "Body text.\n\u00a9 2019 The Japan Times Ltd. All rights reserved."
    assert (
        name(REGISTRY.match(url="https://www.nytimes.com/a", email="x@hani.co.kr", text=credit))
        == "The New York Times"
    )
    assert (
        name(REGISTRY.match(url="https://unknown.example/a", email="x@hani.co.kr", text=credit))
        == "The Hankyoreh"
    )
    assert name(REGISTRY.match(text=credit)) == "The Japan Times"
    assert REGISTRY.match() is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(c) The Japan Times", "The Japan Times"),
        ("Copyright 2019 Yonhap News Agency. Unauthorized reproduction prohibited.", "Yonhap News Agency"),
        ("Copyright \u00a9 The Dong-A Ilbo. All rights reserved.", "The Dong-A Ilbo"),
        (
            "The Korea Herald\n\nHeadline here\n\nA long body paragraph that goes on and on about Seoul.",
            "The Korea Herald",
        ),
        (
            "Headline\n\nYonhap reported that the leaders met, and KCNA said so too, as did Reuters.\n\nMore text.",
            None,
        ),
        (
            "Headline\n\nThe photo credit reads (Yonhap News) at the end of a caption line in the body.\n\nEnd.",
            None,
        ),
        ("Copyright 2020 by the author. All rights reserved.", None),
    ],
)
def test_masthead_matching_is_conservative(text, expected):
    assert name(REGISTRY.match(text=text)) == expected


def test_user_file_merges_over_builtin(tmp_path: Path):
    user = tmp_path / "sources.toml"
    user.write_text(
        '[[outlet]]\nname = "Hankyoreh"\ndomains = ["hani-mirror.example"]\nleaning = "progressive"\n\n'
        '[[outlet]]\nname = "Pyongyang Gazette"\ndomains = ["gazette.example.kp"]\ncountry = "PRK"\n'
        'kind = "state media"\naliases = ["The Gazette"]\n',
        encoding="utf-8",
    )
    merged = SourceRegistry.from_file(user)
    assert len(merged) == len(REGISTRY) + 1
    hani = merged.by_domain("https://hani-mirror.example/1")
    assert hani is not None and hani.leaning == "progressive" and hani.country == "KOR"
    assert "hani.co.kr" in hani.domains  # lists extend the built-in entry
    assert name(merged.by_name("The Hankyoreh")) == "Hankyoreh"  # the old spelling stays findable
    assert name(merged.by_name("the gazette")) == "Pyongyang Gazette"
    alone = SourceRegistry.from_file(user, base=SourceRegistry([]))
    assert [o.name for o in alone.outlets] == ["Hankyoreh", "Pyongyang Gazette"]
    assert REGISTRY.by_name("Hankyoreh").leaning == "centre-left"  # the built-in set is untouched


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("[[outlet]\nname=", "not valid TOML"),
        ('[[outlet]]\ndomains = ["x.com"]\n', "outlet #1: missing 'name'"),
        ('[[outlet]]\nname = "X"\nkind = "blog"\n', "kind 'blog'"),
        ('[[outlet]]\nname = "X"\ncountry = "KR"\n', "alpha-3"),
        ('[[outlet]]\nname = "X"\ndomains = "x.com"\n', "'domains' must be a list"),
        ('[[outlet]]\nname = "X"\nwebsite = "x.com"\n', "unknown field(s) website"),
        ('outlet = "X"\n', "array of tables"),
    ],
)
def test_bad_user_file_names_the_file_and_the_problem(tmp_path: Path, content, problem):
    path = tmp_path / "mine.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError) as err:
        SourceRegistry.from_file(path)
    assert str(err.value).startswith(str(path)) and problem in str(err.value)


def test_missing_user_file_is_a_clear_error(tmp_path: Path):
    with pytest.raises(ValueError, match="nope.toml: cannot read"):
        SourceRegistry.from_file(tmp_path / "nope.toml")


def test_registry_pickles_for_worker_processes():
    copy = pickle.loads(pickle.dumps(REGISTRY))
    assert name(copy.by_domain("english.hani.co.kr")) == "The Hankyoreh"
    assert len(copy) == len(REGISTRY)


# ---------------------------------------------------------------- page layouts


def test_seed_dumps_are_recognised_by_their_page_layout(seeds_dir: Path):
    """The Dong-A and Japan Times dumps name their outlet nowhere; their page chrome does."""
    from crosswire.ingest import IngestOptions, iter_articles

    outlets = {
        Path(a.source_path).name[:4]: a.outlet
        for a in iter_articles([seeds_dir], IngestOptions())
        if hasattr(a, "outlet")
    }
    assert outlets == {"000_": "The Hankyoreh", "001_": "The Dong-A Ilbo", "002_": "The Japan Times"}


def test_layout_is_the_weakest_evidence():
    registry = SourceRegistry.builtin()
    page = (
        "Go to contents\n\nTitle\n\nPosted April. 29, 2019 07:42,\n\nUpdated April. 29, 2019 07:42\n\nBody."
    )
    assert registry.match(page=page).name == "The Dong-A Ilbo"
    # A URL or a credit line beats the layout.
    assert registry.match(url="https://www.koreaherald.com/x", page=page).name == "The Korea Herald"
    assert registry.match(text="© The Japan Times", page=page).name == "The Japan Times"
    # The same dateline shape in running text further down is not page chrome.
    assert registry.by_layout("x\n" * 1200 + page) is None


def test_ambiguous_layouts_are_no_answer(tmp_path: Path):
    path = tmp_path / "sources.toml"
    path.write_text(
        "[[outlet]]\nname = \"Harbour Gazette\"\nlayouts = ['^Filed: \\d{4}']\n\n"
        "[[outlet]]\nname = \"Quay Post\"\nlayouts = ['^Filed: ']\n",
        encoding="utf-8",
    )
    registry = SourceRegistry.from_file(path)
    assert registry.by_layout("Headline\nFiled: 2026-01-02\nText") is None
    assert registry.by_layout("Headline\nFiled: today\nText").name == "Quay Post"


def test_bad_layout_regex_names_the_file_and_outlet(tmp_path: Path):
    path = tmp_path / "sources.toml"
    path.write_text('[[outlet]]\nname = "Harbour Gazette"\nlayouts = ["(unclosed"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"sources\.toml.*Harbour Gazette.*not a valid regular expression"):
        SourceRegistry.from_file(path)
