"""« Je partage aussi » on the phone, and « Déjà signalé ? » under the text being typed.

Both lists are one element each (`CardList`), drawn by the browser: a new answer while a hall types,
or a page more of others' contributions, costs the server one property.
"""

from __future__ import annotations

from typing import Any

from atelier import texts
from atelier.context import Atelier
from atelier.domain.changes import ToggleShare
from atelier.domain.model import Contribution, ContributionKind
from atelier.domain.session import Session
from atelier.pages.drawn import CardList, button
from atelier.pages.frame import attempt
from atelier.pages.widgets import contribution_meta

SHARE = "share"


def share_item(contribution: Contribution, participant_id: str) -> dict[str, Any]:
    """Someone else's contribution: its text, its facts, and « Je partage aussi » if its kind allows it."""
    shared = participant_id in contribution.shared_by
    buttons = [button(SHARE, texts.PHONE_SHARED if shared else texts.PHONE_SHARE, filled=shared)] \
        if contribution.kind.spec.shareable else []
    return {"id": contribution.id, "kind": contribution.kind.value, "text": contribution.text,
            "meta": contribution_meta(contribution, with_theme=True), "buttons": buttons}


class ShareList:
    """Others' contributions in one `CardList`, each with « Je partage aussi » where it applies."""

    def __init__(self, atelier: Atelier, session: Session, participant_id: str) -> None:
        self.atelier, self.session, self.participant_id = atelier, session, participant_id
        self.cards = CardList(self._tapped).classes("w-full")

    def show(self, contributions: list[Contribution]) -> None:
        self.cards.set(items=[share_item(c, self.participant_id) for c in contributions])

    def withdraw(self, ids: set[int]) -> None:
        """Hidden, deleted or merged since: out of the list at once."""
        items = self.cards.props["items"]
        if any(item["id"] in ids for item in items):
            self.cards.set(items=[item for item in items if item["id"] not in ids])

    async def _tapped(self, cid: int, key: str) -> None:
        if await attempt(lambda: self.atelier.service.apply(
                self.session.code, ToggleShare(self.participant_id, cid))) is None:
            return
        contribution = self.session.contributions.get(cid)
        if contribution is not None:
            self.cards.set(items=[share_item(contribution, self.participant_id) if item["id"] == cid else item
                                  for item in self.cards.props["items"]])


class AlreadyReported:
    """At most three contributions like the one being typed; the participant may still send theirs.

    Hidden until an answer finds some: most phones never need it, and a hall joins at once.
    """

    def __init__(self, atelier: Atelier, session: Session, participant_id: str) -> None:
        self.atelier, self.session, self.participant_id = atelier, session, participant_id
        self.asked = 0  # the latest question; an older answer arriving late is dropped
        self.shown: tuple[int, ...] = ()
        self.list = ShareList(atelier, session, participant_id)
        self.box = self.list.cards.classes("similar").mark("similar")
        self.box.init(title=texts.PHONE_SIMILAR_TITLE)
        self.box.set_visibility(False)

    async def ask(self, kind: ContributionKind, text: str) -> None:
        self.asked += 1
        asked = self.asked
        found = await self.atelier.similar.similar(self.session, kind, text, participant_id=self.participant_id,
                                                   still_wanted=lambda: asked == self.asked)
        if asked == self.asked:
            self.show(kind, found)

    def clear(self) -> None:
        self.asked += 1
        self.show(None, [])

    def show(self, kind: ContributionKind | None, found: list[Contribution]) -> None:
        ids = tuple(c.id for c in found)
        if ids == self.shown:
            return  # the same answer: the buttons the participant may be reaching for stay put
        self.shown = ids
        self.list.show(found)
        if kind is not None:
            self.box.set(hint=texts.PHONE_SIMILAR_HINT if kind.spec.shareable else texts.PHONE_SIMILAR_KNOWN)
        self.box.set_visibility(bool(found))
