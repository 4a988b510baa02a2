"""The phone's forms: who I am, and what I want to say, each one element the browser draws
(`profile_form.js`, `contribution_form.js`). What the participant chooses and types stays in the
phone until they send it; every rule is checked again by the domain."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nicegui import ui
from nicegui.events import GenericEventArguments

from atelier import texts
from atelier.context import Atelier
from atelier.domain import limits
from atelier.domain.changes import AddContribution, RegisterParticipant
from atelier.domain.errors import NotAllowed
from atelier.domain.model import ContributionKind, Participant, Phase, Risk, Role, kinds_of
from atelier.domain.session import Session
from atelier.domain.validation import MAX_TEXT
from atelier.pages.contribution_fields import (
    WHOLE_TERRITORY_OPTION,
    commune_options,
    commune_value,
    sent_summary,
)
from atelier.pages.drawn import Drawn, fields
from atelier.pages.frame import attempt, show_error
from atelier.pages.phone_similar import AlreadyReported

DRAFT_KEY = "atelier-draft-{code}"  # localStorage key of the unsent text, one per démarche
POSTED = ("kind", "text", "theme", "commune", "risk", "structure")


def options(choices: dict[str, str]) -> list[dict[str, str]]:
    """Quasar's options: [{value, label}]."""
    return [{"value": value, "label": label} for value, label in choices.items()]


class ProfileForm(Drawn, component="profile_form.js"):
    """Role, commune, structure for actors, an optional name; « Commencer » registers the phone."""

    SHOWN = ("labels", "error")

    def __init__(self, atelier: Atelier, session: Session, participant_id: str,
                 on_saved: Callable[[Participant], None]) -> None:
        super().__init__()
        self.atelier, self.session, self.participant_id, self.on_saved = atelier, session, participant_id, on_saved
        self.init(
            roles=options({r.value: texts.ROLE_LABELS[r] for r in Role}),
            actorRoles=[r.value for r in Role if r.is_actor],
            communes=options(commune_options(session)),
            labels={"title": texts.PHONE_WELCOME, "anonymous": texts.PHONE_ANONYMOUS, "role": texts.PHONE_ROLE,
                    "commune": texts.PHONE_COMMUNE, "structure": texts.PHONE_STRUCTURE, "name": texts.PHONE_NAME,
                    "submit": texts.PHONE_START},
            limits={"structure": limits.MAX_STRUCTURE, "name": limits.MAX_NAME},
            initial=None, error="")
        self.classes("w-full").mark("profile")
        self.on("save", self._save)

    def fill(self, participant: Participant | None) -> None:
        """The profile on file, to be changed: « Enregistrer » instead of « Commencer »."""
        if participant is None:
            return
        self.set(initial={"role": participant.role.value,
                          "commune": participant.commune or WHOLE_TERRITORY_OPTION,
                          "structure": participant.structure, "name": participant.display_name},
                 labels={**self._props["labels"], "submit": texts.PHONE_SAVE_PROFILE})

    def show_error(self, message: str) -> None:
        self.set(error=message)

    async def _save(self, event: GenericEventArguments) -> None:
        answer = fields(event.args, ("role", "commune", "structure", "name"))
        if answer is None:
            return  # not what profile_form.js sends: ignored
        participant = await attempt(lambda: self.atelier.service.apply(
            self.session.code, RegisterParticipant(self.participant_id, role=answer["role"],
                                                   commune=commune_value(answer["commune"]),
                                                   display_name=answer["name"], structure=answer["structure"])),
            self)
        if participant is not None:
            self.on_saved(participant)


class ContributionFormFields(Drawn, component="contribution_form.js"):
    """Kind, text, theme, commune, risk or structure as the kind asks, and « Envoyer ».

    `outcome` answers each « Envoyer »: {n, ok}; on ok the browser clears the form for the next post.
    """

    SHOWN = ("labels", "kinds", "error")

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.init(
            kinds=[], themes=options({t: t for t in session.themes}), communes=options(commune_options(session)),
            risks=options({r.value: texts.RISK_LABELS[r] for r in Risk}),
            labels={"title": texts.PHONE_FORM_TITLE, "kind": texts.PHONE_KIND, "theme": texts.PHONE_THEME,
                    "commune": texts.PHONE_CONTRIBUTION_COMMUNE, "risk": texts.PHONE_RISK,
                    "structure": texts.PHONE_RESOURCE_STRUCTURE, "send": texts.PHONE_SEND},
            limits={"text": MAX_TEXT, "structure": limits.MAX_STRUCTURE},
            participantCommune=None, draftKey=DRAFT_KEY.format(code=session.code), outcome={"n": 0, "ok": False},
            error="")

    def set_kinds(self, kinds: list[ContributionKind]) -> None:
        self.set(kinds=[{"value": k.value, "label": texts.KIND_LABELS[k], "textLabel": texts.PHONE_TEXT_LABEL[k.value],
                         "hasRisk": k.spec.has_risk, "namesStructure": k.spec.names_structure} for k in kinds])

    def answer(self, *, ok: bool) -> None:
        self.set(outcome={"n": self._props["outcome"]["n"] + 1, "ok": ok})

    def show_error(self, message: str) -> None:
        self.set(error=message)


class ContributionForm:
    """The form for the phase that is open now; hidden, with a word of explanation, otherwise."""

    def __init__(self, atelier: Atelier, session: Session, participant_id: str) -> None:
        self.atelier, self.session, self.participant_id = atelier, session, participant_id
        self.waiting = ui.label(texts.PHONE_WAIT).classes("hint").mark("waiting")
        with ui.card().classes("w-full") as self.box:
            self.fields = ContributionFormFields(session).classes("w-full").mark("contribution-form")
            with self.fields.add_slot("similar"):
                self.similar = AlreadyReported(atelier, session, participant_id)
        self.fields.on("send", self.send)
        self.fields.on("typing", self._typing)

    def set_participant(self, participant: Participant) -> None:
        self.fields.set(participantCommune=participant.commune or WHOLE_TERRITORY_OPTION)

    def set_phase(self, phase: Phase | None) -> None:
        kinds = kinds_of(phase.key) if phase is not None else []
        self.box.set_visibility(bool(kinds))
        self.waiting.set_visibility(not kinds)
        if kinds:
            self.fields.set_kinds(kinds)

    async def _typing(self, event: GenericEventArguments) -> None:
        """Typing paused, or another kind chosen: what others of the session already said like this."""
        typed = fields(event.args, ("kind", "text"))
        kind = self._kind(typed)
        if typed is not None and kind is not None:
            await self.similar.ask(kind, typed["text"])

    async def send(self, event: GenericEventArguments) -> None:
        """One tap, one post: the browser waits for this answer before « Envoyer » works again (the server
        also refuses the same post from the same participant within seconds, for a tap that arrives
        all the same)."""
        posted = fields(event.args, POSTED)
        if posted is None:
            return  # not what contribution_form.js sends: ignored
        if not self.atelier.rates.posts.hit(self.participant_id):
            show_error(NotAllowed("too_fast"), self.fields, notify=False)
            self.fields.answer(ok=False)
            return
        contribution = await attempt(lambda: self.atelier.service.apply(self.session.code, AddContribution(
            self.participant_id, kind=posted["kind"], text=posted["text"], theme=posted["theme"],
            commune=commune_value(posted["commune"]), risk=posted["risk"] or None, structure=posted["structure"])),
            self.fields)
        self.fields.answer(ok=contribution is not None)
        if contribution is not None:
            self.similar.clear()
            sent = texts.PHONE_SENT_HELD if contribution.held else texts.PHONE_SENT
            ui.notify(f"{sent} {sent_summary(contribution)}", type="positive", position="top", multi_line=True)

    def _kind(self, typed: dict[str, Any] | None) -> ContributionKind | None:
        """The kind asked about, if it is one of the open phase's (anything else is no question of ours)."""
        phase = self.session.open_phase
        if typed is None or phase is None:
            return None
        return next((k for k in kinds_of(phase.key) if k.value == typed["kind"]), None)
