"""Moderation before the projector: what waits for the facilitator, why, and how it leaves the queue."""

from __future__ import annotations

import pytest

from atelier.domain import records
from atelier.domain.analysis import counts_in_analysis
from atelier.domain.errors import InvalidInput, NotAllowed
from atelier.domain.moderation import HoldReason, ModerationMode, hold_reasons
from atelier.domain.session import Session
from tests.conftest import T0, refused

DIRECT, VALIDATION = ModerationMode.DIRECT, ModerationMode.VALIDATION


def post(session: Session, text: str, author: str = "alice"):
    return session.add_contribution(author, kind="difficulte", text=text, theme="Mobilité", risk="eleve", now=T0)


@pytest.mark.parametrize(("text", "reasons"), [
    ("Pas de bus après 18 h", ()),
    ("ARNAQUE !!! le maire est un voleur, appelez le 06 12 34 56 78", (HoldReason.PHONE, HoldReason.WORD)),
    ("Appelez le 0612345678 ou le +33 6 12 34 56 78", (HoldReason.PHONE,)),
    ("Écrivez à jean.dupont@mairie-vernoux.fr", (HoldReason.EMAIL,)),
    ("Quel ENCULÉ ce conseiller", (HoldReason.WORD,)),  # accents and capitals aside
    ("Les ordures ménagères ne sont plus ramassées le lundi", ()),  # everyday words stay out of the list
    ("Le bâtiment de l'école est pourri, vendu à un promoteur", ()),
    ("3 676 habitants en 2024, code postal 42410, 69 000 € de budget", ()),  # numbers that are no phone
])
def test_phone_numbers_email_addresses_and_listed_words_hold_a_text(text: str, reasons: tuple) -> None:
    assert hold_reasons(text, DIRECT) == reasons


def test_in_direct_mode_a_flagged_post_waits_out_of_every_list_while_others_go_on(session: Session) -> None:
    clean, insult = post(session, "Pas de bus le soir"), post(session, "Le maire est un voleur")
    assert (clean.held, insult.held) == ((), (HoldReason.WORD,))
    assert session.visible_contributions() == [clean]
    assert insult not in session.shareable_for("bob")
    assert not counts_in_analysis(insult, include_hidden=True)  # the room has not seen it
    with refused(NotAllowed, match="masquée"):
        session.toggle_share("bob", insult.id, T0)


def test_in_validation_mode_every_post_waits_until_the_facilitator_validates_or_hides_it(session: Session) -> None:
    assert session.set_moderation("validation") is VALIDATION
    first, second = post(session, "Pas de bus le soir"), post(session, "Aucun médecin à Vernoux")
    assert first.held == (HoldReason.VALIDATION,) and session.visible_contributions() == []
    session.validate(first.id, T0)
    session.set_hidden(second.id, True, T0)
    assert session.visible_contributions() == [first]
    assert (second.held, second.hidden) == ((), True)
    with refused(NotAllowed, match="n'attend plus de validation"):
        session.validate(first.id, T0)
    session.set_moderation("directe")
    assert post(session, "Pas de pharmacie de garde").held == ()  # from now on; nothing else changes


def test_an_edit_by_its_author_is_screened_like_a_post(session: Session) -> None:
    contribution = post(session, "Pas de bus le soir")
    session.edit_own_contribution("alice", contribution.id, text="Pas de bus, appelez-moi au 06 12 34 56 78",
                                  theme="Mobilité", commune="Fontenelle", risk="eleve", now=T0)
    assert contribution.held == (HoldReason.PHONE,) and not contribution.is_visible


def test_an_unknown_mode_is_refused_in_french(session: Session) -> None:
    with refused(InvalidInput, match="Publication directe"):
        session.set_moderation("a posteriori")
    assert session.moderation is DIRECT


def test_a_restart_finds_the_mode_and_the_queue_as_they_were(session: Session) -> None:
    session.set_moderation("validation")
    waiting = post(session, "Pas de bus le soir")
    again = records.session_from_record(records.session_record(session))
    assert again.moderation is VALIDATION
    assert again.contributions[waiting.id].held == (HoldReason.VALIDATION,)
