"""The deployment's commands say in French what is wrong before anything starts."""

from __future__ import annotations

import pytest

from atelier import cli, texts
from atelier.cluster.postgres import free_port


@pytest.mark.parametrize(("worker", "store", "expected"), [
    ("serveur-1", "postgresql://atelier@127.0.0.1:5432/atelier", texts.CLI_BAD_WORKER.format(name="serveur-1")),
    ("w1", "tinydb:", texts.CLI_WORKER_NEEDS_POSTGRES),
])
def test_a_worker_needs_a_name_like_w1_and_a_shared_database(worker: str, store: str, expected: str,
                                                             capsys: pytest.CaptureFixture[str],
                                                             monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.delenv("ATELIER_STORE", raising=False)
    code = cli.main(["serve", "--host", "127.0.0.1", "--port", str(free_port()), "--worker", worker,
                     "--store", store, "--data-dir", str(tmp_path)])
    assert code == 1 and expected in capsys.readouterr().err
    assert not list(tmp_path.iterdir()), "nothing started, nothing written"


def test_an_unreachable_database_is_said_in_french(tmp_path) -> None:
    url = f"postgresql://atelier@127.0.0.1:{free_port()}/atelier"  # nobody listens there
    with pytest.raises(SystemExit) as stopped:
        cli.main(["export", "KMNPQR", "--store", url, "--data-dir", str(tmp_path)])
    assert str(stopped.value).startswith(texts.CLI_STORE_FAILED.format(url=url, reason="")[:40])
