"""A fictional démarche with a living état des lieux, so a newcomer sees a full projector at once."""

from __future__ import annotations

from datetime import datetime, timedelta

from atelier.domain import records
from atelier.domain.model import PhaseKey, PhaseStatus
from atelier.domain.session import Session
from atelier.presets import Preset
from atelier.store import SessionStore

DEMO_CODE = "DEMA24"
TERRITORY = "Communauté de communes des Coteaux du Lizon (fictive)"
COMMUNES = [
    "Saint-Aubin-sur-Lizon", "Vernoux-le-Bas", "Marcilly-les-Vignes", "Les Granges-Hautes", "Fontenelle",
    "Beaulieu-en-Bocage", "Chaumont-sur-Lizon", "Villers-sous-Roche", "La Chapelle-Saint-Rémy", "Montfaucon-le-Haut",
]
# (participant id, role, commune, name)
PARTICIPANTS = [
    ("demo-elu-1", "elu", "Saint-Aubin-sur-Lizon", "Martine R."),
    ("demo-elu-2", "elu", "Vernoux-le-Bas", ""),
    ("demo-elu-3", "elu", "Marcilly-les-Vignes", "Jean-Paul D."),
    ("demo-elu-4", "elu", "Les Granges-Hautes", ""),
    ("demo-elu-5", "elu", "Fontenelle", "Sophie L."),
    ("demo-elu-6", "elu", "Beaulieu-en-Bocage", ""),
    ("demo-elu-7", "elu", "Chaumont-sur-Lizon", "Bernard M."),
    ("demo-elu-8", "elu", "Villers-sous-Roche", ""),
    ("demo-elu-9", "elu", "La Chapelle-Saint-Rémy", "Nadia B."),
    ("demo-elu-10", "elu", "Montfaucon-le-Haut", ""),
    ("demo-elu-11", "elu", "Chaumont-sur-Lizon", ""),
    ("demo-elu-12", "elu", "Saint-Aubin-sur-Lizon", ""),
]
D, R = "difficulte", "ressource"
# (author index, kind, theme, text, risk or structure)
CONTRIBUTIONS = [
    (0, D, "Mobilité", "Pas de transport en commun le soir : les jeunes sans permis ne peuvent pas accepter un "
                       "emploi à Chaumont.", "eleve"),
    (1, D, "Personnes âgées et bien vieillir", "Beaucoup de personnes âgées seules dans les hameaux, isolées "
                                               "l'hiver.", "eleve"),
    (2, R, "Personnes âgées et bien vieillir", "Portage de repas à domicile sur tout le secteur nord.", "ADMR"),
    (3, D, "Santé (dont santé mentale)", "Deux médecins partis à la retraite en 2023, non remplacés : 6 mois "
                                         "d'attente pour un généraliste.", "eleve"),
    (4, R, "Santé (dont santé mentale)", "Maison de santé pluriprofessionnelle à Chaumont (infirmiers, "
                                         "kinés).", "Maison de santé du Lizon"),
    (5, D, "Petite enfance", "Manque de places en crèche : des parents refusent un travail faute de garde.",
     "modere"),
    (6, R, "Petite enfance", "Relais petite enfance itinérant, une matinée par mois dans chaque commune.",
     "Relais petite enfance"),
    (7, D, "Enfance et jeunesse", "Rien pour les 12-17 ans le week-end : ils traînent sur la place.", "modere"),
    (8, R, "Enfance et jeunesse", "Accueil de loisirs intercommunal le mercredi et pendant les vacances.",
     "Centre social du Lizon"),
    (9, D, "Logement et habitat", "Logements anciens mal isolés : factures de chauffage impossibles pour "
                                  "certaines familles.", "eleve"),
    (0, R, "Logement et habitat", "Permanence de l'ADIL une fois par mois en mairie de Chaumont.", "ADIL"),
    (1, D, "Insertion, emploi, formation", "Jeunes décrocheurs que personne ne repère après le collège.",
     "eleve"),
    (2, R, "Insertion, emploi, formation", "Permanence de la Mission Locale le jeudi à Saint-Aubin.",
     "Mission Locale"),
    (3, D, "Accès aux droits et services publics", "Les habitants ne savent pas à qui s'adresser pour leurs "
                                                   "droits ; la CAF est à 40 km.", "modere"),
    (4, R, "Accès aux droits et services publics", "France Services à Chaumont, ouvert 4 jours par semaine.",
     "France Services"),
    (5, D, "Inclusion numérique", "Démarches uniquement en ligne : les personnes âgées n'y arrivent pas seules.",
     "eleve"),
    (6, R, "Inclusion numérique", "Ateliers numériques à la médiathèque, animés par un conseiller numérique.",
     "Médiathèque intercommunale"),
    (7, D, "Précarité et isolement", "Familles monoparentales en difficulté en fin de mois, de plus en plus "
                                     "nombreuses.", "modere"),
    (8, R, "Précarité et isolement", "Distribution alimentaire chaque mardi à Vernoux.", "Restos du Cœur"),
    (9, D, "Handicap", "Aucune solution de répit pour les aidants d'adultes handicapés.", "modere"),
    (10, D, "Mobilité", "Les personnes âgées ne peuvent plus aller au marché depuis l'arrêt de la ligne de car.",
     "modere"),
    (11, R, "Mobilité", "Transport solidaire par des bénévoles pour les rendez-vous médicaux.",
     "Association Lizon Solidarité"),
    (0, D, "Parentalité", "Parents démunis face aux écrans et au harcèlement en ligne.", "faible"),
    (1, R, "Parentalité", "Lieu d'accueil enfants-parents le samedi matin.", "Centre social du Lizon"),
    (2, D, "Santé (dont santé mentale)", "Souffrance psychique chez les agriculteurs, peu de relais.", "eleve"),
    (3, D, "Animation de la vie sociale et vie associative", "Les associations peinent à trouver des bénévoles "
                                                             "et s'essoufflent.", "modere"),
    (4, R, "Animation de la vie sociale et vie associative", "Forum des associations chaque septembre.",
     "Communauté de communes"),
    (5, D, "Coordination et gouvernance de l'action sociale", "Les acteurs sociaux ne se connaissent pas entre "
                                                              "eux ; on ne sait pas qui fait quoi.", "modere"),
    (6, D, "Personnes âgées et bien vieillir", "Maintien à domicile difficile : pas assez d'aides à domicile.",
     "eleve"),
    (7, R, "Personnes âgées et bien vieillir", "Club des aînés actif dans trois communes.", "Générations "
                                                                                          "Mouvement"),
    (8, D, "Logement et habitat", "Pas de logement d'urgence sur le territoire.", "modere"),
    (9, R, "Handicap", "ESAT à Villers-sous-Roche, 40 travailleurs.", "ESAT des Coteaux"),
    (10, D, "Insertion, emploi, formation", "Les employeurs locaux ne trouvent pas de personnel qualifié.",
     "faible"),
    (11, D, "Précarité et isolement", "Personnes isolées qui n'osent pas demander de l'aide en mairie.",
     "modere"),
    (0, R, "Santé (dont santé mentale)", "Infirmière Asalée à la maison de santé pour le suivi des maladies "
                                         "chroniques.", "Maison de santé du Lizon"),
    (1, D, "Enfance et jeunesse", "Pas de lieu pour accueillir les jeunes en soirée, conflits avec les riverains.",
     "faible"),
    (2, R, "Accès aux droits et services publics", "Secrétaires de mairie qui orientent au cas par cas.",
     "Mairies"),
    (3, D, "Mobilité", "Le permis coûte trop cher pour les jeunes en insertion.", "modere"),
    (4, R, "Insertion, emploi, formation", "Chantier d'insertion en maraîchage bio.", "Jardins du Lizon"),
    (5, D, "Inclusion numérique", "Zones blanches : pas de réseau mobile dans deux hameaux.", "faible"),
]
SHARES = {0: [1, 3, 7, 10], 1: [0, 4, 6], 3: [2, 5, 8, 9, 11], 9: [1, 2], 15: [2, 3, 8], 28: [4, 5]}


def build_demo_session(preset: Preset, now: datetime) -> Session:
    start = now - timedelta(minutes=len(CONTRIBUTIONS) + 10)
    session = Session.create(code=DEMO_CODE, territory=TERRITORY, communes=COMMUNES, themes=list(preset.themes),
                             title=preset.title, now=start)
    session.set_phase_status(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.OPEN, start)
    for pid, role, commune, name in PARTICIPANTS:
        session.register_participant(pid, role=role, commune=commune, display_name=name, now=start)
    for minute, (author, kind, theme, text, extra) in enumerate(CONTRIBUTIONS):
        session.add_contribution(PARTICIPANTS[author][0], kind=kind, text=text, theme=theme,
                                 risk=extra if kind == D else None, structure=extra if kind == R else "",
                                 now=start + timedelta(minutes=minute))
    for index, sharers in SHARES.items():
        for sharer in sharers:
            session.toggle_share(PARTICIPANTS[sharer][0], index + 1, now)
    return session


def ensure_demo(store: SessionStore, preset: Preset, now: datetime) -> bool:
    """Create the demo session once; a second call leaves it (and what was added to it) alone."""
    if store.load(DEMO_CODE) is not None:
        return False
    store.save(records.session_record(build_demo_session(preset, now)))
    return True
