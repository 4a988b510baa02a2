"""Results of a priority vote: ranked totals, split by role and by commune, and « une commune, une voix ».

Pure functions of a vote and the session's participants. Participants are read as they are now: if
someone changes commune during the vote, their points follow them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from typing import TypeVar

from atelier.domain.model import Participant, Role
from atelier.domain.votes import PriorityVote

K = TypeVar("K")
Score = int | Fraction  # points, or voices in « une commune, une voix »
NO_COMMUNE = ""  # the group of participants without a commune (actors for the whole territory…)


class VoterGroup(StrEnum):
    ELUS = "elus"
    ACTORS = "acteurs"
    OTHERS = "autres"


def voter_group(participant: Participant | None) -> VoterGroup:
    if participant is None:
        return VoterGroup.OTHERS
    if participant.role is Role.ELU:
        return VoterGroup.ELUS
    return VoterGroup.ACTORS if participant.role.is_actor else VoterGroup.OTHERS


@dataclass(frozen=True)
class RankedItem:
    item_id: int
    score: Score  # points, or voices (a Fraction: format it with float())
    rank: int  # 1 is first; equal scores share a rank (1, 1, 3)


def rank(scores: Mapping[int, Score]) -> list[RankedItem]:
    """Highest score first; equal scores keep the order of `scores` (board order) and share a rank."""
    ordered = sorted(scores.items(), key=lambda pair: -pair[1])
    ranked: list[RankedItem] = []
    for position, (item_id, score) in enumerate(ordered, start=1):
        tied = ranked and ranked[-1].score == score
        ranked.append(RankedItem(item_id, score, ranked[-1].rank if tied else position))
    return ranked


def ranked_totals(vote: PriorityVote) -> list[RankedItem]:
    return rank(vote.totals())


def totals_by(vote: PriorityVote, group: Callable[[str], K], groups: Iterable[K] = ()) -> dict[K, dict[int, int]]:
    """Points per item within each group of voters; `groups` are listed even when nobody of them voted."""
    result = {g: dict.fromkeys(vote.items, 0) for g in groups}
    for participant_id, mine in vote.allocations.items():
        bucket = result.setdefault(group(participant_id), dict.fromkeys(vote.items, 0))
        for item_id, points in mine.items():
            bucket[item_id] += points
    return result


def totals_by_role(vote: PriorityVote, participants: Mapping[str, Participant]) -> dict[VoterGroup, dict[int, int]]:
    return totals_by(vote, lambda pid: voter_group(participants.get(pid)), VoterGroup)


def totals_by_commune(vote: PriorityVote, participants: Mapping[str, Participant]) -> dict[str, dict[int, int]]:
    """Keyed by commune; `NO_COMMUNE` ("") gathers the participants who gave none."""
    return totals_by(vote, lambda pid: commune_of(participants.get(pid)))


@dataclass(frozen=True)
class CommuneVoice:
    scores: dict[int, Fraction]  # item → voices, exact; every item of the vote, board order
    communes: int  # communes whose participants voted: the scores add up to this number
    without_commune: dict[int, int]  # raw points of participants without a commune, left out of `scores`

    def ranked(self) -> list[RankedItem]:
        return rank(self.scores)


def one_commune_one_voice(vote: PriorityVote, participants: Mapping[str, Participant]) -> CommuneVoice:
    """Each commune that voted weighs exactly one voice, however many of its people voted.

    With p(c, i) the points the participants of commune c put on item i, and P(c) = Σ_i p(c, i) all
    the points cast from c: score(i) = Σ_c p(c, i) / P(c). So a hamlet's one élu and a town's
    twenty weigh the same; within a commune, points split that voice in proportion. Participants
    without a commune (actors for the whole territory, say) belong to no commune's voice: their
    points are reported apart in `without_commune` rather than silently dropped or counted.
    """
    by_commune = totals_by_commune(vote, participants)
    without = by_commune.pop(NO_COMMUNE, dict.fromkeys(vote.items, 0))
    scores = {item_id: Fraction(0) for item_id in vote.items}
    for points in by_commune.values():
        cast = sum(points.values())  # > 0: only voters with points are in `allocations`
        for item_id, given in points.items():
            scores[item_id] += Fraction(given, cast)
    return CommuneVoice(scores, len(by_commune), without)


def commune_of(participant: Participant | None) -> str:
    """The commune a voter's points count for; `NO_COMMUNE` for actors of the whole territory."""
    return (participant.commune if participant else None) or NO_COMMUNE
