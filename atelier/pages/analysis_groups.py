"""« Regroupements suggérés »: groups across themes and communes, each saying why, that the facilitator
trims, dismisses or accepts as an axe or an orientation with its evidence (one change, `AcceptGroup`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from nicegui import ui

from atelier import texts
from atelier.domain.changes import AcceptGroup
from atelier.domain.session import Session
from atelier.pages.analysis_rows import describe_use
from atelier.pages.analysis_synthesis import SynthesisHost, copies, log
from atelier.pages.frame import attempt
from atelier.pages.widgets import heading
from atelier.synthesis import offload
from atelier.synthesis.suggestions import contribution_id, suggest_groups, summarise

if TYPE_CHECKING:  # scikit-learn is loaded in the worker process, not here
    from atelier.synthesis.groups import Group, Grouping

MEMBERS_SHOWN = 8  # per group, then « Voir … de plus »
AUTO = 0
NEW_AXIS = 0


class GroupsCard:
    def __init__(self, host: SynthesisHost) -> None:
        self.host = host
        with ui.column().classes("w-full gap-2").mark("groups"):
            heading(texts.GROUPS_HEADING, 3)
            with ui.row().classes("items-center gap-4"):
                self.wanted = ui.select({AUTO: texts.GROUPS_AUTO, **{n: str(n) for n in range(3, 13)}}, value=AUTO,
                                        label=texts.GROUPS_COUNT).props("outlined dense") \
                    .classes("min-w-[16rem]").mark("groups-count")
                self.button = ui.button(texts.GROUPS_SUGGEST, on_click=self.suggest).props("outline no-caps") \
                    .mark("groups-suggest")
            self.status = ui.label().mark("groups-status")
            self.list = ui.column().classes("w-full gap-3")
        self.views: list[GroupView] = []

    async def suggest(self) -> None:
        shown = self.host.shown_contributions()
        wanted = int(self.wanted.value or AUTO) or None
        self.button.disable()
        self.status.set_text(texts.GROUPS_SEARCHING)
        try:
            grouping = await offload.compute(suggest_groups, copies(shown), groups=wanted)
        except Exception:
            log.exception("suggested groups failed")
            self.status.set_text(texts.SYNTHESIS_FAILED)
            return
        finally:
            self.button.enable()
        self.list.clear()
        if not grouping.groups:
            self.status.set_text(texts.GROUPS_TOO_FEW)
            return
        found = texts.count(len(grouping.groups), texts.GROUPS_FOUND_FORMS)
        status = texts.GROUPS_FOUND.format(groups=found, count=len(shown),
                                           how=texts.GROUPS_CHOSEN if grouping.chosen else "")
        if grouping.ungrouped:
            status += " " + texts.GROUPS_UNGROUPED.format(count=len(grouping.ungrouped))
        self.status.set_text(status)
        numbers = _numbers_of(grouping)
        with self.list:
            self.views = [GroupView(self.host, group, number, numbers)
                          for number, group in enumerate(grouping.groups, start=1)]

    def refresh_targets(self) -> None:
        """The axes changed (here or in another tab): « Accepter comme » lists them as they are now."""
        options = _targets(self.host.session)
        for view in self.views:
            if not view.target.is_deleted and view.target.options != options:
                view.target.set_options(options, value=view.target.value if view.target.value in options
                                        else NEW_AXIS)


def _numbers_of(grouping: Grouping) -> dict[int, list[int]]:
    """Contribution id → the numbers of the groups that suggest it (its own first)."""
    numbers: dict[int, list[int]] = {}
    for number, group in enumerate(grouping.groups, start=1):
        for member in group.members:
            numbers.setdefault(contribution_id(member.key), []).insert(0, number)
        for member in group.also:
            numbers.setdefault(contribution_id(member.key), []).append(number)
    return numbers


class GroupView:
    """One suggested group: why (its terms, each member's shared terms), what it holds, and the choice."""

    def __init__(self, host: SynthesisHost, group: Group, number: int, numbers: dict[int, list[int]]) -> None:
        self.host, self.group, self.number, self.numbers = host, group, number, numbers
        self.members = [*group.members, *group.also]  # its own, closest first, then those it shares
        self.removed: set[int] = set()
        self.accepted = False
        self.out_buttons: dict[int, ui.button] = {}
        self.shown = 0
        session = host.session
        with ui.card().classes("w-full gap-2 suggested-group").mark(f"group-{number}") as self.box:
            heading(texts.GROUPS_TITLE.format(number=number, terms=" · ".join(group.terms)), 4) \
                .classes("text-lg font-bold")
            central = session.contributions.get(contribution_id(group.central))
            if central is not None:
                ui.label(texts.GROUPS_CENTRAL.format(text=central.text)).classes("participant-text italic")
            self.figures = ui.label().classes("font-bold").mark(f"group-{number}-figures")
            self.communes = ui.label().classes("text-gray-700")
            self.list = ui.column().classes("w-full gap-1")
            self.more = ui.button(on_click=self.show_more).props("flat no-caps")
            with ui.row().classes("w-full items-end gap-2") as self.actions:
                self.title = ui.input(texts.GROUPS_ACCEPT_TITLE, value=_suggested_title(group)) \
                    .props("outlined dense").classes("min-w-[20rem]").mark(f"group-{number}-title")
                self.target = ui.select(_targets(session), value=NEW_AXIS, label=texts.GROUPS_ACCEPT_AS) \
                    .props("outlined dense").classes("min-w-[16rem]").mark(f"group-{number}-as")
                ui.button(texts.GROUPS_ACCEPT, on_click=self.accept).props("no-caps").mark(f"group-{number}-accept")
                ui.button(texts.GROUPS_DISMISS, on_click=self.dismiss).props("flat no-caps") \
                    .mark(f"group-{number}-dismiss")
            self.error = ui.label().classes("text-red-700 font-bold")
            self.error.set_visibility(False)
        self.rows: dict[int, ui.row] = {}
        self.show_more()
        self.refresh_figures()

    def show_more(self) -> None:
        with self.list:
            for member in self.members[self.shown:self.shown + MEMBERS_SHOWN]:
                self._member(contribution_id(member.key), member.shared)
        self.shown = min(len(self.members), self.shown + MEMBERS_SHOWN)
        left = len(self.members) - self.shown
        self.more.set_text(texts.GROUPS_MORE.format(count=min(left, MEMBERS_SHOWN)))
        self.more.set_visibility(left > 0)

    def _member(self, cid: int, shared: tuple[str, ...]) -> None:
        c = self.host.session.contributions.get(cid)
        if c is None:
            return
        others = [n for n in self.numbers.get(cid, []) if n != self.number]
        notes = [texts.GROUPS_SHARED.format(terms=", ".join(shared)) if shared else texts.GROUPS_NO_SHARED]
        if others:
            notes.append(texts.GROUPS_ALSO_IN.format(numbers=", ".join(map(str, others))))
        with ui.row().classes("w-full items-center justify-between no-wrap gap-2") \
                .mark(f"group-{self.number}-member-{cid}") as row:
            with ui.column().classes("gap-0 min-w-0"):
                ui.label(c.text).classes("participant-text")
                ui.label(texts.GROUPS_MEMBER_META.format(id=cid, kind=texts.KIND_LABELS[c.kind], theme=c.theme,
                                                         commune=c.commune or texts.WHOLE_TERRITORY)
                         + " · " + " · ".join(notes)).classes("text-gray-700")
            if not self.accepted:
                self.out_buttons[cid] = ui.button(texts.GROUPS_MOVE_OUT, on_click=lambda: self.move_out(cid)) \
                    .props(f'flat no-caps aria-label="{texts.GROUPS_MOVE_OUT_LABEL.format(id=cid)}"') \
                    .mark(f"group-{self.number}-out-{cid}")
        self.rows[cid] = row

    def ids(self) -> list[int]:
        """What accepting links: the group's contributions but those moved out, or hidden or merged since."""
        contributions = self.host.session.contributions
        return [cid for cid in (contribution_id(m.key) for m in self.members)
                if cid not in self.removed and cid in contributions and contributions[cid].is_visible]

    def move_out(self, cid: int) -> None:
        self.removed.add(cid)
        self.out_buttons.pop(cid, None)
        row = self.rows.pop(cid, None)
        if row is not None:
            row.delete()
        self.refresh_figures()

    def refresh_figures(self) -> None:
        contributions = self.host.session.contributions
        summary = summarise([contributions[cid] for cid in self.ids()])
        parts = [texts.count(n, texts.KIND_COUNT_FORMS[kind]) for kind, n in summary.by_kind]
        if summary.need:
            parts[0] += f" ({texts.GROUPS_NEED.format(need=summary.need)})"
        self.figures.set_text(" · ".join(parts))
        self.communes.set_text(texts.GROUPS_COMMUNES.format(communes=" · ".join(
            f"{commune or texts.WHOLE_TERRITORY} {n}" for commune, n in summary.by_commune)))

    async def accept(self) -> None:
        axis_id = int(self.target.value or NEW_AXIS) or None
        change = AcceptGroup(self.title.value or "", tuple(self.ids()), axis_id=axis_id)
        target = await attempt(lambda: self.host.atelier.service.apply(self.host.session.code, change), self.error)
        if target is None:
            return
        self.actions.clear()
        with self.actions:
            described = describe_use(self.host.session, target)
            ui.label(texts.GROUPS_ACCEPTED.format(target=described[1] if described else self.title.value,
                                                  evidence=texts.count(len(change.contribution_ids),
                                                                       texts.GROUPS_EVIDENCE_FORMS))) \
                .classes("font-bold").mark(f"group-{self.number}-accepted")
            ui.link(texts.GROUPS_SEE_AXES, f"/f/{self.host.session.code}/axes")
        self.accepted = True  # what it holds stays in view; nothing to move out any more
        for button in self.out_buttons.values():
            button.delete()
        self.out_buttons.clear()

    def dismiss(self) -> None:
        self.box.delete()
        ui.notify(texts.GROUPS_DISMISSED, position="top")


def _suggested_title(group: Group) -> str:
    """The group's first terms, as a draft the facilitator rewrites."""
    return ", ".join(group.terms[:3]).capitalize()


def _targets(session: Session) -> dict[int, str]:
    return {NEW_AXIS: texts.GROUPS_AS_NEW_AXIS,
            **{axis.id: texts.GROUPS_AS_ORIENTATION.format(number=n, title=axis.title)
               for n, axis in enumerate(session.axes.axes, start=1)}}
