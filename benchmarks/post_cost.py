"""What one post costs the server, with an empty session and with 5,000 contributions already stored.

Run: python -m benchmarks.post_cost
For each size, a session is filled (through the real changes, then reloaded from disk), and 50
posts are made one at a time, each awaited until durable (journal append and fsync included).
Prints the mean and the slowest post, and the bytes written per post. The two rows must be of
the same order: a post appends one journal line whatever the session holds.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from atelier.domain.changes import AddContribution, RegisterParticipant, SetPhaseStatus
from atelier.domain.model import PhaseKey, PhaseStatus
from atelier.service import SessionService
from atelier.store import TinyDBSessionStore

THEMES = ["Mobilité", "Santé", "Logement et habitat"]
POSTS = 50
PER_AUTHOR = 150  # under the per-phase limit of each participant


async def fill(folder: Path, stored: int) -> str:
    service = SessionService(TinyDBSessionStore(folder))
    code = (await service.create_session(territory="CC Bench", communes=["A", "B"], themes=THEMES)).code
    await service.apply(code, SetPhaseStatus(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.OPEN))
    for i in range(POSTS):
        await service.apply(code, RegisterParticipant(f"p{i}", role="elu", commune="A"))
    for author in range(0, stored, PER_AUTHOR):
        await service.apply(code, RegisterParticipant(f"q{author}", role="elu", commune="B"))
        await asyncio.gather(*[service.apply(code, AddContribution(
            f"q{author}", kind="ressource", text=f"Ressource déjà là numéro {i}, un texte de longueur ordinaire",
            theme=THEMES[i % 3])) for i in range(author, min(author + PER_AUTHOR, stored))])
    service.close()
    return code


async def measure(folder: Path, code: str) -> tuple[float, float, float]:
    service = SessionService(TinyDBSessionStore(folder))  # reloaded from disk, as after a restart
    service.get(code)
    journal = folder / f"{code}.journal"
    size_before = journal.stat().st_size if journal.exists() else 0
    times = []
    for i in range(POSTS):
        started = time.perf_counter()
        await service.apply(code, AddContribution(f"p{i}", kind="difficulte", text=f"Difficulté {i}",
                                                  theme=THEMES[i % 3], risk="modere"))
        times.append(time.perf_counter() - started)
    service.close()
    written = (journal.stat().st_size - size_before) / POSTS if journal.exists() else 0.0
    return statistics.mean(times) * 1000, max(times) * 1000, written


def main() -> None:
    print(f"{'stored':>7} {'mean ms/post':>13} {'max ms':>8} {'bytes written/post':>19}")
    for stored in (0, 5000):
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            code = asyncio.run(fill(folder, stored))
            mean, slowest, written = asyncio.run(measure(folder, code))
            print(f"{stored:>7} {mean:>13.2f} {slowest:>8.2f} {written:>19.0f}")


if __name__ == "__main__":
    main()
