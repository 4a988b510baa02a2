"""The journal: what a restart finds is, after every single change of a whole démarche, exactly what
the room was told — and each change's event is its own value, numbered in order."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from atelier.domain import changes as ch
from atelier.domain import records
from atelier.domain.axes import Axis, Target, TargetKind
from atelier.domain.changes import Change
from atelier.domain.errors import DomainError
from atelier.domain.events import ContributionChanged
from atelier.domain.model import PhaseKey, PhaseStatus
from atelier.domain.session import Session
from atelier.service import SessionService
from atelier.store import TinyDBSessionStore
from tests.conftest import COMMUNES, THEMES, Clock, durable

E, T, R = PhaseKey.ETAT_DES_LIEUX, PhaseKey.TEMOIGNAGES, PhaseKey.RESTITUTION
OPEN, CLOSED = PhaseStatus.OPEN, PhaseStatus.CLOSED


def whole_demarche() -> list[Change]:
    """Every kind of change, in the order a real démarche makes them (ids follow from that order)."""
    return [
        ch.SetContext(population="3 676", population_year="2024", history="Née en 2017", seat="Vernoux",
                      author="Anne", analysis="Une CC rurale"),
        ch.SetPhaseDate.of(E, date(2026, 3, 14)),
        ch.SetPhaseStatus(E, OPEN),
        ch.RegisterParticipant("alice", role="elu", commune="Vernoux"),
        ch.RegisterParticipant("bob", role="elu", commune="Fontenelle", display_name="Bob"),
        ch.RegisterParticipant("bob", role="habitant", commune="Marcilly"),  # a change of profile
        ch.AddContribution("alice", kind="difficulte", text="Pas de bus le soir", theme="Mobilité", risk="eleve"),
        ch.AddContribution("bob", kind="difficulte", text="Aucun bus après 18 h", theme="Mobilité", risk="modere"),
        ch.AddContribution("bob", kind="ressource", text="Transport solidaire", theme="Mobilité",
                           structure="Familles rurales"),
        ch.EditOwnContribution("bob", 3, text="Transport solidaire du jeudi", theme="Mobilité", commune="Marcilly",
                               structure="Familles rurales"),
        ch.AddContribution("alice", kind="difficulte", text="À supprimer", theme="Santé", risk="faible"),
        ch.DeleteOwnContribution("alice", 4),
        ch.ToggleShare("bob", 1),
        ch.ModerateEdit(2, text="Aucun bus après 18 h en semaine", theme="Mobilité", commune="Fontenelle",
                        risk="modere"),
        ch.SetHidden(3, True),
        ch.SetHidden(3, False),
        ch.SetPhaseStatus(E, CLOSED),
        ch.AddStructure("Mission Locale", "service_public"),
        ch.AddStructure("ADMR", "association"),
        ch.EditStructure(2, "ADMR du Val", "association"),
        ch.SetSpeaker(1),
        ch.SetPhaseStatus(T, OPEN),
        ch.RegisterParticipant("ml", role="acteur_institutionnel", commune=None, structure="Mission Locale"),
        ch.AddContribution("ml", kind="constat", text="Des jeunes renoncent à un emploi", theme="Mobilité"),
        ch.RemoveStructure(2),
        ch.SetSpeaker(None),
        ch.SetPhaseStatus(T, CLOSED),
        ch.MergeContributions(1, 2, text="Pas de bus le soir ni après 18 h"),
        ch.AddAxis("Se déplacer"),
        ch.AddAxis("Se soigner"),
        ch.EditAxis(1, title="Se déplacer sur tout le territoire", concretely="Un minibus\nle samedi"),
        ch.AddAxisLine(1, "enjeux", "L'isolement des hameaux"),
        ch.AddAxisLine(1, "orientations", "Développer la mobilité solidaire"),
        ch.AddAxisLine(1, "pistes", "Un transport à la demande"),
        ch.AddAxisLine(1, "pistes", "Aider au permis"),
        ch.AddAxisLine(2, "pistes", "Une maison de santé"),
        ch.AddAxisLines(2, "pistes", ("Un médecin itinérant", "Des infirmières en télésanté")),
        ch.EditAxisLine(6, "Aider au permis de conduire"),
        ch.MoveAxisLine(6, 0),
        ch.SetPisteDetails(5, ["Réservation la veille", "Tarif social"]),
        ch.SetPistePlan(5, {"pilots": "CC et département", "deadline": "2027"}),
        ch.AddAxisLine(1, "pistes", "Un covoiturage organisé", orientation_id=4),
        ch.MovePiste(6, 1, 4),
        ch.MovePisteStep(10, -1),
        ch.MovePiste(9, 1, None),
        ch.LinkEvidence.of(6, Target(TargetKind.PISTE, 5)),
        ch.LinkEvidence.of(5, Target(TargetKind.AXIS, 1)),
        ch.UnlinkEvidence.of(5, Target(TargetKind.AXIS, 1)),
        ch.RemoveAxisLine(5),
        ch.RestoreAxisLine(),
        ch.RemoveAxisLine(4),
        ch.RestoreAxisLine(),
        ch.MoveAxis(2, 0),
        ch.RemoveAxisLine(3),
        ch.SetPhaseStatus(R, OPEN),
        ch.PresentAxis(1),
        ch.PresentStep(1),
        ch.PresentStep(-1),
        ch.TurnAxisPage(1),
        ch.StartTimer("Débat", 10),
        ch.AddComment("alice", 1, "Et pour les personnes âgées ?"),
        ch.SetCommentShown(1, True),
        ch.SetCommentHidden(1, True),
        ch.StopTimer(),
        ch.OpenVote("piste", budget=4, cap=2),
        ch.SetPoints("alice", 5, 2),
        ch.SetPoints("bob", 6, 1),
        ch.SetPoints("alice", 5, 1),
        ch.CloseVote(),
        ch.SetPaperPoints(5, 3),  # three points on paper, counted after the phones' vote closed
        ch.ReopenVote(),  # closed too early
        ch.CloseVote(),
        ch.ShowResults("par_role"),
        ch.HideResults(),
        ch.ShowResults(None),
        ch.OpenVote("orientation", ballot_codes=("ABCDEF", "GHJKMN")),  # « un bulletin par code »
        ch.RedeemBallotCode("bob", "ghj kmn"),
        ch.CloseVote(),
        ch.RemoveAxis(2),
        ch.AddCalendarStep("Présentation de la démarche aux élus", "2025-06-12"),
        ch.AddCalendarStep("Comité de pilotage"),
        ch.EditCalendarStep(2, "Comité de pilotage", "2026-01-20"),
        ch.AddCalendarStep("Pré-travail par secteur", "2025-09-03"),
        ch.RemoveCalendarStep(3),
        ch.RestoreRemoved(7),  # « Éléments supprimés »: the step back (the 7th removal of the soirée)
        ch.AcceptGroup("Accéder aux soins", (5,)),  # a suggested group, as a new axe
        ch.AcceptGroup("Aller vers les jeunes", (5, 6), axis_id=1),  # … as an orientation of an axe
        ch.SetPhaseStatus(R, CLOSED),
        ch.SetPhaseStatus(E, OPEN),  # reopened for latecomers, with validation before the projector
        ch.SetModeration("validation"),
        ch.AddContribution("alice", kind="difficulte", text="Plus de car le samedi", theme="Mobilité", risk="eleve"),
        ch.ValidateContribution(7),
        ch.SetModeration("directe"),
        ch.SetWallView(theme="Santé", paused=True),  # the facilitator holds the wall on one theme
        ch.SetWallView(top_shared=True),  # then « Les plus partagées »
        ch.AddContributionFor("sans-smartphone-1", role="elu", person_commune="Vernoux", display_name="M. Durand",
                              kind="difficulte", text="Plus de médecin le samedi", theme="Santé", risk="modere"),
    ]


def test_the_scenario_uses_every_kind_of_change() -> None:
    used = {type(change) for change in whole_demarche()}
    assert used == {getattr(ch, name) for name in ch.__all__ if isinstance(getattr(ch, name), type)} - {Change}


async def test_after_every_change_a_restart_finds_exactly_what_the_room_was_told(tmp_path: Path, clock: Clock) -> None:
    events: list = []
    service = SessionService(TinyDBSessionStore(tmp_path), publish=events.append, clock=clock)
    code = (await service.create_session(territory="CC du Val", communes=COMMUNES, themes=THEMES)).code
    for step, change in enumerate(whole_demarche(), start=1):
        await service.apply(code, change)
        in_memory = records.session_record(service.get(code))
        assert durable(TinyDBSessionStore(tmp_path), code) == in_memory, f"step {step}: {change}"
        assert service.get(code).version == step
    assert [e.version for e in events] == sorted(e.version for e in events), "announced in order"
    service.close()


async def test_compacting_at_every_step_changes_nothing_a_restart_finds(tmp_path: Path, clock: Clock) -> None:
    service = SessionService(TinyDBSessionStore(tmp_path), clock=clock, compact_every=1)
    code = (await service.create_session(territory="CC du Val", communes=COMMUNES, themes=THEMES)).code
    for change in whole_demarche():
        await service.apply(code, change)
    expected = records.session_record(service.get(code))
    service.close()
    assert durable(TinyDBSessionStore(tmp_path), code) == expected
    assert TinyDBSessionStore(tmp_path).load(code).journal == []  # type: ignore[union-attr]


async def test_two_edits_during_one_write_are_announced_each_as_it_was(service: SessionService) -> None:
    code = (await service.create_session(territory="CC du Val", communes=COMMUNES, themes=THEMES)).code
    for change in whole_demarche()[:7]:
        await service.apply(code, change)
    await asyncio.gather(service.apply(code, ch.ModerateEdit(1, text="v2", theme="Mobilité", commune=None,
                                                              risk="eleve")),
                         service.apply(code, ch.ModerateEdit(1, text="v3", theme="Mobilité", commune=None,
                                                              risk="eleve")))
    changed = [e for e in service.published if isinstance(e, ContributionChanged)]  # type: ignore[attr-defined]
    assert [e.contribution.text for e in changed] == ["v2", "v3"]
    assert changed[1].version == changed[0].version + 1


async def test_a_refused_change_takes_no_version_number(service: SessionService) -> None:
    code = (await service.create_session(territory="CC du Val", communes=COMMUNES, themes=THEMES)).code
    with pytest.raises(DomainError):
        await service.apply(code, ch.AddContribution("nobody", kind="difficulte", text="x", theme="Santé"))
    assert service.get(code).version == 0


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_power_cut_during_a_burst_loses_no_acknowledged_post_and_invents_none(seed: int) -> None:
    from benchmarks.crash import one_round

    acknowledged, found, missing, unexpected = one_round(phones=100, seed=seed)
    assert acknowledged > 0, "the writer was killed before any post was answered"
    assert (missing, unexpected) == (0, 0)
    assert found >= acknowledged


@dataclass(frozen=True)
class BrokenAnnouncement(ch.AddAxis):
    """A change whose rule succeeds but whose announcement fails (a programming error)."""

    name = "test_broken_announcement"

    def announce(self, session: Session, result: Axis) -> None:
        raise RuntimeError("announce failed")


async def test_a_change_that_cannot_be_announced_leaves_nothing_in_memory(tmp_path: Path, clock: Clock) -> None:
    service = SessionService(TinyDBSessionStore(tmp_path), clock=clock)
    code = (await service.create_session(territory="CC du Val", communes=COMMUNES, themes=THEMES)).code
    before = records.session_record(service.get(code))
    with pytest.raises(RuntimeError):
        await service.apply(code, BrokenAnnouncement("Se déplacer"))
    assert records.session_record(service.get(code)) == before
    await service.apply(code, ch.AddAxis("Se soigner"))
    service.close()
    assert [a.title for a in SessionService(TinyDBSessionStore(tmp_path)).get(code).axes.axes] == ["Se soigner"]
