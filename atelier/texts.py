"""Every French sentence the app shows, in one place so it can be proof-read.

Messages with `{}` placeholders are formatted where they are used.
"""

from atelier.domain.model import ContributionKind, PhaseKey, PhaseStatus, Risk, Role

APP_NAME = "Atelier"


def count(number: int, forms: tuple[str, str]) -> str:
    """« 1 difficulté », « 0 difficulté », « 3 difficultés » (French: 0 and 1 take the singular)."""
    return f"{number} {forms[0] if number < 2 else forms[1]}"


DEFAULT_TITLE = "Démarche politique sociale intercommunale"

PHASE_LABELS = {
    PhaseKey.ETAT_DES_LIEUX: "État des lieux",
    PhaseKey.TEMOIGNAGES: "Témoignages",
    PhaseKey.RESTITUTION: "Restitution",
}
PHASE_STATUS_LABELS = {
    PhaseStatus.UPCOMING: "à venir",
    PhaseStatus.OPEN: "ouverte",
    PhaseStatus.CLOSED: "close",
}
ROLE_LABELS = {
    Role.ELU: "Élu·e",
    Role.LOCAL_ACTOR: "Acteur local (association, service…)",
    Role.INSTITUTIONAL_ACTOR: "Acteur institutionnel (CAF, Département…)",
    Role.RESIDENT: "Habitant·e",
    Role.OTHER: "Autre",
}
KIND_LABELS = {
    ContributionKind.DIFFICULTY: "Difficulté",
    ContributionKind.RESOURCE: "Ressource",
    ContributionKind.FINDING: "Constat",
    ContributionKind.STAKE: "Enjeu",
    ContributionKind.RECOMMENDATION: "Préconisation",
}
KIND_COUNT_FORMS = {
    ContributionKind.DIFFICULTY: ("difficulté", "difficultés"),
    ContributionKind.RESOURCE: ("ressource", "ressources"),
    ContributionKind.FINDING: ("constat", "constats"),
    ContributionKind.STAKE: ("enjeu", "enjeux"),
    ContributionKind.RECOMMENDATION: ("préconisation", "préconisations"),
}
KIND_LABELS_PLURAL = {
    ContributionKind.DIFFICULTY: "Difficultés",
    ContributionKind.RESOURCE: "Ressources",
    ContributionKind.FINDING: "Constats",
    ContributionKind.STAKE: "Enjeux",
    ContributionKind.RECOMMENDATION: "Préconisations",
}
RISK_LABELS = {
    Risk.LOW: "Risque faible",
    Risk.MEDIUM: "Risque modéré",
    Risk.HIGH: "Risque élevé",
}
WHOLE_TERRITORY = "Tout le territoire"

# --- Domain errors -------------------------------------------------------------------------
ERR_TEXT_REQUIRED = "Écrivez quelques mots avant d'envoyer."
ERR_TEXT_TOO_LONG = "Le texte est trop long : {max} caractères au plus (vous en avez {length})."
ERR_FIELD_TOO_LONG = "« {field} » est trop long : {max} caractères au plus."
ERR_UNKNOWN_THEME = "Choisissez une thématique de la liste."
ERR_UNKNOWN_COMMUNE = "Choisissez une commune de la liste."
ERR_COMMUNE_REQUIRED = "Choisissez votre commune."
ERR_RISK_REQUIRED = "Indiquez le risque d'aggravation de cette difficulté."
ERR_UNKNOWN_KIND = "Choisissez le type de contribution."
ERR_RISK_ONLY_DIFFICULTY = "Seule une difficulté porte un risque d'aggravation."
ERR_PHASE_NOT_OPEN = "La phase « {phase} » n'est pas ouverte : les contributions sont fermées."
ERR_ANOTHER_PHASE_OPEN = "Fermez d'abord la phase « {phase} » : une seule phase est ouverte à la fois."
ERR_NOT_YOUR_CONTRIBUTION = "Vous ne pouvez modifier que vos propres contributions."
ERR_CONTRIBUTION_NOT_FOUND = "Cette contribution n'existe plus."
ERR_PARTICIPANT_UNKNOWN = "Présentez-vous d'abord (rôle et commune)."
ERR_SHARE_OWN = "C'est votre propre contribution : pas besoin de la partager."
ERR_SHARE_KIND = "On ne partage que les difficultés et les témoignages."
ERR_SHARE_HIDDEN = "Cette contribution a été masquée par l'animation."
ERR_TOO_MANY_CONTRIBUTIONS = "Vous avez atteint la limite de {max} contributions pour cette phase."
ERR_SESSION_NOT_FOUND = "Aucune démarche ne porte le code « {code} »."
ERR_TERRITORY_REQUIRED = "Indiquez le nom du territoire."
ERR_COMMUNES_REQUIRED = "Indiquez au moins une commune (une par ligne)."
ERR_THEMES_REQUIRED = "Indiquez au moins une thématique (une par ligne)."
ERR_TOO_MANY = "Trop de lignes dans « {field} » : {max} au plus."
ERR_DUPLICATE = "« {value} » apparaît deux fois dans « {field} »."
ERR_ROLE_REQUIRED = "Choisissez votre rôle."
ERR_STORAGE = "L'enregistrement a échoué. Réessayez ; si cela persiste, prévenez l'animation."

FIELD_TEXT = "Texte"
FIELD_NAME = "Nom"
FIELD_STRUCTURE = "Structure ou dispositif"
FIELD_TERRITORY = "Territoire"
FIELD_COMMUNES = "Communes"
FIELD_THEMES = "Thématiques"

# --- Shared screens ----------------------------------------------------------------------------
FORBIDDEN_TITLE = "Accès réservé à l'animation"
FORBIDDEN_HELP = ("Ouvrez l'adresse affichée au démarrage d'Atelier (elle se termine par « ?token=… »). "
                  "Vous participez ? Scannez le QR code projeté dans la salle.")
NOT_FOUND_TITLE = "Démarche introuvable"
NOT_FOUND_HELP = "Vérifiez le code projeté dans la salle ou scannez à nouveau le QR code."

# --- Pieces shown on several pages -------------------------------------------------------------
SHARED_COUNT = "+{count} partagent"
NO_PHASE_OPEN = "Les contributions ne sont pas encore ouvertes"
PHASE_OPEN_LINE = "{phase} : contributions ouvertes"
PHASE_CLOSED_LINE = "{phase} : contributions closes"
QR_LABEL = "QR code pour rejoindre la démarche"

# --- Projection --------------------------------------------------------------------------------
PROJECTION_TITLE = "Projection — {territory}"
PROJECTION_JOIN = "Participez avec votre téléphone"
PROJECTION_SCAN = "Scannez le QR code ou ouvrez :"
PROJECTION_CODE = "Code"
PROJECTION_PARTICIPANTS = ("participant", "participants")
PROJECTION_EMPTY = "Les premières contributions apparaîtront ici dès leur envoi."
PROJECTION_MORE = ("autre", "autres")

# --- Participant phone -------------------------------------------------------------------------
PHONE_WELCOME = "Bienvenue ! Présentez-vous en quelques secondes."
PHONE_ANONYMOUS = "Vos contributions sont anonymes, sauf si vous indiquez votre nom."
PHONE_ROLE = "Vous êtes…"
PHONE_COMMUNE = "Votre commune"
PHONE_STRUCTURE = "Votre structure (ex. : Mission Locale, CCAS…)"
PHONE_NAME = "Votre prénom ou nom (facultatif)"
PHONE_START = "Commencer"
PHONE_SAVE_PROFILE = "Enregistrer"
PHONE_CHANGE_PROFILE = "Modifier"
PHONE_YOU = "Vous : {who}"
PHONE_WAIT = ("Les contributions ne sont pas ouvertes pour le moment. "
              "Gardez cette page ouverte : elle s'activera dès que l'animation ouvrira la phase.")
PHONE_FORM_TITLE = "Ajouter une contribution"
PHONE_KIND = "Je signale…"
PHONE_TEXT_LABEL = {
    "difficulte": "Quelle difficulté observez-vous ?",
    "ressource": "Quelle ressource existe déjà ?",
    "constat": "Quel constat faites-vous ?",
    "enjeu": "Quel enjeu voyez-vous ?",
    "preconisation": "Que préconisez-vous ?",
}
PHONE_THEME = "Thématique"
PHONE_CONTRIBUTION_COMMUNE = "Commune concernée"
PHONE_RISK = "Risque d'aggravation"
PHONE_RESOURCE_STRUCTURE = "Structure ou dispositif (facultatif)"
PHONE_SEND = "Envoyer"
PHONE_SENT = "Merci ! Votre contribution est envoyée."
PHONE_MINE = "Mes contributions"
PHONE_MINE_EMPTY = "Vous n'avez encore rien envoyé."
PHONE_EDIT = "Modifier"
PHONE_DELETE = "Supprimer"
PHONE_DELETE_CONFIRM = "Supprimer définitivement cette contribution ?"
PHONE_CANCEL = "Annuler"
PHONE_SAVE = "Enregistrer"
PHONE_HIDDEN_BY_FACILITATOR = "Masquée par l'animation"
PHONE_OTHERS = "Ce que signalent les autres"
PHONE_OTHERS_HINT = "Touchez « Je partage aussi » si vous constatez la même chose."
PHONE_OTHERS_EMPTY = "Rien pour le moment."
PHONE_SHARE = "Je partage aussi"
PHONE_SHARED = "Partagé ✓"
PHONE_MORE = "Voir plus"

# --- Facilitator -------------------------------------------------------------------------------
HOME_TITLE = "Atelier — espace d'animation"
HOME_NEW = "Nouvelle démarche"
HOME_TERRITORY = "Territoire (ex. : Communauté de communes du Val de Loue)"
HOME_PRESET = "Type de démarche"
HOME_COMMUNES = "Communes ou secteurs (une par ligne)"
HOME_THEMES = "Thématiques (une par ligne, modifiables)"
HOME_CREATE = "Créer la démarche"
HOME_SESSIONS = "Démarches"
HOME_NO_SESSIONS = "Aucune démarche pour l'instant : créez la première ci-dessus."
HOME_OPEN = "Ouvrir la console"
HOME_SESSION_LINE = "Code {code} · {contributions} contributions · {participants} participants"
CONSOLE_TITLE = "Console — {territory}"
CONSOLE_JOIN = "Adresse pour les téléphones"
CONSOLE_PROJECTION = "Ouvrir la projection"
CONSOLE_HOME = "Toutes les démarches"
CONSOLE_PHASES = "Phases"
CONSOLE_OPEN_PHASE = "Ouvrir"
CONSOLE_CLOSE_PHASE = "Fermer"
CONSOLE_REOPEN_PHASE = "Rouvrir"
CONSOLE_PHASE_DATE = "Date"
CONSOLE_PHASE_STATUS = "{phase} — {status}"
CONSOLE_CONTRIBUTIONS = "Contributions"
CONSOLE_FILTER_KIND = "Type"
CONSOLE_FILTER_THEME = "Thématique"
CONSOLE_FILTER_COMMUNE = "Commune"
CONSOLE_FILTER_STATE = "État"
CONSOLE_ALL = "Tous"
CONSOLE_STATE_VISIBLE = "Visibles"
CONSOLE_STATE_HIDDEN = "Masquées"
CONSOLE_COUNT = "{shown} affichées sur {total}"
CONSOLE_HIDE = "Masquer"
CONSOLE_RESTORE = "Rétablir"
CONSOLE_EDIT = "Modifier"
CONSOLE_HIDDEN_TAG = "masquée"
CONSOLE_EDIT_TITLE = "Corriger la contribution n° {id}"
CONSOLE_BY = "par {who}"

# --- Phases 2 and 3: témoignages, analysis, axes, priority vote, comments, timer ------------------
# Labels of the new vocabularies are keyed by the enum values (StrEnum members match them), so this
# module needs no import from the aggregates, which import it for their messages.
STRUCTURE_TYPE_LABELS = {
    "association": "Association",
    "service_public": "Service public",
    "collectivite": "Collectivité",
    "autre": "Autre",
}
AXIS_SECTION_LABELS = {
    "enjeux": "Les enjeux",
    "orientations": "Les orientations",
    "pistes": "Pistes d'actions",
}
TARGET_LABELS = {
    "axe": "Axe",
    "orientation": "Orientation",
    "piste": "Piste d'action",
}
TARGET_LABELS_PLURAL = {
    "axe": "axes",
    "orientation": "orientations",
    "piste": "pistes d'actions",
}
CTG_FIELD_LABELS = {
    "strategic_objective": "Objectif stratégique",
    "operational_objective": "Objectif opérationnel",
    "pilots": "Pilotes et acteurs associés",
    "deadline": "Échéance",
    "indicators": "Indicateurs",
    "vigilance": "Points de vigilance",
}
VOTER_GROUP_LABELS = {
    "elus": "Élus",
    "acteurs": "Acteurs",
    "autres": "Autres participants",
}
CONCRETELY = "Concrètement"
ATTRIBUTION_NAME_AND_STRUCTURE = "{name} ({structure})"

FIELD_STRUCTURE_NAME = "Nom de la structure"
FIELD_AXIS_TITLE = "Titre de l'axe"
FIELD_AXIS_LINE = "Ligne"
FIELD_PISTE_DETAILS = "Sous-lignes de la piste"
FIELD_TIMER_LABEL = "Intitulé de l'étape"

ERR_STRUCTURE_NAME_REQUIRED = "Indiquez le nom de la structure."
ERR_STRUCTURE_TYPE = "Choisissez le type de structure."
ERR_STRUCTURE_DUPLICATE = "La structure « {name} » est déjà dans la liste."
ERR_STRUCTURE_NOT_FOUND = "Cette structure n'est plus dans la liste."
ERR_TOO_MANY_STRUCTURES = "La liste compte déjà {max} structures."
ERR_MERGE_SAME = "Choisissez deux contributions différentes à fusionner."
ERR_MERGE_KIND = "On ne fusionne que deux contributions du même type."
ERR_MERGE_NOT_VISIBLE = "Une contribution masquée ou déjà fusionnée ne peut pas être fusionnée."
ERR_MERGED_AWAY = "Cette contribution a été regroupée avec une autre par l'animation."
ERR_AXIS_TITLE_REQUIRED = "Donnez un titre à l'axe."
ERR_AXIS_NOT_FOUND = "Cet axe n'existe plus."
ERR_TOO_MANY_AXES = "{max} axes au plus."
ERR_LINE_REQUIRED = "Écrivez la ligne avant de l'enregistrer."
ERR_LINE_NOT_FOUND = "Cette ligne n'existe plus."
ERR_TOO_MANY_LINES = "« {section} » compte déjà {max} lignes."
ERR_UNKNOWN_SECTION = "Choisissez : enjeu, orientation ou piste d'action."
ERR_NOT_A_PISTE = "Seule une piste d'action a des sous-lignes et une fiche plan d'actions."
ERR_EVIDENCE_TARGET = "Choisissez un axe, une orientation ou une piste d'action."
ERR_EVIDENCE_NOT_VISIBLE = "Une contribution masquée ou fusionnée ne peut pas servir d'appui à un axe."
ERR_VOTE_TARGET = "Le vote porte sur les orientations ou sur les pistes d'actions."
ERR_VOTE_NO_ITEMS = "Rien à soumettre au vote : ajoutez d'abord des {items} aux axes."
ERR_VOTE_BUDGET_RANGE = "Le nombre de points par personne va de 1 à {max}."
ERR_VOTE_CAP_RANGE = "Le maximum par proposition va de 1 à {budget} (le nombre de points par personne)."
ERR_VOTE_ALREADY_OPEN = "Un vote est déjà ouvert : fermez-le avant d'en ouvrir un autre."
ERR_NO_VOTE_OPEN = "Aucun vote n'est ouvert pour le moment."
ERR_VOTE_CLOSED = "Le vote est clos : les points ne peuvent plus changer."
ERR_VOTE_PHASE = "On ne vote que pendant la restitution, quand elle est ouverte."
ERR_VOTE_ITEM_UNKNOWN = "Cette proposition ne fait pas partie du vote."
ERR_VOTE_POINTS = "Le nombre de points doit être un nombre entier, zéro ou plus."
ERR_VOTE_CAP = "{cap} points au plus sur une même proposition."
ERR_VOTE_BUDGET = "Plus assez de points : il vous en reste {left}."
ERR_VOTE_ITEM_LOCKED = "Cette ligne est soumise au vote en cours : fermez le vote avant de la supprimer."
ERR_VOTE_NOT_FOUND = "Ce vote n'existe pas."
ERR_COMMENT_PHASE = "Les commentaires sont ouverts pendant la restitution."
ERR_TOO_MANY_COMMENTS = "Vous avez atteint la limite de {max} commentaires."
ERR_COMMENT_NOT_FOUND = "Ce commentaire n'existe plus."
ERR_TIMER_MINUTES = "Indiquez une durée en minutes, au plus {max}."

# --- Analysis screen, axes editor, structures that testify (facilitator, issue 3) --------------
CONSOLE_ANALYSIS = "Analyser les contributions"
CONSOLE_AXES = "Construire les axes"
SCREEN_BACK_TO_CONSOLE = "Retour à la console"
ANALYSIS_TITLE = "Analyse — {territory}"
ANALYSIS_HEADING = "Analyse des contributions"
ANALYSIS_HINT = ("Toutes les contributions de l'état des lieux et des témoignages. Filtrez, liez-les aux axes "
                 "comme appuis, fusionnez les doublons. Les masquées et les fusionnées restent listées, "
                 "mais ne sont pas comptées.")
ANALYSIS_FILTER_PHASE = "Phase"
ANALYSIS_FILTER_STRUCTURE = "Structure"
ANALYSIS_NO_STRUCTURE = "Sans structure"
ANALYSIS_OPTION_COUNT = "{label} ({count})"
ANALYSIS_UNUSED_ONLY = "Non utilisées seulement"
ANALYSIS_COUNT_HIDDEN = "Compter aussi les masquées"
ANALYSIS_COUNT = "{counted} comptées · {shown} affichées sur {total}"
ANALYSIS_EMPTY = "Aucune contribution ne correspond à ces filtres."
ANALYSIS_STATE_HIDDEN = "masquée, non comptée"
ANALYSIS_STATE_MERGED_INTO = "fusionnée dans n° {id}, non comptée"
ANALYSIS_MERGED_FROM = "fusion des n° {ids}"
ANALYSIS_SIGNED = "Signature : {who}"
ANALYSIS_ANONYMOUS = "Sans signature (anonyme)"
ANALYSIS_USED_IN = "Utilisée dans :"
ANALYSIS_NOT_USED = "Pas encore utilisée."
ANALYSIS_USE_AXIS = "Axe « {axis} »"
ANALYSIS_USE_LINE = "{kind} « {line} » (axe « {axis} »)"
ANALYSIS_UNLINK = "Retirer"
ANALYSIS_UNLINK_LABEL = "Retirer le lien avec {use}"
ANALYSIS_LINK = "Lier à un axe…"
ANALYSIS_LINK_TITLE = "Lier la contribution n° {id}"
ANALYSIS_LINK_HINT = "Choisissez ce qu'elle appuie : l'axe entier, une orientation ou une piste d'action."
ANALYSIS_LINK_NO_AXES = "Aucun axe pour l'instant : créez-les d'abord sur l'écran des axes."
ANALYSIS_LINK_DONE = "Contribution liée : {use}"
ANALYSIS_PICK = "À fusionner"
ANALYSIS_MERGE_NONE = "Fusion : cochez « À fusionner » sur deux contributions du même type."
ANALYSIS_MERGE_PICKED = "Fusion : n° {ids} choisies."
ANALYSIS_MERGE_OPEN = "Fusionner…"
ANALYSIS_MERGE_TITLE = "Fusionner les contributions n° {first} et n° {second}"
ANALYSIS_MERGE_HINT = ("Les deux originaux sont conservés et marqués « fusionnée » ; la nouvelle contribution "
                       "reprend leurs « je partage aussi » et leurs liens aux axes.")
ANALYSIS_MERGE_TEXT = "Texte de la contribution fusionnée"
ANALYSIS_MERGE_CONFIRM = "Fusionner"
ANALYSIS_MERGE_DONE = "Fusion faite : contribution n° {id}."
GAP_HEADING = "Carte des écarts besoins / offre"
GAP_HINT = ("Besoin : difficultés pondérées par leur risque d'aggravation (faible 1, modéré 2, élevé 3). "
            "Offre : ressources existantes (1 chacune). Écart = besoin moins offre. Toutes les contributions "
            "visibles sont prises en compte, quels que soient les filtres de la liste.")
GAP_BY_THEME = "Par thématique"
GAP_BY_COMMUNE = "Par commune"
GAP_COLUMNS = ("Difficultés", "Besoin pondéré", "Ressources (offre)", "Préconisations", "Écart", "Lecture")
GAP_KEY_THEME = "Thématique"
GAP_KEY_COMMUNE = "Commune"
GAP_ALERT = "▲ Besoins > offre"
GAP_BALANCED = "Offre ≥ besoins"
GAP_NOTHING = "—"
GAP_FLAGGED = "Besoins supérieurs à l'offre : {keys}"
GAP_NONE_FLAGGED = "Aucune {what} où les besoins dépassent l'offre."
GAP_WHAT_THEME = "thématique"
GAP_WHAT_COMMUNE = "commune"
AXES_TITLE = "Axes — {territory}"
AXES_HEADING = "Axes stratégiques"
AXES_HINT = ("Construisez 3 à 5 axes : pour chacun, les enjeux, les orientations et les pistes d'actions. "
             "Chaque ligne s'enregistre quand vous quittez le champ ou appuyez sur Entrée.")
AXES_EMPTY = "Aucun axe pour l'instant."
AXES_NEW_TITLE = "Titre du nouvel axe"
AXES_ADD = "Ajouter l'axe"
AXES_NUMBER = "Axe {number}"
AXES_TITLE_FIELD = "Titre"
AXES_UP = "Monter"
AXES_DOWN = "Descendre"
AXES_REMOVE = "Supprimer l'axe"
AXES_REMOVE_CONFIRM = ("Supprimer l'axe « {title} » ? Ses lignes, ses liens avec les contributions ({count}) "
                       "et les commentaires reçus seront supprimés.")
AXES_REMOVE_YES = "Supprimer"
AXES_EVIDENCE = ("contribution d'appui", "contributions d'appui")
AXES_EVIDENCE_SHOW = "Voir les contributions d'appui"
AXES_EVIDENCE_NONE = "Liez des contributions depuis l'écran d'analyse."
AXES_NEW_LINE = "Nouvelle ligne"
AXES_ADD_LINE = "Ajouter"
AXES_REMOVE_LINE = "Supprimer la ligne"
AXES_PISTE_MORE = "Sous-lignes et fiche-action CTG (facultatif)"
AXES_PISTE_DETAILS = "Sous-lignes (une par ligne)"
WITNESSES_HEADING = "Structures qui témoignent"
WITNESSES_HINT = "Marquez la structure qui parle : la projection l'affiche. Une seule à la fois."
WITNESSES_EMPTY = "Aucune structure pour l'instant."
WITNESSES_NAME = "Nom de la structure (ex. : Mission Locale)"
WITNESSES_TYPE = "Type"
WITNESSES_ADD = "Ajouter"
WITNESSES_SPEAKING = "Parle maintenant : {name}"
WITNESSES_NOBODY = "Personne ne parle pour le moment."
WITNESSES_SPEAK = "Donner la parole"
WITNESSES_IS_SPEAKING = "Parle ✓"
WITNESSES_STOP = "Personne ne parle"
WITNESSES_EDIT = "Modifier"
WITNESSES_EDIT_TITLE = "Modifier la structure"
WITNESSES_REMOVE = "Retirer"
CONSOLE_MERGED_INTO_TAG = "fusionnée dans n° {id}"
CONSOLE_MERGED_FROM_TAG = "fusion des n° {ids}"
