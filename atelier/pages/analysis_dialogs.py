"""The analysis screen's dialogs: link a contribution to an axe, an orientation or a piste; merge two."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from atelier import texts
from atelier.context import Atelier
from atelier.domain.axes import Target, TargetKind
from atelier.domain.changes import LinkEvidence, MergeContributions
from atelier.domain.model import Contribution
from atelier.domain.session import Session
from atelier.domain.validation import MAX_TEXT
from atelier.pages.frame import attempt
from atelier.pages.widgets import folded, heading


def _dialog(title: str) -> tuple[ui.dialog, ui.card]:
    # A dialog is drawn outside the page's column: the card takes the console's class for its styles.
    with ui.dialog() as dialog, ui.card().classes("console w-full max-w-3xl gap-2") as card:
        heading(title, 2)
    dialog.on("hide", dialog.delete)
    return dialog, card


def open_link_dialog(atelier: Atelier, session: Session, contribution: Contribution) -> None:
    """Every axe with its orientations and pistes; one tap links, and a target already linked says so."""
    dialog, card = _dialog(texts.ANALYSIS_LINK_TITLE.format(id=contribution.id))
    linked = set(session.evidence.uses_of(contribution.id))

    async def link(target: Target, label: str) -> None:
        if await attempt(lambda: atelier.service.apply(session.code, LinkEvidence.of(contribution.id,
                                                                                     target))) is not None:
            dialog.close()
            ui.notify(texts.ANALYSIS_LINK_DONE.format(use=label), type="positive", position="top")

    def choice(target: Target, label: str) -> ui.button:
        button = ui.button(f"{label} ✓" if target in linked else label,
                           on_click=lambda: link(target, label)).props("outline no-caps align=left") \
            .classes("w-full").mark(f"target-{target.kind.value}-{target.id}")
        button.set_enabled(target not in linked)
        return button

    # Each axe's button, with its orientations' and pistes' buttons and their labels: what typing narrows.
    groups: list[tuple[ui.button, str, list[tuple[ui.button, str]]]] = []

    def narrow(typed: str) -> None:
        """Keep what contains the typed words (accents and case aside), and the axe they are under."""
        needle = folded(typed)
        for axis_button, axis_label, lines in groups:
            axis_hit = needle in folded(axis_label)
            any_line = False
            for button, label in lines:
                hit = axis_hit or needle in folded(label)
                button.set_visibility(hit)
                any_line = any_line or hit
            axis_button.set_visibility(axis_hit or any_line)

    with card:
        ui.label(contribution.text).classes("participant-text italic")
        ui.label(texts.ANALYSIS_LINK_HINT)
        if not session.axes.axes:
            ui.label(texts.ANALYSIS_LINK_NO_AXES).mark("link-no-axes")
            ui.link(texts.CONSOLE_AXES, f"/f/{session.code}/axes")
        else:
            ui.input(texts.ANALYSIS_LINK_SEARCH, on_change=lambda e: narrow(e.value or "")) \
                .props("outlined dense clearable autofocus").classes("w-full").mark("link-search")
        for number, axis in enumerate(session.axes.axes, start=1):
            axis_label = f"{texts.AXES_NUMBER.format(number=number)} — {axis.title}"
            lines: list[tuple[ui.button, str]] = []
            groups.append((choice(Target(TargetKind.AXIS, axis.id), axis_label), axis_label, lines))
            with ui.column().classes("w-full gap-1 pl-6"):
                for orientation, pistes in axis.outline():  # each orientation, its pistes one level in
                    if orientation is not None:
                        label = f"{texts.TARGET_LABELS[TargetKind.ORIENTATION]} : {orientation.text}"
                        lines.append((choice(Target(TargetKind.ORIENTATION, orientation.id), label), label))
                    for piste in pistes:
                        label = f"{texts.TARGET_LABELS[TargetKind.PISTE]} : {piste.text}"
                        button = choice(Target(TargetKind.PISTE, piste.id), label)
                        if orientation is not None:
                            button.classes("ml-6")
                        lines.append((button, label))
        with ui.row().classes("w-full justify-end"):
            ui.button(texts.PHONE_CANCEL, on_click=dialog.close).props("flat no-caps")
    dialog.open()


def open_merge_dialog(atelier: Atelier, session: Session, first: Contribution, second: Contribution,
                      on_merged: Callable[[Contribution], None]) -> None:
    """Both texts side by side and the merged text, editable (the first one's to start with)."""
    dialog, card = _dialog(texts.ANALYSIS_MERGE_TITLE.format(first=first.id, second=second.id))
    with card:
        ui.label(texts.ANALYSIS_MERGE_HINT)
        for original in (first, second):
            with ui.column().classes("gap-0 w-full merge-original"):
                ui.label(f"n° {original.id} · {texts.KIND_LABELS[original.kind]}").classes("font-bold")
                ui.label(original.text).classes("participant-text")
        text = ui.textarea(texts.ANALYSIS_MERGE_TEXT, value=first.text).classes("w-full") \
            .props(f"outlined autogrow counter maxlength={MAX_TEXT}").mark("merge-text")
        error = ui.label().classes("text-red-700 font-bold")
        error.set_visibility(False)

        async def merge() -> None:
            result = await attempt(lambda: atelier.service.apply(
                session.code, MergeContributions(first.id, second.id, text=text.value or "")), error)
            if result is not None:
                dialog.close()
                on_merged(result)

        with ui.row().classes("w-full justify-end"):
            ui.button(texts.PHONE_CANCEL, on_click=dialog.close).props("flat no-caps")
            ui.button(texts.ANALYSIS_MERGE_CONFIRM, on_click=merge).props("no-caps").mark("merge-confirm")
    dialog.open()
