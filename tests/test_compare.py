"""compare_story: corroborated, single-source, omissions, emphasis, anonymity, portrayal, fidelity, genres."""

from __future__ import annotations

import re

from crosswire.model import Story
from crosswire.stories.compare import compare_story, comparison_record
from story_support import analysis, article, event, talks_story


def _compare():
    arts, an = talks_story()
    return arts, compare_story(Story([a.id for a in arts]), arts, an)


def test_corroborated_and_single_source_facts() -> None:
    _, comp = _compare()
    # Facts are merged coded events written as plain sentences; a cue word with no coded event (the
    # "demand" and "construction" sentences here) is no fact (issue 16: precision first).
    corroborated = [f for f in comp.corroborated if f.kind == "event"]
    (talks,) = corroborated  # the summit, in whichever CAMEO 04 code most reports give
    assert re.fullmatch(r"North Korea (held talks with|hosted) Russia", talks.summary)
    assert talks.independent_outlets == ["The Daily Alpha", "The Gamma Post"]  # Beta: Russia hosted (043)
    assert talks.codes["cameo"][:2] == "04" and talks.status == "happened"
    assert not any(
        "demand" in f.summary or "construction" in f.summary for f in comp.facts if f.kind == "event"
    )
    for f in comp.facts:
        for s in f.sentences:
            art_text = {a.id: a.text for a in _compare()[0]}[s["article_id"]]
            assert art_text[s["start"] : s["end"]] == s["text"]


def test_omissions_list_what_two_others_report() -> None:
    _, comp = _compare()
    gamma = comp.omissions["The Gamma Post"]
    assert any(f.kind == "quote" for f in gamma)
    assert not any(f.kind == "event" for f in gamma)  # Gamma reports the summit too


def test_anonymous_share_and_quote_fidelity() -> None:
    _, comp = _compare()
    assert comp.anonymous_share["The Daily Alpha"] == {"anonymous": 1, "quotes": 2, "share": 0.5}
    assert comp.anonymous_share["The Beta Times"]["share"] == 0.0
    (putin,) = comp.quote_fidelity
    ratios = sorted(w["length_ratio"] for w in putin["wordings"])
    assert ratios[0] < 0.8 and ratios[1] == 1.0


def test_portrayal_tone_labels_and_evidence() -> None:
    _, comp = _compare()
    beta = comp.portrayal["The Beta Times"]["North Korea"]
    alpha = comp.portrayal["The Daily Alpha"]["North Korea"]
    assert beta["tone"] == -0.6 and beta["labels"] == ["the dictator"]
    assert alpha["tone"] == -0.2 and "Pyongyang" in alpha["labels"]
    assert beta["evidence"] and beta["evidence"][0]["outlet"] == "The Beta Times"
    assert "North Korea" in comp.main_actors


def test_emphasis_and_genre_mix() -> None:
    arts, comp = _compare()
    (gamma,) = comp.emphasis["The Gamma Post"]
    assert "North Korea" in gamma["actors"]
    (talks,) = [f for f in comp.corroborated if f.kind == "event"]
    assert gamma["events"] == [talks.summary]
    assert comp.genres["all"] == {"analysis": 1, "news": 1, "opinion": 1}
    record = comparison_record(comp)
    assert record["story_id"] == Story([a.id for a in arts]).id and record["corroborated"]


def test_wire_copies_count_as_one_independent_source() -> None:
    dispatch = (
        "Russia and China held talks in Beijing on Monday, and the two foreign ministers said they had agreed "
        "to expand cooperation on energy and transport while rejecting what they called unilateral sanctions "
        "imposed by Western governments over the past year."
    )
    a = article(dispatch, "Wire Service", day=4)
    b = article(dispatch + " Analysts were cautious.", "Reprint Daily", day=4)
    c = article(
        "Russia and China held talks in Beijing, officials in both capitals confirmed.",
        "Own Reporting",
        day=4,
    )
    an = {
        x.id: analysis(
            x, events=[event(x, "Russia and China held talks", ("Russia", "RUS"), ("China", "CHN"), "040")]
        )
        for x in (a, b, c)
    }
    comp = compare_story(Story([a.id, b.id, c.id]), [a, b, c], an)
    talks = comp.facts[0]
    assert len(talks.outlets) == 3 and len(talks.independent_outlets) == 2
    only_wire = compare_story(Story([a.id, b.id]), [a, b], an)
    assert only_wire.corroborated == []


def test_one_rule_for_omissions_and_single_source_in_the_report_and_the_web() -> None:
    from crosswire.model import Fact
    from crosswire.stories.compare import is_corroborated, is_omitted_by
    from crosswire.web.views.compare import compare as web_compare

    def fact(*outlets: str, independent: tuple[str, ...] | None = None) -> Fact:
        return Fact(
            kind="event",
            summary="+".join(outlets),
            outlets=list(outlets),
            independent_outlets=list(independent if independent is not None else outlets),
        )

    two = ["A", "B"]
    assert is_omitted_by("B", fact("A"), two)  # two outlets: what the other reports is an omission
    three = ["A", "B", "C"]
    assert not is_omitted_by("C", fact("A"), three)  # A's own fact, not an omission of B and C
    assert is_omitted_by("C", fact("A", "B"), three)
    assert not is_omitted_by("A", fact("A", "B"), three)
    wire = fact("A", "B", independent=("A",))  # B reprinted A's wire copy
    assert not is_corroborated(wire) and is_corroborated(fact("A", "B"))

    arts, an = talks_story()
    story = Story([a.id for a in arts])
    comp = compare_story(story, arts, an)
    story.outlets, story.facts = comp.outlets, comp.facts
    web = web_compare(story)
    assert [f["summary"] for f in web["corroborated"]] == [f.summary for f in comp.corroborated]
    assert [f["summary"] for f in web["single_source"]] == [f.summary for f in comp.single_source]
    assert {o: [f["summary"] for f in fs] for o, fs in web["omitted"].items()} == {
        o: [f.summary for f in fs] for o, fs in comp.omissions.items() if fs
    }


def test_an_outlet_naming_both_sides_in_one_sentence_is_not_said_to_leave_the_act_out() -> None:
    # the demo: Meridian Wire and the Eastern Daily Ledger were listed as leaving out the Stockholm talks
    # they report in words the coder did not read ("sat down together in Stockholm")
    from story_support import actor

    said = "Chile and Peru held talks in Lima on Monday."
    a = article(said, "Outlet A", day=2)
    b = article(
        "Officials said Chile and Peru held talks in the capital after weeks of delay.", "Outlet B", day=2
    )
    c = article("Envoys of Chile and Peru finally sat down together in Lima.", "Outlet C", day=3)
    d = article("Lima was quiet on Monday as fishermen returned to port.", "Outlet D", day=3)
    an = {}
    for art in (a, b, c, d):
        sides = [actor(art, "Chile", "CHL"), actor(art, "Peru", "PER")]
        events = (
            [event(art, "Chile and Peru held talks", ("Chile", "CHL"), ("Peru", "PER"), "040")]
            if art in (a, b)
            else []
        )
        an[art.id] = analysis(art, [s for s in sides if s.mentions], events)
    comp = compare_story(Story([x.id for x in (a, b, c, d)]), [a, b, c, d], an)
    (talks,) = [f for f in comp.corroborated if f.kind == "event"]
    assert talks.named_by == ["Outlet A", "Outlet B", "Outlet C"]
    assert talks not in comp.omissions["Outlet C"]
    assert talks in comp.omissions["Outlet D"]


def test_an_article_written_before_anyone_reported_a_quote_does_not_leave_it_out() -> None:
    from story_support import quote

    words = "\u201cWe had a candid and useful exchange of views,\u201d"
    early = article("Chile and Peru will meet in Lima on Wednesday, officials said.", "Outlet A", day=2)
    later = [
        article(f"{words} the Chilean envoy said after the talks in Lima.", "Outlet B", day=4),
        article(f"The envoy spoke briefly. {words} she said.", "Outlet C", day=5),
        article("Nothing was said about the talks on Thursday.", "Outlet D", day=6),
    ]
    an = {early.id: analysis(early)}
    for art in later[:2]:
        an[art.id] = analysis(
            art, quotes=[quote(art, "We had a candid and useful exchange of views", "Ana Soto")]
        )
    an[later[2].id] = analysis(later[2])
    arts = [early, *later]
    comp = compare_story(Story([a.id for a in arts]), arts, an)
    (said,) = [f for f in comp.facts if f.kind == "quote"]
    assert said.first_reported == "2026-03-04"
    assert said not in comp.omissions["Outlet A"]  # published on the 2nd, before the words were said
    assert said in comp.omissions["Outlet D"]
