"""Priority vote: budget and cap always hold, votes only while open, a closed vote is frozen, results."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atelier.domain.errors import InvalidInput, NotAllowed, NotFound
from atelier.domain.model import Participant, PhaseKey, PhaseStatus, Role
from atelier.domain.session import Session
from atelier.domain.vote_results import (
    NO_COMMUNE,
    VoterGroup,
    one_commune_one_voice,
    rank,
    ranked_totals,
    totals_by_commune,
    totals_by_role,
)
from atelier.domain.votes import PriorityVote, VoteBook
from tests.conftest import T0, refused


def pistes(session: Session) -> list[int]:
    return [line.id for line in session.axes.items("piste")]  # type: ignore[arg-type]


def test_a_vote_on_pistes_covers_every_piste_of_all_axes_in_board_order(plenary: Session) -> None:
    vote = plenary.open_vote("piste", now=T0)
    assert vote.items == pistes(plenary) and len(vote.items) == 3
    assert (vote.budget, vote.cap, vote.is_open) == (5, 3, True)
    assert vote.totals() == dict.fromkeys(vote.items, 0)
    plenary.votes.close_current(T0)
    on_orientations = plenary.open_vote("orientation", now=T0)
    assert on_orientations.items == [plenary.axes.axes[0].orientations[0].id]


def test_points_respect_the_cap_per_item_and_the_budget(plenary: Session) -> None:
    bus, permis, doctor = pistes(plenary)
    vote = plenary.open_vote("piste", now=T0)
    assert plenary.set_points("alice", bus, 3) == 2
    with refused(NotAllowed, match="3 points au plus"):
        plenary.set_points("alice", permis, 4)
    plenary.set_points("alice", permis, 2)
    with refused(NotAllowed, match="il vous en reste 0"):
        plenary.set_points("alice", doctor, 1)
    assert plenary.set_points("alice", bus, 1) == 2  # moving points: take some back first
    assert plenary.set_points("alice", doctor, 2) == 0
    assert vote.points_of("alice") == {bus: 1, permis: 2, doctor: 2}


def test_two_phones_of_one_participant_share_one_budget(plenary: Session) -> None:
    """A participant is their id, whatever the device: both phones send 'alice'."""
    bus, permis, _ = pistes(plenary)
    vote = plenary.open_vote("piste", now=T0)
    plenary.set_points("alice", bus, 3)  # phone 1
    with refused(NotAllowed, match="il vous en reste 2"):
        plenary.set_points("alice", permis, 3)  # phone 2, not knowing about phone 1
    assert vote.spent("alice") == 3


@pytest.mark.parametrize("points", [-1, 1.5, "2", True, None])
def test_points_must_be_a_whole_number(plenary: Session, points) -> None:
    plenary.open_vote("piste", now=T0)
    with refused(InvalidInput, match="nombre entier"):
        plenary.set_points("alice", pistes(plenary)[0], points)


def test_only_items_of_the_vote_and_known_participants_count(plenary: Session) -> None:
    plenary.open_vote("piste", now=T0)
    orientation = plenary.axes.items("orientation")[0].id  # type: ignore[arg-type]
    with refused(NotFound, match="ne fait pas partie du vote"):
        plenary.set_points("alice", orientation, 1)
    with refused(NotFound, match="Présentez-vous"):
        plenary.set_points("stranger", pistes(plenary)[0], 1)


def test_no_points_before_a_vote_opens_and_none_once_it_closed(plenary: Session) -> None:
    bus = pistes(plenary)[0]
    with refused(NotAllowed, match="Aucun vote"):
        plenary.set_points("alice", bus, 1)
    vote = plenary.open_vote("piste", now=T0)
    plenary.set_points("alice", bus, 2)
    plenary.votes.close_current(T0)
    with refused(NotAllowed, match="Le vote est clos"):
        plenary.set_points("alice", bus, 0)
    assert vote.points_of("alice") == {bus: 2} and not vote.is_open


def test_a_vote_closed_too_early_is_reopened_with_its_points(plenary: Session) -> None:
    bus = pistes(plenary)[0]
    with refused(NotAllowed, match="Aucun vote n'a encore eu lieu"):
        plenary.reopen_vote()
    vote = plenary.open_vote("piste", now=T0)
    plenary.set_points("alice", bus, 2)
    with refused(NotAllowed, match="déjà ouvert"):
        plenary.reopen_vote()
    plenary.votes.close_current(T0)
    assert plenary.reopen_vote() is vote and vote.is_open
    plenary.set_points("alice", bus, 3)
    assert vote.points_of("alice") == {bus: 3}


def test_a_vote_whose_lines_left_the_board_is_not_reopened(plenary: Session) -> None:
    plenary.open_vote("piste", now=T0)
    plenary.votes.close_current(T0)
    plenary.remove_axis_line(pistes(plenary)[0], T0)
    with refused(NotAllowed, match="retirées des axes depuis sa clôture"):
        plenary.reopen_vote()
    assert plenary.votes.current is None


def test_votes_happen_only_while_the_restitution_is_open(plenary: Session) -> None:
    plenary.open_vote("piste", now=T0)
    plenary.set_phase_status(PhaseKey.RESTITUTION, PhaseStatus.CLOSED, T0)
    with refused(NotAllowed, match="pendant la restitution"):
        plenary.set_points("alice", pistes(plenary)[0], 1)
    with refused(NotAllowed, match="pendant la restitution"):
        plenary.open_vote("orientation", now=T0)


def test_one_vote_open_at_a_time_and_earlier_ones_are_kept(plenary: Session) -> None:
    first = plenary.open_vote("orientation", now=T0)
    with refused(NotAllowed, match="déjà ouvert"):
        plenary.open_vote("piste", now=T0)
    plenary.votes.close_current(T0)
    second = plenary.open_vote("piste", now=T0)
    assert plenary.votes.votes == [first, second] and plenary.votes.current is second
    plenary.votes.close_current(T0)
    assert plenary.votes.current is None and plenary.votes.latest is second
    assert plenary.votes.vote(first.id) is first
    with refused(NotFound, match="Ce vote n'existe pas"):
        plenary.votes.vote(99)
    with refused(NotAllowed, match="Aucun vote n'est ouvert"):
        plenary.votes.close_current(T0)


@pytest.mark.parametrize(("target", "budget", "cap", "message"), [
    ("axe", 5, 3, "orientations ou sur les pistes"),
    ("piste", 0, 1, "de 1 à 20"),
    ("piste", 21, 3, "de 1 à 20"),
    ("piste", 4, 5, "de 1 à 4"),
    ("piste", 5, 0, "de 1 à 5"),
])
def test_vote_settings_out_of_range_are_refused(plenary: Session, target: str, budget: int, cap: int,
                                                message: str) -> None:
    with refused(InvalidInput, match=message):
        plenary.open_vote(target, budget=budget, cap=cap, now=T0)
    assert plenary.votes.votes == []


def test_nothing_to_vote_on_is_refused() -> None:
    with refused(NotAllowed, match="ajoutez d'abord des pistes d'actions"):
        VoteBook().open("piste", [], budget=5, cap=3, now=T0)


def test_a_line_under_vote_cannot_be_removed_until_the_vote_closes(plenary: Session) -> None:
    bus = pistes(plenary)[0]
    mobility = plenary.axes.axes[0].id
    plenary.open_vote("piste", now=T0)
    with refused(NotAllowed, match="soumise au vote"):
        plenary.remove_axis_line(bus, T0)
    with refused(NotAllowed, match="soumise au vote"):
        plenary.remove_axis(mobility, T0)
    plenary.remove_axis_line(plenary.axes.axes[0].enjeux[0].id, T0)  # not voted on
    plenary.votes.close_current(T0)
    plenary.remove_axis_line(bus, T0)
    assert bus not in pistes(plenary)


# --- Results --------------------------------------------------------------------------------
def people(*rows: tuple[str, Role, str | None]) -> dict[str, Participant]:
    return {pid: Participant(pid, role, commune) for pid, role, commune in rows}


def vote_with(allocations: dict[str, dict[int, int]], items=(1, 2, 3)) -> PriorityVote:
    vote = PriorityVote(1, "piste", list(items), T0, budget=20, cap=20)  # type: ignore[arg-type]
    vote.allocations = allocations
    return vote


def test_ranking_puts_the_most_points_first_and_ties_share_a_rank() -> None:
    vote = vote_with({"a": {2: 3, 3: 1}, "b": {1: 3, 3: 2}})
    assert [(r.item_id, r.score, r.rank) for r in ranked_totals(vote)] == [(1, 3, 1), (2, 3, 1), (3, 3, 1)]
    assert [(r.item_id, r.rank) for r in rank({1: 1, 2: 5, 3: 1, 4: 0})] == [(2, 1), (1, 2), (3, 2), (4, 4)]


def test_results_split_by_role_and_by_commune() -> None:
    participants = people(("e1", Role.ELU, "Vernoux"), ("e2", Role.ELU, "Marcilly"),
                          ("ml", Role.INSTITUTIONAL_ACTOR, None), ("h", Role.RESIDENT, "Vernoux"))
    vote = vote_with({"e1": {1: 2}, "e2": {1: 1, 2: 3}, "ml": {3: 3}, "h": {2: 1}, "gone": {3: 1}})
    assert totals_by_role(vote, participants) == {
        VoterGroup.ELUS: {1: 3, 2: 3, 3: 0}, VoterGroup.ACTORS: {1: 0, 2: 0, 3: 3},
        VoterGroup.OTHERS: {1: 0, 2: 1, 3: 1}}
    assert totals_by_commune(vote, participants) == {
        "Vernoux": {1: 2, 2: 1, 3: 0}, "Marcilly": {1: 1, 2: 3, 3: 0}, NO_COMMUNE: {1: 0, 2: 0, 3: 4}}


def test_one_commune_one_voice_gives_a_hamlet_the_weight_of_a_town() -> None:
    town = [(f"t{i}", Role.ELU, "Ville") for i in range(10)]
    participants = people(*town, ("h", Role.ELU, "Hameau"), ("ml", Role.LOCAL_ACTOR, None))
    allocations = {pid: {1: 5} for pid, _, _ in town} | {"h": {2: 4, 3: 1}, "ml": {3: 5}}
    voice = one_commune_one_voice(vote_with(allocations), participants)
    assert voice.scores == {1: Fraction(1), 2: Fraction(4, 5), 3: Fraction(1, 5)}
    assert voice.communes == 2
    assert voice.without_commune == {1: 0, 2: 0, 3: 5}
    assert [r.item_id for r in voice.ranked()] == [1, 2, 3]
    assert ranked_totals(vote_with(allocations))[0].score == 50  # raw points: the town outvotes all


# --- Properties -----------------------------------------------------------------------------
ITEMS = [10, 11, 12, 13]
PARTICIPANT_IDS = ["p0", "p1", "p2", "p3"]
moves = st.lists(st.tuples(st.sampled_from(PARTICIPANT_IDS), st.sampled_from(ITEMS), st.integers(-1, 6)),
                 max_size=60)


@given(budget=st.integers(1, 8), cap_share=st.floats(0, 1), moves=moves)
def test_no_sequence_of_moves_exceeds_budget_or_cap_and_totals_add_up(budget: int, cap_share: float,
                                                                      moves) -> None:
    cap = max(1, round(budget * cap_share))
    vote = VoteBook().open("piste", ITEMS, budget=budget, cap=cap, now=T0)
    expected: dict[str, dict[int, int]] = {}
    for pid, item, points in moves:
        try:
            left = vote.set_points(pid, item, points)
        except (InvalidInput, NotAllowed):
            continue
        expected.setdefault(pid, {})[item] = points
        assert left == budget - sum(expected[pid].values())
    for pid in PARTICIPANT_IDS:
        assert 0 <= vote.spent(pid) <= budget
        assert all(0 < p <= cap for p in vote.points_of(pid).values())
        assert vote.points_of(pid) == {i: p for i, p in expected.get(pid, {}).items() if p}
    totals = vote.totals()
    assert sum(totals.values()) == sum(vote.spent(pid) for pid in PARTICIPANT_IDS)
    assert all(totals[i] == sum(vote.points_of(p).get(i, 0) for p in PARTICIPANT_IDS) for i in ITEMS)


ballots = st.dictionaries(st.integers(1, 4), st.integers(1, 3), min_size=1, max_size=4)
voters = st.lists(st.tuples(st.sampled_from(["A", "B", "C", None]), ballots), min_size=1, max_size=12)


@given(voters=voters, copies=st.integers(2, 5))
def test_each_commune_weighs_one_voice_however_many_of_its_people_vote(voters, copies: int) -> None:
    participants = {f"v{i}": Participant(f"v{i}", Role.ELU, commune) for i, (commune, _) in enumerate(voters)}
    allocations = {f"v{i}": ballot for i, (_, ballot) in enumerate(voters)}
    voice = one_commune_one_voice(vote_with(allocations, items=(1, 2, 3, 4)), participants)
    communes = {commune for commune, _ in voters if commune}
    assert voice.communes == len(communes)
    assert sum(voice.scores.values()) == len(communes)
    assert sum(voice.without_commune.values()) == sum(sum(b.values()) for c, b in voters if c is None)
    # Cloning every voter of the first commune changes nothing: a commune's weight is fixed.
    if communes:
        crowd = sorted(communes)[0]
        cloned = dict(allocations)
        for i, (commune, ballot) in enumerate(voters):
            for k in range(1, copies) if commune == crowd else ():
                participants[f"v{i}c{k}"] = Participant(f"v{i}c{k}", Role.ELU, crowd)
                cloned[f"v{i}c{k}"] = ballot
        assert one_commune_one_voice(vote_with(cloned, items=(1, 2, 3, 4)), participants).scores == voice.scores


def test_paper_points_counted_by_the_facilitator_join_the_totals_even_after_the_vote_closed(
        plenary: Session) -> None:
    bus, permis, _ = pistes(plenary)
    with refused(NotAllowed, match="Aucun vote n'a encore eu lieu"):
        plenary.set_paper_points(bus, 4)
    vote = plenary.open_vote("piste", now=T0)
    plenary.set_points("alice", bus, 2)
    plenary.votes.close_current(T0)  # the phones' vote is over; the paper ballots are counted now
    plenary.set_paper_points(bus, 4)
    plenary.set_paper_points(permis, 1)
    plenary.set_paper_points(permis, 3)  # recounted: the count is set, not added
    assert vote.totals()[bus] == 6 and vote.phone_totals()[bus] == 2 and vote.paper == {bus: 4, permis: 3}
    assert vote.item_total(permis) == 3 and vote.voters == 1  # paper has no voter of its own
    plenary.set_paper_points(permis, 0)
    assert permis not in vote.paper
    with refused(InvalidInput, match="de 0 à 100000"):
        plenary.set_paper_points(bus, -1)
    with pytest.raises(NotFound):
        plenary.set_paper_points(999, 1)
    assert plenary.votes.reported() is vote


def test_a_vote_with_only_paper_points_is_the_one_the_restitution_reports(plenary: Session) -> None:
    bus = pistes(plenary)[0]
    vote = plenary.open_vote("piste", now=T0)
    plenary.votes.close_current(T0)
    assert plenary.votes.reported() is None
    plenary.set_paper_points(bus, 12)  # a show of hands in a hall without phones
    assert plenary.votes.reported() is vote
