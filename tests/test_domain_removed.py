"""« Éléments supprimés »: nothing the facilitator removes is lost by one tap; each removal, and each merge,
comes back where it was with what hung on it."""

from __future__ import annotations

import pytest

from atelier.domain import records
from atelier.domain.axes import Target, TargetKind
from atelier.domain.errors import InvalidInput, NotAllowed, NotFound
from atelier.domain.model import PhaseKey, PhaseStatus
from atelier.domain.removed import KEPT, LineReach, RemovedKind
from atelier.domain.session import Session
from tests.conftest import T0, build_axes, refused


def post(session: Session, text: str, author: str = "alice"):
    return session.add_contribution(author, kind="difficulte", text=text, theme="Mobilité", risk="eleve", now=T0)


def test_an_axe_comes_back_at_its_place_with_its_lines_links_and_comments(session: Session) -> None:
    ids = build_axes(session)
    bus = post(session, "Pas de bus")
    session.link_evidence(bus.id, Target(TargetKind.PISTE, ids["bus"]))
    session.set_phase_status(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.CLOSED, T0)
    session.set_phase_status(PhaseKey.RESTITUTION, PhaseStatus.OPEN, T0)
    session.present_axis(ids["mobility"])
    comment = session.add_comment("bob", ids["mobility"], "Et le soir ?", T0)
    session.remove_axis(ids["mobility"], T0)
    assert [a.id for a in session.axes.axes] == [ids["health"]] and session.evidence.uses_of(bus.id) == []
    entry = session.removed.newest
    assert entry is not None and (entry.kind, entry.label) == (RemovedKind.AXIS, "Se déplacer")

    session.restore_removed(entry.id)
    assert [a.id for a in session.axes.axes] == [ids["mobility"], ids["health"]]  # at its place
    assert [p.text for p in session.axes.axis(ids["mobility"]).pistes] == ["Un transport à la demande",
                                                                          "Aider au permis"]
    assert session.evidence.uses_of(bus.id) == [Target(TargetKind.PISTE, ids["bus"])]
    assert session.comments.for_axis(ids["mobility"]) == [comment]
    assert session.removed.entries == []
    with refused(NotFound, match="déjà été rétabli"):
        session.restore_removed(entry.id)


def test_a_merge_undone_gives_back_both_contributions_with_their_links(session: Session) -> None:
    ids = build_axes(session)
    first, second = post(session, "Pas de bus le soir"), post(session, "Aucun bus après 18 h", author="bob")
    session.link_evidence(first.id, Target(TargetKind.AXIS, ids["mobility"]))
    merged = session.merge_contributions(first.id, second.id, now=T0)
    assert not first.is_visible and session.evidence.uses_of(merged.id) == [Target(TargetKind.AXIS, ids["mobility"])]
    entry = session.removed.newest
    assert entry is not None and entry.kind is RemovedKind.MERGE

    session.restore_removed(entry.id)
    assert merged.id not in session.contributions and first.is_visible and second.is_visible
    assert session.evidence.uses_of(first.id) == [Target(TargetKind.AXIS, ids["mobility"])]
    assert session.evidence.uses_of(second.id) == []


def test_a_merge_merged_again_is_undone_from_the_newest_first(session: Session) -> None:
    a, b, c = post(session, "Bus"), post(session, "Car"), post(session, "Train")
    first = session.merge_contributions(a.id, b.id, now=T0)
    session.merge_contributions(first.id, c.id, now=T0)
    older = session.removed.entries[0]
    with refused(NotAllowed, match="annulez d'abord la fusion la plus récente"):
        session.restore_removed(older.id)
    session.restore_removed(session.removed.entries[1].id)
    session.restore_removed(older.id)
    assert all(x.is_visible for x in (a, b, c)) and first.id not in session.contributions


def test_a_structure_and_a_meeting_come_back_at_their_place(session: Session) -> None:
    caf = session.witnesses.add("CAF", "service_public")
    session.witnesses.add("ADMR", "association")
    session.remove_structure(caf.id, T0)
    steps = [session.calendar.add(title, None) for title in ("Comité de pilotage", "Présentation aux élus")]
    session.remove_calendar_step(steps[0].id, T0)
    session.restore_removed(session.removed.latest(RemovedKind.STEP).id)  # type: ignore[union-attr]
    assert [s.title for s in session.calendar.steps] == ["Comité de pilotage", "Présentation aux élus"]
    session.witnesses.add("caf", "service_public")  # another of the same name, meanwhile
    structure = session.removed.latest(RemovedKind.STRUCTURE)
    assert structure is not None
    with pytest.raises(InvalidInput):
        session.restore_removed(structure.id)
    assert structure in session.removed.entries  # refused: kept, to try again


def test_only_the_newest_removals_are_kept(session: Session) -> None:
    for n in range(KEPT + 5):
        step = session.calendar.add(f"Réunion {n}", None)
        session.remove_calendar_step(step.id, T0)
    assert len(session.removed.entries) == KEPT
    assert session.removed.entries[0].label == "Réunion 5"


def test_what_a_line_takes_with_it_is_said_before_it_goes(plenary: Session) -> None:
    board = plenary.axes
    piste = board.axes[0].pistes[0]
    assert not plenary.line_reach(piste.id).more_than_its_text  # its text only: removed at once
    board.set_piste_details(piste.id, ["Le samedi", "En soirée"])
    board.set_piste_plan(piste.id, pilots="CC et CAF")
    vote = plenary.open_vote("piste", now=T0)
    plenary.set_points("alice", piste.id, 3)
    plenary.votes.close_current(T0)
    assert plenary.line_reach(piste.id) == LineReach(evidence=0, details=2, plan=True, points=3)
    assert vote.totals()[piste.id] == 3


def test_the_removed_items_are_kept_in_the_record_and_an_older_record_keeps_its_last_line(
        session: Session) -> None:
    ids = build_axes(session)
    session.remove_axis_line(ids["permis"], T0)
    session.remove_axis(ids["health"], T0)
    session.remove_structure(session.witnesses.add("CAF", "service_public").id, T0)
    session.remove_calendar_step(session.calendar.add("Comité", None).id, T0)
    session.merge_contributions(post(session, "Bus").id, post(session, "Car").id, now=T0)
    record = records.session_record(session)
    again = records.session_from_record(record)
    assert records.session_record(again) == record
    assert [e.kind for e in again.removed.entries] == list(RemovedKind)

    older = records.session_record(session)
    del older["session"]["removed"]  # an atelier before the list kept the last line removed with the axes
    older["session"]["axes"]["removed"] = record["session"]["removed"]["entries"][0]["what"]
    loaded = records.session_from_record(older)
    assert [(e.kind, e.label) for e in loaded.removed.entries] == [(RemovedKind.LINE, "Aider au permis")]
