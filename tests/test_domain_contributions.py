"""Rules of phase 1: who may post, edit, delete, share — and what is refused, in French."""

from __future__ import annotations

from datetime import timedelta

import pytest

from atelier.domain.errors import InvalidInput, NotAllowed, NotFound
from atelier.domain.model import ContributionKind, PhaseKey, PhaseStatus, Risk
from atelier.domain.session import MAX_CONTRIBUTIONS_PER_PHASE, RESENT_WITHIN, Session
from tests.conftest import T0, make_session, refused


def post(session: Session, author: str = "alice", **fields):
    values = {"kind": "difficulte", "text": "Pas de bus le soir", "theme": "Mobilité", "risk": "eleve"} | fields
    return session.add_contribution(author, now=T0, **values)


def test_difficulty_is_stored_trimmed_with_risk_and_authors_commune(session: Session) -> None:
    contribution = post(session, text="   Pas de bus le soir  \n")
    assert contribution.text == "Pas de bus le soir"
    assert contribution.kind is ContributionKind.DIFFICULTY
    assert contribution.risk is Risk.HIGH
    assert contribution.commune == "Fontenelle"
    assert session.visible_contributions() == [contribution]


def test_resource_names_its_structure_and_has_no_risk(session: Session) -> None:
    resource = post(session, kind="ressource", text="Portage de repas", risk=None, structure="ADMR")
    assert resource.structure == "ADMR" and resource.risk is None
    with refused(InvalidInput, match="Seule une difficulté"):
        post(session, kind="ressource", risk="faible")


def test_contribution_numbers_follow_each_other(session: Session) -> None:
    assert [post(session, text=f"Difficulté {n}").id for n in range(3)] == [1, 2, 3]


def test_explicit_whole_territory_overrides_authors_commune(session: Session) -> None:
    assert post(session, commune="").commune is None
    assert post(session, commune="Marcilly").commune == "Marcilly"


@pytest.mark.parametrize("status", [PhaseStatus.UPCOMING, PhaseStatus.CLOSED])
def test_closed_phase_refuses_new_difficulty(session: Session, status: PhaseStatus) -> None:
    session.set_phase_status(PhaseKey.ETAT_DES_LIEUX, status, T0)
    with refused(NotAllowed, match="« État des lieux » n'est pas ouverte"):
        post(session)
    assert session.contributions == {}


def test_witness_kinds_wait_for_their_own_phase(session: Session) -> None:
    with refused(NotAllowed, match="Témoignages"):
        post(session, kind="constat", risk=None)


@pytest.mark.parametrize("text", ["", "   ", "\n\t\n"])
def test_empty_text_is_refused(session: Session, text: str) -> None:
    with refused(InvalidInput, match="Écrivez quelques mots"):
        post(session, text=text)


def test_text_over_500_characters_is_refused_and_501_counted(session: Session) -> None:
    assert len(post(session, text="a" * 500).text) == 500
    with refused(InvalidInput, match=r"500 caractères au plus \(vous en avez 501\)"):
        post(session, text="a" * 501)


def test_control_characters_are_removed(session: Session) -> None:
    assert post(session, text="bus\x00 du\x1b soir").text == "bus du soir"


@pytest.mark.parametrize(("field", "value", "message"), [
    ("theme", "Astronomie", "thématique de la liste"),
    ("commune", "Paris", "commune de la liste"),
    ("risk", None, "risque d'aggravation"),
    ("risk", "catastrophique", "risque d'aggravation"),
    ("kind", "rumeur", "type de contribution"),
])
def test_choices_outside_the_session_are_refused(session: Session, field: str, value, message: str) -> None:
    with refused(InvalidInput, match=message):
        post(session, **{field: value})
    assert session.contributions == {}


def test_unknown_participant_must_introduce_themselves_first(session: Session) -> None:
    with refused(NotFound, match="Présentez-vous"):
        post(session, author="stranger")


def test_a_participant_cannot_flood_a_phase(session: Session) -> None:
    for n in range(MAX_CONTRIBUTIONS_PER_PHASE):
        post(session, text=f"Difficulté {n}")
    with refused(NotAllowed, match="limite"):
        post(session, text="Une de trop")


def test_the_same_post_twice_within_seconds_is_stored_once(session: Session) -> None:
    first = post(session)
    with refused(NotAllowed, match="Déjà envoyée"):
        post(session)  # a double tap: the same author, kind, text, theme and risk at once
    later = session.add_contribution("alice", kind="difficulte", text="Pas de bus le soir", theme="Mobilité",
                                     risk="eleve", now=T0 + RESENT_WITHIN + timedelta(seconds=1))
    assert later.id == first.id + 1, "said again later, it is a new post"
    assert post(session, author="bob").author_id == "bob", "another participant may say the same"


def test_author_edits_own_contribution_while_phase_open(session: Session) -> None:
    contribution = post(session)
    session.edit_own_contribution("alice", contribution.id, text="Plus de car", theme="Santé", commune="Vernoux",
                                  risk="faible", now=T0)
    assert (contribution.text, contribution.theme, contribution.commune, contribution.risk) == \
        ("Plus de car", "Santé", "Vernoux", Risk.LOW)


def test_nobody_edits_or_deletes_someone_elses_contribution(session: Session) -> None:
    contribution = post(session)
    with refused(NotAllowed, match="vos propres contributions"):
        session.edit_own_contribution("bob", contribution.id, text="vandalisme", theme="Santé", commune=None,
                                      risk="faible", now=T0)
    with refused(NotAllowed, match="vos propres contributions"):
        session.delete_own_contribution("bob", contribution.id, T0)
    assert contribution.text == "Pas de bus le soir" and contribution.id in session.contributions


def test_author_cannot_edit_or_delete_once_phase_closed(session: Session) -> None:
    contribution = post(session)
    session.set_phase_status(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.CLOSED, T0)
    with refused(NotAllowed, match="n'est pas ouverte"):
        session.delete_own_contribution("alice", contribution.id, T0)
    with refused(NotAllowed, match="n'est pas ouverte"):
        session.edit_own_contribution("alice", contribution.id, text="x", theme="Santé", commune=None,
                                      risk="faible", now=T0)


def test_invalid_edit_changes_nothing(session: Session) -> None:
    contribution = post(session)
    with pytest.raises(InvalidInput):
        session.edit_own_contribution("alice", contribution.id, text="Nouveau", theme="Inconnu", commune=None,
                                      risk="faible", now=T0)
    assert contribution.text == "Pas de bus le soir" and contribution.theme == "Mobilité"


def test_author_deletes_own_contribution(session: Session) -> None:
    contribution = post(session)
    session.delete_own_contribution("alice", contribution.id, T0)
    assert session.contributions == {}


def test_share_counts_once_per_person_and_a_second_tap_takes_it_back(session: Session) -> None:
    contribution = post(session)
    session.toggle_share("bob", contribution.id, T0)
    session.toggle_share("mission", contribution.id, T0)
    assert contribution.share_count == 2
    session.toggle_share("bob", contribution.id, T0)
    assert contribution.shared_by == {"mission"}


def test_nobody_shares_their_own_difficulty_or_a_resource(session: Session) -> None:
    contribution = post(session)
    with refused(NotAllowed, match="votre propre contribution"):
        session.toggle_share("alice", contribution.id, T0)
    resource = post(session, kind="ressource", risk=None)
    with refused(NotAllowed, match="difficultés"):
        session.toggle_share("bob", resource.id, T0)
    assert contribution.share_count == 0 and resource.share_count == 0


def test_hidden_or_closed_contributions_cannot_be_shared(session: Session) -> None:
    contribution = post(session)
    session.set_hidden(contribution.id, True, T0)
    with refused(NotAllowed, match="masquée"):
        session.toggle_share("bob", contribution.id, T0)
    session.set_hidden(contribution.id, False, T0)
    session.set_phase_status(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.CLOSED, T0)
    with refused(NotAllowed, match="n'est pas ouverte"):
        session.toggle_share("bob", contribution.id, T0)


def test_facilitator_hides_restores_and_corrects_any_contribution_even_after_closing(session: Session) -> None:
    contribution = post(session)
    session.set_phase_status(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.CLOSED, T0)
    session.set_hidden(contribution.id, True, T0)
    assert session.visible_contributions() == []
    session.set_hidden(contribution.id, False, T0)
    session.moderate_edit(contribution.id, text="Corrigé", theme="Santé", commune="", risk="modere", now=T0)
    assert session.visible_contributions() == [contribution]
    assert (contribution.text, contribution.commune, contribution.risk) == ("Corrigé", None, Risk.MEDIUM)


@pytest.mark.parametrize("moderation", ["correct", "hide"])
def test_once_the_facilitator_corrected_or_hid_a_post_its_author_can_no_longer_change_it(
        session: Session, moderation: str) -> None:
    contribution = post(session)
    if moderation == "correct":
        session.moderate_edit(contribution.id, text="Pas de bus le soir", theme="Mobilité", commune="Fontenelle",
                              risk="eleve", now=T0)
    else:
        session.set_hidden(contribution.id, True, T0)
        session.set_hidden(contribution.id, False, T0)
    assert not session.may_edit(contribution.author_id, contribution)
    with refused(NotAllowed, match="L'animation a corrigé ou masqué"):
        session.edit_own_contribution(contribution.author_id, contribution.id, text="Ma version", theme="Mobilité",
                                      commune="Fontenelle", risk="eleve", now=T0)
    with refused(NotAllowed, match="L'animation a corrigé ou masqué"):
        session.delete_own_contribution(contribution.author_id, contribution.id, T0)
    assert contribution.text != "Ma version" and contribution.id in session.contributions


def test_moderation_of_unknown_contribution_says_so() -> None:
    with refused(NotFound, match="n'existe plus"):
        make_session().set_hidden(99, True, T0)


def test_a_participant_is_offered_others_visible_difficulties_of_the_open_phase_newest_first(session: Session) -> None:
    first = post(session, author="bob", text="Bus")
    post(session, author="alice", text="Mine")
    post(session, author="bob", kind="ressource", risk=None, text="Une ressource")
    hidden = post(session, author="bob", text="Masquée")
    session.set_hidden(hidden.id, True, T0)
    latest = post(session, author="mission", text="Jeunes")
    assert session.shareable_for("alice") == [latest, first]
    session.set_phase_status(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.CLOSED, T0)
    assert session.shareable_for("alice") == []


def test_the_facilitator_enters_a_contribution_for_someone_without_a_smartphone(session: Session) -> None:
    profile = {"role": "elu", "commune": "Marcilly", "display_name": "M. Durand"}
    first = session.add_contribution_for("sans-smartphone-1", profile, kind="difficulte", text="Plus de car",
                                         theme="Mobilité", risk="eleve", now=T0)
    session.add_contribution_for("sans-smartphone-1", profile, kind="ressource", text="La navette du jeudi",
                                 theme="Mobilité", now=T0)
    person = session.participants["sans-smartphone-1"]
    assert (person.role.value, person.commune, person.display_name) == ("elu", "Marcilly", "M. Durand")
    assert first.commune == "Marcilly" and first.author_id == person.id  # counted as theirs, from their commune
    assert len(session.contributions_by(person.id)) == 2


def test_an_entry_for_someone_that_is_refused_leaves_no_participant_behind(session: Session) -> None:
    with refused(InvalidInput, match="[Tt]hématique"):
        session.add_contribution_for("sans-smartphone-2", {"role": "habitant", "commune": "Vernoux"},
                                     kind="difficulte", text="Plus de car", theme="Inconnue", risk="eleve", now=T0)
    assert "sans-smartphone-2" not in session.participants and not session.contributions


def test_what_the_facilitator_enters_for_someone_does_not_wait_for_validation(session: Session) -> None:
    session.set_moderation("validation")
    entered = session.add_contribution_for("sans-smartphone-3", {"role": "elu", "commune": "Vernoux"},
                                           kind="difficulte", text="Plus de car", theme="Mobilité", risk="eleve",
                                           now=T0)
    assert entered.held == () and entered.is_visible
