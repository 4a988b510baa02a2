"""`atelier cluster --workers 3`: PostgreSQL, the workers and nginx on one machine, on loopback for the
workers and the database; stopped together (Ctrl+C). What a hosting service runs under systemd, in one
command, to try it or to test it."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from atelier.cluster.postgres import LocalPostgres, free_port
from atelier.cluster.proxy import nginx_binary, nginx_config, prepare_runtime
from atelier.config import SECRET_ENV, TOKEN_ENV, AppConfig

START_SECONDS = 60.0


@dataclass
class Worker:
    name: str
    port: int
    process: subprocess.Popen[bytes]
    log: Path


@dataclass
class Cluster:
    """`start()` brings everything up and returns once the proxy answers; `stop()` takes it all down."""

    workers: int
    data_dir: Path
    host: str = "127.0.0.1"
    port: int = 8080
    store: str | None = None  # postgresql://…; None: a throw-away PostgreSQL in a temporary folder
    public_url: str | None = None
    demo: bool = False
    running: list[Worker] = field(default_factory=list)
    database: LocalPostgres | None = None
    proxy: subprocess.Popen[bytes] | None = None
    runtime: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="atelier-cluster-")))

    @property
    def url(self) -> str:
        return self.public_url or f"http://{'127.0.0.1' if self.host in ('0.0.0.0', '') else self.host}:{self.port}"

    def facilitator_url(self) -> str:
        return AppConfig.from_data_dir(self.data_dir, self.url).facilitator_url()

    def start(self) -> None:
        nginx = nginx_binary()
        if nginx is None:
            raise FileNotFoundError("nginx not found (Debian: apt install nginx)")
        if self.store is None:
            self.database = LocalPostgres()
            self.store = self.database.start()
        config = AppConfig.from_data_dir(self.data_dir, self.url)  # one token and one secret for all workers
        # Started from a test, the workers must not believe they are one (NiceGUI reads these).
        inherited = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "NICEGUI_"))}
        env = {**inherited, TOKEN_ENV: config.facilitator_token, SECRET_ENV: config.storage_secret}
        for index in range(1, self.workers + 1):
            self.running.append(self._worker(f"w{index}", env, demo=self.demo and index == 1))
        for worker in self.running:
            self._wait_healthy(worker)
        user = prepare_runtime(self.runtime)
        conf = self.runtime / "nginx.conf"
        conf.write_text(nginx_config(f"{self.host}:{self.port}", [(w.name, w.port) for w in self.running],
                                     runtime=self.runtime, user=user), encoding="utf-8")
        self.proxy = subprocess.Popen([nginx, "-p", str(self.runtime), "-c", str(conf), "-g", "daemon off;"],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        local = "127.0.0.1" if self.host in ("0.0.0.0", "", "::") else self.host
        self._wait_url(f"http://{local}:{self.port}/healthz", what="nginx", process=self.proxy)

    def _worker(self, name: str, env: dict[str, str], *, demo: bool) -> Worker:
        port = free_port()
        folder = self.data_dir / "workers" / name  # its browsers' storage and its backups
        log = self.runtime / f"{name}.log"
        command = [sys.executable, "-m", "atelier", "serve", "--host", "127.0.0.1", "--port", str(port),
                   "--worker", name, "--store", str(self.store), "--data-dir", str(folder),
                   "--public-url", self.url, *(["--demo"] if demo else [])]
        with log.open("wb") as out:
            process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)
        return Worker(name, port, process, log)

    def _wait_healthy(self, worker: Worker) -> None:
        self._wait_url(f"http://127.0.0.1:{worker.port}/healthz", what=worker.name, process=worker.process,
                       log=worker.log)

    @staticmethod
    def _wait_url(url: str, *, what: str, process: subprocess.Popen[bytes], log: Path | None = None) -> None:
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if process.poll() is not None:
                told = log.read_text(encoding="utf-8", errors="replace")[-2000:] if log else \
                    (process.stderr.read().decode(errors="replace") if process.stderr else "")
                raise RuntimeError(f"{what} stopped at start:\n{told}")
            try:
                with urllib.request.urlopen(url, timeout=2) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"{what} did not answer within {START_SECONDS:.0f} s")

    def stop(self) -> None:
        processes = [w.process for w in self.running] + ([self.proxy] if self.proxy else [])
        for process in processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM if process is not self.proxy else signal.SIGQUIT)
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        if self.database is not None:
            self.database.stop()
        shutil.rmtree(self.runtime, ignore_errors=True)


def run(workers: int, *, host: str, port: int, data_dir: Path, store: str | None, public_url: str | None,
        demo: bool) -> int:
    from atelier import texts
    from atelier.network import public_base_url

    # What phones open: the address given, or this machine's own on the network (as `atelier serve`).
    cluster = Cluster(workers, data_dir.resolve(), host=host, port=port, store=store,
                      public_url=public_base_url(host, port, public_url), demo=demo)
    try:
        cluster.start()
    except (FileNotFoundError, RuntimeError) as error:
        print(texts.CLI_CLUSTER_FAILED.format(reason=error), file=sys.stderr)
        cluster.stop()
        return 1
    print(texts.CLI_CLUSTER_READY.format(workers=workers, url=cluster.url, store=_without_password(cluster.store),
                                         token=cluster.facilitator_url()), flush=True)
    stopping = False

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True
    signal.signal(signal.SIGTERM, stop)
    try:
        while not stopping:
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        cluster.stop()
    return 0


def _without_password(url: str | None) -> str:
    if not url or "@" not in url:
        return url or ""
    scheme, _, rest = url.partition("://")
    credentials, _, place = rest.rpartition("@")
    return f"{scheme}://{credentials.split(':', 1)[0]}@{place}"
