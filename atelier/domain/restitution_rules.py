"""Rules of phases 2 and 3 that span several of the session's aggregates, mixed into `Session`.

Each aggregate (testimony, axes, evidence, votes, comments, timer) enforces its own rules; a verb
that concerns one aggregate only is called on it directly (`session.axes.add_axis(…)`). The methods
here check what one aggregate cannot see alone — the phase, the participant, a contribution, the
open vote — then delegate. Like every rule, they refuse before changing anything.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from atelier.domain.axes import CTG_FIELDS, Axis, AxisBoard, Line, Piste, RemovedLine, Target, TargetKind
from atelier.domain.calendar import Calendar, CalendarStep
from atelier.domain.comments import Comment, CommentBook
from atelier.domain.errors import NotAllowed, NotFound
from atelier.domain.evidence import Evidence
from atelier.domain.merge import merge_pair
from atelier.domain.model import Contribution, Participant, Phase, PhaseKey
from atelier.domain.removed import (
    LineReach,
    RemovedAxis,
    RemovedEntry,
    RemovedItems,
    RemovedKind,
    RemovedStep,
    RemovedStructure,
    UndoableMerge,
)
from atelier.domain.testimony import Structure, Witnesses
from atelier.domain.timer import StepTimer
from atelier.domain.votes import DEFAULT_BUDGET, DEFAULT_CAP, PriorityVote, VoteBook


class RestitutionRules:
    # Provided by `Session` (declared here for type checkers).
    contributions: dict[int, Contribution]
    next_contribution_id: int
    phases: dict[PhaseKey, Phase]
    axes: AxisBoard
    evidence: Evidence
    votes: VoteBook
    comments: CommentBook
    timer: StepTimer | None
    witnesses: Witnesses
    calendar: Calendar
    removed: RemovedItems
    participant: Callable[[str], Participant]
    contribution: Callable[[int], Contribution]
    visible_contributions: Callable[[], list[Contribution]]

    def merge_contributions(self, first_id: int, second_id: int, *, text: str | None = None,
                            now: datetime) -> Contribution:
        """A new contribution replaces both in lists and analysis; their evidence moves to it (see merge.py).
        The merge is kept among « Éléments supprimés », to be undone."""
        result = merge_pair(self.contribution(first_id), self.contribution(second_id),
                            new_id=self.next_contribution_id, text=text, contributions=self.contributions, now=now)
        before = {cid: self.evidence.uses_of(cid) for cid in result.merged_from}
        self.contributions[result.id] = result
        self.next_contribution_id += 1
        self.evidence.transfer(result.merged_from, result.id)
        self.removed.keep(RemovedKind.MERGE, result.text, UndoableMerge(result.id, before), now)
        return result

    def link_evidence(self, contribution_id: int, target: Target) -> list[Target]:
        """Returns every target the contribution now backs."""
        if not self.contribution(contribution_id).is_visible:
            raise NotAllowed("evidence_not_visible")
        return self.evidence.link(contribution_id, self.axes.require(target))

    def accept_group(self, title: str, contribution_ids: list[int], *, axis_id: int | None = None) -> Target:
        """A suggested group becomes a new axe, or an orientation of `axis_id`, backed by its contributions."""
        ids = list(dict.fromkeys(contribution_ids))
        if not ids:
            raise NotAllowed("group_empty")
        if not all(self.contribution(cid).is_visible for cid in ids):
            raise NotAllowed("evidence_not_visible")
        if axis_id is None:
            target = Target(TargetKind.AXIS, self.axes.add_axis(title).id)
        else:
            target = Target(TargetKind.ORIENTATION, self.axes.add_line(axis_id, "orientations", title).id)
        for cid in ids:
            self.evidence.link(cid, target)
        return target

    def evidence_for_axis(self, axis_id: int) -> list[Contribution]:
        """Visible contributions behind an axe: linked to it or to one of its orientations or pistes."""
        ids = self.evidence.contributions_for(self.axes.axis(axis_id).targets)
        return [c for c in self.visible_contributions() if c.id in ids]

    def is_unused(self, contribution: Contribution) -> bool:
        """Still to place: shown in the lists, and backing no axe, orientation or piste yet."""
        return contribution.is_visible and not self.evidence.is_used(contribution.id)

    def unused_contributions(self) -> list[Contribution]:
        return [c for c in self.visible_contributions() if self.is_unused(c)]

    def remove_axis(self, axis_id: int, now: datetime) -> Axis:
        """Its evidence links and its comments go with it, kept among « Éléments supprimés »."""
        axis = self.axes.axis(axis_id)
        self._require_not_voted_on({target.id for target in axis.targets})
        kept = RemovedAxis(self.axes.axes.index(axis), axis,
                           {cid: [t for t in self.evidence.uses_of(cid) if t in axis.targets]
                            for cid in sorted(self.evidence.contributions_for(axis.targets))},
                           self.comments.for_axis(axis_id, include_hidden=True))
        self.axes.remove_axis(axis_id)
        self.evidence.drop_targets(axis.targets)
        self.comments.drop_axis(axis_id)
        self.removed.keep(RemovedKind.AXIS, axis.title, kept, now)
        return axis

    def remove_axis_line(self, line_id: int, now: datetime) -> Line:
        """Its evidence links go with it, kept with the line among « Éléments supprimés »."""
        target = self.axes.target_of_line(line_id)
        self._require_not_voted_on({line_id})
        removed = self.axes.remove_line(line_id)
        if target is not None:
            removed.evidence = sorted(self.evidence.contributions_for({target}))
            self.evidence.drop_targets({target})
        self.removed.keep(RemovedKind.LINE, removed.line.text, removed, now)
        return removed.line

    def line_reach(self, line_id: int) -> LineReach:
        """What removing this line would take with it (see `LineReach`)."""
        line = self.axes.find_line(line_id)[2]
        target = self.axes.target_of_line(line_id)
        piste = line if isinstance(line, Piste) else None
        return LineReach(evidence=len(self.evidence.contributions_for({target})) if target else 0,
                         details=len(piste.details) if piste else 0,
                         plan=piste is not None and any(getattr(piste, name) for name in CTG_FIELDS),
                         points=sum(vote.totals().get(line_id, 0) for vote in self.votes.votes))

    def remove_structure(self, structure_id: int, now: datetime) -> Structure:
        """Removing the structure speaking now also ends its turn; kept among « Éléments supprimés »."""
        structure = self.witnesses.structure(structure_id)
        kept = RemovedStructure(self.witnesses.structures.index(structure), structure)
        self.witnesses.remove(structure_id)
        self.removed.keep(RemovedKind.STRUCTURE, structure.name, kept, now)
        return structure

    def remove_calendar_step(self, step_id: int, now: datetime) -> CalendarStep:
        step = self.calendar.step(step_id)
        kept = RemovedStep(self.calendar.steps.index(step), step)
        self.calendar.remove(step_id)
        self.removed.keep(RemovedKind.STEP, step.title, kept, now)
        return step

    def restore_axis_line(self) -> RemovedEntry:
        """« Annuler la suppression » of the axes page before there was a list: the last line removed."""
        entry = self.removed.latest(RemovedKind.LINE)
        if entry is None:
            raise NotFound("nothing_to_restore")
        return self.restore_removed(entry.id)

    def restore_removed(self, entry_id: int) -> RemovedEntry:
        """Put a removed thing back where it was, with what hung on it; refused (nothing changed) if it
        cannot be (its axe gone meanwhile, a structure of the same name added since…)."""
        entry = self.removed.entry(entry_id)
        what = entry.what
        if isinstance(what, RemovedLine):
            self._restore_line(what)
        elif isinstance(what, RemovedAxis):
            self._restore_axis(what)
        elif isinstance(what, RemovedStructure):
            self.witnesses.restore(what.index, what.structure)
        elif isinstance(what, RemovedStep):
            self.calendar.restore(what.index, what.step)
        else:
            self._unmerge(what)
        return self.removed.take(entry_id)

    def _restore_line(self, removed: RemovedLine) -> None:
        self.axes.restore_line(removed)
        target = self.axes.target_of_line(removed.line.id)
        if target is not None:
            self._relink({cid: [target] for cid in removed.evidence})

    def _restore_axis(self, removed: RemovedAxis) -> None:
        self.axes.restore_axis(removed.index, removed.axis)
        self._relink(removed.evidence)
        self.comments.restore(removed.comments)

    def _relink(self, links: dict[int, list[Target]]) -> None:
        for cid, targets in links.items():
            contribution = self.contributions.get(cid)
            if contribution is not None and contribution.is_visible:  # not merged or hidden meanwhile
                for target in targets:
                    self.evidence.link(cid, target)

    def _unmerge(self, merge: UndoableMerge) -> None:
        """The merge's result goes (its links, and any given since, with it); its originals come back."""
        result = self.contribution(merge.result_id)
        if result.merged_into is not None:
            raise NotAllowed("unmerge_merged_again")
        originals = [self.contribution(cid) for cid in result.merged_from]
        self.evidence.forget(result.id)
        del self.contributions[result.id]
        for original in originals:
            original.merged_into = None
        self._relink(merge.links)

    def present_axis(self, axis_id: int | None) -> Axis | None:
        """Show this axe (None: the overview) on the projection, in place of any vote results."""
        axis = self.axes.present(axis_id)
        self.votes.hide_results()
        return axis

    def present_step(self, step: int) -> Axis | None:
        """Next (+1) or previous (-1) axe, in place of any vote results (see `AxisBoard.present_step`)."""
        axis = self.axes.present_step(step)
        self.votes.hide_results()
        return axis

    def open_vote(self, target: TargetKind | str, *, budget: int = DEFAULT_BUDGET, cap: int = DEFAULT_CAP,
                  now: datetime, ballot_codes: tuple[str, ...] = ()) -> PriorityVote:
        """A vote on every orientation, or every piste, of all axes as they are now; with codes, one
        ballot per code (see `votes`)."""
        self._require_restitution("vote_phase")
        items = [line.id for line in self.axes.items(target)]
        return self.votes.open(target, items, budget=budget, cap=cap, now=now, ballot_codes=ballot_codes)

    def reopen_vote(self) -> PriorityVote:
        """A vote closed too early goes on, with its points; refused if one of its lines left the board."""
        self._require_restitution("vote_phase")
        latest = self.votes.latest
        if latest is not None and not latest.is_open:
            board = {line.id for line in self.axes.items(latest.target)}
            if not set(latest.items) <= board:
                raise NotAllowed("vote_items_gone", items=latest.target)
        return self.votes.reopen_latest()

    def redeem_ballot_code(self, participant_id: str, code: str) -> PriorityVote:
        self.participant(participant_id)
        self._require_restitution("vote_phase")
        vote = self.votes.current
        if vote is None:
            raise NotAllowed("no_vote_open")
        vote.redeem(participant_id, code)
        return vote

    def set_paper_points(self, item_id: int, points: int) -> PriorityVote:
        """« Points papier » on an item of the latest vote, open or closed (see `PriorityVote.set_paper_points`)."""
        vote = self.votes.latest
        if vote is None:
            raise NotAllowed("no_vote_yet")
        vote.set_paper_points(item_id, points)
        return vote

    def set_points(self, participant_id: str, item_id: int, points: int) -> int:
        """Points on one item of the open vote; returns the participant's points left."""
        self.participant(participant_id)
        self._require_restitution("vote_phase")
        vote = self.votes.current or self.votes.latest  # a closed one says « clos », not « aucun »
        if vote is None:
            raise NotAllowed("no_vote_open")
        return vote.set_points(participant_id, item_id, points)

    def add_comment(self, participant_id: str, axis_id: int, text: str, now: datetime) -> Comment:
        self.participant(participant_id)
        self._require_restitution("comment_phase")
        self.axes.axis(axis_id)
        return self.comments.add(participant_id, axis_id, text, now)

    def start_timer(self, label: str, minutes: float, now: datetime) -> StepTimer:
        """In any phase; starting a new one replaces the running one."""
        self.timer = StepTimer.start(label, minutes, now)
        return self.timer

    def stop_timer(self) -> None:
        """Stopping when none runs is harmless (a double click)."""
        self.timer = None

    def _require_restitution(self, error: str) -> None:
        if not self.phases[PhaseKey.RESTITUTION].is_open:
            raise NotAllowed(error)

    def _require_not_voted_on(self, line_ids: set[int]) -> None:
        if line_ids & self.votes.locked_items():
            raise NotAllowed("vote_item_locked")
