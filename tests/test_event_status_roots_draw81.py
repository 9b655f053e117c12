"""Statuses and roots misread in the judged PolNeAR draws 81-82 (issue #15): a verb coordinated after a
negated or denying one, an attempt at pressing someone, a question with "will", a refusal to rule out,
hosting refugees, speaking with gusto, a joint rally called off, restrictions on goods, a charge denied
and a weight. Sentences written for these tests."""

from __future__ import annotations

from datetime import datetime

from crosswire.events.status import act_status
from crosswire.nlp.runtime import parse
from event_support import code_text


def status_of(text: str, word: str) -> tuple[str, bool]:
    doc = parse(text)
    said = act_status(next(t for t in doc if t.lower_ == word))
    return said.status, said.negated


def cameos(text: str) -> list[str]:
    return [e.cameo for e in code_text(text)]


def test_a_finite_verb_after_a_verb_with_its_own_complement_is_an_act_of_its_own() -> None:
    # the "not" and the denial of the first verb are about its own complement
    assert status_of("The mayor was not pleased and accused the governor of lying.", "accused") == (
        "happened",
        False,
    )
    assert status_of(
        "The ministry denies any wrongdoing and points out that Peru signed the same treaty.", "signed"
    ) == ("happened", False)
    # a bare verb shares the auxiliary and its "not"; a clause under the denial stays denied
    assert status_of("Chile did not meet the envoy and sign the treaty.", "sign")[1] is True
    assert status_of("Chile denies that Peru met the envoy and signed the treaty.", "signed")[0] == "denied"


def test_trying_to_press_someone_is_pressing_them() -> None:
    assert status_of("During the debate, the host tried to press the senator on the budget.", "press") == (
        "happened",
        False,
    )
    assert status_of("During the debate, the host tried to meet the senator.", "meet")[0] == "hypothetical"


def test_a_question_with_will_plans_nothing() -> None:
    assert status_of("Governor Smith, will you resign?", "resign")[0] == "hypothetical"
    assert status_of("Governor Smith will resign.", "resign")[0] == "planned"


def test_a_while_participle_shares_the_demand() -> None:
    text = "The senator urged Chile to stay calm while also imposing limits on exports."
    assert status_of(text, "imposing")[0] == "demanded"
    assert status_of("Chile stayed calm while imposing limits on exports.", "imposing")[0] == "happened"


def test_refusing_to_rule_something_out_rejects_nothing() -> None:
    assert not [c for c in cameos("Iran refused to rule out talks with France.") if c.startswith("12")]
    assert not [c for c in cameos("Iran declined to exclude a deal with France.") if c.startswith("12")]
    assert [c for c in cameos("Iran refused to meet France.") if c.startswith("12")]


def test_hosting_refugees_is_no_visit() -> None:
    assert "043" not in cameos(
        "President Erdogan laments hosting the rising number of refugees and migrants."
    )
    assert "043" in cameos("President Erdogan hosted Angela Merkel in Ankara.")


def test_speaking_with_gusto_is_no_consultation() -> None:
    assert not [
        c for c in cameos("Donald Trump spoke with great passion about his mother.") if c.startswith("04")
    ]
    assert "040" in cameos("Donald Trump spoke with Hillary Clinton on Friday.")


def test_a_joint_rally_called_off_yields_nothing() -> None:
    assert "082" not in cameos("Hillary Clinton canceled a joint rally with Barack Obama after the storm.")
    assert "082" in cameos("Opposition leader Juan Guaido canceled a rally against Nicolas Maduro.")


def test_restrictions_on_goods_are_no_sanction() -> None:
    assert "172" not in cameos("Canada imposed restrictions on firearms last year.")
    assert "172" in cameos("Canada imposed restrictions on Russia last year.")


def test_a_charge_denied_is_no_criticism() -> None:
    text = "\u201cSenator Bernie Sanders chose another path, but we have no violations,\u201d Debbie Wasserman Schultz said."
    assert "111" not in cameos(text)
    text = "\u201cSenator Bernie Sanders committed violations,\u201d Debbie Wasserman Schultz said."
    assert "111" in cameos(text)


def test_a_weight_is_no_deliberation() -> None:
    assert "014" not in cameos("Iran's new plane weighs more than 90,000 pounds.")
    assert "014" in cameos("Donald Trump weighed a run for governor.")


def test_refusing_to_consider_something_rejects_it() -> None:
    assert [
        c
        for c in cameos("Senate Republicans refuse to consider Barack Obama's nominee.")
        if c.startswith("12")
    ]
    assert "011" in cameos("Senate Republicans refused to comment on Barack Obama's nominee.")


def test_a_meeting_later_on_the_day_of_writing_is_planned() -> None:
    tuesday = datetime(2016, 6, 14)
    ahead = "The meeting between Bernie Sanders and Hillary Clinton on Tuesday night is a big step."
    assert {e.status for e in code_text(ahead, tuesday) if e.cameo == "040"} == {"planned"}
    done = "The meeting between Bernie Sanders and Hillary Clinton on Monday night was a big step."
    assert {e.status for e in code_text(done, tuesday) if e.cameo == "040"} == {"happened"}
