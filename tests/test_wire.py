"""Wire dependence: shared passages and shared agency credits make articles one source."""

from __future__ import annotations

from crosswire.stories.wire import agency_credits, find_dependence, shares_passage, shingles
from story_support import article

DISPATCH = (
    "Envoys from the two countries ended three days of talks in Stockholm on Tuesday without an agreement, "
    "with both delegations saying they had presented detailed proposals that the other side declined to "
    "discuss further before a deadline set for the end of the month by the mediators in the Swedish capital."
)


def test_agency_credits_in_text_and_captions() -> None:
    assert agency_credits(article("SEOUL, April 26 (Yonhap) -- Talks ended.", "A")) == {"Yonhap"}
    assert agency_credits(article("The deal was off, Reuters reported on Monday.", "A")) == {"Reuters"}
    assert agency_credits(article("Talks ended, according to AP.", "A")) == {"AP"}
    assert agency_credits(article("Talks ended.", "A", captions=["Kim at the station. (Yonhap News)"])) == {
        "Yonhap"
    }


def test_state_media_as_subject_is_not_a_wire_credit() -> None:
    art = article(
        "North Korea's Korean Central News Agency reported that Kim met Putin. KCNA said more.", "A"
    )
    assert agency_credits(art) == set()


def test_story_outlet_credited_by_name() -> None:
    art = article("STOCKHOLM (Meridian Wire) - Talks ended.", "B")
    assert agency_credits(art, ["Meridian Wire", "B"]) == {"Meridian Wire"}


def test_shared_passage_detected_and_unrelated_text_not() -> None:
    a = shingles(DISPATCH)
    b = shingles("In other news, the harbour reopened. " + DISPATCH.upper() + " Local reaction was muted.")
    c = shingles(
        "Dockworkers at the port walked out over pay after negotiations with the operator collapsed late "
        "on Sunday, halting container traffic for the first time in three decades."
    )
    assert shares_passage(a, b)
    assert not shares_passage(a, c)


def test_three_outlets_repeating_one_dispatch_count_once() -> None:
    arts = [
        article(DISPATCH + " Extra line one.", "Outlet A"),
        article("Reprint: " + DISPATCH, "Outlet B"),
        article(DISPATCH + " Our correspondent adds colour.", "Outlet C"),
        article(
            "Our own reporter in Stockholm saw the envoys leave separately and heard nothing new.", "Outlet D"
        ),
    ]
    dep = find_dependence(arts)
    assert len({dep.group_of[a.id] for a in arts[:3]}) == 1
    assert dep.group_of[arts[3].id] != dep.group_of[arts[0].id]
    independent = dep.independent_outlets((a.id, a.outlet) for a in arts)
    assert len(independent) == 2 and "Outlet D" in independent


def test_same_agency_credit_links_different_outlets() -> None:
    a = article("TOKYO (Kyodo) -- Japan protested the launch.", "Paper One")
    b = article("Japan lodged a protest, according to Kyodo News, over the missile.", "Paper Two")
    c = article("Japan protested, its foreign ministry said.", "Paper Three")
    dep = find_dependence([a, b, c])
    assert dep.group_of[a.id] == dep.group_of[b.id] != dep.group_of[c.id]
    assert any(link.reason == "agency:Kyodo" for link in dep.links)


def test_one_statement_quoted_verbatim_by_two_newsrooms_is_no_copy() -> None:
    # BASIL: three outlets quoting the same 30-word resignation statement were taken for one wire copy,
    # so the resignation all three reported was never corroborated
    statement = (
        "\u201cWhile I planned on serving out the remainder of my term in Congress, I know in my heart it is "
        "time for me to move along and look for new ways to serve my country and my neighbours, and I thank "
        "everyone who stood with me through a very long and difficult year in public life,\u201d"
    )
    arts = [
        article(f"The congressman resigned on Friday. {statement} he said in a video.", "Outlet A"),
        article(
            f"{statement} the lawmaker wrote in a letter to the governor, ending weeks of pressure.",
            "Outlet B",
        ),
        article(DISPATCH + " " + statement.replace("\u201c", '"').replace("\u201d", '"'), "Outlet C"),
        article("Reprint: " + DISPATCH, "Outlet D"),
    ]
    dep = find_dependence(arts)
    assert dep.group_of[arts[0].id] != dep.group_of[arts[1].id]
    assert dep.group_of[arts[0].id] != dep.group_of[arts[2].id]
    # the writer's own words copied still link a reprint, quotes or not
    assert dep.group_of[arts[2].id] == dep.group_of[arts[3].id]
