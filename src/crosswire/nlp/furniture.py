"""Page furniture inside an article's text: what a web page shows around the story, not the story.

Text dumps of web pages (and JSON records scraped from them) keep, inline and often without line breaks,
photo captions and credits ("Image copyright AP Image caption ...", "(Photo: Jane Roe, Getty Images)",
gallery strips "Getty 4/19 <caption> Getty 5/19 ..."), related-link headlines ("Related stories ..."),
embedded tweets ("... pic.twitter.com/x -- Jane Roe (@jroe) November 10, 2016", `<tweet ...>...</tweet>`),
share and subscribe chrome ("Click to share on Twitter (Opens in new window)", "+ Subscribe"), video
player chrome ("Skip Ad", "Buy Photo"), bylines repeated inside the body and the authors' bios at the end.
Their words read like news ("co-hosted a launch", "marched to the site") and their credits like actors
("Getty Images", "EPA"), so the coders must not read them as reporting.

`furniture_spans(doc)` gives their character spans; `furniture_tokens(doc)` the indices of the tokens
inside them (cached on the Doc). The article text itself is left whole (offsets, quotes and the stored
body stay as ingested); consumers that code acts skip these tokens.

How far a piece of furniture reaches:
- a caption or link list opened by a marker ("Image caption", "Media caption", "Getty Images 22",
  "EPA 3/19", "Related stories") runs from the marker to the end of its sentence, and on through the
  following sentences while the one before ends without terminal punctuation (captions carry none, so
  the parser often splits them at a capitalised word);
- a credit that closes a caption ("(Photo: ...)", "(Jane Roe/Reuters)", "Jane Roe/The Washington Post")
  reaches back over the unpunctuated words before it, to the last sentence end;
- an embedded tweet's signature ("-- Name (@handle) Month D, YYYY") or link (pic.twitter.com) reaches
  back to the start of its sentence (the tweet's text);
- a caption told by where its people stand ("(left)", "(L-R)") or that they pose for photographers is its
  parsed sentence, and on while that runs without terminal punctuation;
- chrome, bylines and timestamps cover their own words only.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

from spacy.tokens import Doc

from crosswire.nlp.runtime import doc_text

_KEY = "crosswire.furniture"
_SPANS_KEY = "crosswire.furniture_spans"

# Photo agencies and outlets that credit pictures.
_AGENCY = (
    r"(?:Getty(?: Images)?|GETTY(?: IMAGES)?|AP(?::Associated Press)?|Associated Press|AFP(?:/Getty Images)?|"
    r"EPA(?:-EFE)?|Reuters|REUTERS|Rex(?: Features)?|REX|Shutterstock|PA(?::Press Association| Wire)?|"
    r"Press Association|Bloomberg|Polaris|Sipa|NurPhoto|Zuma(?: Press)?|Corbis|Alamy|Splash News|"
    r"The White House|The Washington Post|For The Washington Post|The New York Times|USA TODAY|Xinhua)"
)
_NAME = r"(?:[A-Z][\w'’.-]+ ){0,3}[A-Z][\w'’-]+"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"

# Markers that open a caption or a list of other headlines: the furniture runs to the next sentence end.
_LEADING = re.compile(
    r"\b(?:Image|Media|Video|Photo) (?:copyright|caption|source)\b"
    # a gallery counter after a credit: "Getty Images 3/8", "EPA 18 Trump shares ...", "AP:Associated Press 18"
    rf"|(?<![\w-]){_AGENCY}\s+\d{{1,3}}(?:/\d{{1,3}})?(?=\s+[A-Z'‘\"“])"
    r"|\b(?:In pictures|In photos) \d{1,3}/\d{1,3}\b"
    r"|(?:^|(?<=[\s.!?\"”]))(?:[Rr]elated (?:stories|articles|coverage|links)|RELATED(?: STORIES)?:|Related:|"
    r"READ MORE:|Read [Mm]ore:|MORE:|SEE ALSO:|See [Aa]lso:|Also [Rr]ead:|Recommended:|More on this story)"
)
# Words only a photo caption uses: where someone stands in the picture ("Jane Roe (left) and John Doe arrive
# ...", "(L-R) Jane Roe, John Doe"), people posing for the camera in the caption's present tense. The caption
# is their whole parsed sentence, and on while it runs without a full stop.
_IN_PICTURE = re.compile(
    r"\((?:(?:far|second|third|back|front|top|bottom|pictured|seen|standing|sitting|centre|center)[ -])?"
    r"(?:left|right|centre|center)\)|\((?:L-R|L to R|left to right|from left|clockwise from (?:top )?left)\)"
    r"|\b(?:pose|poses) for (?:photographers|photos|pictures|a photo|a picture|the cameras?)\b"
)
_GALLERY_COUNTER = re.compile(rf"(?<![\w-]){_AGENCY}\s+(\d{{1,3}})(?=\s+[A-Z'‘\"“])")
# Credits that close a caption: the furniture reaches back over the caption's unpunctuated words.
_TRAILING = re.compile(
    r"\.?Credit(?=[A-Z])[^\n.]{0,60}|"
    r"\((?:Photos?|Photograph|Image|Picture|Credit|Video)(?: by)?\s*:?\s*[^()]{1,80}\)"
    rf"|\({_NAME}(?:,| for| via)? ?/ ?{_AGENCY}\)"
    rf"|(?<=[\s.])\({_AGENCY}\)(?!\s*(?:--|[-–—]))"
    rf"|(?<=[a-z.] ){_NAME}/{_AGENCY}(?=\s|$)"
)
# An embedded tweet: its signature or picture link; the tweet's text is the sentence before it.
_TWEET = re.compile(
    rf"(?:--|[-–—])\s*[^()\n]{{1,60}}\(@\w{{1,15}}\)\s+{_MONTH} \d{{1,2}},? \d{{4}}"
    r"|\bpic\.twitter\.com/\w+"
)
_TAGS_ONLY = re.compile(r"\s*(?:(?:[#@]\w+|https?://\S+)\s*)*")  # what may open a tweet's last line
_TWEET_ELEMENT = re.compile(
    r"<tweet\b[^>]{0,300}>.{0,1500}?(?:</tweet>|<tweet\s*/>)|<tweet\b[^>]{0,300}/?>", re.S
)
# Chrome and metadata that cover their own words only.
_OWN = re.compile(
    r"Click to share on \w+(?: \(Opens in new window\))?|\(Opens in new window\)"
    r"|\bSkip Ad\b|\bAd Loading\.*|\bx Embed x Share\b|\bReplay(?= Autoplay)|\bAutoplay\b|\bBuy Photo\b"
    r"|\bView Photos\b|\bWait \d+ seconds? to continue\.?|Media playback is unsupported on your device"
    r"|Get daily updates directly to your inbox|\+ Subscribe\b|Thank you for subscribing!?"
    r"|Could not subscribe, try again later|\bInvalid Email\b"
    r"|(?:^|(?<=[\s.!?\"”]))(?:Sign up for|Subscribe to|Subscribe here|Want more updates from)[^.!?]{0,120}[.!?]?"
    r"|(?:^|(?<=[\s.!?\"”]))Follow (?:him|her|us|them|@\w+|"
    + _NAME
    + r") on (?:Twitter|Facebook|Instagram)[^.!?]{0,60}[.!?]?"
    # a byline repeated inside the body, before a capitalised dateline: "By Jane Roe and John Doe WASHINGTON,"
    rf"|(?:^|(?<=[\s.!?\"”]))By {_NAME}(?:(?:,| and) {_NAME}){{0,3}}(?= [A-Z]{{3,}}\b)"
    # timestamps: "Updated 3:45 p.m. ET", "Published: 12:01 EST, 6 November 2016"
    r"|\b(?:Updated|Published|Posted|Last (?:updated|modified))\s*:?\s*(?:\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?"
    r"(?:,?\s*(?:\d{1,2} \w+ \d{4}|\w+ \d{1,2},? \d{4}))?|\d{1,2} \w+ \d{4}|" + _MONTH + r" \d{1,2},? \d{4})"
)
# A credit alone as a sentence ("Getty.", "AP Photo/Jane Roe").
_CREDIT_SENTENCE = re.compile(rf"\s*(?:{_AGENCY}|AP Photo(?:/{_NAME})?|Photo: .{{1,60}})\W*\s*")
# An author's bio closing the article: "Jane Roe is a reporter for the Daily Planet."
_BIO = re.compile(
    rf"\s*{_NAME} (?:is|was) (?:a|an|the) (?:[\w-]+ ){{0,4}}(?:reporter|correspondent|writer|editor|columnist|"
    r"contributor|co-host|host|producer|journalist|blogger)\b",
    re.IGNORECASE,
)
BIO_SENTENCES = 4  # bios close the article: only its last sentences are looked at
_TERMINAL = tuple(".!?\"”’'")


def furniture_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans (start, end) of page furniture in `doc`'s text, sorted and merged."""
    text = doc_text(doc)
    if not text:
        return []
    sents = list(doc.sents)
    starts = [s.start_char for s in sents]
    spans: list[tuple[int, int]] = []

    def sent_at(char: int) -> int:
        k = bisect_left(starts, char + 1) - 1
        return max(k, 0)

    def ends_sentence(k: int) -> bool:
        # a full stop, or the end of a line: a caption or headline on its own line ends with it
        end = sents[k].end_char
        return sents[k].text.rstrip().endswith(_TERMINAL) or "\n" in text[end - 1 : end + 2]

    leading = [m.start() for m in _LEADING.finditer(text)]
    # a gallery's counter ("22") follows every credit, also those not in the list ("Not known 22")
    seen = Counter(m.group(1) for m in _GALLERY_COUNTER.finditer(text))
    for counter in (c for c, n in seen.items() if n >= 2):
        pattern = rf"[\w:.] ({counter})(?= [A-Z'‘\"“])"
        leading += [m.start(1) for m in re.finditer(pattern, text)]
    for begin in sorted(set(leading)):
        k = sent_at(begin)
        if k + 1 < len(sents) and len(text[begin : sents[k].end_char].strip()) <= 24 and ends_sentence(k):
            k += 1  # a label alone ("Related:"): the headline it introduces follows
        while k + 1 < len(sents) and not ends_sentence(k):
            k += 1
        spans.append((begin, _caption_end(doc, begin, sents[k].end_char)))
    for m in _IN_PICTURE.finditer(text):
        k = first = sent_at(m.start())
        while k + 1 < len(sents) and not ends_sentence(k):
            k += 1
        end = sents[k].end_char if k == first else _caption_end(doc, m.start(), sents[k].end_char)
        begin = _caption_start(doc, sents[first].start_char, m.start())
        spans.append((begin, max(end, sents[first].end_char)))
    for m in _TRAILING.finditer(text):
        k = sent_at(m.start())
        start = sents[k].start_char
        # the caption's words before the credit: back to the last sentence end before it
        before = text[start : m.start()]
        line = before.rfind("\n")
        cut = max(before.rfind(p) for p in (". ", "! ", "? ", '." ', ".” "))
        cut = max(cut + 2 if cut >= 0 else 0, line + 1)
        if m.group().startswith((".Credit", "Credit")):
            cut = line + 1  # "...at the Capitol.CreditJane Roe/Reuters": the caption is its line
        if cut > 0 or line >= 0:
            start += cut
        else:
            while k > 0 and not ends_sentence(k - 1):
                k -= 1
            start = sents[k].start_char
        spans.append((start, m.end()))
    for m in _TWEET.finditer(text):
        k = sent_at(m.start())
        if k > 0 and _TAGS_ONLY.fullmatch(text[sents[k].start_char : m.start()]):
            k -= 1  # the link or signature opens a parsed sentence: the tweet is the one before
        spans.append((sents[k].start_char, m.end()))
    spans += [(m.start(), m.end()) for m in _TWEET_ELEMENT.finditer(text)]
    spans += [(m.start(), m.end()) for m in _OWN.finditer(text)]
    for k, sent in enumerate(sents):
        if _CREDIT_SENTENCE.fullmatch(sent.text) or (
            k >= len(sents) - BIO_SENTENCES and _BIO.match(sent.text)
        ):
            spans.append((sent.start_char, sent.end_char))
    return _merge(spans)


def _caption_end(doc: Doc, begin: int, end: int) -> int:
    """Where a caption opened at `begin` gives way to the story inside one parsed sentence: at a
    capitalised word that is no name, straight after a lower-case word ("... over 100 hours A Chinese boy
    ...", "... election day According to US media ..."): captions carry no full stop."""
    span = doc.char_span(begin, end, alignment_mode="expand")
    if span is None:
        return end
    for tok in span[6:]:  # the marker, then a few words of caption
        prev = doc[tok.i - 1]
        if (
            tok.is_title
            and tok.pos_ not in ("PROPN", "NUM")
            and tok.text != "I"
            and prev.is_lower
            and prev.is_alpha
        ):
            return tok.idx
    return end


def _caption_start(doc: Doc, start: int, marker: int) -> int:
    """Where a caption told by `marker` begins inside its parsed sentence (from `start`): at the last
    capitalised word before the marker straight after a lower-case content word ("... on Wednesday
    afternoon Senate Majority Leader Jane Roe (center) met ..."), the story's sentence running into the
    caption's; else the sentence's start."""
    span = doc.char_span(start, marker, alignment_mode="expand")
    if span is None:
        return start
    for tok in reversed(span[1:]):
        prev = doc[tok.i - 1]
        if (
            (tok.is_title or tok.is_upper)
            and tok.text != "I"
            and prev.is_lower
            and prev.is_alpha
            and prev.pos_ in ("NOUN", "ADJ", "ADV", "NUM")
        ):
            return tok.idx
    return start


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def in_furniture(doc: Doc, start: int, end: int) -> bool:
    """Whether the characters [start, end) lie wholly inside page furniture."""
    spans = doc.user_data.get(_SPANS_KEY)
    if spans is None:
        spans = doc.user_data[_SPANS_KEY] = furniture_spans(doc)
    k = bisect_left(spans, (start + 1,)) - 1
    return k >= 0 and spans[k][0] <= start and end <= spans[k][1]


def furniture_tokens(doc: Doc) -> frozenset[int]:
    """Indices of the tokens that lie in page furniture (cached on the Doc)."""
    cached = doc.user_data.get(_KEY)
    if cached is None:
        spans = doc.user_data.get(_SPANS_KEY)
        if spans is None:
            spans = doc.user_data[_SPANS_KEY] = furniture_spans(doc)
        cached = frozenset(
            tok.i
            for start, end in spans
            for tok in (doc.char_span(start, end, alignment_mode="expand") or ())
        )
        doc.user_data[_KEY] = cached
    return cached
