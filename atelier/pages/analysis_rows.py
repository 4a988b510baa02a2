"""One contribution on the analysis screen: its state, its signature, where it is used, and its actions."""

from __future__ import annotations

from typing import Protocol

from nicegui import ui

from atelier import texts
from atelier.context import Atelier
from atelier.domain.axes import Target
from atelier.domain.changes import UnlinkEvidence
from atelier.domain.errors import NotFound
from atelier.domain.model import Contribution
from atelier.domain.session import Session
from atelier.domain.testimony import attribution
from atelier.pages.analysis_dialogs import open_link_dialog
from atelier.pages.frame import attempt
from atelier.pages.widgets import contribution_meta, held_reasons


class RowHost(Protocol):
    """What a row needs from the screen that holds it (the analysis screen)."""

    atelier: Atelier
    session: Session

    def account(self, row: AnalysisRow) -> None: ...

    def index_uses(self, cid: int, before: set[int], after: set[int]) -> None: ...

    def set_picked(self, cid: int, picked: bool) -> None: ...


def describe_use(session: Session, target: Target) -> tuple[int, str] | None:
    """(axe id, « Piste d'action « … » (axe « … ») »), or None if the target left the board meanwhile."""
    try:
        axis, line = session.axes.locate(target)
    except NotFound:
        return None
    if line is None:
        return axis.id, texts.ANALYSIS_USE_AXIS.format(axis=axis.title)
    return axis.id, texts.ANALYSIS_USE_LINE.format(kind=texts.TARGET_LABELS[target.kind], line=line.text,
                                                   axis=axis.title)


def state_tags(contribution: Contribution) -> list[str]:
    tags = []
    if contribution.merged_from:
        tags.append(texts.ANALYSIS_MERGED_FROM.format(ids=" et ".join(map(str, contribution.merged_from))))
    if contribution.merged_into is not None:
        tags.append(texts.ANALYSIS_STATE_MERGED_INTO.format(id=contribution.merged_into))
    elif contribution.hidden:
        tags.append(texts.ANALYSIS_STATE_HIDDEN)
    elif contribution.held:
        tags.append(texts.CONSOLE_HELD_TAG.format(reasons=held_reasons(contribution)))
    return tags


class AnalysisRow:
    def __init__(self, screen: RowHost, contribution: Contribution) -> None:
        self.screen = screen
        self.contribution = contribution
        self.axes: set[int] = set()  # the axes it is used in, as last shown
        cid = contribution.id
        with ui.card().classes("w-full gap-1").mark(f"analysis-{cid}") as self.box:
            with ui.row().classes("w-full items-start justify-between no-wrap"):
                with ui.column().classes("gap-0 min-w-0"):
                    self.title = ui.label().classes("font-bold")
                    self.text = ui.label().classes("participant-text text-lg")
                    self.meta = ui.label().classes("text-gray-700")
                    self.signature = ui.label().classes("text-gray-700")
                with ui.row().classes("gap-2 no-wrap items-center") as self.actions:
                    self.pick = ui.checkbox(texts.ANALYSIS_PICK, on_change=self._picked).mark(f"pick-{cid}")
                    ui.button(texts.ANALYSIS_LINK, on_click=self._link).props("outline no-caps").mark(f"link-{cid}")
            self.uses = ui.row().classes("w-full items-center gap-2").mark(f"uses-{cid}")
        self.update(contribution)
        self.refresh_uses()

    def update(self, contribution: Contribution) -> None:
        self.contribution = c = contribution
        session = self.screen.session
        self.title.set_text(" · ".join([f"n° {c.id}", texts.KIND_LABELS[c.kind], texts.PHASE_LABELS[c.phase],
                                        *state_tags(c)]))
        self.text.set_text(c.text)
        self.meta.set_text(contribution_meta(c, with_theme=True))
        signature = texts.signature(attribution(c, session.participants.get(c.author_id)))
        self.signature.set_text(texts.ANALYSIS_SIGNED.format(who=signature) if signature else texts.ANALYSIS_ANONYMOUS)
        self.text.classes(add="row-hidden") if not c.is_visible else self.text.classes(remove="row-hidden")
        self.actions.set_visibility(c.is_visible)
        if not c.is_visible and self.pick.value:
            self.pick.value = False
        self.screen.account(self)

    def refresh_uses(self) -> None:
        session, cid = self.screen.session, self.contribution.id
        uses = [(target, described) for target in session.evidence.uses_of(cid)
                if (described := describe_use(session, target)) is not None]
        self.uses.clear()
        with self.uses:
            if not uses and self.contribution.merged_into is None:  # a merged one's links went to the result
                ui.label(texts.ANALYSIS_NOT_USED).classes("text-gray-700 italic").mark(f"not-used-{cid}")
            elif uses:
                ui.label(texts.ANALYSIS_USED_IN).classes("font-bold")
            for target, (_, label) in uses:
                with ui.row().classes("use-chip items-center gap-1 no-wrap"):
                    ui.label(label)
                    unlink = ui.button(texts.ANALYSIS_UNLINK, on_click=lambda t=target: self._unlink(t)) \
                        .props("flat dense no-caps").mark(f"unlink-{cid}-{target.kind.value}-{target.id}")
                    unlink.props["aria-label"] = texts.ANALYSIS_UNLINK_LABEL.format(use=label)
        self.screen.index_uses(cid, self.axes, {axis_id for _, (axis_id, _) in uses})
        self.axes = {axis_id for _, (axis_id, _) in uses}
        self.screen.account(self)

    def _picked(self) -> None:
        self.screen.set_picked(self.contribution.id, bool(self.pick.value))

    def _link(self) -> None:
        open_link_dialog(self.screen.atelier, self.screen.session, self.contribution)

    async def _unlink(self, target: Target) -> None:
        screen = self.screen
        await attempt(lambda: screen.atelier.service.apply(screen.session.code, UnlinkEvidence.of(self.contribution.id,
                                                                     target)))
