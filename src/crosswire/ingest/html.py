"""HTML pages: trafilatura for the body and metadata, htmldate for publication and update times.

The page is parsed, never executed or rendered: scripts, styles, navigation, ads and reader comments
are dropped before the text is taken.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from crosswire.ingest.decode import declared_encoding, decode_bytes
from crosswire.ingest.fields import (
    clean_paragraphs,
    drop_stale_update,
    genre_from_labels,
    outlet_name,
    parse_datetime,
    split_authors,
)
from crosswire.model import Article, Problem

# Elements whose content is never article text (fragment conversion; trafilatura does its own pruning).
_DROP = (
    "script",
    "style",
    "noscript",
    "iframe",
    "object",
    "embed",
    "form",
    "svg",
    "template",
    "button",
    "nav",
)
_BLOCKS = (
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "section",
    "article",
    "figure",
    "figcaption",
    "pre",
    "dd",
    "dt",
    "header",
    "footer",
    "aside",
    "ul",
    "ol",
    "table",
)
_SCRIPT_RE = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG_RE = re.compile(r"<[^>]*>")
# "Editorial: ...", "[Opinion] ...", "ANALYSIS | ...": genre printed in front of a headline.
_TITLE_GENRE = re.compile(r"^\s*[\[(]?\s*([A-Za-z][A-Za-z -]{2,20}?)\s*[\])]?\s*[:|\]\u2013\u2014-]\s")
_HTMLDATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
MAX_HTML_CHARS = 5_000_000
# On a page with no article trafilatura falls back to whatever text is left ("Home", a cookie notice);
# a real article, even a brief, has more words than this.
MIN_ARTICLE_WORDS = 8  # lxml trees beyond this are slow and never a single article


def fragment_text(markup: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content), paragraphs separated by blank lines."""
    if "<" not in markup:
        return clean_paragraphs(html_lib.unescape(markup))
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, etree.XMLSyntaxError, ValueError, TypeError):
        root = None
    if root is None:
        return clean_paragraphs(html_lib.unescape(_TAG_RE.sub(" ", _SCRIPT_RE.sub(" ", markup))))
    for bad in list(root.iter(*_DROP)):
        if bad.getparent() is not None:
            bad.drop_tree()
    for el in root.iter(etree.Element):
        if not isinstance(el.tag, str):
            continue  # comments and processing instructions
        if el.tag in _BLOCKS:
            el.text = "\n\n" + (el.text or "")
            el.tail = "\n\n" + (el.tail or "")
        elif el.tag == "br":
            el.tail = "\n" + (el.tail or "")
    return clean_paragraphs(root.text_content())


def _extract(markup: str, url: str | None) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(
        markup,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
    )


# Where pages state full timestamps (with time and offset): Open Graph / article meta, schema.org
# JSON-LD and microdata, Dublin Core, and the <time datetime> of the byline. htmldate is the fallback: it
# finds a date in more places (URLs, text) but often only the day.
_PUBLISHED_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "parsely-pub-date",
    "sailthru.date",
)
_UPDATED_KEYS = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
)


def _jsonld_dates(text: str, found: dict[str, str]) -> None:
    try:
        data = json.loads(text)
    except ValueError:
        return
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            for key in ("datePublished", "dateModified", "dateCreated"):
                value = item.get(key)
                if isinstance(value, str):
                    found.setdefault(key.lower(), value)
            stack.extend(v for v in item.values() if isinstance(v, list | dict))


def _declared_dates(markup: str) -> dict[str, str]:
    """Date strings the page declares in its metadata, keyed by lower-cased meta name."""
    import lxml.html
    from lxml import etree

    try:
        tree = lxml.html.document_fromstring(markup)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return {}
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        value = (meta.get("content") or "").strip()
        if key and value:
            found.setdefault(key, value)
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            _jsonld_dates(script.text, found)
    for time_el in tree.iter("time"):
        key = (time_el.get("itemprop") or "").lower() or "time"
        if time_el.get("datetime"):
            found.setdefault(key, time_el.get("datetime").strip())
    return found


def _first_date(found: dict[str, str], keys: tuple[str, ...], default_tz: str | None) -> datetime | None:
    for key in keys:
        value = parse_datetime(found.get(key), default_tz) if key in found else None
        if value is not None:
            return value
    return None


def _htmldate(markup: str, url: str | None, original: bool, default_tz: str | None) -> datetime | None:
    from htmldate import find_date

    try:
        value = find_date(
            markup, url=url, original_date=original, extensive_search=False, outputformat=_HTMLDATE_FORMAT
        )
    except Exception:  # htmldate raises assorted errors on odd markup; a missing date is not fatal
        return None
    return parse_datetime(value, default_tz) if value else None


def _page_dates(
    markup: str, url: str | None, default_tz: str | None, warnings: list[str]
) -> tuple[datetime | None, datetime | None]:
    """(published, updated) from the page's metadata; the time and offset are kept where given. A
    publication date the metadata states but no reader can read ("99999-01-01") is named in
    `warnings`, not passed over in silence (a date found elsewhere on the page may still be used)."""
    found = _declared_dates(markup)
    published = _first_date(found, (*_PUBLISHED_KEYS, "time"), default_tz)
    updated = _first_date(found, _UPDATED_KEYS, default_tz)
    if published is None:
        stated = next((found[key] for key in _PUBLISHED_KEYS if found.get(key)), None)
        if stated is not None:
            shown = repr(stated) if len(repr(stated)) <= 60 else repr(stated)[:57] + "..."
            warnings.append(f"published {shown} in the page's metadata is not a date crosswire can read")
        published = _htmldate(markup, url, True, default_tz)
    if updated is None and published is not None:
        updated = _htmldate(markup, url, False, default_tz)
    return published, drop_stale_update(published, updated)


def title_genre(title: str | None) -> str | None:
    m = _TITLE_GENRE.match(title or "")
    return m.group(1) if m else None


def strip_genre_label(title: str | None) -> str | None:
    """ "[Analysis] Two accounts of Stockholm" -> "Two accounts of Stockholm": the label is a genre, not headline.

    Only labels that name a genre are cut ("Trump: ..." keeps its speaker label)."""
    m = _TITLE_GENRE.match(title or "")
    if not title or not m or not genre_from_labels([m.group(1)]):
        return title
    return title[m.end() :].strip() or title


def _strip_site_name(title: str, site_name: str | None) -> str:
    """ "Kim heads to Vladivostok | The Korea Herald" -> the headline alone (pages without og:title)."""
    if not site_name:
        return title
    for separator in (" | ", " - ", " \u2013 ", " \u2014 ", " :: "):
        head, sep, tail = title.rpartition(separator)
        if sep and head and tail.strip().lower() == site_name.strip().lower():
            return head.strip()
    return title


def _body(text: str, title: str | None) -> str:
    lines = [line for line in (text or "").split("\n") if line.strip()]
    # trafilatura keeps the page's <h1>; the headline is Article.title, not part of the body.
    if lines and title and lines[0].strip().lower() == title.strip().lower():
        lines = lines[1:]
    return clean_paragraphs("\n\n".join(lines))


_TABLE_TAG = re.compile(r"<(/?)(?:table|tbody|thead|tfoot|tr|td|th)\b", re.IGNORECASE)


def _article_text(markup: str, url: str | None) -> tuple[Any, str | None, str] | None:
    """(trafilatura's document, the title, the body) when the page holds an article's worth of text."""
    doc = _extract(markup, url)
    if doc is None:
        return None
    title = _strip_site_name((doc.title or "").strip(), doc.sitename) or None
    text = _body(doc.text or "", title)
    return (doc, title, text) if len(text.split()) >= MIN_ARTICLE_WORDS else None


# A numeric reference to a character XML cannot hold (`&#27;`, an escape; `&#1;`; `&#xFFFE;`) makes
# trafilatura's tree unserialisable, and it then gives no text for the whole page. The text keeps no
# control characters anyway (ingest/fields.py drops them), so such references are dropped first.
_CHAR_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")


def _unstorable_code_point(code: int) -> bool:
    return (code < 0x20 and code not in (0x09, 0x0A, 0x0D)) or code in (0xFFFE, 0xFFFF) or code > 0x10FFFF


def drop_control_references(markup: str) -> str:
    """`markup` without numeric character references to C0 controls and non-characters."""
    if "&#" not in markup:
        return markup

    def replace(m: re.Match[str]) -> str:
        code = int(m.group(1), 16) if m.group(1) else int(m.group(2))
        # NUL is left to the parser, which reads it as U+FFFD.
        return "" if code and _unstorable_code_point(code) else m.group()

    return _CHAR_REFERENCE.sub(replace, markup)


def html_to_article(
    markup: str, context: Any, *, url: str | None = None, source_path: str | None = None, fmt: str = "html"
) -> Article | None:
    """The article in one HTML page, or None when the page holds no article text."""
    if len(markup) > MAX_HTML_CHARS:
        raise ValueError(
            f"HTML page of {len(markup):,} characters is too large to parse (limit {MAX_HTML_CHARS:,})"
        )
    markup = drop_control_references(markup)
    found = _article_text(markup, url)
    if found is None and _TABLE_TAG.search(markup):
        # Older sites lay the whole page out in <table><tr><td> (the Hankyoreh's archive does), and
        # trafilatura leaves tables out (a data table must not join an article's text). When nothing
        # is left outside them, the page is read again with its table cells as plain blocks, so the
        # usual pruning of navigation and footers still applies (rather than a table of pipes).
        found = _article_text(_TABLE_TAG.sub(r"<\1div", markup), url)
    if found is None:
        return None
    doc, title, text = found
    page_url = doc.url or url
    if page_url and not urlparse(page_url).scheme:
        page_url = url  # a relative canonical link says nothing about the outlet
    default_tz = getattr(context, "default_timezone", None)
    warnings: list[str] = []
    published, updated = _page_dates(markup, page_url, default_tz, warnings)
    if published is None and doc.date:
        published = parse_datetime(doc.date, default_tz)
    categories = list(doc.categories or [])
    labels = [*categories, *(doc.tags or []), urlparse(page_url or "").path, title_genre(title), doc.pagetype]
    return Article(
        text=text,
        title=strip_genre_label(title),
        outlet=outlet_name(getattr(context, "sources", None), url=page_url, name=doc.sitename),
        url=page_url,
        source_path=source_path,
        authors=split_authors(doc.author.split(";") if doc.author else None),
        published=published,
        updated=updated,
        section=categories[0] if categories else None,
        genre=genre_from_labels(labels) or "news",
        format=fmt,
        warnings=warnings,
    )


# libxml2's HTML parser stops building the tree below this depth (its answer to deeply nested pages,
# which would otherwise exhaust the stack); the text down there is lost to every HTML tool we use.
PARSER_MAX_DEPTH = 255
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^>]*?(/?)>")
_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr p li option".split()
)  # p, li, option: their end tag is optional, so they rarely add depth


def nesting_depth(markup: str, stop: int = PARSER_MAX_DEPTH + 1) -> int:
    """How deep the page's elements nest (approximately, from its tags), counting no further than `stop`."""
    depth = deepest = 0
    for m in _TAG.finditer(markup):
        closing, name, self_closing = m.group(1), m.group(2).lower(), m.group(3)
        if closing:
            depth = max(0, depth - 1)
        elif not self_closing and name not in _VOID:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest >= stop:
                    break
    return deepest


def no_text_reason(markup: str) -> str:
    """Why a page gave no article text, for the Problem: too deep for the parser, or no text at all."""
    if nesting_depth(markup) > PARSER_MAX_DEPTH:
        return (
            f"HTML page nests elements more than {PARSER_MAX_DEPTH} deep, past the HTML parser's limit; "
            "no article text could be read above that depth"
        )
    return "HTML page holds no article text (only navigation, scripts or markup)"


def read_html(path: Path | str, data: bytes, context: Any) -> Iterator[Article | Problem]:
    """The article in one saved HTML page."""
    decoded = decode_bytes(data, declared_encoding(data))
    article = html_to_article(decoded.text, context, source_path=str(path))
    if article is None:
        yield Problem(str(path), no_text_reason(decoded.text), "error")
        return
    if decoded.warning:
        article.warnings.append(decoded.warning)
    yield article
