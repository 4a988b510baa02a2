"""Browser tier: the real server in a subprocess, Debian's Chromium driven by Playwright (never a downloaded one).

Fixtures: `server` (one `atelier serve --demo` for the whole run), `browser` (one Chromium per module),
`requests_log` and `room`
(opens the facilitator's laptop, the projector and phones; after each test, checks that no page
asked a host other than 127.0.0.1). Actions people take are in `tests/browser/actions.py`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.browser.room import RequestLog, Room
from tests.browser.server import Server, start, stop
from tests.conftest import TOKEN

CHROMIUM = Path("/usr/bin/chromium")
# Headless, and quiet: without the networking flags Chromium calls Google's servers on its own.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
MISSING = f"{CHROMIUM} not found: browser tests skipped (install Debian's package: apt-get install chromium)"
_skipped_for_missing_browser: list[str] = []


@pytest.fixture(scope="session")
def chromium() -> Path:
    if CHROMIUM.exists():
        return CHROMIUM
    if os.environ.get("CI") == "true":
        pytest.fail(MISSING.replace("browser tests skipped", "CI must run the browser tests"), pytrace=False)
    _skipped_for_missing_browser.append(MISSING)
    pytest.skip(MISSING)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say why, even without `-rs`: a silent skip would look like a green browser tier."""
    if _skipped_for_missing_browser:
        terminalreporter.write_line(MISSING, yellow=True)


@pytest.fixture(scope="session")
def server(chromium: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running, process = start(tmp_path_factory.mktemp("atelier-data"), TOKEN)
    yield running
    stop(process)


@pytest.fixture(scope="module")
def browser(chromium: Path) -> Iterator[Browser]:
    # Per module: Playwright's sync API holds an event loop while it runs, and the asyncio tests of the
    # other tiers need it gone. A launch costs half a second.
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium), headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def requests_log() -> RequestLog:
    return RequestLog()


@pytest.fixture
def room(browser: Browser, server: Server, requests_log: RequestLog) -> Iterator[Room]:
    opened = Room(browser, server, requests_log)
    yield opened
    opened.close()
    assert requests_log.outside() == [], "a page asked a host other than this laptop"
