"""Phases 2 and 3 through the service: each verb is durable then announced once, to the right audience."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from atelier import live
from atelier.domain import records
from atelier.domain.axes import Target, TargetKind
from atelier.domain.changes import (
    AddAxis,
    AddAxisLine,
    AddComment,
    AddContribution,
    AddStructure,
    CloseVote,
    EditAxis,
    EditAxisLine,
    EditStructure,
    LinkEvidence,
    MergeContributions,
    MoveAxis,
    MoveAxisLine,
    OpenVote,
    PresentAxis,
    PresentStep,
    RegisterParticipant,
    RemoveAxis,
    RemoveAxisLine,
    RemoveStructure,
    SetCommentHidden,
    SetCommentShown,
    SetPhaseStatus,
    SetPisteDetails,
    SetPistePlan,
    SetPoints,
    SetSpeaker,
    StartTimer,
    StopTimer,
    UnlinkEvidence,
)
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
from tests.conftest import COMMUNES, THEMES, Clock, durable


async def restitution(service: SessionService) -> tuple[str, list[int]]:
    """Phase 1 posted, axes built with two pistes, restitution open. Returns the code and the piste ids."""
    code = (await service.create_session(territory="CC du Val", communes=COMMUNES, themes=THEMES)).code
    await service.apply(code, SetPhaseStatus(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.OPEN))
    await service.apply(code, RegisterParticipant("alice", role="elu", commune="Vernoux"))
    await service.apply(code, RegisterParticipant("bob", role="elu", commune="Fontenelle"))
    await service.apply(code,
                        RegisterParticipant("ml", role="acteur_institutionnel", commune=None,
                                            structure="Mission Locale"))
    await service.apply(code,
                        AddContribution("alice", kind="difficulte", text="Pas de bus", theme="Mobilité", risk="eleve"))
    await service.apply(code, SetPhaseStatus(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.CLOSED))
    axis = await service.apply(code, AddAxis("Se déplacer"))
    bus = await service.apply(code, AddAxisLine(axis.id, "pistes", "Transport à la demande"))
    permis = await service.apply(code, AddAxisLine(axis.id, "pistes", "Aide au permis"))
    await service.apply(code, SetPhaseStatus(PhaseKey.RESTITUTION, PhaseStatus.OPEN))
    return code, [bus.id, permis.id]


def published(service: SessionService) -> list:
    return service.published  # type: ignore[attr-defined]


async def test_two_submits_at_once_from_one_participant_never_exceed_the_budget(service: SessionService) -> None:
    code, (bus, permis) = await restitution(service)
    await service.apply(code, OpenVote("piste", budget=5, cap=3))
    results = await asyncio.gather(service.apply(code, SetPoints("alice", bus, 3)),
                                   service.apply(code, SetPoints("alice", permis, 3)), return_exceptions=True)
    assert sorted(type(r).__name__ for r in results) == ["NotAllowed", "int"]
    vote = service.get(code).votes.current
    assert vote is not None and vote.spent("alice") == 3
    points = [e for e in published(service) if isinstance(e, PointsChanged)]
    assert len(points) == 1 and points[0].points_left == 2


async def test_a_point_change_goes_to_the_wall_and_the_voters_devices_only(service: SessionService) -> None:
    code, (bus, _) = await restitution(service)
    opened = await service.apply(code, OpenVote("piste"))
    await service.apply(code, SetPoints("bob", bus, 1))
    left = await service.apply(code, SetPoints("alice", bus, 2))
    event = published(service)[-1]
    assert event == PointsChanged(code, event.version, opened.id, "alice", bus, 2, left, 3)
    assert live.channels_for(event) == [live.wall(code), live.author(code, "alice")]
    assert live.session(code) not in live.channels_for(event)


async def test_phones_hear_the_plenary_moves_on_the_session_channel(service: SessionService) -> None:
    code, _ = await restitution(service)
    before = len(published(service))
    structure = await service.apply(code, AddStructure("Mission Locale", "service_public"))
    await service.apply(code, SetSpeaker(structure.id))
    await service.apply(code, PresentStep(1))
    await service.apply(code, OpenVote("piste"))
    await service.apply(code, CloseVote())
    await service.apply(code, StartTimer("Débat", 10))
    await service.apply(code, StopTimer())
    events = published(service)[before:]
    assert [type(e) for e in events] == [WitnessesChanged, WitnessesChanged, AxisPresented, VoteChanged,
                                         VoteChanged, TimerChanged, TimerChanged]
    assert all(live.channels_for(e) == [live.session(code)] for e in events)
    assert events[1].witnesses.speaking.name == "Mission Locale"
    assert (events[3].vote.is_open, events[4].vote.is_open) == (True, False)  # each as it was at its change
    assert events[5].timer.label == "Débat" and events[6].timer is None


async def test_building_axes_and_evidence_is_announced_once_per_change(service: SessionService) -> None:
    code, (bus, _) = await restitution(service)
    first = service.get(code).axes.axes[0].id
    before = len(published(service))
    other = await service.apply(code, AddAxis("Se soigner"))
    await service.apply(code, EditAxis(other.id, concretely="Une maison de santé"))
    await service.apply(code, MoveAxis(other.id, 0))
    await service.apply(code, SetPistePlan(bus, {"deadline": "2027"}))
    link = await service.apply(code, LinkEvidence.of(1, Target(TargetKind.PISTE, bus)))
    await service.apply(code, RemoveAxisLine(bus))
    await service.apply(code, RemoveAxis(other.id))
    events = published(service)[before:]
    assert [type(e) for e in events] == [AxisChanged, AxisChanged, AxesReordered, AxisChanged, EvidenceChanged,
                                         AxisChanged, AxisRemoved]
    assert events[2].order == (other.id, first)
    assert events[4] == EvidenceChanged(code, events[4].version, 1,
                                        tuple(link)) and live.channels_for(events[4]) == [live.wall(code)]
    assert bus not in [line.id for line in events[5].axis.pistes]
    assert not service.get(code).evidence.is_used(1)


async def test_a_merge_is_told_to_the_wall_and_to_both_authors(service: SessionService) -> None:
    code = (await service.create_session(territory="CC", communes=COMMUNES, themes=THEMES)).code
    await service.apply(code, SetPhaseStatus(PhaseKey.TEMOIGNAGES, PhaseStatus.OPEN))
    for pid in ("ml", "caf"):
        await service.apply(code, RegisterParticipant(pid, role="acteur_institutionnel", commune=None, structure=pid))
    a = await service.apply(code, AddContribution("ml", kind="enjeu", text="Jeunes isolés", theme="Santé"))
    b = await service.apply(code, AddContribution("caf", kind="enjeu", text="Isolement des jeunes", theme="Santé"))
    merged = await service.apply(code, MergeContributions(a.id, b.id, text="L'isolement des jeunes"))
    event = published(service)[-1]
    assert event == ContributionsMerged(code, event.version, merged, (service.get(code).contributions[a.id],
                                                                  service.get(code).contributions[b.id]))
    assert live.channels_for(event) == [live.wall(code), live.author(code, "ml"), live.author(code, "caf"),
                                        live.withdrawn(code)]  # the originals leave the phones' lists


async def test_comments_reach_the_wall_and_their_author(service: SessionService) -> None:
    code, _ = await restitution(service)
    axis = service.get(code).axes.axes[0].id
    comment = await service.apply(code, AddComment("alice", axis, "Et le soir ?"))
    await service.apply(code, SetCommentShown(comment.id, True))
    await service.apply(code, SetCommentHidden(comment.id, True))
    added, shown, hidden = published(service)[-3:]
    assert (type(added), type(shown), type(hidden)) == (CommentAdded, CommentChanged, CommentChanged)
    assert live.channels_for(added) == [live.wall(code), live.author(code, "alice")]
    assert hidden.comment.hidden and not hidden.comment.shown


async def test_a_refused_verb_writes_and_announces_nothing(service: SessionService) -> None:
    code, (bus, _) = await restitution(service)
    before, stored = list(published(service)), durable(service.store, code)
    with pytest.raises(NotAllowed):
        await service.apply(code, SetPoints("alice", bus, 1))  # no vote open
    with pytest.raises(DomainError):
        await service.apply(code, AddComment("alice", 999, "Oui"))
    assert published(service) == before and durable(service.store, code) == stored


async def test_everything_of_phases_2_and_3_survives_a_restart(tmp_path: Path, clock: Clock) -> None:
    service = SessionService(TinyDBSessionStore(tmp_path), clock=clock)
    code, (bus, permis) = await restitution(service)
    structure = await service.apply(code, AddStructure("CCAS", "collectivite"))
    await service.apply(code, SetSpeaker(structure.id))
    axis = service.get(code).axes.axes[0]
    await service.apply(code, EditAxis(axis.id, concretely="Un minibus\nle samedi"))
    await service.apply(code, AddAxisLine(axis.id, "orientations", "Mobilité solidaire"))
    await service.apply(code, SetPisteDetails(bus, ["Réservation la veille"]))
    await service.apply(code, SetPistePlan(bus, {"pilots": "CC", "deadline": "2027", "indicators": "Trajets"}))
    await service.apply(code, LinkEvidence.of(1, Target(TargetKind.PISTE, bus)))
    await service.apply(code, PresentAxis(axis.id))
    await service.apply(code, OpenVote("piste", budget=4, cap=2))
    await service.apply(code, SetPoints("alice", bus, 2))
    await service.apply(code, SetPoints("bob", permis, 1))
    await service.apply(code, CloseVote())
    await service.apply(code, OpenVote("orientation"))
    comment = await service.apply(code, AddComment("ml", axis.id, "Avec la MSA"))
    await service.apply(code, SetCommentShown(comment.id, True))
    await service.apply(code, StartTimer("Vote", 5))
    before = records.session_record(service.get(code))
    service.close()

    reopened = SessionService(TinyDBSessionStore(tmp_path))
    session = reopened.get(code)
    assert records.session_record(session) == before
    assert session.witnesses.speaking.name == "CCAS"  # type: ignore[union-attr]
    assert session.votes.votes[0].points_of("alice") == {bus: 2} and session.votes.current is session.votes.votes[1]
    assert session.axes.piste(bus).deadline == "2027" and session.timer == service.get(code).timer
    snapshot = json.loads((tmp_path / f"{code}.json").read_text(encoding="utf-8"))
    assert snapshot["session"]["1"]["schema"] == records.SCHEMA_VERSION
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
    structure = await service.apply(code, AddStructure("CCAS", "collectivite"))
    await service.apply(code, SetSpeaker(structure.id))
    await service.apply(code, EditStructure(structure.id, "CCAS de Vernoux", "service_public"))
    await service.apply(code, RemoveStructure(structure.id))
    assert session.witnesses.structures == [] and session.witnesses.speaking is None
    await service.apply(code, EditAxisLine(bus, "Transport à la demande le soir"))
    await service.apply(code, MoveAxisLine(permis, 0))
    assert [p.text for p in session.axes.axes[0].pistes] == ["Aide au permis", "Transport à la demande le soir"]
    await service.apply(code, LinkEvidence.of(1, Target(TargetKind.PISTE, bus)))
    assert await service.apply(code, UnlinkEvidence.of(1, Target(TargetKind.PISTE, bus))) == []
    assert await service.apply(code, PresentStep(-1)) is session.axes.axes[0]
    assert await service.apply(code, PresentAxis(None)) is None
    events = published(service)[-10:]
    assert [type(e) for e in events] == [WitnessesChanged] * 4 + [AxisChanged] * 2 + [EvidenceChanged] * 2 + [
        AxisPresented] * 2
    assert events[-1].axis is None and session.axes.presented is None
