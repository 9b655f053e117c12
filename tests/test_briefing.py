"""The one event model (stories/briefing.py): what counts as a corroborated fact, how an outlet that
only expects or denies an act is shown, statements apart, mirror images once, plain statements with
dates and places only where the reports back them, positions with their content, the timeline chart."""

from __future__ import annotations

import re
from dataclasses import replace

from crosswire.model import Story, outlet_readings
from crosswire.stories.briefing import graph_edges, story_facts, timeline_facts
from crosswire.stories.charts import timeline_svg
from crosswire.stories.compare import compare_story, is_corroborated
from crosswire.stories.phrases import statement, verb_phrase
from crosswire.stories.positions import content_line, content_of, positions
from crosswire.stories.wire import find_dependence
from crosswire.web.views.compare import timeline
from story_support import analysis, article, event


def _facts(items):
    """items: (outlet, text, [(phrase, source, target, cameo, kwargs)])"""
    arts, found = [], {}
    for day, (outlet, text, events) in enumerate(items, 1):
        art = article(text, outlet, day=day)
        arts.append(art)
        evs = []
        for phrase, source, target, cameo, extra in events:
            status = extra.pop("status", None)
            ev = event(art, phrase, source, target, cameo, **extra)
            if status:
                ev.mentions = [replace(m, status=status) for m in ev.mentions]
                ev.status = status
            evs.append(ev)
        found[art.id] = analysis(art, events=evs)
    return arts, story_facts(arts, found, find_dependence(arts))


KIM, PUTIN = ("Kim Jong-un", "PRKGOV"), ("Vladimir Putin", "RUSGOV")


def test_an_outlet_that_only_expects_or_denies_an_act_is_shown_but_not_counted() -> None:
    _, facts = _facts(
        [
            ("Alpha", "Kim Jong-un met Vladimir Putin in Vladivostok.", [("met Vladimir Putin", KIM, PUTIN, "040", {})]),
            ("Beta", "Kim Jong-un will meet Vladimir Putin.", [("meet Vladimir Putin", KIM, PUTIN, "040", {"status": "planned"})]),
            ("Gamma", "Kim Jong-un denied meeting Vladimir Putin.", [("meeting Vladimir Putin", KIM, PUTIN, "040", {"status": "denied"})]),
        ]
    )  # fmt: skip
    (fact,) = facts
    assert fact.outlets == ["Alpha", "Beta", "Gamma"]
    assert fact.independent_outlets == ["Alpha"] and not is_corroborated(fact)
    assert outlet_readings(fact) == [
        {"outlet": "Alpha", "reads": "reported", "counted": True},
        {"outlet": "Beta", "reads": "expected", "counted": False},
        {"outlet": "Gamma", "reads": "denied", "counted": False},
    ]
    assert fact.summary == "Kim Jong-un held talks with Vladimir Putin"


def test_two_independent_outlets_reporting_it_as_happened_corroborate_it() -> None:
    _, facts = _facts(
        [
            ("Alpha", "Kim Jong-un met Vladimir Putin on April 25.", [("Kim Jong-un met Vladimir Putin on April 25.", KIM, PUTIN, "040", {"date": "2019-04-25"})]),
            ("Beta", "On Apr. 25 Kim Jong-un met Vladimir Putin.", [("On Apr. 25 Kim Jong-un met Vladimir Putin.", KIM, PUTIN, "040", {"date": "2019-04-25"})]),
            ("Gamma", "Kim Jong-un did not meet Vladimir Putin.", [("meet Vladimir Putin", KIM, PUTIN, "040", {"negated": True})]),
        ]
    )  # fmt: skip
    (fact,) = facts
    assert fact.independent_outlets == ["Alpha", "Beta"] and is_corroborated(fact)
    assert fact.summary == "Kim Jong-un held talks with Vladimir Putin on 25 April 2019"
    # Gamma's report is no denial by anyone: it says the meeting had not happened when it wrote.
    assert [r["reads"] for r in outlet_readings(fact)] == ["reported", "reported", "said it had not happened"]
    assert fact.first_reported == "2026-03-01" and fact.date == "2019-04-25"


def test_a_date_or_place_no_report_gives_is_not_stated() -> None:
    _, facts = _facts(
        [
            ("Alpha", "Kim Jong-un met Vladimir Putin.", [("met Vladimir Putin", KIM, PUTIN, "040", {"date": "2019-04-25"})]),
            ("Beta", "Kim Jong-un held talks with Vladimir Putin.", [("held talks with Vladimir Putin", KIM, PUTIN, "040", {"date": "2019-04-25"})]),
        ]
    )  # fmt: skip
    (fact,) = facts
    assert fact.summary == "Kim Jong-un held talks with Vladimir Putin" and fact.date is None


def test_statements_are_listed_apart_and_never_corroborated() -> None:
    arts, _ = _facts([("Alpha", "x", [])])
    texts = [
        ("Alpha", "Kim Jong-un said the talks were useful."),
        ("Beta", "Kim Jong-un said the talks were useful."),
    ]
    arts = [article(t, o, day=i + 1) for i, (o, t) in enumerate(texts)]
    found = {a.id: analysis(a, events=[event(a, "said the talks", KIM, None, "010")]) for a in arts}
    comp = compare_story(Story([a.id for a in arts]), arts, found)
    assert [f.kind for f in comp.statements] == ["statement"] and comp.corroborated == []
    assert comp.statements[0].summary == "Kim Jong-un made a statement"


def test_a_symmetric_act_seen_from_both_sides_is_one_fact() -> None:
    text = "Kim Jong-un and Vladimir Putin held a summit."
    arts = [article(text, o, day=i + 1) for i, o in enumerate(("Alpha", "Beta"))]
    found = {
        a.id: analysis(
            a,
            events=[
                event(a, "held a summit", KIM, PUTIN, "040"),
                event(a, "held a summit", PUTIN, KIM, "040"),
            ],
        )
        for a in arts
    }
    facts = story_facts(arts, found, find_dependence(arts))
    assert len(facts) == 1 and len(graph_edges(facts)) == 1
    assert len(timeline_facts(facts)) == 1


def test_a_dyadic_act_without_its_other_side_is_not_counted() -> None:
    text = "North Korea criticised the plan."
    arts = [article(text, o, day=i + 1) for i, o in enumerate(("Alpha", "Beta"))]
    found = {
        a.id: analysis(a, events=[event(a, "criticised", ("North Korea", "PRK"), None, "111")]) for a in arts
    }
    (fact,) = story_facts(arts, found, find_dependence(arts))
    assert fact.summary == "North Korea voiced criticism" and not is_corroborated(fact)


def test_positions_read_what_is_demanded_offered_or_rejected() -> None:
    assert content_of(
        "10", "Kim's demand for a security guarantee for the North Korean regime, predicated on it"
    ) == ("a security guarantee for the North Korean regime")
    assert content_of(
        "12", "Pyongyang, which rejected Seoul's offer to co-host the anniversary event, blasted"
    ) == ("Seoul's offer to co-host the anniversary event")
    assert content_of("10", "if Pyongyang demands this issue in earnest") is None  # hedged and vague
    # An infinitive is refused, a thing rejected.
    assert content_line("12", "The aide", None, ["The aide refused to testify about the server."]) == (
        "The aide refused to testify about the server"
    )
    assert content_line("12", "Seoul", None, ["Seoul rejected the offer of talks."]) == (
        "Seoul rejected the offer of talks"
    )
    # A position reported as coming reads as expected, never as taken.
    assert content_line(
        "10", "Chile", None, ["Chile is poised to demand a new border survey."], expected=True
    ) == ("Chile is expected to demand a new border survey")
    assert (
        content_line("12", "The aide", None, ["The aide will refuse to testify about it."], expected=True)
        is None
    )
    texts = {
        "Alpha": "North Korea demanded the suspension of joint military exercises with South Korea.",
        "Beta": "At the talks on Friday, North Korea demanded the suspension of joint drills with South Korea.",
    }
    arts = [article(t, o, day=i + 1) for i, (o, t) in enumerate(texts.items())]
    found = {
        a.id: analysis(a, events=[event(a, a.text, ("North Korea", "PRK"), ("South Korea", "KOR"), "100")])
        for a in arts
    }
    (fact,) = story_facts(arts, found, find_dependence(arts))
    assert fact.summary == "North Korea demanded the suspension of joint military exercises with South Korea"
    assert is_corroborated(fact)


def test_phrases_are_plain_english_in_every_status() -> None:
    assert statement("Kim Jong-un", "042", "Russia", "planned") == "Kim Jong-un is expected to visit Russia"
    assert statement("Kim Jong-un", "042", "Russia", "denied") == "Kim Jong-un denied visiting Russia"
    assert statement("Kim Jong-un", "042", "Russia", "negated") == "Kim Jong-un did not visit Russia"
    assert statement("Seoul", "163", "Pyongyang", when="25 April 2019", place="Seoul") == (
        "Seoul imposed sanctions on Pyongyang in Seoul on 25 April 2019"
    )
    assert verb_phrase("125", "past", None) == "rejected a proposal"
    assert verb_phrase("125", "past", "South Korea") == "rejected a proposal from South Korea"
    assert verb_phrase("120", "past", "South Korea") == "rejected South Korea's proposals"
    assert verb_phrase("040", "past", None) == "held talks"


def test_a_statement_reads_to_its_addressee_and_an_or_label_names_the_act_the_entry_found() -> None:
    assert (
        statement("Kim Jong-un", "010", "Vladimir Putin") == "Kim Jong-un made a statement to Vladimir Putin"
    )
    assert verb_phrase("143", "past", "the talks", "protest.boycott-skip") == "boycotted the talks"
    assert verb_phrase("143", "past", None, "protest.stage-strike:x") == "went on strike"
    assert verb_phrase("143", "past", None) == "went on strike or boycotted"
    # an entry refined to another code keeps that code's phrase
    assert verb_phrase("111", "past", "Peru", "protest.boycott") == "criticised Peru"


def test_timeline_chart_stacks_a_busy_day_and_keeps_labels_inside() -> None:
    rows = [{"date": "2026-03-04", "summary": f"act {i}", "independent_outlets": []} for i in range(50)]
    rows += [{"date": "2026-02-01", "summary": "<script>x</script>", "independent_outlets": ["A", "B"]}]
    rows += [{"date": None, "summary": "undated", "independent_outlets": []}]
    svg = timeline_svg(rows)
    assert svg.count('class="day-bar"') == 1 and svg.count('class="day-dot"') == 1
    assert ">50</text>" in svg and "<script>" not in svg and "&lt;script&gt;" in svg
    assert "1 undated" in svg
    height = int(re.search(r'viewBox="0 0 \d+ (\d+)"', svg).group(1))  # type: ignore[union-attr]
    assert height < 200  # fifty stacked dots would need 700
    assert 'text-anchor="start"' in svg and 'text-anchor="end"' in svg  # edge labels grow inwards


def test_a_negated_act_reads_as_not_done_not_as_denied() -> None:
    def summary(extra):
        _, facts = _facts([("Alpha", "Kim Jong-un avoids visiting Russia.", [("visiting Russia", KIM, ("Russia", "RUS"), "042", extra)])])  # fmt: skip
        return facts[0].summary

    # Nobody denied anything: the report says the visit did not happen, or might not.
    assert summary({"negated": True}) == "Kim Jong-un did not visit Russia"
    assert summary({"negated": True, "status": "hypothetical"}) == "Kim Jong-un might not visit Russia"
    # A report of a denial still reads as one.
    assert summary({"status": "denied"}) == "Kim Jong-un denied visiting Russia"


def test_a_negated_forecast_reads_as_expected_not_to_happen_not_as_said_not_to_have_happened() -> None:
    art = article("Chile will not easily accept Peru's demand.", "Alpha", day=1)
    ev = event(art, "accept Peru's demand", ("Chile", "CHL"), ("Peru", "PER"), "080", negated=True)
    ev.status = "planned"
    ev.mentions = [replace(m, status="planned", negated=True) for m in ev.mentions]
    (fact,) = story_facts([art], {art.id: analysis(art, events=[ev])}, find_dependence([art]))
    assert outlet_readings(fact) == [
        {"outlet": "Alpha", "reads": "expected it not to happen", "counted": False}
    ]
    assert fact.summary.startswith("Chile is not expected to")
    (row,) = timeline([ev])
    assert row["statement"].startswith("Chile is not expected to")


def test_a_resignation_reads_as_stepping_down_with_no_side_guessed() -> None:
    # the codebook's 0831 ("accede to demands for change in leadership") read "accepted demands for reform"
    assert statement("Blake Farenthold", "0831", "Congress") == "Blake Farenthold stepped down"
    assert statement("The minister", "0831", None, "planned") == "The minister is expected to step down"
    assert statement("Chile", "0832", "Peru") == "Chile accepted demands for a policy change from Peru"


def test_a_position_is_the_actors_own_act_with_what_it_asks() -> None:
    # the demand inside a source's report is the other side's, not the source's
    report = (
        "A senior trade official, who asked not to be named, said the Chilean side had again demanded "
        "the removal of the copper levy."
    )
    assert content_line("020", "A senior trade official", "Peru", [report]) is None
    assert content_line("100", "The Chilean delegation", None, [report]) == (
        "The Chilean delegation demanded the removal of the copper levy"
    )
    # the actor goes on after the verb of reporting: a pronoun, a clause of its own, the same name
    assert content_of("10", "Lima said on Tuesday that it demanded a new survey of the border.", "Peru") == (
        "a new survey of the border"
    )
    assert content_of(
        "03", '"The border must be settled first," Minister Ruiz said, while proposing joint patrols.', "Ruiz"
    ) == ("joint patrols")
    # a list of names stays whole; "threatened X with Y" says what with
    assert content_line(
        "130",
        "Peru",
        None,
        ["Peru threatened to cut off aid to Aruba, Belize and Haiti, the states it blames."],
    ) == ("Peru threatened to cut off aid to Aruba, Belize and Haiti")
    assert content_line("130", "Peru", "Chile", ["Peru threatened Chile with new tariffs on wine."]) == (
        "Peru threatened Chile with new tariffs on wine"
    )


APPEALED, ASKED = "Bolivia appealed to Peru again on Monday.", "Chile asked for a new border survey."


def test_a_position_that_does_not_say_what_is_asked_is_no_position() -> None:
    chile, peru, bolivia = ("Chile", "CHL"), ("Peru", "PER"), ("Bolivia", "BOL")
    arts, facts = _facts(
        [
            ("Alpha", APPEALED, [(APPEALED, bolivia, peru, "020", {})]),
            ("Beta", ASKED, [(ASKED, chile, peru, "020", {})]),
        ]
    )
    assert len(facts) == 2
    lines = [p.what for p in positions(facts)]
    assert lines == ["Chile asked for a new border survey (from Peru)"]


def test_what_someone_says_another_must_demand_is_no_content_of_theirs() -> None:
    # BASIL: "Nancy Pelosi demanded and secure a real (from Donald Trump)"
    said = (
        "\u201cThe president must demand and secure a real, concrete agreement that the raids will stop,\u201d "
        "the senator said in a statement."
    )
    assert content_of("10", said, "The senator") is None
    assert content_line("100", "The senator", "The president", [said]) is None
    assert content_of("10", "Chile demanded and won a new survey of the border.") is None


def test_a_meeting_of_two_people_of_one_country_is_shown_once() -> None:
    # Giveme5W1H: "Donald Trump held talks with Barack Obama" and its mirror were two corroborated facts
    trump, obama = ("Donald Trump", "USAGOV"), ("Barack Obama", "USAGOV")
    met = "Donald Trump met Barack Obama at the White House."
    _, facts = _facts(
        [
            ("Alpha", met, [("met Barack Obama", trump, obama, "040", {}), ("met Barack Obama", obama, trump, "040", {})]),
            ("Beta", met.replace("at", "in"), [("met Barack Obama", trump, obama, "040", {}), ("met Barack Obama", obama, trump, "040", {})]),
        ]
    )  # fmt: skip
    assert len([f for f in facts if f.kind == "event"]) == 1
