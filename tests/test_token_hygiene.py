"""The facilitator's token: it unlocks a browser, then leaves the address at once (a redirect, so no
image or script is ever asked for with it as Referer) and it is never written in a log line, not even
for a mistyped address that carries it. The files that remember it are readable by their owner only."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from atelier.domain import records
from atelier.store import TinyDBSessionStore
from benchmarks.load import free_port
from tests.conftest import make_session

TOKEN = "jeton-secret-de-la-soiree"


def test_the_token_leaves_the_address_and_never_reaches_the_log(tmp_path: Path) -> None:
    TinyDBSessionStore(tmp_path).save(records.session_record(make_session(code="ABCDEF")))
    earlier = tmp_path / ".nicegui" / "storage-user-earlier.json"  # left readable by an earlier atelier
    earlier.parent.mkdir()
    earlier.write_text('{"facilitator_token": "ancien"}', encoding="utf-8")
    earlier.chmod(0o644)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "NICEGUI_"))}
    env["ATELIER_FACILITATOR_TOKEN"] = TOKEN
    log = tmp_path / "server.log"
    with log.open("wb") as output:
        server = subprocess.Popen([sys.executable, "-m", "atelier", "serve", "--host", "127.0.0.1", "--port", str(port),
                                   "--data-dir", str(tmp_path)], env=env, stdout=output, stderr=subprocess.STDOUT)
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                try:
                    httpx.get(base + "/healthz", timeout=1)
                    break
                except httpx.HTTPError:
                    time.sleep(0.2)
            with httpx.Client(base_url=base, timeout=30) as browser:
                for path in ["/", "/f/ABCDEF", "/f/ABCDEF/analyse", "/f/ABCDEF/axes"]:
                    response = browser.get(f"{path}?token={TOKEN}")
                    assert response.status_code == 303, path
                    assert response.headers["location"].endswith(path) and TOKEN not in response.headers["location"]
                    page = browser.get(path)  # the browser is unlocked: the page, without the token
                    assert page.status_code == 200 and TOKEN not in page.text, path
                assert browser.get(f"/f/ABCDEF/nulle-part?token={TOKEN}").status_code == 404  # a mistyped address
                assert browser.get(f"/f/ABCDEF/export.csv?token={TOKEN}").status_code == 200
        finally:
            server.terminate()
            server.wait(timeout=10)
    stored = sorted((tmp_path / ".nicegui").glob("storage-*.json"))
    assert len(stored) == 2, "the facilitator's browser was remembered"
    assert {path.name: path.stat().st_mode & 0o777 for path in stored} == dict.fromkeys(
        [path.name for path in stored], 0o600), "the files holding the token are the owner's only"
    written = log.read_text(encoding="utf-8", errors="replace").splitlines()
    banner = [line for line in written if "Animation" in line]  # printed once at start, for the facilitator
    assert any("nulle-part?token=…" in line for line in written), "the mistyped address is logged, its token not"
    assert [line for line in written if TOKEN in line] == [line for line in banner if TOKEN in line]
