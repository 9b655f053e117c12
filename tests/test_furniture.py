"""Page furniture inside article text (nlp/furniture.py): captions, credits, galleries, related links,
embedded tweets, share chrome, repeated bylines, bios. Sentences written for these tests."""

from __future__ import annotations

from crosswire.nlp.furniture import furniture_spans
from crosswire.nlp.runtime import parse
from test_events_extract import code


def furniture(text: str) -> list[str]:
    return [text[s:e] for s, e in furniture_spans(parse(text))]


def covered(text: str, words: str) -> bool:
    start = text.index(words)
    return any(s <= start and start + len(words) <= e for s, e in furniture_spans(parse(text)))


def test_plain_reporting_has_no_furniture() -> None:
    text = (
        "WASHINGTON (Reuters) - Chile's foreign minister met his Peruvian counterpart on Monday. "
        "The two men agreed to resume talks, an official told AP. Related talks will follow in May."
    )
    assert furniture(text) == []


def test_a_dateline_agency_is_no_credit() -> None:
    assert furniture("LIMA (AP) — Peru recalled its ambassador to Chile on Friday.") == []


def test_image_captions_run_to_where_the_story_resumes() -> None:
    text = (
        "Image copyright AFP Image caption Farmers marched on the ministry in Lima last week "
        "The government of Peru expelled two Chilean diplomats on Monday."
    )
    assert covered(text, "Farmers marched on the ministry")
    assert not covered(text, "expelled two Chilean diplomats")
    events = code(text)
    assert not [e for e in events if e.cameo.startswith("14")]  # no protest from the caption
    assert [e for e in events if e.source.code and e.source.code.startswith("PER")]


def test_a_gallery_strip_with_counters_is_furniture() -> None:
    text = (
        "The minister opened the fair. EPA 12 Protesters besiege the embassy of Chile in Lima "
        "Getty Images 12 Police arrest a student near the palace Not known 12 Soldiers clash with "
        "farmers in the north of Peru. Talks resume next week."
    )
    assert covered(text, "Protesters besiege the embassy")
    assert covered(text, "Soldiers clash with farmers")
    assert not covered(text, "The minister opened the fair")
    events = code(text)
    assert not [e for e in events if e.cameo[:2] in ("14", "17", "19")]


def test_a_trailing_photo_credit_takes_its_caption() -> None:
    text = (
        "Peru's president Ana Ruiz (Photo: Jane Roe, Getty Images) LIMA -- In a surprise move, Peru "
        "expelled Chile's ambassador on Monday. Protesters outside the embassy. (John Doe/Reuters)"
    )
    assert covered(text, "Peru's president Ana Ruiz")
    assert covered(text, "(John Doe/Reuters)")
    assert not covered(text, "Peru expelled")
    events = code(text)
    assert not [e for e in events if "Getty" in (e.source.name or "")]


def test_an_embedded_tweet_is_not_the_reporter_acting() -> None:
    text = (
        "The senator criticized the plan on Monday. We will fight this bill in every county. "
        "#NoBill pic.twitter.com/Ab12Cd -- Jane Roe (@janeroe) March 3, 2017 The bill passed on Tuesday."
    )
    assert covered(text, "We will fight this bill")
    assert covered(text, "(@janeroe) March 3, 2017")
    assert not covered(text, "The senator criticized the plan")
    assert not covered(text, "The bill passed")


def test_tweet_markup_is_furniture() -> None:
    text = (
        'The governor spoke on Friday. <tweet id="1" author="@someone">Shame on the governor for '
        "attacking teachers</tweet> The union will meet on Monday."
    )
    assert covered(text, "Shame on the governor")
    assert not covered(text, "The union will meet")


def test_share_chrome_related_links_and_bylines() -> None:
    text = (
        "Click to share on Twitter (Opens in new window) By Jane Roe and John Doe LIMA, May 3 (Reuters) - "
        "Peru recalled its envoy. Related stories ARMY ON ALERT Chile warns Peru over border "
        "dispute. Follow Jane Roe on Twitter @janeroe."
    )
    for words in (
        "Click to share on Twitter (Opens in new window)",
        "By Jane Roe and John Doe",
        "Chile warns Peru",
        "Follow Jane Roe on Twitter",
    ):
        assert covered(text, words), words
    assert not covered(text, "Peru recalled its envoy")
    events = code(text)
    assert not [e for e in events if e.source.code and e.source.code.startswith("CHL")]


def test_a_closing_bio_is_furniture_but_not_in_the_middle() -> None:
    text = (
        "The senator criticized the plan. Jane Roe is a senior reporter for the Daily Planet. "
        "Follow her on Twitter at @janeroe."
    )
    assert covered(text, "Jane Roe is a senior reporter")
    assert covered(text, "Follow her on Twitter")
    assert not covered(text, "The senator criticized")


def test_a_credit_alone_is_furniture() -> None:
    text = "The senator criticized the plan.\n\nGetty.\n\nThe governor defended it."
    assert covered(text, "Getty.")
    assert not covered(text, "The governor defended it")


def test_line_structure_bounds_captions_and_link_headlines() -> None:
    text = (
        "Peru Recalls Envoy After Border Clash\n\n"
        "President Ana Ruiz at the palace in Lima.CreditJane Roe/Reuters\n\n"
        "LIMA — Peru recalled its ambassador to Chile on Monday.\n\n"
        "Related:\n\nChile Condemns Peru Over Border Clash\n\n"
        "Chile's foreign minister met the Peruvian envoy on Tuesday."
    )
    assert covered(text, "President Ana Ruiz at the palace")
    assert covered(text, "Chile Condemns Peru")
    assert not covered(text, "Peru Recalls Envoy")  # the headline is the story's own
    assert not covered(text, "Peru recalled its ambassador")
    assert not covered(text, "Chile's foreign minister met")


def test_an_actor_named_only_in_furniture_is_no_actor() -> None:
    from crosswire.model import Article
    from crosswire.nlp.actors import extract_actors

    text = (
        "Peru's president Ana Ruiz (Photo: Jane Roe, Getty Images) LIMA -- In a surprise move, Peru "
        "expelled Chile's ambassador on Monday. Image copyright AFP Image caption Farmers marched with "
        "Luis Soto in Lima last week The ministry said the talks would resume."
    )
    names = {a.name for a in extract_actors(Article(text=text, outlet="Test Daily"), parse(text))}
    assert not names & {"Jane Roe", "Getty Images", "AFP", "Luis Soto"}
    assert "Peru" in names


def test_a_caption_told_by_where_people_stand_is_furniture() -> None:
    text = (
        "The finance minister said the budget would pass this week. "
        "The vote was delayed on Tuesday afternoon Chilean Foreign Minister Ana Ruiz (left) meets with Peru's foreign "
        "minister Luis Soto at the palace in Lima as aides look on. "
        "Peru expelled two Chilean diplomats on Monday."
    )
    assert covered(text, "Ana Ruiz (left) meets with Peru's foreign minister Luis Soto")
    assert not covered(text, "The vote was delayed")  # the story's words before the run-on caption stay
    assert not covered(text, "The finance minister said")
    assert not covered(text, "Peru expelled two Chilean diplomats")
    assert not [e for e in code(text) if e.cameo.startswith("04")]  # no meeting from the caption


def test_posing_for_photographers_and_left_to_right_are_captions() -> None:
    text = (
        "Peru's president and Chile's president pose for photographers after talks in Lima on May 2. "
        "Peru expelled two Chilean diplomats on Monday."
    )
    assert covered(text, "pose for photographers after talks in Lima")
    assert not covered(text, "Peru expelled")
    assert covered(
        "(L-R) Ana Ruiz and Luis Soto shake hands in Lima. Peru recalled its envoy.", "shake hands"
    )
    # prose past tense is no caption
    assert furniture("The candidate shook hands and posed for photos with workers in Reno.") == []
