"""NiceGUI's own files are answered from memory after the first time: compressed once for a whole
hall, never with another browser's cookie, and only when nothing about the request asks for more."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import httpx
from starlette.applications import Starlette
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from atelier.immutable_files import ImmutableFiles
from atelier.middlewares import NICEGUI_FILES
from benchmarks.load import _FILES, served

SCRIPT = "const x = 1; // « Mobilité » " * 200  # large enough for the gzip middleware to compress
IMMUTABLE = "public, max-age=31536000, immutable"


class Files:
    """A stand-in for NiceGUI's file routes: counts what reaches it; can be held to make requests overlap."""

    def __init__(self) -> None:
        self.calls = 0
        self.hold = asyncio.Event()
        self.hold.set()

    async def script(self, request: Request) -> Response:
        self.calls += 1
        await self.hold.wait()
        response = PlainTextResponse(SCRIPT, headers={"Cache-Control": IMMUTABLE, "ETag": '"v1"'})
        response.set_cookie("session", f"browser-{self.calls}")  # what NiceGUI's session middleware adds
        return response

    async def page(self, request: Request) -> Response:
        self.calls += 1
        return PlainTextResponse("a page", headers={"Cache-Control": "no-store"})

    def client(self) -> httpx.AsyncClient:
        app = Starlette(routes=[Route(f"{NICEGUI_FILES}static/app.js", self.script),
                                Route(f"{NICEGUI_FILES}static/page", self.page)])
        wrapped = ImmutableFiles(GZipMiddleware(app), prefix=NICEGUI_FILES)
        return httpx.AsyncClient(transport=httpx.ASGITransport(app=wrapped), base_url="http://test")


SCRIPT_PATH = f"{NICEGUI_FILES}static/app.js"


async def test_a_file_is_built_once_then_answered_from_memory_without_cookies() -> None:
    files = Files()
    async with files.client() as browser:
        first = await browser.get(SCRIPT_PATH, headers={"Accept-Encoding": "gzip"})
        again = [await browser.get(SCRIPT_PATH, headers={"Accept-Encoding": "gzip"}) for _ in range(3)]
    assert files.calls == 1
    assert first.text == SCRIPT and all(r.text == SCRIPT for r in again)
    assert all(r.headers["content-encoding"] == "gzip" and r.headers["etag"] == '"v1"' for r in again)
    assert all("immutable" in r.headers["cache-control"] for r in again)
    assert "set-cookie" in first.headers and not any("set-cookie" in r.headers for r in again)


async def test_compressed_and_plain_answers_are_kept_apart() -> None:
    files = Files()
    async with files.client() as browser:
        for _ in range(2):
            zipped = await browser.get(SCRIPT_PATH, headers={"Accept-Encoding": "gzip"})
            plain = await browser.get(SCRIPT_PATH, headers={"Accept-Encoding": "identity"})
            assert zipped.headers["content-encoding"] == "gzip" and "content-encoding" not in plain.headers
            assert zipped.text == plain.text == SCRIPT
            assert int(plain.headers["content-length"]) == len(SCRIPT.encode())
    assert files.calls == 2


async def test_a_hall_scanning_at_once_costs_one_build() -> None:
    files = Files()
    files.hold.clear()
    async with files.client() as browser:
        requests = [asyncio.create_task(browser.get(SCRIPT_PATH, headers={"Accept-Encoding": "gzip"}))
                    for _ in range(20)]
        await asyncio.sleep(0.05)
        files.hold.set()
        answers = await asyncio.gather(*requests)
    assert files.calls == 1
    assert all(r.status_code == 200 and r.text == SCRIPT for r in answers)


async def test_ranges_conditions_pages_and_failures_go_through() -> None:
    files = Files()
    async with files.client() as browser:
        await browser.get(SCRIPT_PATH)
        for header in ({"Range": "bytes=0-9"}, {"If-None-Match": '"v1"'}, {"If-Modified-Since": "x"}):
            await browser.get(SCRIPT_PATH, headers=header)
        assert files.calls == 4
        for _ in range(2):
            assert (await browser.get(f"{NICEGUI_FILES}static/page")).text == "a page"  # not immutable
            assert (await browser.get(f"{NICEGUI_FILES}static/missing.js")).status_code == 404
        assert files.calls == 6


async def test_the_real_server_serves_every_file_of_a_phone_page_the_same_each_time(tmp_path: Path) -> None:
    async with served(tmp_path, "join") as (code, server), httpx.AsyncClient(base_url=server.base) as browser:
        page = await browser.get(f"/j/{code}")
        assert re.search(r"parseElements\(String\.raw`\{", page.text)  # the element tree, escaped for HTML
        paths = {next(filter(None, m)) for m in _FILES.findall(page.text)}
        assert any("quasar" in p for p in paths) and any("components" in p for p in paths)
        for path in paths:
            answers = []
            for _ in range(2):
                async with httpx.AsyncClient(base_url=server.base) as fresh:  # a new phone, no cookie
                    answer = await fresh.get(path, headers={"Accept-Encoding": "gzip"})
                assert answer.status_code == 200, path
                answers.append(answer)
            assert answers[0].content == answers[1].content, path
            assert "set-cookie" not in answers[1].headers, path  # the kept answer: nobody's session
