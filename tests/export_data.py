"""A démarche run through its three phases, as the exports see it: context, dates, moderation, +1s."""

from __future__ import annotations

from datetime import date

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
    """
    s = make_session(open_phase=PhaseKey.ETAT_DES_LIEUX)
    if with_context:
        s.set_context(population="40 239", population_year="2019", seat="Fontenelle", author=AUTHOR,
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
    s.add_contribution("mission", kind="constat", text="Des jeunes renoncent à un emploi faute de transport",
                       theme="Mobilité", now=T0)
    s.add_contribution("mission", kind="enjeu", text="Garder les jeunes sur le territoire", theme="Santé", now=T0)
    s.add_contribution("ccas", kind="preconisation", text="Ouvrir une micro-crèche intercommunale",
                       theme="Petite enfance", now=T0)
    masked = s.add_contribution("masque", kind="constat", text=HIDDEN_TEXTS[1], theme="Santé", now=T0)
    s.set_hidden(masked.id, True, T0)
    s.set_phase_status(PhaseKey.TEMOIGNAGES, PhaseStatus.CLOSED, T0)
    s.set_phase_date(PhaseKey.RESTITUTION, date(2018, 3, 14), T0)
    return s
