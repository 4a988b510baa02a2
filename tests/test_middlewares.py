"""NiceGUI's per-request middlewares, as plain ASGI (atelier/middlewares.py), do what NiceGUI's did:
a browser is remembered, NiceGUI's own files are cached, a redirect behind a proxy keeps its prefix."""

from __future__ import annotations

import gzip
import random
from pathlib import Path

import httpx
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse, RedirectResponse
from starlette.routing import Route

from atelier.middlewares import NICEGUI_FILES, RedirectWithPrefix, SetCacheControl, TwoLevelGzip
from benchmarks.load import TOKEN, served


async def test_the_real_server_remembers_a_browser_and_lets_it_cache_nicegui_s_files(tmp_path: Path) -> None:
    async with served(tmp_path, "join") as (code, server), httpx.AsyncClient(base_url=server.base) as browser:
        unlocked = await browser.get(f"/?token={TOKEN}")  # the token unlocks this browser (its storage)…
        assert unlocked.status_code == 303 and "session" in unlocked.cookies
        assert (await browser.get(f"/f/{code}")).status_code == 200  # …which is remembered without it
        assert (await httpx.AsyncClient(base_url=server.base).get(f"/f/{code}")).status_code == 403  # another browser
        page = await browser.get(f"/j/{code}")
        assert "immutable" not in page.headers.get("cache-control", "")
        assert page.headers["content-encoding"] == "gzip" and "</html>" in page.text  # a phone's page, compressed
        style = next(line.split('"')[1] for line in page.text.splitlines()
                     if "/_nicegui/" in line and ".css" in line)
        cached = await browser.get(style)
        assert cached.status_code == 200 and "immutable" in cached.headers["cache-control"]


async def test_a_redirect_behind_a_proxy_keeps_the_proxy_s_prefix() -> None:
    app = Starlette(routes=[Route("/go", lambda request: RedirectResponse("/there", status_code=303)),
                            Route("/stay", lambda request: PlainTextResponse("ok"))])
    wrapped = RedirectWithPrefix(SetCacheControl(app))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=wrapped), base_url="http://test") as client:
        moved = await client.get("/go", headers={"X-Forwarded-Prefix": "/atelier"}, follow_redirects=False)
        assert moved.headers["location"] == "/atelier/there"
        plain = await client.get("/go", follow_redirects=False)
        assert plain.headers["location"] == "/there"
        assert (await client.get("/stay")).text == "ok"


async def test_pages_are_gzipped_quickly_and_nicegui_s_kept_files_as_small_as_possible() -> None:
    """A page is compressed for each request (level 1: cheap); NiceGUI's own files once, then kept
    (level 9: the fewest bytes for a hall's first download)."""
    words = random.Random(1).choices(["quasar", "vue", "élément", "function", "return", "props"], k=20_000)
    text = " ".join(words)
    app = Starlette(routes=[Route("/j/CODE", lambda request: PlainTextResponse(text)),
                            Route(NICEGUI_FILES + "static/quasar.js", lambda request: PlainTextResponse(text))])
    transport = httpx.ASGITransport(app=TwoLevelGzip(app))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        page = await client.get("/j/CODE")
        file = await client.get(NICEGUI_FILES + "static/quasar.js")
    assert page.text == file.text == text  # both arrive whole
    assert page.headers["content-encoding"] == file.headers["content-encoding"] == "gzip"
    assert page.num_bytes_downloaded == len(gzip.compress(text.encode(), compresslevel=1, mtime=0))
    assert file.num_bytes_downloaded == len(gzip.compress(text.encode(), compresslevel=9, mtime=0))
    assert file.num_bytes_downloaded < page.num_bytes_downloaded
