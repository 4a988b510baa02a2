"""The real server loads what the restitution document needs at start, in a thread: the facilitator's
first export, with the council waiting, does not pay for python-docx and matplotlib."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import httpx

from benchmarks.load import TOKEN, served


async def test_the_server_is_ready_to_export_from_its_start_and_the_restitution_downloads(tmp_path: Path) -> None:
    async with served(tmp_path, "vote") as (code, server), httpx.AsyncClient(base_url=server.base, timeout=60) as http:
        details = (await http.get("/healthz", params={"details": 1})).json()
        assert details["exports_warm"] is True
        answer = await http.get(f"/f/{code}/export.docx", params={"token": TOKEN})
        assert answer.status_code == 200 and answer.headers["content-disposition"].endswith('.docx"')
        document = docx.Document(io.BytesIO(answer.content))
        assert any(p.text.strip() for p in document.paragraphs)
