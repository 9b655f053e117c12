"""Targets of acts aimed at a named party (issue #15, blind check of draws 75-76): a refusal to comment answers
whoever made the ask it is about; a lawsuit names its defendant; a criticism is aimed at whom the said clause
accuses, not at whose rules were broken nor at the party of a means clause ("by calling on Russia to ...");
a treaty or a law named after a country is no party; praise or rejection of "the ruling" (a decision named
before) is aimed at its unnamed maker. Where the party is not found, the event is withheld (precision
first). Sentences written for these tests."""

from __future__ import annotations

from event_support import code_text


def coded(text: str, root: str):
    return [e for e in code_text(text) if e.cameo.startswith(root)]


def target_names(events) -> set[str | None]:
    return {e.target.name if e.target is not None else None for e in events}


def test_declining_comment_on_someones_request_is_aimed_at_its_maker() -> None:
    found = coded("A Pentagon spokesman declined to comment on Senator Grassley's new request.", "011")
    assert found and all(e.target is not None and "Grassley" in e.target.name for e in found)


def test_declining_comment_on_an_unowned_report_keeps_no_target() -> None:
    found = coded("A Pentagon spokesman declined to comment on the report.", "011")
    assert found and target_names(found) == {None}


def test_declining_comment_on_an_uncoded_askers_request_is_withheld() -> None:
    assert not coded("A Pentagon spokesman declined to comment on the senator's latest request.", "01")


def test_a_lawsuit_with_no_defendant_named_is_withheld() -> None:
    text = "The files were released after a lawsuit filed by activist Mary Lowe, who sued after the agency stalled."
    assert not coded(text, "115")


def test_a_lawsuit_against_a_named_body_keeps_it_as_target() -> None:
    found = coded("Activist Mary Lowe sued the Pentagon in March.", "115")
    assert found and all(e.target is not None and e.target.code == "USAMIL" for e in found)


def test_a_criticism_is_aimed_at_whom_the_said_clause_accuses() -> None:
    text = (
        "Senator Patrick Leahy told reporters that Donald Trump may have violated the law by urging China to "
        "spy on his rival."
    )
    found = coded(text, "111")
    assert found and target_names(found) == {"Donald Trump"}


def test_the_party_of_a_means_clause_is_not_the_target_of_the_act_it_is_the_means_of() -> None:
    text = (
        "Senator Patrick Leahy told reporters that Donald Trump may have violated the law by urging China to "
        "spy on his rival."
    )
    defied = [e for e in code_text(text) if e.cameo.startswith("12")]
    assert all(e.target is None or e.target.code != "CHN" for e in defied)


def test_whose_rules_are_broken_is_not_whom_a_criticism_is_aimed_at() -> None:
    text = "Campaign aide Tom Reed said the leaked video breaks Republican National Committee rules."
    assert all(e.target is None or "Republican" not in e.target.name for e in code_text(text))


def test_a_party_said_to_break_the_rules_is_still_the_target() -> None:
    found = coded("Campaign aide Tom Reed said the Republican National Committee violated the rules.", "11")
    assert found and all(e.target is not None and "Republican" in e.target.name for e in found)


def test_a_treaty_named_after_a_region_is_no_party() -> None:
    text = "She and her husband backed the North American Free Trade Agreement in the 1990s."
    assert all(e.target is None or e.target.code != "USA" for e in code_text(text))


def test_a_country_backed_is_still_the_target() -> None:
    found = coded("Clinton supported the Mexican government during the talks.", "05")
    assert found and all(e.target is not None and e.target.code == "MEX" for e in found)


def test_praise_of_a_ruling_referred_back_to_is_withheld() -> None:
    assert not coded("Republican Governor Mark Dayton applauded the ruling on Tuesday.", "05")


def test_praise_of_a_named_courts_ruling_is_aimed_at_the_court() -> None:
    found = coded("Republican Governor Mark Dayton praised the Supreme Court's ruling.", "05")
    assert found and all(e.target is not None and e.target.code == "JUD" for e in found)
