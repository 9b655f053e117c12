"""The demo corpus's report.html opens in Chromium with no console errors; the screenshot is kept in
test-artifacts/ (git-ignored) as the test's artifact."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.analysis import analyze_articles
from crosswire.api import analyze
from crosswire.report import write_report
from crosswire.stories.build import stories_step, write_stories_output

pytestmark = pytest.mark.slow  # drives chromium over a corpus analysed in its fixtures

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def demo_report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    corpus = analyze(
        [str(EXAMPLES)], out=out, manifest=EXAMPLES / "manifest.toml", sources=EXAMPLES / "sources.toml"
    )
    try:
        if not any(corpus.analysis(a.id) for a in corpus.articles()):  # when `analyze` has no nlp step yet
            corpus.store.save_analyses([x for _, x in analyze_articles(list(corpus.articles()))])
        stories_step(corpus.store)
        write_stories_output(corpus.store, out)
        write_report(corpus.store, out)
    finally:
        corpus.close()
    return out


def test_demo_outputs_written(demo_report: Path) -> None:
    lines = (demo_report / "stories.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 3
    assert (demo_report / "report.md").stat().st_size > 1000


def test_report_opens_in_chromium_without_console_errors(demo_report: Path) -> None:
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "install Debian's chromium: apt-get install -y chromium (make test does)"
    artifacts = REPO / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    errors: list[str] = []
    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("request", lambda r: requests.append(r.url))
            page.goto((demo_report / "report.html").as_uri())
            page.wait_for_load_state("load")
            assert page.locator("svg").count() >= 2
            assert page.locator("section.story").count() >= 3
            page.screenshot(path=str(artifacts / "report.png"), full_page=False)
        finally:
            browser.close()
    assert errors == []
    assert all(u.startswith("file://") for u in requests), requests
    assert (artifacts / "report.png").stat().st_size > 10_000


def test_report_reads_at_phone_width_with_evidence_on_demand(demo_report: Path) -> None:
    """At 420 px the report does not scroll sideways; a fact's evidence opens on demand; the timeline
    chart keeps its labels inside (issue 16)."""
    from playwright.sync_api import sync_playwright

    artifacts = REPO / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 420, "height": 900})
            page.goto((demo_report / "report.html").as_uri())
            widths = page.evaluate(
                "() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"
            )
            assert widths[0] <= widths[1], widths
            fact = page.locator("tr.fact").first
            evidence = fact.locator("details li").first
            assert not evidence.is_visible()
            fact.locator("details summary").click()
            assert evidence.is_visible()
            outside = page.evaluate(
                """() => { const svg = document.querySelector('svg.timeline-chart');
                if (!svg) return 0; const w = svg.viewBox.baseVal.width;
                return [...svg.querySelectorAll('text')].map(t => t.getBBox())
                  .filter(b => b.x < 0 || b.x + b.width > w).length; }"""
            )
            assert outside == 0
            overlapping = page.evaluate(
                """() => { const svg = document.querySelector('svg.timeline-chart'); if (!svg) return [];
                const boxes = [...svg.querySelectorAll('text')].map(t => [t.textContent, t.getBoundingClientRect()]);
                const hits = [];
                for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
                  const [a, p] = boxes[i], [b, q] = boxes[j];
                  if (p.left < q.right - 0.5 && q.left < p.right - 0.5 && p.top < q.bottom - 0.5
                      && q.top < p.bottom - 0.5) hits.push(a + ' / ' + b);
                }
                return hits; }"""
            )
            assert overlapping == []  # axis dates, day counts and the note never overlap at 420 px
            # dates and status words never break inside ("happene/d", "2019-04-/25")
            broken = page.evaluate(
                """() => [...document.querySelectorAll('td.date, td.status')].filter(td => {
                  const range = document.createRange(); range.selectNodeContents(td);
                  return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1;
                }).map(td => td.textContent.trim())"""
            )
            assert broken == []
            page.locator("#stories").scroll_into_view_if_needed()
            page.screenshot(path=str(artifacts / "report-phone.png"), full_page=False)
        finally:
            browser.close()
