"""Phase 2: the structures that testify, the speaker, and how témoignages are signed."""

from __future__ import annotations

import pytest

from atelier import texts
from atelier.domain.errors import InvalidInput, NotAllowed, NotFound
from atelier.domain.model import ContributionKind, PhaseKey, PhaseStatus
from atelier.domain.session import Session
from atelier.domain.testimony import MAX_STRUCTURES, StructureType, Witnesses, attribution
from tests.conftest import T0, make_session, refused


@pytest.fixture
def witnesses() -> Session:
    """Phase 2 open; an élu without a name, a named élue, two actors (one named)."""
    s = make_session(open_phase=PhaseKey.TEMOIGNAGES)
    s.register_participant("elu", role="elu", commune="Vernoux", now=T0)
    s.register_participant("anne", role="elu", commune="Fontenelle", display_name="Anne", now=T0)
    s.register_participant("ml", role="acteur_institutionnel", commune=None, structure="Mission Locale", now=T0)
    s.register_participant("admr", role="acteur_local", commune=None, structure="ADMR", display_name="Paul",
                           now=T0)
    return s


def post_testimony(session: Session, author: str, kind: str = "constat", **fields):
    values = {"text": "Les jeunes décrochent après le collège", "theme": "Santé"} | fields
    return session.add_contribution(author, kind=kind, now=T0, **values)


def test_structures_keep_the_order_they_were_listed_with_their_type() -> None:
    witnesses = Witnesses()
    witnesses.add(" Mission  Locale ", "service_public")
    witnesses.add("Restos du Cœur", StructureType.ASSOCIATION)
    assert [(s.id, s.name, s.type) for s in witnesses.structures] == [
        (1, "Mission Locale", StructureType.PUBLIC_SERVICE), (2, "Restos du Cœur", StructureType.ASSOCIATION)]


@pytest.mark.parametrize(("name", "kind", "message"), [
    ("", "association", "nom de la structure"),
    ("CCAS", "secte", "type de structure"),
    ("mission locale", "association", "déjà dans la liste"),
    ("x" * 121, "autre", "trop long"),
])
def test_bad_structure_is_refused_and_the_list_unchanged(name: str, kind: str, message: str) -> None:
    witnesses = Witnesses()
    witnesses.add("Mission Locale", "service_public")
    with refused(InvalidInput, match=message):
        witnesses.add(name, kind)
    assert [s.name for s in witnesses.structures] == ["Mission Locale"]


def test_structure_list_has_a_limit() -> None:
    witnesses = Witnesses()
    for i in range(MAX_STRUCTURES):
        witnesses.add(f"S{i}", "autre")
    with refused(NotAllowed, match=f"{MAX_STRUCTURES} structures"):
        witnesses.add("Une de trop", "autre")


def test_editing_a_structure_may_keep_its_own_name_but_not_take_anothers() -> None:
    witnesses = Witnesses()
    ccas = witnesses.add("CCAS", "collectivite")
    witnesses.add("CAF", "service_public")
    witnesses.edit(ccas.id, "CCAS", "service_public")
    assert ccas.type is StructureType.PUBLIC_SERVICE
    with refused(InvalidInput, match="déjà dans la liste"):
        witnesses.edit(ccas.id, "caf", "collectivite")
    assert (ccas.name, ccas.type) == ("CCAS", StructureType.PUBLIC_SERVICE)


def test_one_structure_speaks_at_a_time_and_removing_it_ends_its_turn() -> None:
    witnesses = Witnesses()
    ccas, caf = witnesses.add("CCAS", "collectivite"), witnesses.add("CAF", "service_public")
    witnesses.set_speaking(ccas.id)
    assert witnesses.set_speaking(caf.id) is caf and witnesses.speaking is caf
    witnesses.remove(caf.id)
    assert witnesses.speaking is None
    with refused(NotFound, match="plus dans la liste"):
        witnesses.set_speaking(caf.id)
    assert witnesses.set_speaking(None) is None


def test_actors_testimony_carries_their_structure_by_default(witnesses: Session) -> None:
    assert post_testimony(witnesses, "ml").structure == "Mission Locale"
    assert post_testimony(witnesses, "ml", kind="preconisation", structure="Mission Locale Sud").structure == \
        "Mission Locale Sud"


def test_actors_are_shown_with_their_structure_and_elus_stay_anonymous_unless_named(witnesses: Session) -> None:
    def signed(author: str) -> str:
        return texts.signature(attribution(post_testimony(witnesses, author), witnesses.participants[author]))

    assert signed("ml") == "Mission Locale"
    assert signed("admr") == "Paul (ADMR)"
    assert signed("elu") == ""
    assert signed("anne") == "Anne"


def test_a_phase_1_resource_does_not_sign_its_author_with_the_scheme_it_names(session: Session) -> None:
    resource = session.add_contribution("mission", kind="ressource", text="Portage de repas", theme="Santé",
                                        structure="ADMR", now=T0)
    assert attribution(resource, session.participants["mission"]) == ("Mission Locale",)


def test_anyone_may_share_a_testimony_once_but_not_their_own(witnesses: Session) -> None:
    finding = post_testimony(witnesses, "ml", kind="enjeu")
    witnesses.toggle_share("elu", finding.id, T0)
    witnesses.toggle_share("admr", finding.id, T0)
    with refused(NotAllowed, match="votre propre contribution"):
        witnesses.toggle_share("ml", finding.id, T0)
    assert finding.shared_by == {"elu", "admr"}


def test_phase_1_rules_hold_for_witnesses(witnesses: Session) -> None:
    finding = post_testimony(witnesses, "ml")
    with refused(NotAllowed, match="vos propres contributions"):
        witnesses.edit_own_contribution("admr", finding.id, text="x", theme="Santé", commune=None, now=T0)
    with refused(InvalidInput, match="Seule une difficulté"):
        post_testimony(witnesses, "ml", risk="eleve")
    witnesses.set_phase_status(PhaseKey.TEMOIGNAGES, PhaseStatus.CLOSED, T0)
    with refused(NotAllowed, match="« Témoignages » n'est pas ouverte"):
        post_testimony(witnesses, "ml", kind="preconisation")
    assert [c.kind for c in witnesses.contributions.values()] == [ContributionKind.FINDING]
