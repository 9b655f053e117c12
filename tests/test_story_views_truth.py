"""The story views state nothing false: graph nodes are named for what they are, and an outlet is not
said to leave out an act its article could not have reported (invented facts)."""

from __future__ import annotations

from collections import Counter

from crosswire.model import Fact, Quote, quote_line, shown_quote
from crosswire.stories.align import actor_label
from crosswire.stories.compare import could_have_reported, is_omitted_by, outlet_dates
from crosswire.stories.graph import facts_graph
from crosswire.web.app import _templates


def _event(source: dict, target: dict, summary: str = "x", **kw) -> Fact:
    return Fact(
        kind="event",
        summary=summary,
        event_id=summary,
        outlets=["A", "B"],
        independent_outlets=["A", "B"],
        status="happened",
        source=source,
        target=target,
        codes={"cameo": "111", "goldstein": -2.0},
        **kw,
    )


def test_a_country_node_is_named_for_the_country_not_its_most_mentioned_person() -> None:
    facts = [
        _event({"name": "Pak Ri-song", "code": "ZZZGOV"}, {"name": "Ruritania", "code": "USA"}, "e0"),
        # A leader coded with the country's code is mentioned most, but the node is the country.
        _event({"name": "Grand Leader", "code": "PRKGOV"}, {"name": "Norland", "code": "JPN"}, "e1"),
        _event({"name": "Grand Leader", "code": "PRKGOV"}, {"name": "Norland", "code": "JPN"}, "e2"),
        _event({"name": "the news agency", "code": "PRKMED"}, {"name": "Southland", "code": "KOR"}, "e3"),
    ]
    graph = facts_graph(facts)
    labels = {k: n["label"] for k, n in graph.nodes.items()}
    assert labels["PRK"] == "North Korea"
    assert labels["KOR"] == "South Korea" and labels["JPN"] == "Japan"
    # A name key keeps the name.
    assert actor_label("grand leader", Counter({"Grand Leader": 2})) == "Grand Leader"


def test_an_organisation_node_is_never_named_for_a_person() -> None:
    assert (
        actor_label("IGOUNO", Counter({"António Guterres": 3, "the United Nations": 1})) != "António Guterres"
    )


def test_no_omission_of_an_act_dated_after_the_article_or_when_the_article_is_undated() -> None:
    summit = Fact(
        kind="event", summary="summit", outlets=["A", "B"], independent_outlets=["A", "B"], date="2031-04-25"
    )
    outlets = ["A", "B", "C"]
    assert is_omitted_by("C", summit, outlets)  # without dates, the old rule
    assert not is_omitted_by("C", summit, outlets, {"A": "2031-04-26", "B": "2031-04-26", "C": "2031-04-20"})
    assert not is_omitted_by("C", summit, outlets, {"A": "2031-04-26", "B": "2031-04-26", "C": None})
    assert is_omitted_by("C", summit, outlets, {"A": "2031-04-26", "B": "2031-04-26", "C": "2031-04-27"})
    assert could_have_reported(Fact(kind="event", summary="undated"), None)
    assert not could_have_reported(Fact(kind="event", summary="month", date="2031-05"), "2031-04-30")
    assert outlet_dates([("A", None), ("A", "2031-04-02T10:00:00"), ("B", None)]) == {
        "A": "2031-04-02",
        "B": None,
    }


def test_an_outlet_that_reports_the_act_as_expected_does_not_leave_it_out() -> None:
    expected = Fact(
        kind="event",
        summary="visit",
        outlets=["A", "B", "C"],
        independent_outlets=["A", "B"],
        sentences=[
            {"outlet": "A", "counted": True},
            {"outlet": "B", "counted": True},
            {"outlet": "C", "counted": False},
        ],
    )
    assert not is_omitted_by("C", expected, ["A", "B", "C"])


def test_reported_speech_is_never_put_in_quotation_marks() -> None:
    paraphrase = "that the Republic will no longer chase the old plan,"
    assert shown_quote(paraphrase, "indirect") == "that the Republic will no longer chase the old plan"
    said = quote_line("Ann Roe", paraphrase, "indirect")
    assert said == "Ann Roe said that the Republic will no longer chase the old plan"
    assert "\u201c" not in quote_line("Ann Roe", "the plan is dead", "indirect")
    assert quote_line("Ann Roe", "\u201cWe will win,\u201d", "direct") == "Ann Roe: \u201cWe will win\u201d"
    # A mixed quote keeps the marks around the words it quotes, and adds none around the paraphrase.
    assert shown_quote("that the plan was \u201cdead\u201d", "mixed") == "that the plan was \u201cdead\u201d"


def test_web_pages_show_a_paraphrase_without_marks_and_escaped() -> None:
    env = _templates().env
    page = "{{ q.text|shown_quote(q.kind) }}"
    indirect = Quote("a1", "that <b>the Republic</b> will go on", 0, 10, "indirect")
    assert env.from_string(page).render(q=indirect) == "that &lt;b&gt;the Republic&lt;/b&gt; will go on"
    direct = Quote("a1", "\u201cWe <i>will</i> win,\u201d", 0, 10, "direct")
    assert env.from_string(page).render(q=direct) == "\u201cWe &lt;i&gt;will&lt;/i&gt; win\u201d"
