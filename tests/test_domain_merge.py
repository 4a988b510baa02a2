"""Merging two contributions: one result, nothing lost — +1s, evidence and both originals are kept."""

from __future__ import annotations

import pytest

from atelier.domain.axes import Target, TargetKind
from atelier.domain.errors import DomainError, NotAllowed
from atelier.domain.merge import MERGED_AUTHOR, authors_of
from atelier.domain.model import Risk
from atelier.domain.session import Session
from tests.conftest import T0, build_axes, refused


def post(session: Session, author: str, text: str, **fields):
    values = {"kind": "difficulte", "theme": "Mobilité", "risk": "modere"} | fields
    return session.add_contribution(author, text=text, now=T0, **values)


@pytest.fixture
def pair(session: Session):
    session.register_participant("carol", role="habitant", commune="Marcilly", now=T0)
    first = post(session, "alice", "Pas de bus le soir")
    second = post(session, "bob", "Aucun transport après 18 h", risk="eleve", commune="Vernoux")
    session.toggle_share("carol", first.id, T0)
    session.toggle_share("mission", second.id, T0)
    session.toggle_share("carol", second.id, T0)
    return first, second


def test_merge_creates_one_contribution_with_both_shares_and_the_higher_risk(session: Session, pair) -> None:
    first, second = pair
    merged = session.merge_contributions(first.id, second.id, text="Pas de transport le soir", now=T0)
    assert (merged.text, merged.theme, merged.risk, merged.author_id) == (
        "Pas de transport le soir", "Mobilité", Risk.HIGH, MERGED_AUTHOR)
    assert merged.commune is None  # two communes: the whole territory
    assert merged.shared_by == {"carol", "mission"}
    assert merged.merged_from == [first.id, second.id]
    assert authors_of(merged, session.contributions) == {"alice", "bob"}


def test_originals_are_kept_but_leave_every_visible_list(session: Session, pair) -> None:
    first, second = pair
    merged = session.merge_contributions(first.id, second.id, now=T0)
    assert merged.text == first.text
    assert session.contributions[first.id] is first and first.text == "Pas de bus le soir"
    assert (first.merged_into, second.merged_into) == (merged.id, merged.id)
    assert session.visible_contributions() == [merged]
    assert session.shareable_for("carol") == [merged]
    assert session.shareable_for("alice") == []  # her own words, merged


def test_merge_moves_the_evidence_of_both_originals_without_duplicates(session: Session, pair) -> None:
    first, second = pair
    ids = build_axes(session)
    bus, axis = Target(TargetKind.PISTE, ids["bus"]), Target(TargetKind.AXIS, ids["mobility"])
    session.link_evidence(first.id, bus)
    session.link_evidence(second.id, axis)
    session.link_evidence(second.id, bus)
    merged = session.merge_contributions(first.id, second.id, now=T0)
    assert session.evidence.uses_of(merged.id) == [bus, axis]
    assert not session.evidence.is_used(first.id) and not session.evidence.is_used(second.id)
    assert session.evidence_for_axis(ids["mobility"]) == [merged]


def test_authors_cannot_edit_delete_or_share_what_was_merged(session: Session, pair) -> None:
    first, second = pair
    merged = session.merge_contributions(first.id, second.id, now=T0)
    with refused(NotAllowed, match="regroupée"):
        session.delete_own_contribution("alice", first.id, T0)
    with refused(NotAllowed, match="regroupée"):
        session.edit_own_contribution("bob", second.id, text="x", theme="Santé", commune=None, risk="faible",
                                      now=T0)
    with refused(NotAllowed, match="regroupée"):
        session.toggle_share("mission", first.id, T0)
    with refused(NotAllowed, match="votre propre contribution"):
        session.toggle_share("bob", merged.id, T0)
    assert first.id in session.contributions and merged.shared_by == {"carol", "mission"}


def test_a_merged_result_can_be_merged_again_and_keeps_every_author(session: Session, pair) -> None:
    first, second = pair
    merged = session.merge_contributions(first.id, second.id, now=T0)
    third = post(session, "mission", "Jeunes sans permis")
    again = session.merge_contributions(third.id, merged.id, now=T0)
    assert authors_of(again, session.contributions) == {"alice", "bob", "mission"}
    assert again.shared_by == {"carol"}  # mission is now one of its authors
    assert session.visible_contributions() == [again]


@pytest.mark.parametrize(("change", "message"), [
    ("same", "deux contributions différentes"),
    ("hidden", "masquée ou déjà fusionnée"),
    ("kind", "même type"),
    ("text", "Écrivez quelques mots"),
])
def test_refused_merge_changes_nothing(session: Session, pair, change: str, message: str) -> None:
    first, second = pair
    other, text = second, None
    if change == "same":
        other = first
    elif change == "hidden":
        session.set_hidden(second.id, True, T0)
    elif change == "kind":
        other = post(session, "bob", "Taxi solidaire", kind="ressource", risk=None)
    else:
        text = "  "
    before = len(session.contributions)
    with refused(DomainError, match=message):
        session.merge_contributions(first.id, other.id, text=text, now=T0)
    assert len(session.contributions) == before
    assert first.merged_into is None and other.merged_into is None
