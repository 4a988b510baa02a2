"""« Déjà signalé ? »: one similarity index per session, kept current by the service's events.

The phone asks while its participant types; the answer is computed on a worker thread so the event
loop keeps serving the room. Events arrive on the loop and are only queued there (no lock, no
text analysis): the worker applies them, under the session's lock, before answering. An index is
built from the session the first time it is asked for, and built again if the session was reloaded
(a restore puts a new object in memory); one whose session has left memory is dropped.
"""

from __future__ import annotations

import asyncio
import threading
import weakref
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from atelier.domain.events import (
    ContributionAdded,
    ContributionChanged,
    ContributionDeleted,
    ContributionsMerged,
    ContributionsUnmerged,
    DomainEvent,
)
from atelier.domain.merge import authors_of
from atelier.domain.model import Contribution, ContributionKind
from atelier.domain.session import Session
from atelier.synthesis.similarity import SUGGEST_SCORE, SimilarityIndex

MIN_WORDS = 4  # fewer words say too little to compare: « manque de bus » matches everything
SHOWN = 3
SPARE = 5  # a few more are asked for, since the participant's own are left out afterwards

# (key, kind, text) to index, or (key, None, "") to forget
_Update = tuple[int, ContributionKind | None, str]


def updates_of(event: DomainEvent) -> list[_Update]:
    match event:
        case ContributionAdded(contribution=c) | ContributionChanged(contribution=c):
            return [_update(c)]
        case ContributionDeleted(contribution=c):
            return [(c.id, None, "")]
        case ContributionsMerged(result=result, originals=originals):
            return [*((c.id, None, "") for c in originals), _update(result)]
        case ContributionsUnmerged(result_id=result_id, originals=originals):
            return [(result_id, None, ""), *(_update(c) for c in originals)]
    return []


def _update(contribution: Contribution) -> _Update:
    return (contribution.id, contribution.kind if contribution.is_visible else None, contribution.text)


@dataclass
class _SessionIndex:
    session: weakref.ReferenceType[Session]
    seed: list[_Update]  # the session's contributions when the index was asked for, until built
    pending: deque[_Update] = field(default_factory=deque)
    by_kind: dict[ContributionKind, SimilarityIndex] = field(default_factory=dict)
    kind_of: dict[int, ContributionKind] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def catch_up(self) -> None:
        """On the worker, under the lock: the seed first, then what happened since."""
        for update in self.seed:
            self._apply(update)
        self.seed = []
        while self.pending:
            self._apply(self.pending.popleft())

    def _apply(self, update: _Update) -> None:
        key, kind, text = update
        previous = self.kind_of.pop(key, None)
        if previous is not None:
            self.by_kind[previous].discard(key)
        if kind is not None and text.strip():
            if kind not in self.by_kind:  # not setdefault: an index (and its analyser) costs its patterns
                self.by_kind[kind] = SimilarityIndex()
            self.by_kind[kind].put(key, text)
            self.kind_of[key] = kind


class SimilarContributions:
    """Feed it every published event (`hear`); ask it from a page (`similar`)."""

    def __init__(self) -> None:
        self._indexes: dict[str, _SessionIndex] = {}
        # One worker: checks from a full hall queue behind each other instead of taking every core
        # from the loop; a check nobody waits for any more is skipped (`still_wanted`).
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="similar")

    def hear(self, event: DomainEvent) -> None:
        index = self._indexes.get(event.code)
        if index is not None:
            index.pending.extend(updates_of(event))

    async def similar(self, session: Session, kind: ContributionKind, text: str, *, participant_id: str,
                      still_wanted: Callable[[], bool] = lambda: True) -> list[Contribution]:
        """At most SHOWN visible contributions of `kind` like `text`, not the participant's own."""
        if len(text.split()) < MIN_WORDS:
            return []
        index = self._index_of(session)
        loop = asyncio.get_running_loop()
        keys = await loop.run_in_executor(self._worker, _query, index, kind, text, still_wanted)
        found = (session.contributions.get(key) for key in keys)
        return [c for c in found if c is not None and c.is_visible and c.kind is kind
                and participant_id not in authors_of(c, session.contributions)][:SHOWN]

    def close(self) -> None:
        self._worker.shutdown(wait=False, cancel_futures=True)

    def _index_of(self, session: Session) -> _SessionIndex:
        for code in [c for c, i in self._indexes.items() if i.session() is None]:
            del self._indexes[code]  # that session left memory
        index = self._indexes.get(session.code)
        if index is None or index.session() is not session:
            seed = [_update(c) for c in session.contributions.values()]  # on the loop: nothing changes meanwhile
            index = self._indexes[session.code] = _SessionIndex(weakref.ref(session), seed)
        return index


def _query(index: _SessionIndex, kind: ContributionKind, text: str, still_wanted: Callable[[], bool]) -> list[int]:
    if not still_wanted():
        return []
    with index.lock:
        index.catch_up()
        similarity = index.by_kind.get(kind)
        if similarity is None:
            return []
        hits = similarity.similar(text, limit=SHOWN + SPARE, threshold=SUGGEST_SCORE)
    return [hit.key for hit in hits if isinstance(hit.key, int)]
