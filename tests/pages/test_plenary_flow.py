"""Phases 2 and 3 as the room lives them: témoignages on the wall, the axes presented, comments, the timer."""

from __future__ import annotations

from nicegui.testing import User

from atelier.domain.changes import MergeContributions, PresentStep, SetPhaseStatus
from atelier.domain.model import PhaseKey, PhaseStatus
from atelier.pages.axis_outline import AxisLines
from tests.conftest import TOKEN
from tests.pages.conftest import CODE, join, running, send, set_value, tap


async def post(user: User, kind: str, text: str, theme: str = "Mobilité") -> None:
    await send(user, text, kind=kind, theme=theme)
    # Its own list shows it (the « Merci ! » pop-up is checked in test_phase1_flow: with several simulated
    # users, NiceGUI's test double gives a pop-up to whichever user was touched last).
    await user.should_see(text, marker="mine")


async def test_an_actor_posts_a_preconisation_and_the_projection_signs_it_with_the_structure(
        testimonies: str, create_user) -> None:
    projection: User = create_user()
    await projection.open(f"/p/{testimonies}")
    await projection.should_see("Témoigne maintenant")
    await projection.should_see("Mission Locale")
    await projection.should_see("Service public")
    actor: User = create_user()
    await join(actor, testimonies, role="acteur_local", commune="*", structure="CCAS de Vernoux")
    elu: User = create_user()
    await join(elu, testimonies)
    await elu.should_see("Témoigne maintenant : Mission Locale")

    await post(actor, "preconisation", "Un minibus le samedi")
    await post(elu, "constat", "Les jeunes partent", theme="Santé")

    await projection.should_see("Un minibus le samedi")
    await projection.should_see("CCAS de Vernoux · Mobilité")
    await projection.should_see("Les jeunes partent")
    await projection.should_see("Fontenelle · Santé")  # an élu who gave no name stays anonymous
    await projection.should_see("1 constat · 0 enjeu · 1 préconisation · 2 participants")
    await actor.should_see("Tout le territoire · CCAS de Vernoux")  # in « Mes contributions »


async def test_merged_originals_leave_the_testimony_wall(testimonies: str, create_user) -> None:
    projection: User = create_user()
    await projection.open(f"/p/{testimonies}")
    actor: User = create_user()
    await join(actor, testimonies, role="acteur_institutionnel", commune="*", structure="CAF")
    await post(actor, "enjeu", "Jeunes isolés")
    await post(actor, "enjeu", "Isolement des jeunes")
    await projection.should_see("Isolement des jeunes")

    await running().service.apply(testimonies, MergeContributions(1, 2, text="L'isolement des jeunes ruraux"))

    await projection.should_see("L'isolement des jeunes ruraux")
    await projection.should_not_see("Jeunes isolés")
    await projection.should_not_see("Isolement des jeunes")
    await projection.should_see("0 constat · 1 enjeu · 0 préconisation")


def presented_lines(phone: User) -> list[str]:
    with phone:
        lines: AxisLines = next(iter(phone.find(marker="axis-lines").elements))  # type: ignore[assignment]
        return lines.shown


def projected_lines(projection: User) -> list[str]:
    """The lines the projection's presented axe draws (an element the browser lays out and pages)."""
    with projection:
        found = projection.find(marker="axis-pages").elements
        return next(iter(found)).shown if found else []  # type: ignore[attr-defined]


async def test_the_facilitator_presents_an_axe_and_the_projection_shows_it_with_its_evidence(
        restitution: dict[str, int], create_user) -> None:
    projection: User = create_user()
    await projection.open(f"/p/{CODE}")
    await projection.should_see("Les axes stratégiques")
    await projection.should_see("1. SE DÉPLACER")
    phone: User = create_user()
    await join(phone, CODE, ready="who")
    await phone.should_see("L'animation va présenter les axes stratégiques.")
    facilitator: User = create_user()
    await facilitator.open(f"/f/{CODE}?token={TOKEN}")
    await facilitator.should_see("À l'écran : la liste des axes")

    await tap(facilitator, "next-axis")
    await projection.should_see("Axe 1 sur 2")
    await projection.should_see("SE DÉPLACER")
    await projection.should_see("2 contributions à l'appui")
    assert projected_lines(projection) == ["Les enjeux", "• L'isolement des hameaux", "Les orientations",
                                           "• Développer la mobilité solidaire", "Pistes d'actions",
                                           "• Un transport à la demande", "• Aider au permis"]
    await facilitator.should_see("À l'écran : Axe 1 — Se déplacer")
    await phone.should_see("À l'écran — Axe 1 : Se déplacer")
    assert "• Un transport à la demande" in presented_lines(phone)

    await tap(facilitator, "next-axis")
    await projection.should_see("SE SOIGNER")
    assert "• L'isolement des hameaux" not in projected_lines(projection)
    await projection.should_not_see("2 contributions à l'appui")  # nothing backs the second axe yet
    await phone.should_see("À l'écran — Axe 2 : Se soigner")
    assert "• Un transport à la demande" not in presented_lines(phone)


async def test_a_comment_shown_by_the_facilitator_appears_on_the_projection(
        restitution: dict[str, int], create_user) -> None:
    facilitator: User = create_user()
    await facilitator.open(f"/f/{CODE}?token={TOKEN}")
    await tap(facilitator, "next-axis")
    projection: User = create_user()
    await projection.open(f"/p/{CODE}")
    await projection.should_see("SE DÉPLACER")
    phone: User = create_user()
    await join(phone, CODE, ready="comment-text", name="Anne")

    phone.find(marker="comment-text").type("Et le soir, après 19 h ?")
    await tap(phone, "comment-send")
    # The thanks come once the comment is on disk: up to 3 s on a busy machine, not the default 0.3 s.
    await phone.should_see("Merci ! Votre commentaire est transmis à l'animation.", retries=30)
    await facilitator.should_see("Et le soir, après 19 h ? · Anne · Élu·e · Fontenelle")
    await projection.should_not_see("Et le soir, après 19 h ?")  # not until the facilitator chooses it
    await tap(facilitator, "show-comment-1")
    await projection.should_see("Et le soir, après 19 h ?")
    await phone.should_see("Et le soir, après 19 h ?\n(Affiché à l'écran)")
    await tap(facilitator, "hide-comment-1")
    await projection.should_not_see("Et le soir, après 19 h ?")
    await phone.should_see("Et le soir, après 19 h ?\n(Masqué par l'animation)")


async def test_a_comment_longer_than_280_characters_is_refused_in_french(restitution: dict[str, int],
                                                                       user: User) -> None:
    await running().service.apply(CODE, PresentStep(1))
    await join(user, CODE, ready="comment-text")
    user.find(marker="comment-text").type("a" * 281)
    await tap(user, "comment-send")
    await user.should_see("280 caractères au plus (vous en avez 281)")
    assert running().service.get(CODE).comments.comments == {}


async def test_a_timer_started_from_the_console_shows_on_the_projection_and_the_phones(
        restitution: dict[str, int], create_user) -> None:
    projection: User = create_user()
    await projection.open(f"/p/{CODE}")
    phone: User = create_user()
    await join(phone, CODE, ready="who")
    await phone.should_not_see(marker="timer")
    facilitator: User = create_user()
    await facilitator.open(f"/f/{CODE}?token={TOKEN}")

    facilitator.find(marker="timer-name").type("Échanges en petits groupes")
    set_value(facilitator, "timer-minutes", 10)
    await tap(facilitator, "start-timer")
    for page in (projection, phone):
        await page.should_see("Échanges en petits groupes (10 min)")
    timer = running().service.get(CODE).timer
    assert timer is not None
    ends_at = str(round(timer.ends_at.timestamp() * 1000))
    for page in (projection, phone):  # the browser counts down from there by itself
        with page:
            assert [e.props["data-ends-at"] for e in page.find(marker="timer-clock").elements] == [ends_at]
    await tap(facilitator, "stop-timer")
    await projection.should_not_see(marker="timer")
    await phone.should_not_see(marker="timer")


async def test_a_phone_in_the_restitution_has_no_contribution_form_nor_waiting_message(
        restitution: dict[str, int], user: User) -> None:
    await join(user, CODE, ready="who")
    await user.should_not_see(marker="contribution-form")
    await user.should_not_see(marker="waiting")
    await running().service.apply(CODE, SetPhaseStatus(PhaseKey.RESTITUTION, PhaseStatus.CLOSED))
    await user.should_see(marker="waiting")
    await user.should_not_see(marker="presented-axis")


async def test_during_the_restitution_the_screens_speak_of_debate_and_vote_not_contributions(
        restitution: dict[str, int], create_user) -> None:
    projection: User = create_user()
    await projection.open(f"/p/{CODE}")
    await projection.should_see("Restitution en plénière : débat et vote")
    await projection.should_not_see("Restitution : contributions ouvertes")


async def test_a_phone_joined_during_the_temoignages_gets_the_restitution_panel_when_it_opens(
        testimonies: str, user: User) -> None:
    await join(user, testimonies)
    await user.should_not_see(marker="presented-axis")  # nothing of phase 3 on an evening of phase 2
    service = running().service
    await service.apply(CODE, SetPhaseStatus(PhaseKey.TEMOIGNAGES, PhaseStatus.CLOSED))
    await service.apply(CODE, SetPhaseStatus(PhaseKey.RESTITUTION, PhaseStatus.OPEN))
    await user.should_see("L'animation va présenter les axes stratégiques.")
    await user.should_not_see(marker="contribution-form")
