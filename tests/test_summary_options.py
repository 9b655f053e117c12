"""Which sentences the situation summary lists as options and scenarios (stories/summary.py)."""

from __future__ import annotations

from crosswire.model import Actor, Analysis, Article, Mention
from crosswire.stories.summary import situation_summary


def _story(text: str, names: dict[str, str]) -> tuple[list[Article], dict[str, Analysis]]:
    """One article whose every occurrence of each name in `names` (name -> CAMEO code) is a mention."""
    article = Article(text=text, title="t", outlet="Outlet")
    actors = []
    for name, code in names.items():
        mentions, at = [], text.find(name)
        while at >= 0:
            mentions.append(Mention(at, at + len(name), name))
            at = text.find(name, at + 1)
        actors.append(Actor(article.id, name, "state", codes=[code], mentions=mentions))
    return [article], {article.id: Analysis(article.id, actors=actors)}


def _options(text: str, names: dict[str, str]) -> list[str]:
    articles, analyses = _story(text, names)
    return [o["sentence"].strip() for o in situation_summary(articles, analyses).options]


def test_a_scenario_needs_a_main_actor_as_the_modal_s_subject() -> None:
    text = (
        "Ruritania could launch another missile within weeks. "
        "The talks produced a text that could lead to a settlement. "
        "Officials in Ruritania fear the weather may turn."
    )
    assert _options(text, {"Ruritania": "RUR"}) == ["Ruritania could launch another missile within weeks."]


def test_a_modal_inside_a_quotation_is_no_scenario() -> None:
    text = 'Ruritania said the impasse was "a place that could take us back to the start." '
    assert _options(text, {"Ruritania": "RUR"}) == []
    # A quotation closed before the modal does not hide it.
    text = 'Ruritania issued its "first warning" that Ruritania could go down a new path.'
    assert _options(text, {"Ruritania": "RUR"}) == [text]


def test_options_are_kept_only_where_a_main_actor_is_named() -> None:
    text = (
        "Ruritania has few options left after the summit. "
        "The messaging lacked any options for relief. "
        "Diplomacy had four options: (1) talk at the working level; (2) raise pressure."
    )
    found = _options(text, {"Ruritania": "RUR"})
    # The enumeration is kept without an actor: it lists the options themselves.
    assert found[0].startswith("Diplomacy had four options")
    assert "Ruritania has few options left after the summit." in found
    assert not any(s.startswith("The messaging") for s in found)
