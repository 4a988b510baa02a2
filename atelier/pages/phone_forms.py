"""The phone's forms: who I am, and what I want to say. Every rule is checked again by the domain."""

from __future__ import annotations

import json
from collections.abc import Callable
from string import Template
from typing import Any

from nicegui import background_tasks, ui
from nicegui.events import GenericEventArguments

from atelier import texts
from atelier.context import Atelier
from atelier.domain import limits
from atelier.domain.changes import AddContribution, RegisterParticipant
from atelier.domain.errors import NotAllowed
from atelier.domain.model import Contribution, ContributionKind, Participant, Phase, PhaseKey, Risk, Role, kinds_of
from atelier.domain.session import Session
from atelier.domain.validation import MAX_TEXT
from atelier.pages.frame import attempt, show_error
from atelier.pages.phone_similar import ASK_AFTER_PAUSE_JS, AlreadyReported
from atelier.pages.widgets import heading, select

WHOLE_TERRITORY_OPTION = "*"  # a select needs a non-empty key; the domain stores "no commune"
DRAFT_KEY = "atelier-draft-{code}"  # localStorage key of the unsent text, one per démarche
# Drafts live in the browser only. Private browsing may refuse storage: the form must work all the same.
SAVE_DRAFT_JS = Template("(value) => { try { value ? localStorage.setItem($key, value)"
                         " : localStorage.removeItem($key) } catch (e) {} }")
CLEAR_DRAFT_JS = Template("try { localStorage.removeItem($key) } catch (e) {}")
RESTORE_DRAFT_JS = Template("""(() => {
  const field = getElement($id);
  if (!field) return;
  if (field.inputValue) { field.$$emit("update:value", field.inputValue); return; }
  let draft = null;
  try { draft = localStorage.getItem($key); } catch (e) {}
  if (draft) field.inputValue = draft;  // the input's watcher sends it to the server
})()""")


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


class ProfileForm:
    def __init__(self, atelier: Atelier, session: Session, participant_id: str,
                 on_saved: Callable[[Participant], None]) -> None:
        self.atelier, self.session, self.participant_id, self.on_saved = atelier, session, participant_id, on_saved
        with ui.column().classes("w-full gap-3") as self.box:
            heading(texts.PHONE_WELCOME, 2)
            ui.label(texts.PHONE_ANONYMOUS).classes("hint")
            ui.label(texts.PHONE_ROLE)
            self.role = ui.radio({r.value: texts.ROLE_LABELS[r] for r in Role},
                                 on_change=self._role_changed).mark("role")
            self.commune = select(commune_options(session), label=texts.PHONE_COMMUNE, marker="commune",
                                  searchable=True)
            self.structure = ui.input(texts.PHONE_STRUCTURE).classes("w-full") \
                .props(f"outlined maxlength={limits.MAX_STRUCTURE}").mark("structure")
            self.name = ui.input(texts.PHONE_NAME).classes("w-full") \
                .props(f"outlined maxlength={limits.MAX_NAME}").mark("name")
            self.error = ui.label().classes("error").mark("profile-error")
            self.submit = ui.button(texts.PHONE_START, on_click=self.save).classes("w-full").mark("start")
        self.error.set_visibility(False)
        self.structure.set_visibility(False)

    def fill(self, participant: Participant | None) -> None:
        if participant is None:
            return
        self.role.value = participant.role.value
        self.commune.value = participant.commune or WHOLE_TERRITORY_OPTION
        self.structure.value = participant.structure
        self.name.value = participant.display_name
        self.submit.set_text(texts.PHONE_SAVE_PROFILE)

    def _role_changed(self) -> None:
        self.structure.set_visibility(bool(self.role.value) and Role(self.role.value).is_actor)

    async def save(self) -> None:
        participant = await attempt(lambda: self.atelier.service.apply(
            self.session.code, RegisterParticipant(self.participant_id, role=self.role.value,
            commune=commune_value(self.commune.value), display_name=self.name.value or "",
            structure=self.structure.value or "")), self.error)
        if participant is not None:
            self.on_saved(participant)


class ContributionFields:
    """Text, theme, commune, risk, structure: shared by the new-contribution form and the edit dialog."""

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


class ContributionForm:
    """The form for the phase that is open now; hidden, with a word of explanation, otherwise."""

    def __init__(self, atelier: Atelier, session: Session, participant_id: str) -> None:
        self.atelier, self.session, self.participant_id = atelier, session, participant_id
        self.waiting = ui.label(texts.PHONE_WAIT).classes("hint").mark("waiting")
        with ui.card().classes("w-full gap-3") as self.box:
            heading(texts.PHONE_FORM_TITLE, 2)
            ui.label(texts.PHONE_KIND)
            self.kind = ui.toggle({}, on_change=self._kind_changed).props("spread no-caps").classes("w-full") \
                .mark("kind")
            self.fields = ContributionFields(session, kinds_of(PhaseKey.ETAT_DES_LIEUX)[0])
            self.similar = AlreadyReported(atelier, session, participant_id)
            self.similar.box.move(self.box, target_index=self.box.default_slot.children.index(self.fields.text) + 1)
            self.error = ui.label().classes("error").mark("form-error")
            self.send_button = ui.button(texts.PHONE_SEND, on_click=self.send).classes("w-full").mark("send")
        self.error.set_visibility(False)
        self._keep_draft(DRAFT_KEY.format(code=session.code))
        self.fields.text.on("update:value", self._paused, js_handler=ASK_AFTER_PAUSE_JS)

    def set_participant(self, participant: Participant) -> None:
        self.fields.commune.value = participant.commune or WHOLE_TERRITORY_OPTION

    def set_phase(self, phase: Phase | None) -> None:
        kinds = kinds_of(phase.key) if phase is not None else []
        self.box.set_visibility(bool(kinds))
        self.waiting.set_visibility(not kinds)
        if kinds:
            self.kind.set_options({k.value: texts.KIND_LABELS[k] for k in kinds},
                                  value=self.kind.value if self.kind.value in kinds else kinds[0].value)

    def _kind_changed(self) -> None:
        if self.kind.value:
            self.fields.set_kind(ContributionKind(self.kind.value))
            self.similar.clear()
            background_tasks.create(self._ask(self.fields.text.value or ""), name="déjà signalé")

    async def _paused(self, event: GenericEventArguments) -> None:
        """Typing paused: show what others of the session already said like this, of the same kind."""
        await self._ask(event.args if isinstance(event.args, str) else "")

    async def _ask(self, text: str) -> None:
        if self.kind.value:
            await self.similar.ask(ContributionKind(self.kind.value), text)

    async def send(self) -> None:
        """One tap, one post: the button waits while the post is on its way (the server also refuses the
        same post from the same participant within seconds, for a tap that arrives all the same)."""
        if not self.atelier.rates.posts.hit(self.participant_id):
            show_error(NotAllowed("too_fast"), self.error, notify=False)
            return
        self.send_button.disable()
        try:
            contribution = await attempt(lambda: self.atelier.service.apply(
                self.session.code, AddContribution(self.participant_id, kind=self.kind.value or "",
                                                   **self.fields.values())),
                self.error)
        finally:
            self.send_button.enable()
        if contribution is not None:
            self.similar.clear()
            self._reset()
            ui.run_javascript(CLEAR_DRAFT_JS.substitute(key=self._draft_key))  # a value set here emits no event
            sent = texts.PHONE_SENT_HELD if contribution.held else texts.PHONE_SENT
            ui.notify(f"{sent} {sent_summary(contribution)}", type="positive", position="top", multi_line=True)

    def _reset(self) -> None:
        """The next post starts blank: an elderly participant must not send it under this one's theme and
        risk, nor signed with its structure or from its commune (back to the participant's own)."""
        fields = self.fields
        fields.text.value = ""
        fields.theme.value = None
        fields.risk.value = None
        fields.structure.value = ""
        participant = self.session.participants.get(self.participant_id)
        if participant is not None:
            self.set_participant(participant)

    def _keep_draft(self, key: str) -> None:
        """Keep the unsent text in the browser, so a phone that locks, drops the Wi-Fi or reloads keeps it.

        Every keystroke is saved in localStorage, in the browser only. On each (re)connection the page
        either restores the draft (a reload built an empty form) or sends the field's text to the server
        again: NiceGUI replays what the server sent while the socket was down, but what the phone sent
        into a dying socket is lost, and « Envoyer » must post what the participant sees.
        """
        self._draft_key = json.dumps(key)
        field = self.fields.text
        field.on("update:value", js_handler=SAVE_DRAFT_JS.substitute(key=self._draft_key))
        script = RESTORE_DRAFT_JS.substitute(key=self._draft_key, id=field.id)

        def on_connect() -> None:
            field.client.run_javascript(script)  # not awaited: nothing to wait for, no reply needed

        ui.context.client.on_connect(on_connect)
