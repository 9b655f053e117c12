"""Input files the ingestion tests build in tmp_path: pages, feeds, WARC archives, JSONL (all invented here)."""

from __future__ import annotations

import gzip
import json
from html import escape

PARAGRAPHS = [
    "North Korean leader Kim Jong-un arrived in the Russian port city of Vladivostok on Wednesday aboard his "
    "armoured train, ahead of his first summit with President Vladimir Putin.",
    "The visit comes two months after talks with US President Donald Trump in Hanoi broke down without an "
    "agreement on sanctions relief or on steps toward denuclearisation.",
    "Officials in Seoul said the meeting would give Pyongyang a chance to show that it has partners other than "
    "Washington, and to look for economic help while sanctions continue to bite.",
    '"Kim wants to demonstrate that he has other options," said a former South Korean official who asked not '
    "to be named because he was not authorised to speak to the press.",
]
BODY = "\n\n".join(PARAGRAPHS)
SCRIPT_MARK = "SCRIPTMARKER"
COMMENT_MARK = "READERCOMMENTMARKER"
AD_MARK = "ADVERTMARKER"
NAV_MARK = "NAVMENUMARKER"


def html_page(
    title: str = "Kim arrives in Vladivostok for summit with Putin",
    url: str = "https://www.koreaherald.com/view.php?ud=20190424000712",
    author: str = "Park Min-ji",
    published: str = "2019-04-24T21:15:00+09:00",
    modified: str = "2019-04-25T08:02:00+09:00",
    section: str = "News Analysis",
    paragraphs: list[str] | None = None,
    site_name: str = "The Korea Herald",
) -> str:
    body = "\n".join(f"<p>{escape(p)}</p>" for p in (paragraphs or PARAGRAPHS))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{escape(title)} | {escape(site_name)}</title>
<meta property="og:site_name" content="{escape(site_name)}">
<meta property="og:title" content="{escape(title)}">
<link rel="canonical" href="{escape(url)}">
<meta property="og:url" content="{escape(url)}">
<meta property="article:published_time" content="{published}">
<meta property="article:modified_time" content="{modified}">
<meta property="article:section" content="{escape(section)}">
<meta name="author" content="{escape(author)}">
<script>var tracker = "{SCRIPT_MARK}"; document.write("{SCRIPT_MARK}");</script>
<style>.ad {{ color: red }}</style>
</head><body>
<nav class="menu"><ul><li><a href="/">{NAV_MARK} Home</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/world">World</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
<div class="advertisement ad-banner" id="ad-top">{AD_MARK} Cheap flights to Jeju, book now!</div>
<main><article>
<h1>{escape(title)}</h1>
<p class="byline">By {escape(author)}</p>
{body}
</article></main>
<script type="text/javascript">console.log("{SCRIPT_MARK}");</script>
<aside class="sidebar"><h3>Most viewed</h3><ul><li><a href="/a">{NAV_MARK} Another story</a></li></ul></aside>
<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>{COMMENT_MARK} I do not believe a word of this, says a reader.</p></div></section>
<footer><p>Copyright The Korea Herald. All rights reserved. Contact us.</p></footer>
</body></html>
"""


def rss_feed() -> str:
    full = "".join(f"<p>{escape(p)}</p>" for p in PARAGRAPHS)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Yonhap News Agency - North Korea</title>
  <link>https://en.yna.co.kr/nk/index</link>
  <description>News on North Korea</description>
  <item>
    <title>Kim arrives in Vladivostok for first summit with Putin</title>
    <link>https://en.yna.co.kr/view/AEN20190424000700315</link>
    <guid isPermaLink="false">yna-AEN20190424000700315</guid>
    <dc:creator>Kim Soo-yeon</dc:creator>
    <category>News Analysis</category>
    <pubDate>Wed, 24 Apr 2019 18:30:00 +0900</pubDate>
    <description>Kim Jong-un arrived in Vladivostok.</description>
    <content:encoded><![CDATA[{full}<script>alert("{SCRIPT_MARK}")</script>]]></content:encoded>
  </item>
  <item>
    <title>Seoul hopes Russia summit helps restart nuclear talks</title>
    <link>https://en.yna.co.kr/view/AEN20190425000300315</link>
    <guid isPermaLink="false">yna-AEN20190425000300315</guid>
    <pubDate>Thu, 25 Apr 2019 09:05:00 +0900</pubDate>
    <description>&lt;p&gt;South Korea said on Thursday it hoped the summit between Kim Jong-un and Vladimir Putin
    would help bring North Korea back to talks with the United States.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Headline only, no text</title>
    <link>https://en.yna.co.kr/view/AEN20190425000400315</link>
    <guid isPermaLink="false">yna-empty</guid>
  </item>
</channel>
</rss>
"""


def atom_feed() -> str:
    full = escape("".join(f"<p>{p}</p>" for p in PARAGRAPHS))
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>The Japan Times: Asia Pacific</title>
  <link href="https://www.japantimes.co.jp/news/asia-pacific/" rel="alternate"/>
  <id>tag:japantimes.co.jp,2019:asia-pacific</id>
  <updated>2019-04-25T12:00:00+09:00</updated>
  <entry>
    <title>Opinion: What Kim wants from Putin</title>
    <link href="https://www.japantimes.co.jp/opinion/2019/04/25/commentary/kim-wants-putin/" rel="alternate"/>
    <id>tag:japantimes.co.jp,2019:opinion-kim-putin</id>
    <published>2019-04-25T06:00:00+09:00</published>
    <updated>2019-04-25T10:30:00+09:00</updated>
    <author><name>Michael Reed</name></author>
    <author><name>Aiko Sato</name></author>
    <summary>A short teaser about the summit.</summary>
    <content type="html">{full}</content>
  </entry>
  <entry>
    <title>Abe to meet Trump in Washington</title>
    <link href="https://www.japantimes.co.jp/news/2019/04/25/national/abe-trump/" rel="alternate"/>
    <id>tag:japantimes.co.jp,2019:abe-trump</id>
    <updated>2019-04-25T11:00:00+09:00</updated>
    <summary type="text">Prime Minister Shinzo Abe will travel to Washington to discuss North Korea and trade
    with President Donald Trump, officials said on Thursday.</summary>
  </entry>
</feed>
"""


def _warc_record(headers: dict[str, str], block: bytes) -> bytes:
    lines = ["WARC/1.0", *(f"{k}: {v}" for k, v in headers.items()), f"Content-Length: {len(block)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def warc_response(
    uri: str, record_id: str, body: bytes, content_type: str = "text/html; charset=utf-8"
) -> bytes:
    http = (
        f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode()
    return _warc_record(
        {
            "WARC-Type": "response",
            "WARC-Record-ID": f"<urn:uuid:{record_id}>",
            "WARC-Date": "2019-04-26T00:00:00Z",
            "WARC-Target-URI": uri,
            "Content-Type": "application/http; msgtype=response",
        },
        http + body,
    )


def warc_archive(compress: bool = False) -> bytes:
    """warcinfo, a request, two HTML responses and an image response; gzip'd per record when asked."""
    page_one = html_page(url="https://www.koreaherald.com/view.php?ud=1").encode()
    page_two = html_page(
        title="Putin says Kim needs security guarantees",
        url="https://en.yna.co.kr/view/AEN20190426000100315",
        author="Lee Ji-hye",
        section="World",
        site_name="Yonhap News Agency",
        paragraphs=[
            "Russian President Vladimir Putin said on Thursday that North Korea needs international security "
            "guarantees before it gives up its nuclear programme, after talks with Kim Jong-un.",
            "Putin told reporters in Vladivostok that he would brief Washington and Beijing on the meeting, "
            "and that six-party talks could be one way to provide such guarantees.",
        ],
    ).encode()
    records = [
        _warc_record(
            {
                "WARC-Type": "warcinfo",
                "WARC-Record-ID": "<urn:uuid:info-0001>",
                "WARC-Date": "2019-04-26T00:00:00Z",
                "Content-Type": "application/warc-fields",
            },
            b"software: crosswire tests\r\n",
        ),
        _warc_record(
            {
                "WARC-Type": "request",
                "WARC-Record-ID": "<urn:uuid:req-0001>",
                "WARC-Date": "2019-04-26T00:00:00Z",
                "WARC-Target-URI": "https://www.koreaherald.com/view.php?ud=1",
                "Content-Type": "application/http; msgtype=request",
            },
            b"GET /view.php?ud=1 HTTP/1.1\r\nHost: www.koreaherald.com\r\n\r\n",
        ),
        warc_response("https://www.koreaherald.com/view.php?ud=1", "page-0001", page_one),
        warc_response(
            "https://www.koreaherald.com/logo.png",
            "image-0001",
            b"\x89PNG\r\n\x1a\n\x00\x00fake",
            content_type="image/png",
        ),
        warc_response("https://en.yna.co.kr/view/AEN20190426000100315", "page-0002", page_two),
    ]
    if compress:
        return b"".join(gzip.compress(r) for r in records)
    return b"".join(records)


def jsonl_lines() -> list[str]:
    return [
        json.dumps(
            {
                "id": "scrape-1",
                "url": "https://www.koreaherald.com/view.php?ud=7",
                "outlet": "Korea Herald",
                "title": "Kim arrives in Vladivostok",
                "authors": ["Park Min-ji", "Lee Ji-hye"],
                "published": "2019-04-24T21:15:00+09:00",
                "genre": "Analysis",
                "language": "en",
                "text": BODY,
            }
        ),
        '{"id": "scrape-2", "title": "broken line", "text": "unterminated',
        json.dumps(
            {
                "id": "scrape-3",
                "url": "https://en.yna.co.kr/view/3",
                "title": "Putin briefs Xi",
                "authors": "Kim Soo-yeon and Lee Ji-hye",
                "published": "2019-04-27 10:00",
                "body": "<p>Putin said he would brief Chinese President Xi Jinping on his talks with Kim.</p>"
                "<p>The two leaders are due to meet in Beijing this week.</p>",
            }
        ),
        json.dumps({"id": "scrape-4", "title": "no text at all"}),
    ]
