"""Small pieces shown on several pages. Participant text always goes through `ui.label` (text, never HTML)."""

from __future__ import annotations

import unicodedata
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any

from nicegui import ui
from nicegui.elements.mixins.text_element import TextElement
from nicegui.events import GenericEventArguments

from atelier import texts
from atelier.domain.analysis import NONE
from atelier.domain.model import Contribution, ContributionKind, Phase, PhaseKey, PhaseStatus
from atelier.domain.session import Session
from atelier.pages.drawn import Drawn
from atelier.qr import qr_svg

# The keys of filter selects (a select needs non-empty keys): any value, and « none » (tout le
# territoire, sans structure). `criterion` turns a key into a `ContributionFilter` value.
ALL = "*"
NONE_OPTION = "~"
VISIBLE, HIDDEN = "visible", "hidden"


def criterion(name: str, key: str | None) -> Any:
    """A filter select's key → the `ContributionFilter` field's value (None: any)."""
    if key in (None, ALL):
        return None
    if name == "phase":
        return PhaseKey(key)
    if name == "kind":
        return ContributionKind(key)
    if name == "visible":
        return key == VISIBLE
    return NONE if key == NONE_OPTION else key


def held_reasons(contribution: Contribution) -> str:
    """« contient un numéro de téléphone, contient un mot de la liste à vérifier »: why it waits."""
    return ", ".join(texts.HOLD_REASONS[reason] for reason in contribution.held)


def contribution_meta(contribution: Contribution, *, with_theme: bool = False) -> str:
    """« Commune · Risque élevé · Structure · +3 », the facts under a contribution's text."""
    parts = [contribution.theme] if with_theme else []
    parts.append(contribution.commune or texts.WHOLE_TERRITORY)
    if contribution.risk:
        parts.append(texts.RISK_LABELS[contribution.risk])
    if contribution.structure:
        parts.append(contribution.structure)
    if contribution.share_count:
        parts.append(texts.shared_count(contribution.share_count))
    return " · ".join(parts)


def phase_line(phase: Phase | None, session: Session) -> str:
    if phase is None:
        closed = [p for p in session.phases.values() if p.status is PhaseStatus.CLOSED]
        return texts.NO_PHASE_OPEN if not closed else texts.PHASE_CLOSED_LINE.format(
            phase=texts.PHASE_LABELS[closed[-1].key])
    if phase.key is PhaseKey.RESTITUTION:  # no contributions there: comments and votes instead
        return texts.RESTITUTION_OPEN_LINE
    return texts.PHASE_OPEN_LINE.format(phase=texts.PHASE_LABELS[phase.key])


def qr_code(url: str, *, classes: str) -> ui.html:
    """The join QR, inline SVG generated here (not participant content)."""
    element = ui.html(qr_svg(url)).classes(classes)
    element.props["aria-label"] = texts.QR_LABEL
    element.props["role"] = "img"
    return element


class Select(ui.select):
    """A select that lays its options out only when they change.

    NiceGUI lays out every option again on each update of a select (a value set, a class added):
    on a phone page of 74 communes, that was a large part of what a join cost. Options are only
    ever replaced here (`set_options`), never changed in place, so comparing them is enough.
    """

    _laid_out: object = None

    def update(self) -> None:
        if self.options is self._laid_out:
            ui.element.update(self)  # the element's props as they are: the options are already laid out
            return
        self._laid_out = self.options
        super().update()


def select(options: list[str] | dict[str, str], *, label: str, marker: str, props: str = "outlined",
           classes: str = "w-full", value: Any = None, on_change: Callable[..., Any] | None = None,
           searchable: bool = False) -> Select:
    """A select (full width unless told) whose options are laid out once.

    NiceGUI lays a select's options out again on every change of its props or classes; built with
    its options, then styled, a 74-commune select was laid out five times per phone page.
    `searchable`: typing filters the options (« Mor » → Morlaàs), for the long lists.
    """
    field = Select([], label=label, with_input=searchable).classes(classes).props(props).mark(marker)
    field.set_options(options, value=value)
    if on_change is not None:  # only now: setting the first value is not a change
        field.on_value_change(on_change)
    return field


class DateField(Drawn, component="date_field.js"):
    """A date typed or picked as « jj/mm/aaaa » whatever the browser's language (date_field.js); its
    « change » event carries an ISO date, or "" once cleared (see `console_calendar.browser_date`)."""

    SHOWN = ("label", "value")

    def __init__(self, label: str, value: str = "") -> None:
        super().__init__()
        self.init(value=value, label=label, placeholder=texts.DATE_PLACEHOLDER,
                  labels={"calendar": texts.DATE_CALENDAR, "wrong": texts.DATE_WRONG})

        def changed(event: GenericEventArguments) -> None:
            if _iso_or_empty(event.args):
                dict.__setitem__(self._props, "value", event.args)  # what the browser shows: nothing to send back

        self.on("change", changed)

    @property
    def value(self) -> str:
        return str(self.props["value"])

    @value.setter
    def value(self, value: str) -> None:
        self.set(value=value)


def _iso_or_empty(value: object) -> bool:
    if value == "":
        return True
    try:
        date.fromisoformat(str(value))
    except ValueError:
        return False
    return isinstance(value, str)


def folded(text: str) -> str:
    """For matching what is typed: « Évaluer » and « evaluer » are the same, « œ » is « oe »."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("œ", "oe").replace("æ", "ae"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def heading(text: str, level: int) -> TextElement:
    """A real <h1>/<h2> (screen readers navigate by them), its text set as text, not HTML."""
    return TextElement(tag=f"h{level}", text=text)


def screen_links(code: str, *, current: str) -> None:
    """Links between the facilitator's screens of one démarche: console, analysis, axes."""
    screens = (("console", texts.SCREEN_BACK_TO_CONSOLE, f"/f/{code}"),
               ("analyse", texts.CONSOLE_ANALYSIS, f"/f/{code}/analyse"),
               ("axes", texts.CONSOLE_AXES, f"/f/{code}/axes"))
    with ui.row().classes("gap-4"):
        for key, label, path in screens:
            if key != current:
                ui.link(label, path).mark(f"{key}-link")


def decimal(value: float, digits: int = 1) -> str:
    """« 2,5 », « 3 »: French decimal comma, no trailing zeros."""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def confirm(message: str, yes: str, action: Callable[[], Awaitable[Any]], *, audience: str, mark: str) -> None:
    """« Are you sure? » before something that cannot be undone; `action` shows its own refusals."""
    with ui.dialog() as dialog, ui.card().classes(f"{audience} gap-3"):
        ui.label(message).classes("text-lg")

        async def accept() -> None:
            await action()
            dialog.close()

        with ui.row().classes("w-full justify-end gap-2"):
            ui.button(texts.PHONE_CANCEL, on_click=dialog.close).props("flat no-caps")
            ui.button(yes, on_click=accept).props("no-caps color=negative").mark(mark)
    dialog.on("hide", dialog.delete)
    dialog.open()
