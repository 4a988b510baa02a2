"""One damaged session file never stops the server: each démarche loads on its own; one that cannot
be read is set aside under `quarantine/` with the reason, said in French in the log and on the
facilitator's home page, and every other démarche answers."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from atelier.domain import records
from atelier.service import SessionService
from atelier.store import TinyDBSessionStore
from benchmarks.load import TOKEN, Server, free_port
from tests.conftest import make_session


def rewrite_json(change: Callable[[dict], object]) -> Callable[[bytes], bytes]:
    def damage(content: bytes) -> bytes:
        data = json.loads(content)
        change(data)
        return json.dumps(data).encode()
    return damage


def first_session_row(data: dict) -> dict:
    return next(iter(data["session"].values()))


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "truncated": lambda content: content[: len(content) // 2],
    "empty": lambda content: b"",
    "zero-filled": lambda content: b"\0" * len(content),
    "not UTF-8": lambda content: content.replace(b"CC du Val", "CC du Val ".encode("latin-1") + b"\xe9\xff"),
    "a JSON array": lambda content: b"[1, 2, 3]",
    "{}": lambda content: b"{}",
    "a missing key": rewrite_json(lambda data: first_session_row(data).pop("territory")),
    "an unknown enum value": rewrite_json(lambda data: first_session_row(data)["phases"][0].__setitem__(
        "status", "peut-être")),
    "a bad date": rewrite_json(lambda data: first_session_row(data).__setitem__("created_at", "hier soir")),
}
GOOD, BAD = "GAGNER", "BADBAD"


def two_sessions(folder: Path, damage: Callable[[bytes], bytes]) -> None:
    store = TinyDBSessionStore(folder)
    store.save(records.session_record(make_session(code=GOOD)))
    store.save(records.session_record(make_session(code=BAD)))
    store.close()
    path = folder / f"{BAD}.json"
    path.write_bytes(damage(path.read_bytes()))


@pytest.mark.parametrize("case", DAMAGE)
def test_a_damaged_file_is_set_aside_with_its_reason_and_the_others_load(
        tmp_path: Path, case: str, caplog: pytest.LogCaptureFixture) -> None:
    two_sessions(tmp_path, DAMAGE[case])
    service = SessionService(TinyDBSessionStore(tmp_path))
    with caplog.at_level(logging.WARNING):
        listed = [s.code for s in service.list_sessions()]
    assert listed == [GOOD]
    unreadable = service.unreadable[BAD]
    assert f"La démarche {BAD} n'a pas pu être lue" in caplog.text and unreadable.reason in caplog.text
    assert not (tmp_path / f"{BAD}.json").exists(), "moved out of the way"
    aside = list((tmp_path / "quarantine").glob(f"{BAD}-*"))
    assert {p.suffix for p in aside} >= {".json", ".txt"}
    assert unreadable.reason in next(p for p in aside if p.suffix == ".txt").read_text(encoding="utf-8")
    assert service.find(BAD) is None and service.get(GOOD).code == GOOD
    service.close()


def test_a_file_from_a_newer_atelier_is_reported_and_left_in_place(tmp_path: Path) -> None:
    store = TinyDBSessionStore(tmp_path)
    record = records.session_record(make_session(code=BAD))
    record["session"]["schema"] = records.SCHEMA_VERSION + 1
    store.save(record)
    service = SessionService(TinyDBSessionStore(tmp_path))
    assert service.list_sessions() == []
    assert "version plus récente" in service.unreadable[BAD].reason
    assert (tmp_path / f"{BAD}.json").exists(), "a newer atelier reads it: nothing is moved"


def test_the_real_server_starts_with_a_damaged_file_and_says_so_on_the_home_page(tmp_path: Path) -> None:
    two_sessions(tmp_path, DAMAGE["truncated"])
    server = Server(tmp_path, free_port())
    server.start()  # waits until /healthz answers: the start did not stop on the bad file
    try:
        home = httpx.get(f"http://127.0.0.1:{server.port}/?token={TOKEN}", timeout=30, follow_redirects=True)
        good = httpx.get(f"http://127.0.0.1:{server.port}/j/{GOOD}", timeout=30)
    finally:
        server.stop()
    assert home.status_code == 200 and good.status_code == 200
    assert f"La démarche {BAD} n'a pas pu être lue" in home.text and "CC du Val" in home.text
    log = (tmp_path / "server.log").read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in log and f"La démarche {BAD} n'a pas pu être lue" in log
