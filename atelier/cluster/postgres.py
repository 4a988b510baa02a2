"""A throw-away PostgreSQL server on loopback, from the system's own binaries (Debian's `postgresql`
package): for `atelier cluster` on one machine and for the tests. Never used by a laptop's evening."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import psycopg

SYSTEM_USER = "postgres"  # initdb refuses to run as root: the server then runs as this account
DATABASE = "atelier"


def binaries() -> Path | None:
    """The folder holding initdb and pg_ctl: on the PATH, or Debian's versioned folder (newest first)."""
    found = shutil.which("pg_ctl")
    if found and (Path(found).parent / "initdb").exists():
        return Path(found).parent
    folders = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda f: int(Path(f).parent.name), reverse=True)
    return next((Path(f) for f in folders if (Path(f) / "initdb").exists()), None)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class LocalPostgres:
    """`start()` creates a cluster in a new temporary folder and serves it on 127.0.0.1; `stop()` removes it."""

    def __init__(self, port: int | None = None) -> None:
        folder = binaries()
        if folder is None:
            raise FileNotFoundError("PostgreSQL's initdb and pg_ctl were not found (Debian: apt install postgresql)")
        self.bin = folder
        self.port = port or free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="atelier-pg-"))
        self.data = self.folder / "data"
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            account = pwd.getpwnam(SYSTEM_USER)
            os.chown(self.folder, account.pw_uid, account.pw_gid)
            self._as_user = ["runuser", "-u", SYSTEM_USER, "--"]

    @property
    def url(self) -> str:
        return f"postgresql://atelier@127.0.0.1:{self.port}/{DATABASE}"

    def start(self) -> str:
        self._run("initdb", "-D", str(self.data), "-U", "atelier", "--auth=trust", "-E", "UTF8", "--no-sync")
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} -c max_connections=200"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"), "-o", options, "-w", "start")
        with psycopg.connect(f"postgresql://atelier@127.0.0.1:{self.port}/postgres", autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {DATABASE}")
        return self.url

    def stop(self) -> None:
        if self.data.exists():
            subprocess.run([*self._as_user, str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"],
                           capture_output=True, check=False)
        shutil.rmtree(self.folder, ignore_errors=True)

    def _run(self, program: str, *args: str) -> None:
        done = subprocess.run([*self._as_user, str(self.bin / program), *args], capture_output=True, text=True,
                              cwd=self.folder, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{program} failed: {done.stderr.strip() or done.stdout.strip()}")
