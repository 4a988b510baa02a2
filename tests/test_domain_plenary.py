"""The restitution plenary: comments on an axe, and the step timer every page counts down."""

from __future__ import annotations

from datetime import timedelta

import pytest

from atelier.domain.comments import MAX_COMMENTS_PER_PARTICIPANT
from atelier.domain.errors import InvalidInput, NotAllowed, NotFound
from atelier.domain.model import PhaseKey, PhaseStatus
from atelier.domain.session import Session
from atelier.domain.timer import StepTimer
from tests.conftest import T0, Clock, refused


def first_axis(session: Session) -> int:
    return session.axes.axes[0].id


def test_a_comment_is_cleaned_like_a_contribution_and_limited_to_280_characters(plenary: Session) -> None:
    axis = first_axis(plenary)
    comment = plenary.add_comment("alice", axis, "  Et les\x00 hameaux ?  ", T0)
    assert (comment.text, comment.axis_id, comment.author_id) == ("Et les hameaux ?", axis, "alice")
    assert len(plenary.add_comment("alice", axis, "a" * 280, T0).text) == 280
    with refused(InvalidInput, match=r"280 caractères au plus \(vous en avez 281\)"):
        plenary.add_comment("alice", axis, "a" * 281, T0)
    with refused(InvalidInput, match="Écrivez quelques mots"):
        plenary.add_comment("alice", axis, " \n ", T0)
    assert len(plenary.comments.comments) == 2


def test_comments_only_while_the_restitution_is_open_on_an_existing_axe(plenary: Session) -> None:
    with refused(NotFound, match="axe n'existe plus"):
        plenary.add_comment("alice", 999, "Oui", T0)
    with refused(NotFound, match="Présentez-vous"):
        plenary.add_comment("stranger", first_axis(plenary), "Oui", T0)
    plenary.set_phase_status(PhaseKey.RESTITUTION, PhaseStatus.CLOSED, T0)
    with refused(NotAllowed, match="pendant la restitution"):
        plenary.add_comment("alice", first_axis(plenary), "Oui", T0)
    assert plenary.comments.comments == {}


def test_a_participant_cannot_flood_the_comments(plenary: Session) -> None:
    for i in range(MAX_COMMENTS_PER_PARTICIPANT):
        plenary.add_comment("alice", first_axis(plenary), f"Avis {i}", T0)
    with refused(NotAllowed, match="limite"):
        plenary.add_comment("alice", first_axis(plenary), "Encore", T0)
    assert plenary.add_comment("bob", first_axis(plenary), "Moi aussi", T0).id == MAX_COMMENTS_PER_PARTICIPANT + 1
    assert [c.text for c in plenary.comments.by("bob")] == ["Moi aussi"]


def test_facilitator_shows_and_hides_comments_and_a_hidden_one_is_never_shown(plenary: Session) -> None:
    axis = first_axis(plenary)
    kept, rude = plenary.add_comment("alice", axis, "Oui", T0), plenary.add_comment("bob", axis, "Non", T0)
    plenary.comments.set_shown(kept.id, True)
    plenary.comments.set_shown(rude.id, True)
    plenary.comments.set_hidden(rude.id, True)
    assert plenary.comments.shown_for(axis) == [kept]
    assert plenary.comments.for_axis(axis) == [kept]
    assert plenary.comments.for_axis(axis, include_hidden=True) == [kept, rude]
    plenary.comments.set_shown(rude.id, True)  # the facilitator changed their mind: shown means restored
    assert (rude.hidden, rude.shown) == (False, True)
    with refused(NotFound, match="commentaire n'existe plus"):
        plenary.comments.set_hidden(99, True)


def test_timer_remaining_time_follows_the_clock_and_never_goes_negative() -> None:
    clock = Clock()
    timer = StepTimer.start(" Échanges en petits groupes ", 10, clock())
    assert (timer.label, timer.duration) == ("Échanges en petits groupes", timedelta(minutes=10))
    clock.now += timedelta(minutes=4, seconds=29)
    assert timer.remaining(clock()) == timedelta(minutes=5, seconds=30)
    clock.now += timedelta(minutes=6)
    assert timer.remaining(clock.now) == timedelta(0)
    assert timer.ends_at == timer.started_at + timedelta(minutes=10)


@pytest.mark.parametrize("minutes", [0, -5, 181, float("nan"), "10", True])
def test_timer_duration_must_be_a_sensible_number_of_minutes(minutes) -> None:
    with refused(InvalidInput, match="durée en minutes"):
        StepTimer.start("Pause", minutes, T0)


def test_timer_runs_in_any_phase_and_a_new_one_replaces_the_old(session: Session) -> None:
    session.set_phase_status(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.CLOSED, T0)
    session.start_timer("Tour de table", 5, T0)
    replaced = session.start_timer("Synthèse", 2.5, T0 + timedelta(minutes=1))
    assert session.timer is replaced and replaced.duration == timedelta(seconds=150)
    session.stop_timer()
    session.stop_timer()
    assert session.timer is None
