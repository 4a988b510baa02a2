"""« Synthèse assistée » on the analysis screen: probable duplicates one click from the merge dialog, and
suggested groups that the facilitator trims, then accepts as an axe or an orientation with their evidence."""

from __future__ import annotations

from pathlib import Path

import pytest
from nicegui import ElementFilter
from nicegui.testing import User

from atelier.domain import records
from atelier.domain.axes import TargetKind
from atelier.domain.changes import AddAxis, SetHidden
from atelier.domain.model import PhaseKey
from atelier.store import TinyDBSessionStore
from tests.conftest import T0, TOKEN, make_session
from tests.pages.conftest import CODE, running, set_value, tap

BUS, BUS_AGAIN = ("Pas de bus le soir après 18 heures pour rentrer du travail",
                  "Plus aucun bus le soir après 18 heures, impossible de rentrer du travail")
POSTS = [
    ("alice", "difficulte", BUS, "Mobilité", "eleve"),
    ("bob", "difficulte", BUS_AGAIN, "Mobilité", "eleve"),
    ("carol", "difficulte", "Le transport à la demande ne dessert pas les hameaux le soir", "Mobilité", "modere"),
    ("alice", "difficulte", "Les jeunes sans permis ni voiture ne trouvent pas de bus pour le travail", "Mobilité",
     "eleve"),
    ("bob", "difficulte", "Six mois d'attente pour voir un médecin généraliste", "Santé", "eleve"),
    ("carol", "difficulte", "Aucun médecin généraliste ne prend de nouveaux patients", "Santé", "modere"),
    ("alice", "difficulte", "Plus de dentiste ni de médecin à moins de trente kilomètres", "Santé", "faible"),
    ("bob", "difficulte", "Pas assez de places en crèche pour les jeunes parents", "Petite enfance", "eleve"),
    ("carol", "difficulte", "La crèche ferme trop tôt pour les parents qui travaillent loin", "Petite enfance",
     "modere"),
    ("alice", "difficulte", "Les assistantes maternelles partent à la retraite, plus de places pour les petits",
     "Petite enfance", "modere"),
    ("bob", "ressource", "Navette solidaire du jeudi soir vers le marché et la gare", "Mobilité", None),
    ("carol", "ressource", "Maison de santé pluridisciplinaire à Vernoux avec deux médecins", "Santé", None),
]


@pytest.fixture
def posted(data_dir: Path) -> str:
    """Phase 1 open, twelve contributions about buses, doctors and crèches; n° 1 and 2 say the same."""
    session = make_session(open_phase=PhaseKey.ETAT_DES_LIEUX)
    for person, commune in (("alice", "Fontenelle"), ("bob", "Vernoux"), ("carol", "Marcilly")):
        session.register_participant(person, role="elu", commune=commune, now=T0)
    for author, kind, text, theme, risk in POSTS:
        session.add_contribution(author, kind=kind, text=text, theme=theme, risk=risk, now=T0)
    TinyDBSessionStore(data_dir).save(records.session_record(session))
    return CODE


def group_holding(user: User, cid: int) -> int:
    """The number of the suggested group that lists contribution `cid` as its own."""
    with user:
        numbers = [n for n in range(1, 13) if list(ElementFilter(marker=f"group-{n}-member-{cid}"))]
    assert numbers, f"n° {cid} is in no suggested group"
    return numbers[0]


async def suggest(user: User, groups: int = 3) -> None:
    await user.open(f"/f/{CODE}/analyse?token={TOKEN}")
    set_value(user, "groups-count", groups)
    await tap(user, "groups-suggest")
    await user.should_see(f"{groups} regroupements proposés à partir de 12 contributions affichées.")


async def test_a_probable_duplicate_is_one_click_from_the_merge(posted: str, user: User) -> None:
    await user.open(f"/f/{posted}/analyse?token={TOKEN}")
    await tap(user, "duplicates-search")
    await user.should_see("parmi 12 contributions affichées.")
    await user.should_see(marker="duplicate-1-2")
    await user.should_see("Termes communs : ")
    await tap(user, "duplicate-merge-1-2")
    await user.should_see("Fusionner les contributions n° 1 et n° 2")
    await tap(user, "merge-confirm")
    await user.should_see("Fusion faite : contribution n° 13.")
    await user.should_not_see(marker="duplicate-1-2")
    assert running().service.get(posted).contributions[13].merged_from == [1, 2]


async def test_an_accepted_group_becomes_an_axe_with_its_contributions_as_evidence(posted: str, user: User) -> None:
    await suggest(user)
    number = group_holding(user, 1)
    assert group_holding(user, 2) == group_holding(user, 3) == number  # the bus and transport difficultés
    await user.should_see("Termes communs : ")
    await user.should_see("La plus représentative : ")
    await user.should_see("besoin pondéré")
    await running().service.apply(posted, SetHidden(3, True))  # moderated in another tab meanwhile
    await tap(user, f"group-{number}-out-2")  # the facilitator moves one out
    await user.should_not_see(marker=f"group-{number}-member-2")
    user.find(marker=f"group-{number}-title").clear().type("Se déplacer sans voiture")
    await tap(user, f"group-{number}-accept")

    await user.should_see("Accepté : Axe « Se déplacer sans voiture »")
    session = running().service.get(posted)
    axis = session.axes.axes[0]
    evidence = {c.id for c in session.evidence_for_axis(axis.id)}
    assert axis.title == "Se déplacer sans voiture" and 1 in evidence and not evidence & {2, 3}
    await user.should_see("Axe « Se déplacer sans voiture »", marker="uses-1")  # the row says where it is used


async def test_a_group_can_join_an_existing_axe_as_an_orientation_or_be_dismissed(posted: str, user: User) -> None:
    await suggest(user)
    axis = await running().service.apply(posted, AddAxis("Mieux se soigner"))  # in another tab, meanwhile
    number = group_holding(user, 5)
    user.find(marker=f"group-{number}-title").clear().type("Des médecins pour tous")
    set_value(user, f"group-{number}-as", axis.id)
    await tap(user, f"group-{number}-accept")
    await user.should_see("Accepté : Orientation « Des médecins pour tous » (axe « Mieux se soigner »)")
    session = running().service.get(posted)
    assert [line.text for line in session.axes.axis(axis.id).orientations] == ["Des médecins pour tous"]
    assert any(t.kind is TargetKind.ORIENTATION for t in session.evidence.uses_of(5))

    other = next(n for n in range(1, 4) if n != number)
    await tap(user, f"group-{other}-dismiss")
    await user.should_not_see(marker=f"group-{other}")
    await user.should_see("Regroupement écarté.")
    assert len(session.axes.axes) == 1  # dismissing changed nothing
