"""The real `atelier serve`, started the way a facilitator starts it, on 127.0.0.1 and a free port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

STARTUP_SECONDS = 30.0


@dataclass(frozen=True)
class Server:
    base_url: str
    token: str
    data_dir: Path
    log: Path

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    def facilitator_url(self, path: str = "/") -> str:
        return f"{self.base_url}{path}?token={self.token}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(data_dir: Path, token: str) -> tuple[Server, subprocess.Popen]:
    """Start the server with the demo démarche and wait until /healthz answers."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    log = data_dir / "server.log"
    command = [sys.executable, "-m", "atelier", "serve", "--host", "127.0.0.1", "--port", str(port),
               "--data-dir", str(data_dir), "--public-url", base_url, "--demo"]
    # Run as a facilitator runs it: NiceGUI changes its behaviour (port, storage) when it sees pytest.
    env = {name: value for name, value in os.environ.items()
           if name != "PYTEST_CURRENT_TEST" and not name.startswith("NICEGUI_")}
    env |= {"ATELIER_FACILITATOR_TOKEN": token, "PYTHONUNBUFFERED": "1"}
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(command, cwd=data_dir, env=env, stdout=out, stderr=subprocess.STDOUT)
    server = Server(base_url=base_url, token=token, data_dir=data_dir, log=log)
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"atelier serve exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(server.url("/healthz"), timeout=1) as response:
                if response.status == 200:
                    return server, process
        except OSError:
            time.sleep(0.2)
    stop(process)
    raise RuntimeError(f"atelier serve did not answer /healthz within {STARTUP_SECONDS:.0f} s:\n{log.read_text()}")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
