"""What one line of a copy-pasted news page is: boilerplate, byline, role, label, caption, or text.

Pages copied from a browser keep the site's chrome around the article: navigation ("Go to
contents"), share buttons, "Most viewed articles" boxes, contact and copyright lines, photo
captions (often twice: alt text and caption). Each test below is named after the case it exists for
and looks at one line (or its neighbours) only, so `text.py` can stay a simple pass over the page.
"""

from __future__ import annotations

import re

from crosswire.knowledge.sources import SourceRegistry

# ---------------------------------------------------------------- boilerplate

# Whole-line patterns (matched case-insensitively against a line without bullets and trailing
# punctuation). Each is site chrome seen in real page dumps; a body sentence never looks like this.
BOILERPLATE_PATTERNS = [
    r"go to (?:the )?(?:contents?|main content|top|homepage)",  # Korean sites' skip link
    r"skip (?:to|navigation)\b.*",
    r"(?:main )?menu|navigation|toggle navigation|search|home|close|loading\W*|more|back",
    r"(?:sign|log) (?:in|up|out)\b.*|sign ?up\b.*|subscribe\b.*|subscription\b.*|become a (?:member|subscriber)\b.*",
    r"(?:most|top) (?:viewed|read|popular|shared|emailed|commented)(?: articles?| stories| news)?(?: .{0,20})?",
    r"most popular|related (?:articles?|stories|news|content|topics|coverage|links)",
    r"(?:recommended|suggested)(?: for you| articles?| stories| reading)?|editor'?s picks?",
    r"(?:more|latest|top|trending|breaking) (?:news|stories|headlines|articles)\b.*|trending(?: now)?",
    r"(?:you|we think you) (?:may|might) (?:also )?(?:like|enjoy)\b.*",
    r"(?:read|see|view) (?:more|all|full story|comments?)\b.*|(?:also read|read also|see also|more on this)\s*[:|-].*",
    r"(?:continue|keep) reading\b.*|click here\b.*|scroll (?:down|to continue)\b.*",
    r"advertisement|advertising|ad|ads|sponsored(?: content)?|promoted(?: content)?|partner content",
    r"button that moves? to (?:the )?original\b.*",  # Hankyoreh: link to the Korean original
    r"please direct (?:your )?(?:comments?|questions?|inquiries|feedback)\b.*",  # Hankyoreh contact line
    r"(?:for|send|direct) (?:your )?(?:comments?|questions?|tips|inquiries|corrections|feedback) (?:to|at)\b.*",
    r"(?:contact|e-?mail|write to)(?: us| the (?:author|writer|reporter|editor|desk))?\s*(?:at|:)?\s*\S+@\S+.*",
    r".*\ball rights reserved\b.*|(?:©|\(c\)|copyright)(?:\W.*)?|unauthorized reproduction\b.*",
    r"(?:terms of (?:use|service)|privacy policy|cookie (?:policy|settings)|accessibility|about us|contact us|site ?map)\b.*",
    r"back to (?:top|home)|top of (?:the )?page|(?:previous|next|prev) (?:article|story|page|post)\b.*",
    r"\d+\s+comments?|comments?\s*(?:\(\d+\))?|(?:show|hide|view) comments",
    r"listen to (?:this )?(?:article|story)\b.*|(?:font|text) size\b.*|reprints?(?: (?:and|&) permissions)?",
    r"(?:get|download) (?:the|our) (?:\w+ )?(?:app|newsletter)\b.*|(?:join|subscribe to) (?:our|the) newsletter\b.*",
    r"follow (?:us|[\w.]+(?: [\w.]+){0,3}) on (?:twitter|x|facebook|instagram|telegram|youtube|linkedin)\b.*",
    r"(?:tags?|topics?|keywords?|filed under)\s*:.*",
    r"(?:hide|show|toggle) caption|enlarge (?:this )?(?:image|photo)|view (?:image|photo|gallery)|photo gallery",
    r"image \d+ of \d+|\d+ of \d+|image|photo|video|graphic|audio",  # placeholders left by media
    r"\(end\)|\(end of story\)|-+\s*end\s*-+|#{3}|\(\s*\w{1,4}\s*\)",  # wire end marks, reporters' initials
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",  # a bare address: the reporter's or desk's contact
    r"a version of this article appears in print\b.*|this (?:article|story) (?:appeared|was published) in (?:print|the print edition)\b.*",
]
_BOILERPLATE = re.compile("|".join(f"(?:{p})" for p in BOILERPLATE_PATTERNS), re.IGNORECASE)
# Share-button rows: "Facebook Twitter Print", "Share", "KakaoTalk Line Copy URL".
_SHARE_WORDS = {
    "share",
    "print",
    "email",
    "e-mail",
    "mail",
    "facebook",
    "twitter",
    "x",
    "kakaotalk",
    "kakao",
    "kakaostory",
    "line",
    "band",
    "naver",
    "linkedin",
    "whatsapp",
    "telegram",
    "reddit",
    "pinterest",
    "tumblr",
    "copy",
    "link",
    "url",
    "tweet",
    "save",
    "bookmark",
    "font",
    "a+",
    "a-",
    "+",
    "-",
    "messenger",
    "weibo",
    "wechat",
    "sms",
    "flipboard",
    "gift",
    "article",
    "this",
    "comment",
    "comments",
    "|",
    "/",
    "·",
}
# Boxes whose following lines are a list of other headlines: drop those too.
_LIST_MARKER = re.compile(
    r"^(?:(?:most|top) (?:viewed|read|popular|shared|emailed|commented)\b.*|most popular|"
    r"related (?:articles?|stories|news|content|coverage)|(?:recommended|suggested)\b.*|"
    r"(?:more|latest|top|trending) (?:news|stories|headlines|articles|from)\b.*|trending(?: now)?|"
    r"(?:you|we think you) (?:may|might) (?:also )?(?:like|enjoy)\b.*|editor'?s picks?|(?:also read|see also|more on this story))\W*$",
    re.IGNORECASE,
)
# Bullets and separators around a line: "• Most viewed", "Share |". str.strip with these characters
# does what the regex ^[\s•·▶►▷>»\-–—*|]+|[\s:|>»·•]+$ would, without a regex pass over every line.
_WHITESPACE = "".join(chr(c) for c in range(0x3001) if chr(c).isspace())  # what \s matches
_LEADING_BULLETS = _WHITESPACE + "•·▶►▷>»-–—*|"
_TRAILING_BULLETS = _WHITESPACE + ":|>»·•"


def strip_bullets(line: str) -> str:
    return line.lstrip(_LEADING_BULLETS).rstrip(_TRAILING_BULLETS)


EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL_LINE = re.compile(
    r"^(?:(?:source|url|link|original(?: article)?|permalink|read (?:it|more|the original) (?:at|on))\s*[:：]?\s*)?"
    r"(?P<url>https?://\S+|www\.\S+\.\S+)$",
    re.IGNORECASE,
)
MAX_BOILERPLATE_WORDS = 20  # body paragraphs are longer; copyright and contact lines are exempt


def _may_be_long(line: str) -> bool:
    # Contact, copyright and print-edition notes run long; other chrome is short.
    low = line.lower()
    return "@" in line or "rights reserved" in low or "appears in print" in low


def is_boilerplate(line: str) -> bool:
    if len(line) > 160 and not _may_be_long(line):
        return False  # a body paragraph: skip the patterns (this runs on every line)
    stripped = strip_bullets(line).strip()
    if not stripped:
        return False
    words = stripped.split()
    if not stripped.endswith(".") and all(w.lower().strip(",:") in _SHARE_WORDS for w in words):
        return True
    if len(words) > MAX_BOILERPLATE_WORDS and not _may_be_long(stripped):
        return False
    return _BOILERPLATE.fullmatch(stripped.rstrip(".!")) is not None


def is_list_marker(line: str) -> bool:
    return _LIST_MARKER.match(strip_bullets(line).strip()) is not None


TERMINAL = tuple(".!?\"”’')…:;")


def is_link_like(line: str) -> bool:
    """A line in a list of other headlines: short, no sentence ending."""
    return len(line.split()) <= 20 and not line.rstrip().endswith((".", "!", "。"))


# ---------------------------------------------------------------- bylines and roles

_EMPTY_BRACKETS = re.compile(r"[(\[<]\s*[)\]>]")
_BYLINE = re.compile(
    r"^(?:written |reporting |reported |story |text )?by[\s:]+(?P<rest>\S.*)$", re.IGNORECASE
)
_NAME_TOKEN = re.compile(
    r"^(?:[A-Z][\w'’.-]*|[A-Z]\.|(?:de|da|del|van|von|der|den|bin|binti|al|el|la|le|du|di|dos|das|ter|y))$"
)
_ROLE_WORDS = re.compile(
    r"\b(?:reporters?|writers?|correspondents?|editors?|columnist|contributor|journalists?|analyst|staff|"
    r"bureau|chief|fellow|professor|researcher|director|producer|commentator|anchor|intern|contributing|"
    r"special to|desk|news agency|agency)\b",
    re.IGNORECASE,
)


def _split_names(segment: str) -> list[str] | None:
    """["Jane Doe", "John Roe"] from "Jane Doe and John Roe"; None when a part is not a person's name."""
    names = [n.strip() for n in re.split(r"\s+(?:and|&)\s+", segment) if n.strip()]
    for name in names:
        tokens = name.split()
        capitalised = sum(1 for t in tokens if t[:1].isupper())
        if not 2 <= len(tokens) <= 5 or capitalised < 2 or not all(_NAME_TOKEN.match(t) for t in tokens):
            return None
    return names or None


# Words that make "Meridian Wire" or "Korea Times" an organisation, not a person.
_ORGANISATION = re.compile(
    r"\b(?:wire|news|agency|press|times|post|daily|herald|journal|service|network|media|radio|tv|"
    r"television|tribune|gazette|bureau|institute|university|ministry|staff|desk|reuters|bloomberg)\b",
    re.IGNORECASE,
)


def parse_byline(
    line: str, sources: SourceRegistry | None = None
) -> tuple[list[str], str | None, list[str]] | None:
    """(authors, role, e-mails) from "By Kim Ji-eun, staff reporter" / "By Jane Doe and John Roe, Reuters".

    None when the line is not a byline ("By contrast, the North ..." fails the name test).
    """
    stripped = line.strip()
    m = _BYLINE.match(stripped)
    if m is None or len(stripped.split()) > 16 or stripped.endswith(("?", "!")):
        return None
    rest = m.group("rest")
    emails = EMAIL.findall(rest)
    rest = _EMPTY_BRACKETS.sub(" ", EMAIL.sub(" ", rest)).strip(" ,|-–—.")
    segments = [s.strip() for s in re.split(r"\s*(?:,|\||;|—|–|\s-\s)\s*", rest) if s.strip()]
    authors: list[str] = []
    role_parts: list[str] = []
    for segment in segments:
        is_organisation = _ORGANISATION.search(segment) or (sources and sources.by_name(segment))
        names = None if role_parts or is_organisation else _split_names(segment)
        if names:
            authors.extend(names)
        else:
            role_parts.append(segment)
    if not authors:
        return None
    role = ", ".join(role_parts) or None
    if role and not (_ROLE_WORDS.search(role) or len(role.split()) <= 4):
        return None  # "By Kim Jong Un's order, the North ..." is a sentence, not a byline
    return authors, role, emails


def is_role_line(line: str) -> bool:
    """ "Contributing Writer", "Staff Reporter", "Seoul Correspondent": a byline's second line."""
    stripped = line.strip()
    return (
        0 < len(stripped.split()) <= 8
        and not stripped.endswith((".", "?", "!", '"', "”"))
        and _ROLE_WORDS.search(stripped) is not None
    )


def is_author_bio(paragraph: str, authors: list[str]) -> bool:
    """The closing note about the writer ("Michael MacArthur Bosack is the special adviser ...").

    Only a paragraph that opens with a byline author's name (or "The writer is ...") counts: that
    is certainly about the writer, not the story, so it is kept out of the body.
    """
    low = paragraph.casefold()
    if re.match(r"^(?:the (?:writer|author|columnist)s? (?:is|are|was|were)\b|the views expressed\b)", low):
        return True
    for author in authors:
        name = author.casefold()
        if low.startswith(name) and re.match(
            r"^(?:\s+(?:is|was|has|teaches|writes)\b|,\s+(?:a|an|the)\b)", low[len(name) :]
        ):
            return True
    return False


# ---------------------------------------------------------------- labels, kickers, genre

GENRE_LABELS = {
    "news analysis": "analysis",
    "analysis": "analysis",
    "explainer": "analysis",
    "news focus": "analysis",
    "editorial": "editorial",
    "editorials": "editorial",
    "our view": "editorial",
    "leader": "editorial",
    "opinion": "opinion",
    "op-ed": "opinion",
    "oped": "opinion",
    "op ed": "opinion",
    "column": "opinion",
    "columns": "opinion",
    "viewpoint": "opinion",
    "perspective": "opinion",
    "letters": "opinion",
    "letter to the editor": "opinion",
    "guest column": "opinion",
    "commentary": "commentary",
    "comment": "commentary",
    "interview": "interview",
    "q&a": "interview",
    "news": "news",
}
_LABEL_PREFIX = re.compile(r"^\s*[\[【〔(](?P<label>[^\]】〕)]{2,40})[\]】〕)]\s*(?P<rest>\S.*)$")
_GENRE_PREFIX = re.compile(
    r"^(?P<label>news analysis|analysis|editorial|opinion|op-ed|commentary|column|interview|viewpoint)\s*[:|]\s*(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_KICKER = re.compile(r"^[\w&'’.-]+(?: [\w&'’.-]+){0,3}(?:\s*[/|>»›·]\s*[\w&'’.-]+(?: [\w&'’.-]+){0,3})+$")


def genre_of_label(label: str) -> str | None:
    key = " ".join(re.sub(r"[^\w&'-]+", " ", label.casefold()).split())
    return GENRE_LABELS.get(key)


def split_label(line: str) -> tuple[str | None, str]:
    """("News analysis", "NK shifts ...") from "[News analysis] NK shifts ..."; (None, line) otherwise."""
    m = _LABEL_PREFIX.match(line) or _GENRE_PREFIX.match(line)
    if m is None:
        return None, line
    return m.group("label").strip(), m.group("rest").strip()


def kicker_genre(line: str) -> tuple[bool, str | None]:
    """(is a kicker, genre) for a section line such as "Commentary / World" or a bare "Editorial"."""
    stripped = line.strip()
    genre = genre_of_label(stripped)
    if genre:
        return True, genre
    if _KICKER.match(stripped):
        for part in re.split(r"\s*[/|>»›·]\s*", stripped):
            if genre_of_label(part):
                return True, genre_of_label(part)
        return True, None
    return False, None


# ---------------------------------------------------------------- photo captions

# Who takes news photos: a credit at the end of a caption names one of these or an agency.
_PHOTO_WORDS = re.compile(
    r"\b(?:photos?|images?|pictures?|getty|afp|ap|epa|efe|reuters|yonhap|kyodo|kcna|xinhua|tass|pool|file|"
    r"courtesy|handout|news|via|provided|captured|screenshot|ministry|office)\b",
    re.IGNORECASE,
)
_CREDIT_END = re.compile(
    r"(?:\((?P<paren>[^()]{2,60})\)|\[(?P<bracket>[^\[\]]{2,60})\]|\s[/|]\s*(?P<slash>[^/|]{2,40}))\s*$"
)
_CAPTION_START = re.compile(
    r"^(?:▲|△|photo\s*[:|-]|image\s*[:|-]|caption\s*[:|-]|pictured\s*[:|-]|file photo\b)", re.IGNORECASE
)
# "...in Vladivostok on Thursday.Credit...Alexei Nikolsky/Sputnik": a credit run into the caption.
_INLINE_CREDIT = re.compile(r"(?:\bcredit|\bphotograph by|\bphoto by)\s*(?:\.\.\.|…|:)", re.IGNORECASE)
MAX_CAPTION_WORDS = 70


def is_caption(line: str, sources: SourceRegistry) -> bool:
    """A photo caption: marked at its start ("▲", "Photo:") or ending with a photo credit.

    "... on Apr. 26. (Yonhap News)", "... in Seoul. / Reuters", "(AFP via Getty Images)". The credit
    must name an agency the registry knows or a photo word, so a sentence ending "(in 2018)" is text.
    """
    stripped = line.strip()
    if len(stripped.split()) > MAX_CAPTION_WORDS:
        return False
    if _CAPTION_START.match(stripped):
        return True
    # Cheap tests first (this runs on most lines of a page): the regexes only where they can match.
    low = stripped.lower()
    if ("cred" in low or "photo" in low) and _INLINE_CREDIT.search(stripped):
        return True
    if not stripped.endswith((")", "]")) and "/" not in stripped and "|" not in stripped:
        return False  # no credit in parentheses, brackets or after a slash
    m = _CREDIT_END.search(stripped)
    if m is None or m.start() < 15:
        return False
    credit = m.group("paren") or m.group("bracket") or m.group("slash") or ""
    if _PHOTO_WORDS.search(credit):
        return True
    return any(
        sources.by_name(part) is not None for part in re.split(r"\s*(?:/|,|via|and)\s*", credit) if part
    )
