"""Known false "facts" the coder must not produce, and the readings that replace them (issue #15).
Sentences written for these tests."""

from __future__ import annotations

from datetime import datetime

from spacy.tokens import Doc
from spacy.vocab import Vocab

from crosswire.analysis import analyze_article
from crosswire.events.status import act_status
from crosswire.model import Article
from crosswire.nlp.runtime import parse
from test_events_extract import code


def roots(events, root: str):
    return [e for e in events if e.cameo.startswith(root)]


def test_held_is_an_arrest_only_of_people_in_custody() -> None:
    assert not roots(code("Mr. Trump held out hope for an enduring deal with Chile."), "17")
    assert not roots(code("Peru held talks with Chile on Monday."), "17")
    assert roots(code("Peru held talks with Chile on Monday."), "04")
    held = roots(code("Peruvian police held three Chilean activists in custody."), "173")
    assert held and held[0].source.code.startswith("PER")


def test_mr_trump_is_not_melania_trump() -> None:
    events = code("Melania Trump visited a school in Texas. Mr. Trump met Kim Jong-un in Singapore.")
    meetings = [e for e in roots(events, "04") if e.target and e.target.name == "Kim Jong-un"]
    assert meetings and all(e.source.name != "Melania Trump" for e in meetings)
    events = code("First lady Melania Trump spoke. Mrs. Trump later met Kim Jong-un in Singapore.")
    assert [e for e in roots(events, "04") if e.source.name == "Melania Trump"]


def test_fire_and_fury_is_a_threat_not_cooperation() -> None:
    events = code("President Trump threatened North Korea with fire and fury.")
    assert roots(events, "13") and not [e for e in events if e.cameo[:2] in ("03", "05", "06", "07")]


def test_purges_of_kims_own_elites_are_not_aimed_at_other_states() -> None:
    events = code("Kim purged military and party elites while the United States and South Korea watched.")
    assert not [e for e in events if e.target and (e.target.code or "")[:3] in ("USA", "KOR")]


def test_words_used_as_weapons_are_no_violence() -> None:
    assert not [
        e
        for e in code("Senator Smith attacked Governor Jones as weak on crime.")
        if e.cameo[:2] in ("18", "19", "20")
    ]
    assert not [
        e for e in code("Jones beat Smith in the Alabama primary.") if e.cameo[:2] in ("18", "19", "20")
    ]
    assert roots(code("Peruvian troops attacked Chilean positions near the border."), "19")


def test_one_politician_attacking_another_criticizes_him() -> None:
    events = code("Senator Mary Holt attacked Governor Tom Jones on Tuesday.")
    assert [(e.source.name, e.target.name if e.target else None, e.cameo) for e in events] == [
        ("Mary Holt", "Tom Jones", "111")
    ]
    # bodily harm told, or no person attacked: not words, and not coded as criticism
    assert not roots(code("Mary Holt attacked Tom Jones with a knife on Tuesday."), "11")
    assert not roots(code("Senator Mary Holt attacked the new tax on Tuesday."), "11")


def test_questions_and_guilty_pleas_are_no_appeals() -> None:
    assert not roots(code("Senator Smith asked at a news conference why Peru had not paid."), "02")
    assert not roots(code("The former mayor pleaded guilty to fraud."), "02")
    assert roots(code("Chile asked Peru to withdraw its troops."), "02")


def test_a_statement_that_someone_must_act_demands_it() -> None:
    demands = roots(code("Russia said on Tuesday that Sudan must return the captured helicopter."), "10")
    assert demands and demands[0].source.code == "RUS" and demands[0].target.code == "SDN"


def test_saying_one_will_act_against_someone_threatens() -> None:
    threats = roots(code("Bolivia said it would impose sanctions on Chile."), "13")
    assert threats and threats[0].source.code == "BOL" and threats[0].target.code == "CHL"


def test_the_doer_of_an_urged_or_alleged_act_is_the_object() -> None:
    events = code("Peru accused Chile of trying to annex the islands.")
    assert not [e for e in events if e.cameo[:2] not in ("11",) and (e.source.code or "").startswith("PER")]
    assert roots(events, "11")


def test_opponents_of_someone_are_not_that_someone() -> None:
    events = code("Peru's opponents condemned the new border plan.")
    assert not [e for e in events if (e.source.code or "").startswith("PER")]


def test_a_named_target_the_actor_layer_missed_is_kept_by_name() -> None:
    events = roots(code("Chile accused Zorblax of stealing the funds."), "112")
    assert events and events[0].target is not None and events[0].target.name == "Zorblax"


def test_headlines_in_the_infinitive_are_plans() -> None:
    expel = roots(code("Chile to expel Peruvian diplomats"), "16")
    assert expel and all(e.status == "planned" and not e.is_fact for e in expel)


def test_a_persons_aides_are_not_that_person() -> None:
    # "Christie's aides resigned": the aides resign; a spokesman or office still speaks for the owner.
    events = code("Governor Chris Christie spoke on Monday. Mr. Christie's aides resigned on Tuesday.")
    assert not [e for e in roots(events, "08") if "Christie" in e.source.name]
    events = code("President Barack Obama met Putin. Obama's lawyers later criticized Russia harshly.")
    assert not [e for e in roots(events, "11") if "Obama" in e.source.name]
    events = code("President Barack Obama met Putin. Obama's spokesman later criticized Russia harshly.")
    assert [e for e in roots(events, "11") if "Obama" in e.source.name]


def test_an_act_done_instead_is_not_the_one_set_aside() -> None:
    events = code("Instead of attacking Chile, Peru signed an agreement with Bolivia.")
    assert not [e for e in roots(events, "19") if not e.negated]
    assert [e for e in roots(events, "19") if e.negated] or not roots(events, "19")


def test_no_targetless_act_where_the_sentence_names_whom_it_is_aimed_at() -> None:
    # The actor layer codes neither the committee nor "it": an event with its target missing would
    # misreport the act; none is emitted. With no one named, the one-sided act stays.
    rejections = roots(code("Peru rejected a subpoena from the Senate Intelligence Committee."), "12")
    assert all(e.target is not None for e in rejections)
    assert not roots(code("Peru received the proposal on Monday. Chile rejected it on Tuesday."), "12")
    assert roots(code("Chile rejected the proposal on Tuesday."), "12")


def test_events_below_the_confidence_floor_are_not_emitted(monkeypatch) -> None:
    """The heuristic floor (MIN_CONFIDENCE) holds events back; an event's confidence is the precision
    gate's probability (events/gate.py), a number in (0, 1)."""
    from crosswire.events import extract

    text = (
        "Peru accused Chile of spying. Chile said Peru would fight Bolivia. Peru praised Ecuador on Monday."
    )
    events = code(text)
    assert events and all(0.0 < e.confidence < 1.0 for e in events)
    monkeypatch.setattr(extract, "MIN_CONFIDENCE", 1.5)  # above any floor score
    assert not code(text)


def test_a_negating_verb_the_parser_took_for_a_noun_still_negates() -> None:
    """ "Trump avoids condemning Russia's invasion", parsed as the noun "avoids" that "condemning" describes:
    the act is still one not done (a hand-built parse, as the model gave it in context)."""
    words = ["Trump", "avoids", "condemning", "Russia", "'s", "invasion", "."]
    doc = Doc(
        Vocab(),
        words=words,
        heads=[1, 1, 1, 5, 3, 2, 1],
        deps=["compound", "ROOT", "acl", "poss", "case", "dobj", "punct"],
        tags=["NN", "NNS", "VBG", "NNP", "POS", "NN", "."],
        pos=["NOUN", "NOUN", "VERB", "PROPN", "PART", "NOUN", "PUNCT"],
        lemmas=["trump", "avoid", "condemn", "Russia", "'s", "invasion", "."],
    )
    assert act_status(doc[2]).negated


def test_the_pronoun_of_reported_speech_is_its_speaker_not_the_last_person_named() -> None:
    # "Trump" opening the second sentence is tagged as a verb, so the speaker is not resolved; "he" is
    # still Trump, never Cruz, whom the article named last.
    text = (
        "Senator Ted Cruz praised Donald Trump on Friday. "
        "Trump this week also said he would consider imposing sanctions on Venezuela."
    )
    article = Article(text=text, outlet="Test Daily", published=datetime(2016, 9, 26))
    events = analyze_article(article, parse(text)).events
    assert [e for e in events if e.source.name == "Ted Cruz"]  # the first sentence's act
    assert not [e for e in events if "consider" in e.rule and "Cruz" in e.source.name]


def test_a_first_person_hope_or_opinion_makes_the_act_a_guess() -> None:
    for text in (
        'I hope next year Japan says, "Thank you for your service."',  # "I hope" hung below "says"
        "Japan, I believe, will agree to talks with Chile.",
        "I think Russia attacked Georgia in 2008.",
    ):
        events = code(text)
        assert events and all(e.status == "hypothetical" for e in events), (text, events)
    # Someone else's act stays what it is.
    assert [e for e in code("Russia attacked Georgia in 2008.") if e.status == "happened"]


def test_a_quoted_hope_does_not_make_its_saying_a_guess() -> None:
    doc = parse('"We hope to meet again soon," the Japanese foreign minister said.')
    said = next(t for t in doc if t.lower_ == "said")
    assert act_status(said).status == "happened"


def test_a_reason_for_what_is_done_to_someone_is_that_someone_s_act() -> None:
    events = code(
        "The committee voted to hold John Smith, a former aide to the mayor, in contempt of the legislature "
        "for refusing to testify about the contracts."
    )
    refusals = roots(events, "12")
    assert refusals and all(e.source.name == "John Smith" for e in refusals)
    drills = roots(code("China criticised Japan for holding military drills near Taiwan."), "15")
    assert drills and drills[0].source.code == "JPN"


def test_a_country_s_group_as_the_object_is_the_target() -> None:
    # "media" lemmatises to "medium": the role is read from the word as written too
    found = roots(code("President Obama blasted the American media on Monday."), "11")
    assert found and found[0].target is not None and found[0].target.code == "USAMED"


def test_the_aside_check_ends_at_the_root() -> None:
    # A condemning statement whose words sit outside any apposition: the walk up the parse must stop at
    # the root (it once compared Token objects by identity and never ended).
    events = code('Japan said North Korea\'s missile test was "a grave violation of the resolutions."')
    assert [e for e in events if e.cameo.startswith("11")]  # critical content makes criticism


def test_a_photo_gallery_strip_is_not_reporting() -> None:
    # Invented captions in the shape web-page text dumps carry: credit, counter, caption.
    gallery = (
        "The minister opened the exhibition on Monday. Getty Images 3/12 Japanese police arrest Chinese "
        "activists in Tokyo AP 4/12 Russia and China hold talks in Moscow Reuters 5/12 Protesters march"
    )
    assert not code(gallery)
    # The same words as plain prose are coded.
    assert code("Japanese police arrested Chinese activists in Tokyo on Monday.")
