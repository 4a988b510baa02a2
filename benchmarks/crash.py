"""Power cuts during a burst: kill -9 the writer while 100 phones post, then count what survived.

Run: python -m benchmarks.crash [--rounds 10] [--phones 100]
Each round starts a writer process on a fresh data dir; it posts bursts of one contribution per phone
through the real service and store, printing each acknowledgement as it comes. After a random delay
the process is killed with SIGKILL; the session is then reloaded from disk. Every acknowledged
contribution must be there exactly once; nothing that was refused may be there. Prints one line per
round and exits non-zero if any round lost or invented a contribution.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from atelier.domain.changes import AddContribution, RegisterParticipant, SetPhaseStatus
from atelier.domain.model import PhaseKey, PhaseStatus
from atelier.service import SessionService, load_session
from atelier.store import TinyDBSessionStore

THEMES = ["Mobilité", "Santé"]


async def write(folder: Path, phones: int) -> None:
    """The child: post bursts until killed; one line per answer, flushed."""
    service = SessionService(TinyDBSessionStore(folder))
    code = (await service.create_session(territory="CC Crash", communes=["A"], themes=THEMES)).code
    await service.apply(code, SetPhaseStatus(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.OPEN))
    for i in range(phones):
        await service.apply(code, RegisterParticipant(f"p{i}", role="elu", commune="A"))
    print(f"code {code}", flush=True)

    async def post(text: str, author: str) -> None:
        try:
            await service.apply(code, AddContribution(author, kind="ressource", text=text, theme="Santé"))
        except Exception:
            print(f"refused {text}", flush=True)
        else:
            print(f"ack {text}", flush=True)

    for burst in range(100):  # bounded: about 10,000 posts at most
        await asyncio.gather(*[post(f"b{burst}-p{i}", f"p{i}") for i in range(phones)])


def one_round(phones: int, seed: int) -> tuple[int, int, int, int]:
    """Returns (acknowledged, found, missing, unexpected)."""
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as folder:
        child = subprocess.Popen([sys.executable, "-m", "benchmarks.crash", "--child", folder, "--phones", str(phones)],
                                 stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        assert child.stdout is not None
        code = child.stdout.readline().split()[1]
        deadline = time.monotonic() + rng.uniform(0.2, 1.5)
        lines: list[str] = []
        os.set_blocking(child.stdout.fileno(), False)
        while time.monotonic() < deadline and child.poll() is None:
            lines += child.stdout.readlines()
            time.sleep(0.01)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        os.set_blocking(child.stdout.fileno(), True)
        lines += child.stdout.readlines()
        acked = {line.split()[1] for line in lines if line.startswith("ack ")}
        refused = {line.split()[1] for line in lines if line.startswith("refused ")}
        session = load_session(TinyDBSessionStore(Path(folder)), code)
        assert session is not None
        found = Counter(c.text for c in session.contributions.values())
        missing = len(acked - set(found))
        unexpected = len(refused & set(found)) + sum(n - 1 for n in found.values() if n > 1)
        return len(acked), sum(found.values()), missing, unexpected


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--phones", type=int, default=100)
    parser.add_argument("--child", default=None)
    args = parser.parse_args()
    if args.child:
        asyncio.run(write(Path(args.child), args.phones))
        return
    failures = 0
    print(f"{'round':>5} {'acknowledged':>13} {'on disk':>8} {'missing':>8} {'unexpected':>11}")
    for round_ in range(1, args.rounds + 1):
        acked, found, missing, unexpected = one_round(args.phones, seed=round_)
        failures += bool(missing or unexpected)
        print(f"{round_:>5} {acked:>13} {found:>8} {missing:>8} {unexpected:>11}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
