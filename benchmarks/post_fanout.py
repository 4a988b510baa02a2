"""How the cost of one post grows (or not) with the number of connected phones.

Run: python -m benchmarks.post_fanout
Prints, for 0, 50 and 300 subscribed phones: time per post (durable write included, group-committed
when posts arrive together), file writes, and how many page handlers each post woke up. The last
number must stay constant: a post reaches the wall (projection, console) and its author's devices,
never every phone.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

from atelier.domain.changes import AddContribution, RegisterParticipant, SetPhaseStatus
from atelier.domain.model import PhaseKey, PhaseStatus
from atelier.live import LiveHub, author, session, wall
from atelier.service import SessionService
from atelier.store import TinyDBSessionStore

POSTS = 300
THEMES = ["Mobilité", "Santé", "Logement et habitat"]


async def run(phones: int, folder: Path) -> tuple[float, float, int, float]:
    hub = LiveHub()
    service = SessionService(TinyDBSessionStore(folder), publish=hub.publish)
    code = (await service.create_session(territory="CC Bench", communes=["A", "B"], themes=THEMES)).code
    await service.apply(code, SetPhaseStatus(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.OPEN))
    woken = 0

    def handler(_event: object) -> None:
        nonlocal woken
        woken += 1

    hub.subscribe(wall(code), handler)  # one projection
    for i in range(max(phones, POSTS)):
        await service.apply(code, RegisterParticipant(f"p{i}", role="elu", commune="A"))
    for i in range(phones):
        hub.subscribe(session(code), handler)
        hub.subscribe(author(code, f"p{i}"), handler)
    woken = 0

    started = time.perf_counter()
    for i in range(POSTS // 2):  # one at a time: every post is its own durable write
        await service.apply(code,
                            AddContribution(f"p{i}", kind="difficulte", text=f"Difficulté {i}", theme=THEMES[i % 3],
                                            risk="modere"))
    sequential = (time.perf_counter() - started) / (POSTS // 2)
    writes_before = service.committer.writes
    started = time.perf_counter()
    await asyncio.gather(*[service.apply(code,
                                         AddContribution(f"p{i}", kind="ressource", text=f"Ressource {i}",
                                                         theme=THEMES[i % 3])) for i in range(POSTS // 2, POSTS)])
    burst = (time.perf_counter() - started) / (POSTS // 2)
    writes = service.committer.writes - writes_before
    service.close()
    return sequential * 1000, burst * 1000, writes, woken / POSTS


def main() -> None:
    print(f"{'phones':>7} {'ms/post (one by one)':>21} {'ms/post (burst)':>16} {'writes for burst':>17} "
          f"{'handlers/post':>14}")
    for phones in (0, 50, 300):
        with tempfile.TemporaryDirectory() as folder:
            sequential, burst, writes, woken = asyncio.run(run(phones, Path(folder)))
        print(f"{phones:>7} {sequential:>21.2f} {burst:>16.2f} {writes:>17} {woken:>14.1f}")


if __name__ == "__main__":
    main()
