"""The fields of one contribution as NiceGUI elements, for the dialogs that edit one (a phone's
« Modifier », the console's « Corriger ») and the console's entry for someone without a smartphone.
Opened one at a time, so built on demand; the phone's own form is drawn by the browser
(`phone_forms.py`). Every rule is checked again by the domain."""

from __future__ import annotations

from typing import Any

from nicegui import ui

from atelier import texts
from atelier.domain import limits
from atelier.domain.model import Contribution, ContributionKind, Participant, Risk
from atelier.domain.session import Session
from atelier.domain.validation import MAX_TEXT
from atelier.pages.widgets import select

WHOLE_TERRITORY_OPTION = "*"  # a select needs a non-empty key; the domain stores "no commune"


def who(participant: Participant) -> str:
    parts = [participant.display_name] if participant.display_name else []
    parts.append(texts.ROLE_LABELS[participant.role].split(" (")[0])
    parts.append(participant.structure or participant.commune or texts.WHOLE_TERRITORY)
    return " · ".join(parts)


def commune_options(session: Session) -> dict[str, str]:
    return {WHOLE_TERRITORY_OPTION: texts.WHOLE_TERRITORY, **{c: c for c in session.communes}}


def commune_value(option: str | None) -> str:
    return "" if option in (None, WHOLE_TERRITORY_OPTION) else option


def sent_summary(contribution: Contribution) -> str:
    """« Difficulté · Mobilité · Fontenelle · Risque élevé »: what was sent, said back to the participant."""
    parts = [texts.KIND_LABELS[contribution.kind], contribution.theme, contribution.commune or texts.WHOLE_TERRITORY]
    if contribution.risk is not None:
        parts.append(texts.RISK_LABELS[contribution.risk])
    return " · ".join(parts) + "."


class ContributionFields:
    """Text, theme, commune, risk, structure: what an edit or an entry for someone else fills in."""

    def __init__(self, session: Session, kind: ContributionKind, prefix: str = "") -> None:
        self.kind = kind
        self.text = ui.textarea(texts.PHONE_TEXT_LABEL[kind.value]).classes("w-full") \
            .props(f"outlined autogrow counter maxlength={MAX_TEXT}").mark(f"{prefix}text")
        self.theme = select(session.themes, label=texts.PHONE_THEME, marker=f"{prefix}theme")
        self.commune = select(commune_options(session), label=texts.PHONE_CONTRIBUTION_COMMUNE,
                              marker=f"{prefix}commune", searchable=True)
        with ui.column().classes("w-full gap-0") as self.risk_box:
            ui.label(texts.PHONE_RISK)
            self.risk = ui.radio({r.value: texts.RISK_LABELS[r] for r in Risk}).mark(f"{prefix}risk")
        self.structure = ui.input(texts.PHONE_RESOURCE_STRUCTURE).classes("w-full") \
            .props(f"outlined maxlength={limits.MAX_STRUCTURE}").mark(f"{prefix}structure")
        self.set_kind(kind)

    def set_kind(self, kind: ContributionKind) -> None:
        self.kind = kind
        self.text.props["label"] = texts.PHONE_TEXT_LABEL[kind.value]
        self.text.update()
        self.risk_box.set_visibility(kind.spec.has_risk)
        self.structure.set_visibility(kind.spec.names_structure)

    def fill(self, contribution: Contribution) -> None:
        self.set_kind(contribution.kind)
        self.text.value = contribution.text
        self.theme.value = contribution.theme
        self.commune.value = contribution.commune or WHOLE_TERRITORY_OPTION
        self.risk.value = contribution.risk.value if contribution.risk else None
        self.structure.value = contribution.structure

    def values(self) -> dict[str, Any]:
        """What the service takes; fields that do not apply to the kind are not sent."""
        spec = self.kind.spec
        return {
            "text": self.text.value or "",
            "theme": self.theme.value or "",
            "commune": commune_value(self.commune.value),
            "risk": self.risk.value if spec.has_risk else None,
            "structure": (self.structure.value or "") if spec.names_structure else "",
        }
