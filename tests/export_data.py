"""A démarche run through its three phases, as the exports see it: context, dates, moderation, +1s,
the structures heard, axes with their evidence and CTG fields, and a closed vote on the pistes."""

from __future__ import annotations

from datetime import date

from atelier.domain.axes import Target, TargetKind
from atelier.domain.model import PhaseKey, PhaseStatus
from atelier.domain.session import Session
from tests.conftest import T0, make_session

AUTHOR = "Sophie Saramito, Territoires Conseils"
HIDDEN_TEXTS = ("Propos injurieux masqué par l'animation", "Témoignage masqué hors sujet")
ANALYSIS = ("La communauté de communes du Val est située sur deux départements.\n\n"
            "Les élus se sont emparés de la démarche jusqu'à la création d'un CIAS.")


def full_session(*, with_context: bool = True) -> Session:
    """Phase 1 on 16 Oct 2017, phase 2 on 27 Nov 2017, restitution on 14 Mar 2018.

    Visible: 3 difficultés (2 Mobilité, 1 Santé), 1 ressource, 1 constat, 1 enjeu, 1 préconisation.
    Hidden: one difficulté (élevé, Santé) and one constat from « Structure masquée ».
    Structures heard: Mission Locale, CCAS de Marcilly, ADMR du Val (which posted nothing).
    Axes and vote: see `add_axes_and_vote`.
    """
    s = make_session(open_phase=PhaseKey.ETAT_DES_LIEUX)
    if with_context:
        s.set_context(population="40 239", population_year="2019", seat="Fontenelle", author=AUTHOR,
                      department="Nord (59)",
                      history="Créée en 1992 avec 4 communes.\nFusion avec la CC du Lac en 2017.",
                      analysis=ANALYSIS, now=T0)
    s.register_participant("alice", role="elu", commune="Fontenelle", now=T0)
    s.register_participant("bob", role="elu", commune="Vernoux", now=T0)
    s.register_participant("mission", role="acteur_institutionnel", commune=None, structure="Mission Locale",
                           now=T0)
    s.register_participant("ccas", role="acteur_local", commune="Marcilly", structure="CCAS de Marcilly", now=T0)
    s.register_participant("masque", role="acteur_local", commune=None, structure="Structure masquée", now=T0)

    bus = s.add_contribution("alice", kind="difficulte", text="Pas de bus après 18 h", theme="Mobilité",
                             risk="eleve", now=T0)
    s.add_contribution("bob", kind="difficulte", text="Le permis coûte trop cher pour les jeunes",
                       theme="Mobilité", risk="modere", now=T0)
    s.add_contribution("alice", kind="difficulte", text="Six mois d'attente pour un généraliste", theme="Santé",
                       risk="faible", now=T0)
    s.add_contribution("bob", kind="ressource", text="Transport solidaire le mardi", theme="Mobilité",
                       structure="Lizon Solidarité", now=T0)
    hidden = s.add_contribution("alice", kind="difficulte", text=HIDDEN_TEXTS[0], theme="Santé", risk="eleve",
                                now=T0)
    s.set_hidden(hidden.id, True, T0)
    s.toggle_share("bob", bus.id, T0)
    s.set_phase_status(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.CLOSED, T0)
    s.set_phase_date(PhaseKey.ETAT_DES_LIEUX, date(2017, 10, 16), T0)

    s.set_phase_status(PhaseKey.TEMOIGNAGES, PhaseStatus.OPEN, T0)
    s.set_phase_date(PhaseKey.TEMOIGNAGES, date(2017, 11, 27), T0)
    for name, kind in (("Mission Locale", "service_public"), ("CCAS de Marcilly", "collectivite"),
                       ("ADMR du Val", "association")):
        s.witnesses.add(name, kind)
    s.add_contribution("mission", kind="constat", text="Des jeunes renoncent à un emploi faute de transport",
                       theme="Mobilité", now=T0)
    s.add_contribution("mission", kind="enjeu", text="Garder les jeunes sur le territoire", theme="Santé", now=T0)
    s.add_contribution("ccas", kind="preconisation", text="Ouvrir une micro-crèche intercommunale",
                       theme="Petite enfance", now=T0)
    masked = s.add_contribution("masque", kind="constat", text=HIDDEN_TEXTS[1], theme="Santé", now=T0)
    s.set_hidden(masked.id, True, T0)
    s.set_phase_status(PhaseKey.TEMOIGNAGES, PhaseStatus.CLOSED, T0)
    add_axes_and_vote(s)
    s.set_phase_date(PhaseKey.RESTITUTION, date(2018, 3, 14), T0)
    return s


def add_axes_and_vote(s: Session) -> None:
    """Two axes as the facilitator builds them, evidence, CTG fields on one piste, and a closed vote.

    Axe 1, « Se déplacer sur tout le territoire »: an enjeu, an orientation holding two pistes (the first with two
    sub-lines and a CTG fiche), « Concrètement »; backed by 3 contributions.
    Axe 2, « Faire de la santé un levier d'insertion »: an enjeu, two pistes; backed by 1 contribution.
    Vote on the pistes (5 points, 3 at most on one), closed: transport 6, permis 5, maison de santé 4,
    bus vers l'hôpital 0. Élus alice (Fontenelle) and bob (Vernoux), actors ccas (Marcilly) and
    mission (no commune).
    """
    by_text = {c.text: c.id for c in s.visible_contributions()}
    s.set_phase_status(PhaseKey.RESTITUTION, PhaseStatus.OPEN, T0)
    board = s.axes
    mobility = board.add_axis("Se déplacer sur tout le territoire")
    board.add_line(mobility.id, "enjeux", "Rompre l'isolement des hameaux")
    solidarity = board.add_line(mobility.id, "orientations", "Développer la mobilité solidaire")
    transport = board.add_line(mobility.id, "pistes", "Un transport à la demande le soir",
                               orientation_id=solidarity.id)
    board.set_piste_details(transport.id, "Étudier les horaires avec les employeurs\nS'appuyer sur Lizon Solidarité")
    board.set_piste_plan(transport.id, strategic_objective="Renforcer l'accès à la mobilité",
                         operational_objective="Mettre en place un transport à la demande en soirée",
                         pilots="Service mobilité de la CC, Mission Locale", deadline="2025",
                         indicators="Nombre de trajets par mois\nNombre de jeunes en emploi",
                         vigilance="Le coût de fonctionnement")
    permit = board.add_line(mobility.id, "pistes", "Aider les jeunes à passer le permis",
                            orientation_id=solidarity.id)
    board.edit_axis(mobility.id, concretely="la création d'un service de transport à la demande")
    health = board.add_axis("Faire de la santé un levier d'insertion")
    board.add_line(health.id, "enjeux", "Garder des médecins sur le territoire")
    centre = board.add_line(health.id, "pistes", "Créer une maison de santé")
    board.add_line(health.id, "pistes", "Un bus vers l'hôpital")

    s.link_evidence(by_text["Pas de bus après 18 h"], Target(TargetKind.PISTE, transport.id))
    s.link_evidence(by_text["Transport solidaire le mardi"], Target(TargetKind.ORIENTATION, solidarity.id))
    s.link_evidence(by_text["Des jeunes renoncent à un emploi faute de transport"],
                    Target(TargetKind.AXIS, mobility.id))
    s.link_evidence(by_text["Six mois d'attente pour un généraliste"], Target(TargetKind.PISTE, centre.id))

    s.open_vote("piste", budget=5, cap=3, now=T0)
    for participant, item, points in (("alice", transport, 3), ("alice", centre, 2), ("bob", transport, 2),
                                      ("bob", permit, 3), ("mission", permit, 2), ("mission", transport, 1),
                                      ("ccas", centre, 2)):
        s.set_points(participant, item.id, points)
    s.votes.close_current(T0)
    s.set_phase_status(PhaseKey.RESTITUTION, PhaseStatus.CLOSED, T0)
