"""Phases 2 and 3 through the service: each verb is durable then announced once, to the right audience."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from atelier import live
from atelier.domain import records
from atelier.domain.axes import Target, TargetKind
from atelier.domain.errors import DomainError, NotAllowed
from atelier.domain.events import (
    AxesReordered,
    AxisChanged,
    AxisPresented,
    AxisRemoved,
    CommentAdded,
    CommentChanged,
    ContributionsMerged,
    EvidenceChanged,
    PointsChanged,
    TimerChanged,
    VoteChanged,
    WitnessesChanged,
)
from atelier.domain.model import PhaseKey, PhaseStatus
from atelier.service import SessionService
from atelier.store import TinyDBSessionStore
from tests.conftest import COMMUNES, THEMES, Clock


async def restitution(service: SessionService) -> tuple[str, list[int]]:
    """Phase 1 posted, axes built with two pistes, restitution open. Returns the code and the piste ids."""
    code = (await service.create_session(territory="CC du Val", communes=COMMUNES, themes=THEMES)).code
    await service.set_phase_status(code, PhaseKey.ETAT_DES_LIEUX, PhaseStatus.OPEN)
    await service.register_participant(code, "alice", role="elu", commune="Vernoux")
    await service.register_participant(code, "bob", role="elu", commune="Fontenelle")
    await service.register_participant(code, "ml", role="acteur_institutionnel", commune=None,
                                       structure="Mission Locale")
    await service.add_contribution(code, "alice", kind="difficulte", text="Pas de bus", theme="Mobilité",
                                   risk="eleve")
    await service.set_phase_status(code, PhaseKey.ETAT_DES_LIEUX, PhaseStatus.CLOSED)
    axis = await service.add_axis(code, "Se déplacer")
    bus = await service.add_axis_line(code, axis.id, "pistes", "Transport à la demande")
    permis = await service.add_axis_line(code, axis.id, "pistes", "Aide au permis")
    await service.set_phase_status(code, PhaseKey.RESTITUTION, PhaseStatus.OPEN)
    return code, [bus.id, permis.id]


def published(service: SessionService) -> list:
    return service.published  # type: ignore[attr-defined]


async def test_two_submits_at_once_from_one_participant_never_exceed_the_budget(service: SessionService) -> None:
    code, (bus, permis) = await restitution(service)
    await service.open_vote(code, "piste", budget=5, cap=3)
    results = await asyncio.gather(service.set_points(code, "alice", bus, 3),
                                   service.set_points(code, "alice", permis, 3), return_exceptions=True)
    assert sorted(type(r).__name__ for r in results) == ["NotAllowed", "int"]
    vote = service.get(code).votes.current
    assert vote is not None and vote.spent("alice") == 3
    points = [e for e in published(service) if isinstance(e, PointsChanged)]
    assert len(points) == 1 and points[0].points_left == 2


async def test_a_point_change_goes_to_the_wall_and_the_voters_devices_only(service: SessionService) -> None:
    code, (bus, _) = await restitution(service)
    opened = await service.open_vote(code, "piste")
    await service.set_points(code, "bob", bus, 1)
    left = await service.set_points(code, "alice", bus, 2)
    event = published(service)[-1]
    assert event == PointsChanged(code, opened.id, "alice", bus, 2, left, 3)
    assert live.channels_for(event) == [live.wall(code), live.author(code, "alice")]
    assert live.session(code) not in live.channels_for(event)


async def test_phones_hear_the_plenary_moves_on_the_session_channel(service: SessionService) -> None:
    code, _ = await restitution(service)
    before = len(published(service))
    structure = await service.add_structure(code, "Mission Locale", "service_public")
    await service.set_speaker(code, structure.id)
    await service.present_next(code)
    await service.open_vote(code, "piste")
    await service.close_vote(code)
    await service.start_timer(code, "Débat", 10)
    await service.stop_timer(code)
    events = published(service)[before:]
    assert [type(e) for e in events] == [WitnessesChanged, WitnessesChanged, AxisPresented, VoteChanged,
                                         VoteChanged, TimerChanged, TimerChanged]
    assert all(live.channels_for(e) == [live.session(code)] for e in events)
    assert events[1].witnesses.speaking.name == "Mission Locale"
    assert (events[3].vote.is_open, events[4].vote.is_open) == (False, False)  # the same vote object, closed
    assert events[5].timer.label == "Débat" and events[6].timer is None


async def test_building_axes_and_evidence_is_announced_once_per_change(service: SessionService) -> None:
    code, (bus, _) = await restitution(service)
    first = service.get(code).axes.axes[0].id
    before = len(published(service))
    other = await service.add_axis(code, "Se soigner")
    await service.edit_axis(code, other.id, concretely="Une maison de santé")
    await service.move_axis(code, other.id, 0)
    await service.set_piste_plan(code, bus, deadline="2027")
    link = await service.link_evidence(code, 1, Target(TargetKind.PISTE, bus))
    await service.remove_axis_line(code, bus)
    await service.remove_axis(code, other.id)
    events = published(service)[before:]
    assert [type(e) for e in events] == [AxisChanged, AxisChanged, AxesReordered, AxisChanged, EvidenceChanged,
                                         AxisChanged, AxisRemoved]
    assert events[2].order == (other.id, first)
    assert events[4] == EvidenceChanged(code, 1, tuple(link)) and live.channels_for(events[4]) == [live.wall(code)]
    assert bus not in [line.id for line in events[5].axis.pistes]
    assert not service.get(code).evidence.is_used(1)


async def test_a_merge_is_told_to_the_wall_and_to_both_authors(service: SessionService) -> None:
    code = (await service.create_session(territory="CC", communes=COMMUNES, themes=THEMES)).code
    await service.set_phase_status(code, PhaseKey.TEMOIGNAGES, PhaseStatus.OPEN)
    for pid in ("ml", "caf"):
        await service.register_participant(code, pid, role="acteur_institutionnel", commune=None, structure=pid)
    a = await service.add_contribution(code, "ml", kind="enjeu", text="Jeunes isolés", theme="Santé")
    b = await service.add_contribution(code, "caf", kind="enjeu", text="Isolement des jeunes", theme="Santé")
    merged = await service.merge_contributions(code, a.id, b.id, text="L'isolement des jeunes")
    event = published(service)[-1]
    assert event == ContributionsMerged(code, merged, (a, b))
    assert live.channels_for(event) == [live.wall(code), live.author(code, "ml"), live.author(code, "caf")]


async def test_comments_reach_the_wall_and_their_author(service: SessionService) -> None:
    code, _ = await restitution(service)
    axis = service.get(code).axes.axes[0].id
    comment = await service.add_comment(code, "alice", axis, "Et le soir ?")
    await service.set_comment_shown(code, comment.id, True)
    await service.set_comment_hidden(code, comment.id, True)
    added, shown, hidden = published(service)[-3:]
    assert (type(added), type(shown), type(hidden)) == (CommentAdded, CommentChanged, CommentChanged)
    assert live.channels_for(added) == [live.wall(code), live.author(code, "alice")]
    assert hidden.comment.hidden and not hidden.comment.shown


async def test_a_refused_verb_writes_and_announces_nothing(service: SessionService) -> None:
    code, (bus, _) = await restitution(service)
    before, stored = list(published(service)), service.store.load(code)
    with pytest.raises(NotAllowed):
        await service.set_points(code, "alice", bus, 1)  # no vote open
    with pytest.raises(DomainError):
        await service.add_comment(code, "alice", 999, "Oui")
    assert published(service) == before and service.store.load(code) == stored


async def test_everything_of_phases_2_and_3_survives_a_restart(tmp_path: Path, clock: Clock) -> None:
    service = SessionService(TinyDBSessionStore(tmp_path), clock=clock)
    code, (bus, permis) = await restitution(service)
    structure = await service.add_structure(code, "CCAS", "collectivite")
    await service.set_speaker(code, structure.id)
    axis = service.get(code).axes.axes[0]
    await service.edit_axis(code, axis.id, concretely="Un minibus\nle samedi")
    await service.add_axis_line(code, axis.id, "orientations", "Mobilité solidaire")
    await service.set_piste_details(code, bus, ["Réservation la veille"])
    await service.set_piste_plan(code, bus, pilots="CC", deadline="2027", indicators="Trajets")
    await service.link_evidence(code, 1, Target(TargetKind.PISTE, bus))
    await service.present_axis(code, axis.id)
    await service.open_vote(code, "piste", budget=4, cap=2)
    await service.set_points(code, "alice", bus, 2)
    await service.set_points(code, "bob", permis, 1)
    await service.close_vote(code)
    await service.open_vote(code, "orientation")
    await service.set_comment_shown(code, (await service.add_comment(code, "ml", axis.id, "Avec la MSA")).id, True)
    await service.start_timer(code, "Vote", 5)
    before = records.session_record(service.get(code))
    service.close()

    reopened = SessionService(TinyDBSessionStore(tmp_path))
    session = reopened.get(code)
    assert records.session_record(session) == before
    assert session.witnesses.speaking.name == "CCAS"  # type: ignore[union-attr]
    assert session.votes.votes[0].points_of("alice") == {bus: 2} and session.votes.current is session.votes.votes[1]
    assert session.axes.piste(bus).deadline == "2027" and session.timer == service.get(code).timer
    assert json.loads((tmp_path / f"{code}.json").read_text(encoding="utf-8"))["session"]["1"]["schema"] == 2
    reopened.close()


def test_a_version_1_record_loads_with_empty_phases_2_and_3() -> None:
    old = {
        "session": {"schema": 1, "code": "ABCDEF", "title": "Démarche", "territory": "CC", "communes": ["A"],
                    "themes": ["Santé"], "created_at": "2025-01-01T19:00:00+00:00",
                    "updated_at": "2025-01-01T19:00:00+00:00", "next_contribution_id": 2,
                    "phases": [{"key": "etat_des_lieux", "status": "close", "date": "2025-01-01"}]},
        "participants": [{"id": "p", "role": "elu", "commune": "A", "display_name": "", "structure": "",
                          "joined_at": None}],
        "contributions": [{"id": 1, "kind": "difficulte", "text": "Bus", "theme": "Santé", "commune": "A",
                           "author_id": "p", "created_at": "2025-01-01T19:05:00+00:00",
                           "updated_at": "2025-01-01T19:05:00+00:00", "risk": "eleve", "structure": "",
                           "hidden": False, "shared_by": []}],
    }
    session = records.session_from_record(old)
    assert session.contributions[1].merged_into is None and session.contributions[1].is_visible
    assert (session.witnesses.structures, session.axes.axes, session.evidence.links, session.votes.votes,
            session.comments.comments, session.timer) == ([], [], {}, [], {}, None)
    assert records.session_record(session)["session"]["schema"] == records.SCHEMA_VERSION


async def test_the_remaining_verbs_change_the_session_and_say_so(service: SessionService) -> None:
    code, (bus, permis) = await restitution(service)
    session = service.get(code)
    structure = await service.add_structure(code, "CCAS", "collectivite")
    await service.set_speaker(code, structure.id)
    await service.edit_structure(code, structure.id, "CCAS de Vernoux", "service_public")
    await service.remove_structure(code, structure.id)
    assert session.witnesses.structures == [] and session.witnesses.speaking is None
    await service.edit_axis_line(code, bus, "Transport à la demande le soir")
    await service.move_axis_line(code, permis, 0)
    assert [p.text for p in session.axes.axes[0].pistes] == ["Aide au permis", "Transport à la demande le soir"]
    await service.link_evidence(code, 1, Target(TargetKind.PISTE, bus))
    assert await service.unlink_evidence(code, 1, Target(TargetKind.PISTE, bus)) == []
    assert await service.present_previous(code) is session.axes.axes[0]
    assert await service.present_axis(code, None) is None
    events = published(service)[-10:]
    assert [type(e) for e in events] == [WitnessesChanged] * 4 + [AxisChanged] * 2 + [EvidenceChanged] * 2 + [
        AxisPresented] * 2
    assert events[-1].axis is None and session.axes.presented is None
