"""A démarche the size of a real one, written from the method's published fiches (see the README):
4 axes, 9 orientations each holding its pistes d'actions (56 in all, 2 to 7 each), enjeux, dated
meetings with an extra step. Tests enter it through the editor and read the documents back."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Orientation:
    text: str
    pistes: tuple[str, ...]


@dataclass(frozen=True)
class FicheAxis:
    title: str
    enjeux: tuple[str, ...]
    orientations: tuple[Orientation, ...]
    concretely: str = ""


TERRITORY = "CC du Val de Lys et des Monts"
MEETINGS = (  # (title, date typed) of the steps outside the three soirées, in no particular order
    ("Comité de pilotage : choix des axes", "2018-02-06"),
    ("Présentation de la démarche aux élus", "2017-03-28"),
)
PHASE_DATES = {"etat_des_lieux": "2017-10-16", "temoignages": "2017-11-27", "restitution": "2018-03-14"}

AXES = (
    FicheAxis(
        "Organiser le maillage et la coordination de la politique sociale intercommunale",
        ("Faciliter les coopérations entre les communes, les CCAS et les associations",
         "Développer un maillage territorial qui laisse aucune commune à l'écart",
         "Organiser des espaces communs de travail entre élus et acteurs",
         "Donner une vision claire de qui fait quoi sur le territoire"),
        (Orientation("Permettre à l'échelon intercommunal de coordonner, mailler, compléter et informer", (
            "Réunir deux fois par an les élus délégués au social des communes et les partenaires",
            "Créer un poste de coordinateur de la politique sociale à l'échelle de la communauté de communes",
            "Publier un annuaire des acteurs sociaux, mis à jour chaque année avec les CCAS",
            "Organiser une rencontre annuelle des travailleurs sociaux du territoire",
            "Tenir un tableau de bord partagé des besoins sociaux, commune par commune",
            "Associer la CAF et le Département à un comité technique trimestriel",
            "Mettre en commun les outils d'accueil des CCAS (fiche de liaison, orientation)")),
         Orientation("Envisager une maîtrise d'ouvrage sociale intercommunale, sans retirer aux communes leur rôle", (
            "Étudier la création d'un CIAS avec les communes volontaires, sur deux ans",
            "Faire visiter aux élus un CIAS d'un territoire voisin de même taille",
            "Rédiger une charte qui dit ce que garde chaque CCAS et ce que porte l'intercommunalité",
            "Chiffrer le coût et les économies d'un service social commun",
            "Consulter les conseils municipaux avant toute décision de transfert",
            "Prévoir une clause de revoyure à trois ans")),
         Orientation("Maintenir les espaces de proximité et continuer ensemble la réflexion", (
            "Garder une permanence sociale dans chaque bourg-centre, au moins une demi-journée par semaine",
            "Former les secrétaires de mairie au premier accueil social et à l'orientation",
            "Ouvrir des permanences itinérantes dans les communes de moins de 500 habitants",
            "Tenir une soirée élus-acteurs chaque année pour suivre le plan",
            "Diffuser une lettre semestrielle de la politique sociale aux conseillers municipaux"))),
        "la création d'un CIAS"),
    FicheAxis(
        "Ensemble, impulser une rénovation des pratiques d'action sociale et le pouvoir d'agir des habitants",
        ("Rénover les modes de communication et changer les regards sur la précarité",
         "Développer le pouvoir d'agir des habitants et des jeunes",
         "Agir sur la mobilité et la fracture numérique"),
        (Orientation("Communiquer de manière positive sur les politiques d'accompagnement et les droits", (
            "Créer un guide des aides et des droits en langage simple, distribué dans chaque mairie",
            "Ouvrir un lieu d'information unique sur les dispositifs, relié aux permanences",
            "Organiser des cafés des droits dans les centres sociaux et les médiathèques",
            "Former des habitants relais pour accompagner leurs voisins vers les droits",
            "Publier chaque mois une aide ou un service dans le bulletin intercommunal",
            "Faire témoigner des bénéficiaires dans la communication de la communauté de communes",
            "Mettre en place un accueil numérique accompagné dans les France Services")),
         Orientation("Créer du lien entre les générations et s'appuyer sur les jeunes pour toucher les familles", (
            "Lancer un chantier jeunes l'été dans une commune différente chaque année",
            "Soutenir les conseils municipaux de jeunes et leur donner un budget participatif",
            "Organiser des ateliers numériques animés par des jeunes pour les aînés",
            "Développer l'aide aux devoirs avec des bénévoles retraités",
            "Créer un fonds d'initiatives habitants géré par un comité d'habitants",
            "Proposer un service civique intercommunal autour du lien social"))),
        "un fonds d'initiatives habitants"),
    FicheAxis(
        "Faire de la santé un levier majeur de l'insertion sociale des habitants",
        ("Poursuivre la dynamique engagée sur l'offre de soins de proximité",
         "Réfléchir aux problématiques de la santé mentale et du handicap",
         "Assurer un maillage et une coordination territoriale de santé"),
        (Orientation("Poursuivre le travail engagé par le pôle santé : prévention et coordination", (
            "Signer un contrat local de santé avec l'ARS",
            "Organiser un forum annuel de la prévention dans un collège du territoire",
            "Accompagner l'installation de jeunes médecins (logement, stage, accueil des familles)",
            "Développer la téléconsultation accompagnée dans deux pharmacies et une France Services",
            "Créer un transport solidaire vers les consultations spécialisées",
            "Mettre en place des bilans de santé pour les personnes éloignées des soins")),
         Orientation("Développer les maisons de santé et l'accompagnement en santé mentale et handicap", (
            "Ouvrir une maison de santé pluriprofessionnelle au sud du territoire",
            "Accueillir des consultations avancées du centre médico-psychologique",
            "Former les élus et les agents d'accueil aux premiers secours en santé mentale",
            "Créer un groupe d'entraide mutuelle avec une association de patients",
            "Recenser les places d'accueil pour les personnes en situation de handicap",
            "Soutenir les aidants familiaux par des temps de répit et de formation")))),
    FicheAxis(
        "Bien vieillir et bien se loger sur tout le territoire",
        ("Permettre aux personnes âgées de rester chez elles le plus longtemps possible",
         "Lutter contre l'habitat indigne et la précarité énergétique",
         "Rompre l'isolement des personnes âgées dans les hameaux"),
        (Orientation("Accompagner le maintien à domicile et rompre l'isolement", (
            "Créer un réseau de visiteurs bénévoles auprès des personnes âgées isolées",
            "Tenir un registre des personnes fragiles partagé entre les mairies et l'ADMR",
            "Développer le portage de repas dans les communes qui n'en ont pas",
            "Organiser des ateliers de prévention des chutes et de mémoire",
            "Ouvrir un accueil de jour itinérant pour les personnes atteintes de troubles cognitifs",
            "Étudier une résidence autonomie au centre du territoire",
            "Proposer un transport à la demande pour les courses et les rendez-vous")),
         Orientation("Améliorer le logement des ménages modestes", (
            "Lancer une opération programmée d'amélioration de l'habitat",
            "Repérer les logements indignes avec les élus et les services de la CAF",
            "Créer un guichet de la rénovation énergétique avec des permanences mensuelles",
            "Aider à l'adaptation des logements au vieillissement et au handicap",
            "Développer une offre de logements d'urgence et temporaires dans trois communes",
            "Accompagner les ménages en impayés d'énergie avec le CCAS et le Département")))),
)


def counts() -> tuple[int, int, int]:
    """(axes, orientations, pistes)."""
    orientations = [o for axis in AXES for o in axis.orientations]
    return len(AXES), len(orientations), sum(len(o.pistes) for o in orientations)
