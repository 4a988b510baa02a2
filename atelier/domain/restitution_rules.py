"""Rules of phases 2 and 3 that span several of the session's aggregates, mixed into `Session`.

Each aggregate (testimony, axes, evidence, votes, comments, timer) enforces its own rules; a verb
that concerns one aggregate only is called on it directly (`session.axes.add_axis(…)`). The methods
here check what one aggregate cannot see alone — the phase, the participant, a contribution, the
open vote — then delegate. Like every rule, they refuse before changing anything.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from atelier.domain.axes import Axis, AxisBoard, Line, RemovedLine, Target, TargetKind
from atelier.domain.comments import Comment, CommentBook
from atelier.domain.errors import NotAllowed
from atelier.domain.evidence import Evidence
from atelier.domain.merge import merge_pair
from atelier.domain.model import Contribution, Participant, Phase, PhaseKey
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
    participant: Callable[[str], Participant]
    contribution: Callable[[int], Contribution]
    visible_contributions: Callable[[], list[Contribution]]

    def merge_contributions(self, first_id: int, second_id: int, *, text: str | None = None,
                            now: datetime) -> Contribution:
        """A new contribution replaces both in lists and analysis; their evidence moves to it (see merge.py)."""
        result = merge_pair(self.contribution(first_id), self.contribution(second_id),
                            new_id=self.next_contribution_id, text=text, contributions=self.contributions, now=now)
        self.contributions[result.id] = result
        self.next_contribution_id += 1
        self.evidence.transfer(result.merged_from, result.id)
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

    def remove_axis(self, axis_id: int) -> Axis:
        """Its evidence links and its comments go with it."""
        axis = self.axes.axis(axis_id)
        self._require_not_voted_on({target.id for target in axis.targets})
        self.axes.remove_axis(axis_id)
        self.evidence.drop_targets(axis.targets)
        self.comments.drop_axis(axis_id)
        return axis

    def remove_axis_line(self, line_id: int) -> Line:
        """Its evidence links go with it, kept with the line so that `restore_axis_line` brings them back."""
        target = self.axes.target_of_line(line_id)
        self._require_not_voted_on({line_id})
        removed = self.axes.remove_line(line_id)
        if target is not None:
            removed.evidence = sorted(self.evidence.contributions_for({target}))
            self.evidence.drop_targets({target})
        return removed.line

    def restore_axis_line(self) -> RemovedLine:
        """Undo the last removal: the line where it was, its orientation's pistes and its evidence links."""
        removed = self.axes.restore_removed()
        target = self.axes.target_of_line(removed.line.id)
        if target is not None:
            for cid in removed.evidence:
                contribution = self.contributions.get(cid)
                if contribution is not None and contribution.is_visible:  # not merged or hidden meanwhile
                    self.evidence.link(cid, target)
        return removed

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
