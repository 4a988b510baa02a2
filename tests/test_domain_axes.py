"""Axes stratégiques: building them line by line, presenting them, and the contributions behind them."""

from __future__ import annotations

import pytest

from atelier.domain.axes import MAX_AXES, MAX_LINE, MAX_LINES, AxisBoard, Piste, Target, TargetKind, pasted_lines
from atelier.domain.errors import InvalidInput, NotAllowed, NotFound
from atelier.domain.model import PhaseKey, PhaseStatus
from atelier.domain.session import Session
from tests.conftest import T0, build_axes, refused


def post(session: Session, text: str = "Pas de bus", author: str = "alice"):
    return session.add_contribution(author, kind="difficulte", text=text, theme="Mobilité", risk="eleve", now=T0)


def test_an_axe_is_built_line_by_line_with_ids_that_do_not_shift() -> None:
    board = AxisBoard()
    axis = board.add_axis("  Mieux se   déplacer ")
    first = board.add_line(axis.id, "orientations", "Coordonner les transports")
    second = board.add_line(axis.id, "orientations", "Aider les jeunes")
    piste = board.add_line(axis.id, "pistes", "Un transport à la demande")
    board.move_line(second.id, 0)
    board.edit_line(first.id, "Coordonner l'offre de transport")
    assert axis.title == "Mieux se déplacer"
    assert [(line.id, line.text) for line in axis.orientations] == [
        (second.id, "Aider les jeunes"), (first.id, "Coordonner l'offre de transport")]
    assert isinstance(piste, Piste) and axis.pistes == [piste]
    assert len({axis.id, first.id, second.id, piste.id}) == 4


def test_axes_reorder_with_clamped_positions() -> None:
    board = AxisBoard()
    a, b, c = (board.add_axis(t) for t in "ABC")
    board.move_axis(c.id, 0)
    board.move_axis(a.id, 99)
    board.move_axis(b.id, -5)
    assert [axis.title for axis in board.axes] == ["B", "C", "A"]


def test_editing_an_axe_changes_only_the_fields_given() -> None:
    board = AxisBoard()
    axis = board.add_axis("Titre")
    board.edit_axis(axis.id, concretely="Un minibus\npour les hameaux")
    board.edit_axis(axis.id, title="Nouveau titre")
    assert (axis.title, axis.concretely) == ("Nouveau titre", "Un minibus\npour les hameaux")
    with refused(InvalidInput, match="titre à l'axe"):
        board.edit_axis(axis.id, title=" ", concretely="")
    assert axis.concretely == "Un minibus\npour les hameaux"


@pytest.mark.parametrize(("section", "text", "message"), [
    ("pistes", "  ", "Écrivez la ligne"),
    ("pistes", "x" * 301, "trop long"),
    ("chapitres", "Texte", "enjeu, orientation ou piste"),
])
def test_bad_lines_are_refused(section: str, text: str, message: str) -> None:
    board = AxisBoard()
    axis = board.add_axis("Axe")
    with refused(InvalidInput, match=message):
        board.add_line(axis.id, section, text)
    with refused(InvalidInput, match="titre à l'axe"):
        board.add_axis("")
    assert axis.pistes == [] and axis.enjeux == [] and len(board.axes) == 1
    assert board.next_id == axis.id + 1  # a refused line or axe uses no id


def test_number_of_axes_is_limited() -> None:
    board = AxisBoard()
    for i in range(MAX_AXES):
        board.add_axis(f"Axe {i}")
    with refused(NotAllowed, match=f"{MAX_AXES} axes"):
        board.add_axis("De trop")


def test_a_piste_takes_sub_lines_and_ctg_fields_other_lines_do_not(session: Session) -> None:
    ids = build_axes(session)
    board = session.axes
    piste = board.set_piste_details(ids["bus"], "Réserver la veille\n\n  par téléphone  ")
    board.set_piste_plan(ids["bus"], pilots="CC, CAF", deadline="2027", indicators="Trajets par mois\nUsagers")
    board.set_piste_plan(ids["bus"], vigilance="Coût")
    assert piste.details == ["Réserver la veille", "par téléphone"]
    assert (piste.pilots, piste.deadline, piste.indicators, piste.vigilance) == (
        "CC, CAF", "2027", "Trajets par mois\nUsagers", "Coût")
    with refused(InvalidInput, match="Seule une piste"):
        board.set_piste_details(ids["orientation"], ["x"])
    with refused(InvalidInput, match="« Échéance » est trop long"):
        board.set_piste_plan(ids["bus"], deadline="x" * 41)
    assert piste.deadline == "2027"


def test_unknown_axe_or_line_says_so() -> None:
    board = AxisBoard()
    with refused(NotFound, match="axe n'existe plus"):
        board.add_line(7, "pistes", "x")
    with refused(NotFound, match="ligne n'existe plus"):
        board.edit_line(7, "x")


def test_presentation_steps_through_the_axes_and_stops_at_the_ends(session: Session) -> None:
    ids = build_axes(session)
    board = session.axes
    assert board.present_step(-1).id == ids["health"]  # from the overview, « previous » is the last
    assert board.present_step(+1).id == ids["health"]
    assert board.present_step(-1).id == ids["mobility"]
    assert board.present_step(-1).id == ids["mobility"]
    assert board.present(None) is None and board.present_step(+1).id == ids["mobility"]
    session.remove_axis(ids["mobility"], T0)
    assert board.presented is None


def test_a_contribution_backs_several_targets_and_says_where_it_is_used(session: Session) -> None:
    ids = build_axes(session)
    difficulty = post(session)
    session.link_evidence(difficulty.id, Target(TargetKind.PISTE, ids["bus"]))
    session.link_evidence(difficulty.id, Target("orientation", ids["orientation"]))  # type: ignore[arg-type]
    session.link_evidence(difficulty.id, Target(TargetKind.PISTE, ids["bus"]))
    assert session.evidence.uses_of(difficulty.id) == [
        Target(TargetKind.PISTE, ids["bus"]), Target(TargetKind.ORIENTATION, ids["orientation"])]
    assert session.evidence.unlink(difficulty.id, Target(TargetKind.PISTE, ids["bus"])) == [
        Target(TargetKind.ORIENTATION, ids["orientation"])]


def test_evidence_must_point_at_something_on_the_board(session: Session) -> None:
    ids = build_axes(session)
    difficulty = post(session)
    for target in (Target(TargetKind.ORIENTATION, ids["bus"]), Target(TargetKind.AXIS, 999),
                   Target(TargetKind.PISTE, ids["enjeu"])):
        with refused(NotFound, match="un axe, une orientation ou une piste"):
            session.link_evidence(difficulty.id, target)
    with refused(InvalidInput, match="un axe, une orientation ou une piste"):
        session.link_evidence(difficulty.id, Target("chapitre", ids["mobility"]))  # type: ignore[arg-type]
    assert not session.evidence.is_used(difficulty.id)


def test_hidden_contribution_cannot_become_evidence(session: Session) -> None:
    ids = build_axes(session)
    difficulty = post(session)
    session.set_hidden(difficulty.id, True, T0)
    with refused(NotAllowed, match="masquée ou fusionnée"):
        session.link_evidence(difficulty.id, Target(TargetKind.AXIS, ids["mobility"]))


def test_an_accepted_group_becomes_an_axe_backed_by_its_contributions(session: Session) -> None:
    a, b = post(session, "Pas de bus le soir"), post(session, "Aucun car après 18 h")
    target = session.accept_group("Se déplacer le soir", [a.id, b.id, a.id])
    axis = session.axes.axis(target.id)
    assert (target.kind, axis.title) == (TargetKind.AXIS, "Se déplacer le soir")
    assert [c.id for c in session.evidence_for_axis(axis.id)] == [a.id, b.id]
    assert session.evidence.uses_of(a.id) == [target]  # linked once, though listed twice


def test_a_group_accepted_into_an_axe_becomes_one_of_its_orientations(session: Session) -> None:
    ids = build_axes(session)
    a = post(session, "Pas de bus le soir")
    target = session.accept_group("Des transports le soir", [a.id], axis_id=ids["mobility"])
    axis, line = session.axes.locate(target)
    assert (axis.id, target.kind, line.text if line else None) == (ids["mobility"], TargetKind.ORIENTATION,
                                                                    "Des transports le soir")
    assert session.evidence.uses_of(a.id) == [target]


def test_a_group_that_cannot_be_accepted_changes_nothing(session: Session) -> None:
    a, hidden = post(session, "Pas de bus le soir"), post(session, "Aucun car après 18 h")
    session.set_hidden(hidden.id, True, T0)
    with refused(NotAllowed, match="masquée ou fusionnée"):
        session.accept_group("Se déplacer", [a.id, hidden.id])
    with refused(NotAllowed, match="plus aucune contribution"):
        session.accept_group("Se déplacer", [])
    with refused(InvalidInput, match="titre à l'axe"):
        session.accept_group("   ", [a.id])
    with refused(NotFound, match="n'existe plus"):
        session.accept_group("Se déplacer", [a.id, 999])
    assert session.axes.axes == [] and session.evidence.links == {}


def test_evidence_count_is_distinct_contributions_behind_the_axe_or_its_lines(session: Session) -> None:
    ids = build_axes(session)
    a, b, c = post(session, "A"), post(session, "B"), post(session, "C")
    session.link_evidence(a.id, Target(TargetKind.AXIS, ids["mobility"]))
    session.link_evidence(a.id, Target(TargetKind.PISTE, ids["bus"]))
    session.link_evidence(b.id, Target(TargetKind.ORIENTATION, ids["orientation"]))
    session.link_evidence(c.id, Target(TargetKind.PISTE, ids["doctor"]))
    assert [x.id for x in session.evidence_for_axis(ids["mobility"])] == [a.id, b.id]
    assert session.unused_contributions() == []
    d = post(session, "D")
    session.set_hidden(b.id, True, T0)
    assert session.unused_contributions() == [d]
    assert len(session.evidence_for_axis(ids["mobility"])) == 1  # a hidden one no longer counts


def test_removing_lines_or_axes_removes_their_evidence_and_comments(session: Session) -> None:
    ids = build_axes(session)
    a, b = post(session, "A"), post(session, "B")
    session.link_evidence(a.id, Target(TargetKind.PISTE, ids["bus"]))
    session.link_evidence(a.id, Target(TargetKind.PISTE, ids["doctor"]))
    session.link_evidence(b.id, Target(TargetKind.ORIENTATION, ids["orientation"]))
    session.set_phase_status(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.CLOSED, T0)
    session.set_phase_status(PhaseKey.RESTITUTION, PhaseStatus.OPEN, T0)
    session.add_comment("bob", ids["mobility"], "D'accord", T0)
    kept = session.add_comment("bob", ids["health"], "Urgent", T0)

    session.remove_axis_line(ids["bus"], T0)
    assert session.evidence.uses_of(a.id) == [Target(TargetKind.PISTE, ids["doctor"])]
    session.remove_axis(ids["mobility"], T0)
    assert not session.evidence.is_used(b.id)
    assert list(session.comments.comments.values()) == [kept]
    assert [axis.id for axis in session.axes.axes] == [ids["health"]]


def test_a_deleted_contribution_leaves_no_evidence_behind(session: Session) -> None:
    ids = build_axes(session)
    difficulty = post(session)
    session.link_evidence(difficulty.id, Target(TargetKind.AXIS, ids["mobility"]))
    session.delete_own_contribution("alice", difficulty.id, T0)
    assert session.evidence.links == {} and session.evidence_for_axis(ids["mobility"]) == []


def test_a_target_is_located_on_its_axe_and_line(session: Session) -> None:
    ids = build_axes(session)
    board = session.axes
    axis, line = board.locate(Target(TargetKind.PISTE, ids["doctor"]))
    assert (axis.title, line.text if line else None) == ("Se soigner", "Une maison de santé")
    assert board.locate(Target(TargetKind.AXIS, ids["mobility"])) == (board.axis(ids["mobility"]), None)
    session.remove_axis_line(ids["bus"], T0)
    with refused(NotFound, match="ligne n'existe plus"):
        board.locate(Target(TargetKind.PISTE, ids["bus"]))


def test_a_contribution_is_unused_until_it_backs_something_and_only_while_visible(session: Session) -> None:
    ids = build_axes(session)
    a, b = post(session, "A"), post(session, "B")
    assert session.is_unused(a) and session.is_unused(b)
    session.link_evidence(a.id, Target(TargetKind.AXIS, ids["health"]))
    session.set_hidden(b.id, True, T0)
    assert not session.is_unused(a) and not session.is_unused(b)


def test_a_pasted_list_loses_its_bullets_and_numbers_and_its_blank_lines() -> None:
    pasted = "- Un transport\n  • Une permanence\n\n3) Aider au permis\n12. Un garage\n▶ Une navette\n* Un taxi\n" \
             "a) Un vélo\n1 000 logements à rénover\n\u2013  Covoiturage"
    assert pasted_lines(pasted) == ["Un transport", "Une permanence", "Aider au permis", "Un garage", "Une navette",
                                    "Un taxi", "Un vélo", "1 000 logements à rénover", "Covoiturage"]


def test_lines_added_together_are_all_added_in_order_or_none_is() -> None:
    board = AxisBoard()
    axis = board.add_axis("Se déplacer")
    added = board.add_lines(axis.id, "pistes", ["Un transport", "Une permanence"])
    assert [type(line) for line in added] == [Piste, Piste]
    assert [p.text for p in axis.pistes] == ["Un transport", "Une permanence"]
    with refused(InvalidInput, match="La ligne 2 fait 301 caractères"):
        board.add_lines(axis.id, "pistes", ["Court", "x" * (MAX_LINE + 1)])
    with refused(NotAllowed, match="en compterait 31 : 30 lignes au plus"):
        board.add_lines(axis.id, "pistes", [f"Piste {i}" for i in range(MAX_LINES - 1)])
    assert [p.text for p in axis.pistes] == ["Un transport", "Une permanence"]  # nothing half-added


def test_pistes_stand_under_their_orientation_or_directly_under_the_axe() -> None:
    board = AxisBoard()
    axis = board.add_axis("Se déplacer")
    solidarity = board.add_line(axis.id, "orientations", "Développer la mobilité solidaire")
    youth = board.add_line(axis.id, "orientations", "Aider les jeunes")
    loose = board.add_line(axis.id, "pistes", "Un schéma de mobilité")
    permis = board.add_line(axis.id, "pistes", "Aider au permis", orientation_id=youth.id)
    bus, car = board.add_lines(axis.id, "pistes", ["Un transport à la demande", "Du covoiturage"],
                               orientation_id=solidarity.id)
    outline = [(o and o.text, [p.text for p in pistes]) for o, pistes in axis.outline()]
    assert outline == [("Développer la mobilité solidaire", ["Un transport à la demande", "Du covoiturage"]),
                       ("Aider les jeunes", ["Aider au permis"]), (None, ["Un schéma de mobilité"])]
    assert [p.id for p in board.items(TargetKind.PISTE)] == [bus.id, car.id, permis.id, loose.id]


def test_a_piste_only_goes_under_an_orientation_of_its_own_axe() -> None:
    board = AxisBoard()
    first, second = board.add_axis("Se déplacer"), board.add_axis("Se soigner")
    elsewhere = board.add_line(second.id, "orientations", "Attirer des médecins")
    with refused(NotFound, match="orientation n'existe plus"):
        board.add_line(first.id, "pistes", "Un bus", orientation_id=elsewhere.id)
    with refused(InvalidInput, match="piste"):
        board.add_line(first.id, "enjeux", "L'isolement", orientation_id=elsewhere.id)
    assert first.pistes == [] and first.enjeux == []


def test_a_piste_moves_within_its_orientation_and_to_another_axe_keeping_its_vote_fields(session: Session) -> None:
    ids = build_axes(session)
    board = session.axes
    board.move_piste(ids["bus"], ids["mobility"], ids["orientation"])
    board.move_piste(ids["permis"], ids["mobility"], ids["orientation"])
    board.move_piste_step(ids["permis"], -1)
    mobility = board.axis(ids["mobility"])
    assert [p.id for p in mobility.pistes_under(ids["orientation"])] == [ids["permis"], ids["bus"]]
    board.move_piste_step(ids["permis"], -1)  # already first: stays
    assert [p.id for p in mobility.pistes_under(ids["orientation"])] == [ids["permis"], ids["bus"]]
    board.set_piste_plan(ids["bus"], pilots="CC")
    session.link_evidence(post(session).id, Target(TargetKind.PISTE, ids["bus"]))
    board.move_piste(ids["bus"], ids["health"], None)
    health = board.axis(ids["health"])
    assert [p.id for p in health.pistes_under(None)] == [ids["doctor"], ids["bus"]]
    assert board.piste(ids["bus"]).pilots == "CC" and ids["bus"] not in [p.id for p in mobility.pistes]
    assert len(session.evidence_for_axis(ids["health"])) == 1  # the link follows the piste


def test_removing_an_orientation_keeps_its_pistes_and_undo_puts_everything_back(session: Session) -> None:
    ids = build_axes(session)
    board = session.axes
    board.move_piste(ids["bus"], ids["mobility"], ids["orientation"])
    contribution = post(session)
    session.link_evidence(contribution.id, Target(TargetKind.ORIENTATION, ids["orientation"]))
    session.remove_axis_line(ids["orientation"], T0)
    mobility = board.axis(ids["mobility"])
    assert mobility.orientations == [] and board.piste(ids["bus"]).orientation_id is None
    assert session.evidence_for_axis(ids["mobility"]) == []
    session.restore_axis_line()
    assert [o.id for o in mobility.orientations] == [ids["orientation"]]
    assert [p.id for p in mobility.pistes_under(ids["orientation"])] == [ids["bus"]]
    assert session.evidence.uses_of(contribution.id) == [Target(TargetKind.ORIENTATION, ids["orientation"])]
    with refused(NotFound, match="Aucune suppression"):
        session.restore_axis_line()  # only the last removal, once


def test_a_removed_piste_comes_back_at_its_place_with_its_fiche() -> None:
    board = AxisBoard()
    axis = board.add_axis("Se déplacer")
    _, second, _ = board.add_lines(axis.id, "pistes", ["Un", "Deux", "Trois"])
    board.set_piste_details(second.id, ["Le samedi"])
    removed = board.remove_line(second.id)
    assert [p.text for p in axis.pistes] == ["Un", "Trois"]
    board.restore_line(removed)
    assert [p.text for p in axis.pistes] == ["Un", "Deux", "Trois"] and board.piste(second.id).details == ["Le samedi"]
