"""Regenerate the screenshots of docs/web.md from the current code: the demo corpus (examples/, grouped
by examples/truth.toml as the browser tests group it) served by a real uvicorn server and photographed
in Debian's Chromium through Playwright. Unlike the browser tests' artifacts, no hostile test article
is loaded, so the pictures show what a person sees.

    python tools/web_screenshots.py [--out docs/img]

Look at every picture afterwards: the script checks only that each page loads without console errors
and without sideways scrolling."""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))  # the demo corpus loader the browser tests use

from crosswire.model import Fact, Story  # noqa: E402
from crosswire.store import open_store  # noqa: E402
from web_support import load_demo_corpus  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
TOKEN = "screenshot-token"
UPLOAD = (
    "Harbour authorities in Rotterdam reopened the western terminal on Friday after a two-day closure.\n\n"
    "The port operator said container traffic would return to normal levels by the weekend, "
    "while unions welcomed the agreement reached with the terminal's owners."
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(db: str) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    code = (
        "import uvicorn; from crosswire.web.app import create_app; "
        f"uvicorn.run(create_app({db!r}, token={TOKEN!r}), host='127.0.0.1', port={port}, log_level='warning')"
    )
    proc = subprocess.Popen([sys.executable, "-c", code])
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if httpx.get(base + "/api/v1/outlets", timeout=1).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise SystemExit("the uvicorn server did not start")


def _busy_day_story(demo: dict) -> Story:
    """The browser test's story: fifty facts on one day and three on others (the chart's hard case)."""
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
    members = [a.id for a in demo["articles"][:2]]
    return Story(article_ids=members, title="A busy day", outlets=["Meridian Wire"], facts=facts)


def _no_sideways_scroll(page) -> None:
    widths = page.evaluate(
        "() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"
    )
    if widths[0] > widths[1]:
        raise SystemExit(f"{page.url} scrolls sideways: {widths}")


def shoot(out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "demo.db")
        demo = load_demo_corpus(db)
        largest = max(demo["stories"], key=lambda s: len(s.article_ids))
        proc, base = _serve(db)
        problems: list[str] = []
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
                desk = browser.new_page(viewport={"width": 1280, "height": 900})
                desk.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
                desk.on("pageerror", lambda e: problems.append(str(e)))

                def save(page, name: str, full_page: bool = False, locator=None) -> None:
                    path = out / f"{name}.png"
                    (locator or page).screenshot(
                        path=str(path), **({} if locator else {"full_page": full_page})
                    )
                    written.append(path)

                desk.goto(base + "/")
                _no_sideways_scroll(desk)
                save(desk, "dashboard", full_page=True)

                desk.goto(base + f"/stories/{largest.id}")
                desk.wait_for_selector("#actor-graph .node")
                _no_sideways_scroll(desk)
                desk.locator("tr.fact-event details summary").first.click()  # evidence on demand
                save(desk, "story")
                desk.mouse.move(0, 0)
                desk.locator("#actor-graph").scroll_into_view_if_needed()
                desk.wait_for_timeout(300)
                save(desk, "story-graph", locator=desk.locator("#actor-graph"))

                phone = browser.new_page(viewport={"width": 420, "height": 900})
                phone.goto(base + f"/stories/{largest.id}")
                _no_sideways_scroll(phone)
                phone.evaluate(
                    "() => window.scrollBy(0, document.querySelector('.coverage-strip')"
                    ".getBoundingClientRect().top - 60)"
                )
                save(phone, "story-phone")
                phone.close()

                desk.goto(base + f"/stories/{largest.id}")
                link = desk.locator("tr.fact-event .sentence-link").first.get_attribute("href")
                desk.goto(base + str(link))
                desk.wait_for_load_state("load")
                save(desk, "article")

                quote = httpx.get(base + "/api/v1/quotes", params={"limit": 50}).json()["items"][0]
                word = max(quote["text"].split(), key=len).strip(".,;:\"'\u201c\u201d")
                desk.goto(base + f"/search?q={word}&kind=quotes")
                save(desk, "search")

                upload = Path(folder) / "rotterdam-terminal.txt"
                upload.write_text(UPLOAD, encoding="utf-8")
                desk.goto(base + "/ingest")
                desk.set_input_files("#upload-form input[type=file]", str(upload))
                desk.fill("#upload-form input[name=token]", TOKEN)
                desk.click("#upload-form button[type=submit]")
                desk.wait_for_selector("#job.done", timeout=120_000)
                save(desk, "ingest")

                errors = browser.new_page(viewport={"width": 1280, "height": 600})
                errors.goto(base + "/stories/no-such-story")
                save(errors, "error-404")
                errors.close()

                busy = _busy_day_story(demo)
                with open_store(db) as store:
                    store.save_stories([*demo["stories"], busy])
                desk.goto(base + f"/stories/{busy.id}")
                save(desk, "timeline-busy-day", locator=desk.locator("svg.timeline-chart"))
                browser.close()
        finally:
            proc.terminate()
            proc.wait(timeout=10)
        if problems:
            raise SystemExit("console errors: " + "; ".join(problems))
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "img")
    for path in shoot(parser.parse_args().out):
        print(path)


if __name__ == "__main__":
    main()
