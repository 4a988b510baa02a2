"""Entering a whole axe: how long the axes editor takes to show each piste added, as the list grows.

Run: python -m benchmarks.editor [--lines 30] [--rounds 3]

The real server starts on 127.0.0.1 with one démarche holding one axe and one orientation. A
simulated facilitator tab (NiceGUI's real protocol, see `load.Tab`) opens the editor, then adds the
orientation's pistes one at a time, as typed in « Nouvelle piste » and sent with Enter. For each
piste the time from the key to the update that shows the new line's field is noted. The editor
updates the line it adds only, so the time must not grow with the number of lines already there
(the target is 100 ms whatever the count). Prints one line per size and the slowest.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path

import httpx

from atelier import texts
from atelier.domain.axes import MAX_LINES
from atelier.domain.changes import AddAxis, AddAxisLine
from atelier.service import SessionService
from atelier.store import TinyDBSessionStore
from benchmarks.load import TOKEN, Server, Tab, free_port

PISTE = "Piste d'action numéro {n} : un texte de la longueur d'une vraie piste, écrit pour la mesure"


async def prepare(folder: Path) -> tuple[str, int]:
    service = SessionService(TinyDBSessionStore(folder))
    code = (await service.create_session(territory="CC du Banc d'essai", communes=["Vernoux"],
                                         themes=["Mobilité"])).code
    axis = await service.apply(code, AddAxis("Organiser le maillage et la coordination"))
    orientation = await service.apply(code, AddAxisLine(axis.id, "orientations", "Coordonner, mailler, informer"))
    service.close()
    return code, orientation.id


def new_piste_field(tab: Tab) -> str:
    """The field under the orientation (the first « Nouvelle piste » of the page)."""
    return tab.find(lambda e: e.get("props", {}).get("label") == texts.AXES_NEW_PISTE)


async def add_pistes(base: str, code: str, lines: int) -> list[float]:
    async with httpx.AsyncClient(timeout=60) as http:
        tab = Tab(base, f"/f/{code}/axes?token={TOKEN}")
        await tab.open(http)
        took = []
        for n in range(1, lines + 1):
            text = PISTE.format(n=n)
            field = new_piste_field(tab)
            await tab.emit(field, "update:value", text)
            shown = tab.watch(lambda t, text=text: any(e.get("props", {}).get("value") == text
                                                       for e in t.elements.values()))
            started = time.perf_counter()
            await tab.emit(field, "keydown", {"key": "Enter"})
            took.append(await asyncio.wait_for(shown, 30) - started)
        await tab.close()
        return took


async def round_trip(lines: int) -> list[float]:
    with tempfile.TemporaryDirectory() as folder:
        code, _ = await prepare(Path(folder))
        server = Server(Path(folder), free_port())
        server.start()
        try:
            return await add_pistes(f"http://127.0.0.1:{server.port}", code, lines)
        finally:
            server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=MAX_LINES)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    runs = [asyncio.run(round_trip(args.lines)) for _ in range(args.rounds)]
    for n in sorted({1, 5, 10, 20, args.lines} & set(range(1, args.lines + 1))):
        values = ", ".join(f"{run[n - 1] * 1000:.0f}" for run in runs)
        print(f"piste n° {n:>2} added → shown: {values} ms")
    print(f"slowest of {args.rounds} rounds of {args.lines} additions: {max(max(run) for run in runs) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
