"""Every French sentence the app shows, in one place so it can be proof-read.

Messages with `{}` placeholders are formatted where they are used.
"""

from typing import Any

from atelier.domain.errors import DomainError
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
    Role.LOCAL_ACTOR: "Acteur·rice local·e (association, service…)",
    Role.INSTITUTIONAL_ACTOR: "Acteur·rice institutionnel·le (CAF, Département…)",
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
FIELD_STEP_TITLE = "Titre de l'étape"
FIELD_COMMUNES = "Communes"
FIELD_THEMES = "Thématiques"

# --- Shared screens ----------------------------------------------------------------------------
FORBIDDEN_TITLE = "Accès réservé à l'animation"
FORBIDDEN_HELP = ("Ouvrez l'adresse affichée au démarrage d'Atelier (elle se termine par « ?token=… »). "
                  "Vous participez ? Scannez le QR code projeté dans la salle.")
NOT_FOUND_TITLE = "Démarche introuvable"
JOIN_TITLE = "Rejoindre une démarche"
JOIN_HINT = "Tapez le code affiché à l'écran de la salle (6 lettres ou chiffres), puis « Rejoindre »."
JOIN_CODE = "Code de la démarche"
JOIN_BUTTON = "Rejoindre"
JOIN_BAD_CODE = "Le code a {length} caractères, comme il est affiché à l'écran (ex. : K7PQ3M)."
JOIN_FACILITATOR = "Vous animez ?"
JOIN_WRONG_TOKEN = ("Cette adresse d'animation n'est pas la bonne : ouvrez celle affichée au démarrage d'Atelier"
                    " (elle se termine par « ?token=… »).")
NOT_FOUND_HELP = "Vérifiez le code projeté dans la salle ou scannez à nouveau le QR code."

# --- Pieces shown on several pages -------------------------------------------------------------
SHARED_FORMS = ("personne la partage", "personnes la partagent")  # « 3 personnes la partagent » (+1), said in words


def shared_count(count: int) -> str:
    return f"{count} {SHARED_FORMS[0] if count < 2 else SHARED_FORMS[1]}"
NO_PHASE_OPEN = "Les contributions ne sont pas encore ouvertes"
PHASE_OPEN_LINE = "{phase} : contributions ouvertes"
RESTITUTION_OPEN_LINE = "Restitution en plénière : débat et vote"
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
DATE_PLACEHOLDER = "jj/mm/aaaa"
DATE_CALENDAR = "Choisir dans le calendrier"
DATE_WRONG = "Cette date n'existe pas : jj/mm/aaaa, par exemple 14/11/2025."
WALL_PAGE = "page"
WALL_PAUSED = "en pause"
TOP_SHARED_TITLE = "Les plus partagées"
TOP_SHARED_EMPTY = "Personne n'a encore partagé de contribution : touchez « Je partage aussi » sur votre téléphone."
# The console's control of the wall
WALL_CONTROLS = "Le mur de la projection"
WALL_CONTROLS_HINT = ("Toutes les contributions passent à l'écran, une page après l'autre (toutes les {seconds} s). "
                      "Choisissez une thématique pour n'afficher qu'elle, ou mettez en pause.")
WALL_THEME = "Thématique affichée"
WALL_EVERY_THEME = "Toutes, l'une après l'autre"
WALL_PAUSE = "Mettre en pause"
WALL_RESUME = "Reprendre le défilement"
WALL_NEXT_PAGE = "Page suivante"
WALL_SHOW_TOP = "Afficher « Les plus partagées »"
WALL_SHOW_WALL = "Revenir au mur"

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
PHONE_SENT_HELD = "Merci ! Votre contribution est envoyée ; elle sera affichée après validation par l'animation."
PHONE_WAITING_VALIDATION = "En attente de validation par l'animation"
PHONE_MINE = "Mes contributions"
PHONE_MINE_EMPTY = "Vous n'avez encore rien envoyé."
PHONE_EDIT = "Modifier"
PHONE_DELETE = "Supprimer"
PHONE_DELETE_CONFIRM = "Supprimer définitivement cette contribution ?"
PHONE_CANCEL = "Annuler"
PHONE_SAVE = "Enregistrer"
PHONE_HIDDEN_BY_FACILITATOR = "Masquée par l'animation"
PHONE_CORRECTED_BY_FACILITATOR = "Corrigée par l'animation : vous ne pouvez plus la modifier"
PHONE_OTHERS = "Ce que signalent les autres"
PHONE_OTHERS_HINT = "Touchez « Je partage aussi » si vous constatez la même chose."
PHONE_OTHERS_EMPTY = "Rien pour le moment."
PHONE_SHARE = "Je partage aussi"
PHONE_SHARED = "Partagé ✓"
PHONE_MORE = "Voir plus"
PHONE_SIMILAR_TITLE = "Déjà signalé ?"
PHONE_SIMILAR_HINT = ("D'autres ont écrit quelque chose de proche. Si c'est la même chose, touchez"
                      " « Je partage aussi » ; sinon, envoyez la vôtre.")
PHONE_SIMILAR_KNOWN = "Ces ressources ont déjà été citées. Vous pouvez quand même envoyer la vôtre."

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
CALENDAR_TITLE = "Calendrier : les autres étapes"
CALENDAR_HINT = ("Les réunions de la démarche en plus des trois phases (présentation aux élus, pré-travail par "
                 "secteur, comité de pilotage…) : le document les range avec les phases, par date.")
CALENDAR_STEP_TITLE = "Étape"
CALENDAR_NEW_STEP = "Nouvelle étape (par exemple « Présentation de la démarche aux élus »)"
CALENDAR_ADD_STEP = "Ajouter l'étape"
CALENDAR_REMOVE_STEP = "Retirer cette étape"
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
CONSOLE_MORE = "Voir les {count} suivantes"
CONSOLE_HIDE = "Masquer"
CONSOLE_RESTORE = "Rétablir"
CONSOLE_EDIT = "Modifier"
CONSOLE_HIDDEN_TAG = "masquée"
CONSOLE_HELD_TAG = "en attente de validation ({reasons})"
# For someone without a smartphone (atelier/pages/console_proxy.py)
PROXY_TITLE = "Saisir pour une personne sans smartphone"
PROXY_HINT = ("Notez ce que dit une personne qui n'a pas de téléphone : ce qu'elle dit compte comme le sien"
              " (son rôle, sa commune), à l'écran, dans l'analyse et dans le document. Ses contributions suivantes"
              " lui restent attribuées jusqu'à « Nouvelle personne ».")
PROXY_ROLE = "La personne est…"
PROXY_COMMUNE = "Sa commune"
PROXY_NAME = "Son nom (facultatif)"
PROXY_STRUCTURE = "Sa structure"
PROXY_NEW_PERSON = "Nouvelle personne"
PROXY_SAVE = "Enregistrer sa contribution"
PROXY_SAVED = "Enregistrée pour la personne : {summary}"
PROXY_NO_PHASE = "Ouvrez une phase pour saisir des contributions."
# Moderation before the projector (atelier/domain/moderation.py)
MODERATION_MODES = {"directe": "Publication directe", "validation": "Validation avant projection"}
MODERATION_MODE = "Publication"
MODERATION_HEADING = "À valider avant projection"
MODERATION_COUNT = "À valider : {count}"
MODERATION_HINT = ("Ces contributions n'apparaissent ni à l'écran ni sur les autres téléphones tant que vous ne"
                   " les validez pas. Raccourcis : V valide, M masque la plus ancienne.")
MODERATION_EMPTY = "Rien à valider."
MODERATION_MORE = "… et {count} autres, affichées au fur et à mesure."
MODERATION_VALIDATE = "Valider"
MODERATION_HIDE = "Masquer"
MODERATION_VALIDATED = "Validée : n° {id} est à l'écran."
MODERATION_ALL = "Toutes les contributions"
HOLD_REASONS = {
    "validation": "validation de chaque contribution",
    "telephone": "contient un numéro de téléphone",
    "email": "contient une adresse e-mail",
    "mot": "contient un mot de la liste à vérifier",
}
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
ERR_ORIENTATION_NOT_FOUND = "Cette orientation n'existe plus dans cet axe."
ERR_NO_AXIS_PRESENTED = "Aucun axe n'est présenté à l'écran."
# A démarche whose files cannot be read (see `service.unreadable_reason`): the log and the home page.
UNREADABLE_TRUNCATED = "le fichier est tronqué ou n'est pas du texte lisible ({detail})"
UNREADABLE_MISSING = "il y manque une donnée attendue ({detail})"
UNREADABLE_EMPTY = "le fichier ne contient aucune démarche"
UNREADABLE_NEWER = "elle a été enregistrée par une version plus récente d'atelier : mettez atelier à jour"
UNREADABLE_OTHER = "une donnée est invalide ({detail})"
UNREADABLE_LEFT = "laissée en place"
LOG_UNREADABLE = ("La démarche {code} n'a pas pu être lue : {reason}. Ses fichiers : {where}. Les autres "
                  "démarches restent disponibles.")
LOG_BACKUP_FAILED = "La sauvegarde automatique de la démarche {code} a échoué : {error}"
HOME_UNREADABLE_TITLE = "Démarches illisibles"
HOME_UNREADABLE = ("La démarche {code} n'a pas pu être lue : {reason}. Ses fichiers ont été mis de côté dans "
                   "« {where} » (rien n'y est effacé).")
HOME_LAST_BACKUP = "Dernière sauvegarde : {moment}."
HOME_NO_BACKUP = "Aucune sauvegarde automatique de cette démarche."
HOME_RESTORE = "Restaurer cette sauvegarde"
HOME_BACKUPS = "Revenir à une sauvegarde…"
HOME_BACKUPS_TITLE = "Sauvegardes de « {territory} » ({code})"
HOME_BACKUP_LINE = "{moment}"
HOME_RESTORE_CONFIRM = ("Revenir à la sauvegarde du {moment} ? Ce qui a été fait depuis est gardé dans une nouvelle "
                        "sauvegarde ; rechargez les pages ouvertes (console, projection, téléphones).")
HOME_RESTORED = "La démarche {code} est revenue à la sauvegarde du {moment}."
HOME_DELETE = "Supprimer définitivement…"
HOME_DELETE_CONFIRM = ("Supprimer définitivement la démarche « {territory} » ({code}) ? Ses contributions, ses "
                       "participants, ses votes et toutes ses sauvegardes seront effacés. Exportez d'abord ce que "
                       "vous voulez garder : rien ne pourra être récupéré.")
HOME_DELETE_YES = "Supprimer définitivement"
HOME_DELETED = "La démarche {code} a été supprimée, avec ses sauvegardes."
HOME_UNREADABLE_NEWER = "La démarche {code} n'a pas pu être lue : {reason}."
TOO_MANY_JOINS_TITLE = "Un instant…"
TOO_MANY_JOINS = ("Cet appareil a ouvert la page très souvent en une minute. Attendez une minute, puis "
                  "rechargez-la.")
ERR_TOO_FAST = ("Vous avez envoyé beaucoup de contributions en une minute : attendez un peu avant la suivante "
                "(votre texte est gardé).")
ERR_ALREADY_SENT = "Déjà envoyée : votre contribution est bien enregistrée."
ERR_MODERATED = "L'animation a corrigé ou masqué cette contribution : vous ne pouvez plus la modifier."
ERR_NOTHING_TO_RESTORE = "Aucune suppression à annuler."
ERR_REMOVED_NOT_FOUND = "Cet élément a déjà été rétabli (ou n'est plus dans la liste des éléments supprimés)."
ERR_UNMERGE_MERGED_AGAIN = ("Cette fusion a elle-même été fusionnée depuis : annulez d'abord la fusion la plus "
                            "récente.")
ERR_TOO_MANY_LINES = "« {section} » compte déjà {max} lignes."
ERR_STEP_NOT_FOUND = "Cette étape n'est plus dans le calendrier."
ERR_TOO_MANY_STEPS = "Le calendrier compte déjà {max} étapes en plus des trois phases."
ERR_STEP_TITLE_REQUIRED = "Donnez un titre à l'étape (par exemple « Comité de pilotage »)."
ERR_TOO_MANY_PASTED_LINES = "« {section} » en compterait {count} : {max} lignes au plus. Rien n'a été ajouté."
ERR_PASTED_LINE_TOO_LONG = ("La ligne {number} fait {length} caractères : {max} au plus. Raccourcissez-la ; "
                            "rien n'a été ajouté.")
ERR_UNKNOWN_SECTION = "Choisissez : enjeu, orientation ou piste d'action."
ERR_NOT_A_PISTE = "Seule une piste d'action a des sous-lignes et une fiche plan d'actions."
ERR_EVIDENCE_TARGET = "Choisissez un axe, une orientation ou une piste d'action."
ERR_EVIDENCE_NOT_VISIBLE = "Une contribution masquée ou fusionnée ne peut pas servir d'appui à un axe."
ERR_UNKNOWN_MODERATION = "Choisissez « Publication directe » ou « Validation avant projection »."
ERR_NOT_HELD = "Cette contribution n'attend plus de validation (déjà validée ou masquée)."
ERR_GROUP_EMPTY = "Ce regroupement ne contient plus aucune contribution."
ERR_VOTE_TARGET = "Le vote porte sur les orientations ou sur les pistes d'actions."
ERR_VOTE_NO_ITEMS = "Rien à soumettre au vote : ajoutez d'abord des {items} aux axes."
ERR_VOTE_BUDGET_RANGE = "Le nombre de points par personne va de 1 à {max}."
ERR_VOTE_CAP_RANGE = "Le maximum par proposition va de 1 à {budget} (le nombre de points par personne)."
ERR_VOTE_ALREADY_OPEN = "Un vote est déjà ouvert : fermez-le avant d'en ouvrir un autre."
CONSOLE_CLOSE_VOTE_CONFIRM = ("Clore le vote ? Les téléphones ne pourront plus changer leurs points. Vous pourrez le"
                              " rouvrir (« Rouvrir le vote ») si c'était trop tôt.")
CONSOLE_REOPEN_VOTE = "Rouvrir le vote"
CONSOLE_CLOSE_PHASE_CONFIRM = ("Clore « {phase} » ? Les téléphones ne pourront plus envoyer de contribution pour"
                               " cette phase. Vous pourrez la rouvrir.")
ERR_VOTE_ITEMS_GONE = ("Des {items} de ce vote ont été retirées des axes depuis sa clôture : il ne peut pas être"
                       " rouvert. Ouvrez un nouveau vote.")
ERR_NO_VOTE_OPEN = "Aucun vote n'est ouvert pour le moment."
ERR_VOTE_CLOSED = "Le vote est clos : les points ne peuvent plus changer."
ERR_VOTE_PHASE = "On ne vote que pendant la restitution, quand elle est ouverte."
ERR_VOTE_ITEM_UNKNOWN = "Cette proposition ne fait pas partie du vote."
ERR_VOTE_POINTS = "Le nombre de points doit être un nombre entier, zéro ou plus."
ERR_VOTE_PAPER_POINTS = "Les points papier sont un nombre entier, de 0 à {max}."
ERR_VOTE_CAP = "{cap} points au plus sur une même proposition."
ERR_VOTE_BUDGET = "Plus assez de points : il vous en reste {left}."
ERR_VOTE_ITEM_LOCKED = "Cette ligne est soumise au vote en cours : fermez le vote avant de la supprimer."
ERR_VOTE_NOT_FOUND = "Ce vote n'existe pas."
ERR_VOTE_CODES_RANGE = "De 1 à {max} bulletins par vote."
ERR_VOTE_CODES_INVALID = "Les codes des bulletins n'ont pas pu être préparés. Réessayez."
ERR_VOTE_CODE_NEEDED = "Pour voter, saisissez d'abord le code de votre bulletin."
ERR_VOTE_CODE_UNKNOWN = "Ce code de bulletin n'existe pas. Vérifiez les lettres et les chiffres."
ERR_VOTE_CODE_USED = "Ce code de bulletin a déjà servi sur un autre téléphone."
ERR_VOTE_CODE_ALREADY_HAVE = "Ce téléphone a déjà son bulletin : un seul code par téléphone."
ERR_VOTE_CODE_TOO_MANY_TRIES = "Beaucoup d'essais en une minute : attendez un peu, puis saisissez le code à nouveau."
ERR_VOTE_CODE_NOT_NEEDED = "Ce vote est ouvert à tous : aucun code n'est nécessaire."
ERR_COMMENT_PHASE = "Les commentaires sont ouverts pendant la restitution."
ERR_TOO_MANY_COMMENTS = "Vous avez atteint la limite de {max} commentaires."
ERR_COMMENT_NOT_FOUND = "Ce commentaire n'existe plus."
ERR_TIMER_MINUTES = "Indiquez une durée en minutes, au plus {max}."
# --- Territory context, restitution document and exports (issue 4) --------------------------
FIELD_POPULATION = "Population"
FIELD_POPULATION_YEAR = "Année de la population"
FIELD_HISTORY = "Histoire de l'intercommunalité"
FIELD_SEAT = "Siège"
FIELD_DEPARTMENT = "Département"
FIELD_AUTHOR = "Animation (nom, organisme)"
FIELD_ANALYSIS = "Commentaires et enjeux majeurs"
ERR_POPULATION = "Indiquez la population en nombre d'habitants, chiffres seulement (ex. : 40 239)."
ERR_POPULATION_YEAR = "Indiquez l'année de la population entre {min} et {max} (ex. : 2019)."
ERR_YEAR_WITHOUT_POPULATION = "Indiquez aussi la population à laquelle se rapporte cette année."

CONTEXT_TITLE = "Contexte du territoire et analyse (pour la restitution)"
CONTEXT_POPULATION = "Population (habitants)"
CONTEXT_POPULATION_YEAR = "Année du chiffre de population"
CONTEXT_SEAT = "Siège de l'intercommunalité"
CONTEXT_DEPARTMENT = "Département (nom et numéro, ex. : Nord (59))"
CONTEXT_HISTORY = "Histoire de l'intercommunalité (création, fusions…)"
CONTEXT_AUTHOR = "Animation : votre nom et votre organisme (auteur du document)"
CONTEXT_ANALYSIS = ("Commentaires et enjeux majeurs : votre analyse, en quelques paragraphes (une ligne commençant "
                    "par « - » devient une puce ; **gras**, *italique*)")
CONTEXT_SAVE = "Enregistrer le contexte"
CONTEXT_SAVED = "Contexte enregistré."

EXPORT_TITLE = "Restitution et exports"
EXPORT_DOCX = "Télécharger la restitution (DOCX)"
EXPORT_CSV = "Exporter CSV"
EXPORT_DELIBERATION = "Projet de délibération (DOCX)"
EXPORT_JSON = "Exporter l'archive JSON"
EXPORT_RUNNING = "Préparation du fichier…"

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")
FIRST_OF_MONTH = "1er"
DATE_RANGE = "{first} \u2013 {last}"  # an en dash between the two dates

# The restitution document (DOCX): headings follow the method's fiches.
DOC_PREPARED_BY = "Document préparé par {author}"
DOC_CONTEXT = "Contexte"
DOC_POPULATION = "{population} habitants"
DOC_POPULATION_YEAR = "{population} habitants ({year})"
DOC_COMMUNES = ("commune", "communes")
DOC_ANNEX_COMMUNES = "Les {communes} du territoire"
DOC_SEAT = "Siège : {seat}"
DOC_DEPARTMENT = "Département : {department}"
DOC_CALENDAR = "Calendrier du déroulement"
DOC_PHASE_DESCRIPTIONS = {
    PhaseKey.ETAT_DES_LIEUX: "Soirée ateliers « Ressources et difficultés »",
    PhaseKey.TEMOIGNAGES: "Soirée de témoignages des acteurs locaux et institutionnels",
    PhaseKey.RESTITUTION: "Restitution de la démarche en plénière",
}
DOC_PHASE_ATTENDANCE = "{description}, réunissant {people}"
ROLE_COUNT_FORMS = {
    Role.ELU: ("élu·e", "élu·es"),
    Role.LOCAL_ACTOR: ("acteur local", "acteurs locaux"),
    Role.INSTITUTIONAL_ACTOR: ("acteur institutionnel", "acteurs institutionnels"),
    Role.RESIDENT: ("habitant·e", "habitant·es"),
    Role.OTHER: ("autre participant·e", "autres participant·es"),
}


def phase_description(phase: PhaseKey, attendance: list[tuple[Role, int]]) -> str:
    """« Soirée ateliers « Ressources et difficultés », réunissant 23 élu·es et 6 habitant·es »."""
    description = DOC_PHASE_DESCRIPTIONS[phase]
    if not attendance:
        return description
    people = [count(n, ROLE_COUNT_FORMS[role]) for role, n in attendance]
    joined = people[0] if len(people) == 1 else f"{', '.join(people[:-1])} et {people[-1]}"
    return DOC_PHASE_ATTENDANCE.format(description=description, people=joined)
DOC_TESTIFIED = "Structures qui ont témoigné :"
DOC_GAPS = "Écarts entre besoins et ressources"
DOC_GAPS_INTRO = ("Pour chaque thématique, les difficultés relevées pendant l'état des lieux, pondérées par leur "
                  "risque d'aggravation (faible 1, modéré 2, élevé 3), face aux ressources existantes. "
                  "Les thématiques sont classées de l'écart le plus fort au plus faible.")
DOC_GAPS_HEADERS = ("Thématique", "Difficultés", "Besoins pondérés", "Ressources", "Écart")
GAP_CHART_NEEDS = "Besoins (difficultés pondérées par le risque)"
GAP_CHART_RESOURCES = "Ressources existantes"
GAP_CHART_AXIS = "Nombre"
GAP_CHART_CAPTION = "Besoins pondérés et ressources par thématique"
DOC_COMMENTS = "Commentaires et enjeux majeurs"
DOC_ANNEXES = "Annexes"
DOC_ANNEX_CONTRIBUTIONS = "Contributions — {phase}"
DOC_ANNEX_KIND = "{kind} ({count})"
DOC_GROUPING = "Comment les contributions ont été regroupées"
DOC_GROUPING_INTRO = ("Pour chaque axe, les contributions de l'état des lieux et des témoignages que l'animation"
                      " lui a rattachées en appui, à l'axe lui-même ou à l'une de ses lignes.")
DOC_GROUPING_AXIS = "Axe {number} — {title} ({evidence})"
DOC_GROUPING_NONE = "Aucune contribution rattachée."
DOC_GROUPING_UNUSED = "{count} rattachée à aucun axe (elles figurent dans l'annexe des contributions)."
DOC_GROUPING_UNUSED_FORMS = ("contribution n'est", "contributions ne sont")
DOC_PARTICIPATION = "Participation"
DOC_BY_ROLE = "Participants par rôle"
DOC_BY_COMMUNE = "Participants par commune"
DOC_BY_PHASE = "Contributions par phase"
DOC_ROLE_HEADERS = ("Rôle", "Participants")
DOC_COMMUNE_HEADERS = ("Commune", "Participants")
DOC_PHASE_HEADERS = ("Phase", "Contributions", "Détail")
DOC_NO_COMMUNE = "Sans commune (acteurs du territoire)"

CSV_HEADERS = ("N°", "Phase", "Type", "Thématique", "Commune", "Structure", "Risque d'aggravation", "Texte",
               "+1 (je partage aussi)", "Votes", "Axes stratégiques")
RISK_SHORT = {Risk.LOW: "faible", Risk.MEDIUM: "modéré", Risk.HIGH: "élevé"}

ERR_ARCHIVE_NOT_JSON = "Ce fichier n'est pas une archive Atelier : ce n'est pas du JSON lisible."
ERR_ARCHIVE_NOT_ATELIER = "Ce fichier n'est pas une archive Atelier (marque de format absente)."
ERR_ARCHIVE_TOO_NEW = ("Cette archive vient d'une version plus récente d'Atelier (format {version}) : "
                       "mettez Atelier à jour pour l'importer.")
ERR_ARCHIVE_DAMAGED = "L'archive est incomplète ou abîmée : la démarche ne peut pas être restaurée."
ERR_TEMPLATE_MISSING = "Le modèle de document « {path} » est introuvable."
ERR_TEMPLATE_UNREADABLE = "Le modèle de document « {path} » n'est pas un fichier Word (.docx) lisible."

CLI_EXPORTED = "Exporté : {path}"
CLI_PORT_TAKEN = ("Le port {port} est déjà utilisé, sans doute par un autre Atelier encore ouvert. Fermez-le, ou"
                  " choisissez un autre port : atelier serve --port {other}")
CLI_PORT_REFUSED = "Impossible d'écouter sur {host}:{port} ({reason}). Vérifiez --host et --port."
CLI_IMPORTED = "Démarche « {territory} » (code {code}) importée dans {folder}."
CLI_ALREADY_EXISTS = ("Une démarche de code {code} existe déjà dans {folder} : rien n'a été modifié. "
                      "Ajoutez --replace pour la remplacer par l'archive.")
CLI_FILE_MISSING = "Fichier introuvable : {path}"

# --- Printable poster (affiche A4), for the entrance and the tables ------------------------------
CONSOLE_AFFICHE = "Affiche à imprimer (A4)"
AFFICHE_TITLE = "Affiche — {territory}"
AFFICHE_HEADLINE = "Participez avec votre téléphone"
AFFICHE_SCAN = "Scannez ce QR code avec l'appareil photo de votre téléphone,"
AFFICHE_OR_OPEN = "ou ouvrez cette adresse :"
AFFICHE_CODE = "Code de la démarche"
AFFICHE_WIFI = "Connectez d'abord votre téléphone au Wi-Fi indiqué par l'animation."
AFFICHE_NO_ACCOUNT = "Sans compte ni application. Vos contributions sont anonymes, sauf si vous indiquez votre nom."
BALLOTS_TITLE = "Bulletins de vote — {territory}"
BALLOTS_NONE = "Aucun vote « un bulletin par code » n'a été ouvert : rien à imprimer."
BALLOTS_PRINT = "Imprimer les bulletins"
BALLOTS_HINT = "{count} bulletins, 24 par page A4, à découper · {used} déjà utilisés (grisés à l'écran)."
BALLOT_CARD_TITLE = "Bulletin de vote n° {number}"
BALLOT_CARD_HELP = "Sur votre téléphone, page du vote : saisissez ce code. Un code, un bulletin."
# The paper ballot (A4) of the latest vote, for those without a smartphone
PAPER_BALLOT_TITLE = "Bulletin papier — {territory}"
PAPER_BALLOT_NONE = "Aucun vote n'a encore été ouvert : le bulletin papier reprend les propositions du vote."
PAPER_BALLOT_PRINT = "Imprimer le bulletin"
PAPER_BALLOT_HINT = "Une page A4 (ou plus) par votant ; l'animation reporte ensuite les points dans la console."
PAPER_BALLOT_HEADING = "Vote sur les {items} : vos priorités"
PAPER_BALLOT_RULES = ("Vous avez {budget} points à répartir, {cap} au plus sur une même proposition. "
                      "Écrivez vos points dans les cases ; laissez vides les autres.")
PAPER_BALLOT_POINTS = "points"
PAPER_BALLOT_FOOT = "Commune : ______________________   Élu·e / acteur·rice / habitant·e : ______________________"
AFFICHE_PRINT = "Imprimer l'affiche"
AFFICHE_PRINT_HINT = "Format A4 portrait : une affiche pour l'entrée, une par table."

# --- Restitution plenary and the room: projection modes, phones in phase 3, console controls (issue 3) ---
ERR_NO_VOTE_YET = "Aucun vote n'a encore eu lieu : ouvrez d'abord un vote."
ERR_RESULTS_VIEW = "Choisissez un affichage des résultats de la liste."
VOTE_ITEM_REMOVED = "(ligne retirée de l'axe)"
RESULTS_VIEW_LABELS = {
    "total": "Classement",
    "par_role": "Par rôle (élus, acteurs)",
    "par_commune": "Par commune",
    "une_commune_une_voix": "Une commune, une voix",
}
NO_COMMUNE_GROUP = "Sans commune (acteurs du territoire…)"
POINTS = ("point", "points")
VOICES = "{value} voix"
VOTERS = ("votant", "votants")
COMMUNES_COUNT = ("commune", "communes")
AXIS_NUMBER = "Axe {number}"
AXIS_NUMBER_OF = "Axe {number} sur {total}"
AXIS_EVIDENCE = ("contribution à l'appui", "contributions à l'appui")
TIMER_LINE = "{label} ({minutes} min)"
TIMER_DEFAULT_LABEL = "Temps d'échange"

PROJECTION_SPEAKER = "Témoigne maintenant"
PROJECTION_NO_SPEAKER = "Témoignages des acteurs du territoire"
PROJECTION_TESTIMONIES_EMPTY = "Les constats, enjeux et préconisations apparaîtront ici dès leur envoi."
PROJECTION_AXES_TITLE = "Les axes stratégiques"
PROJECTION_NO_AXES = "La restitution va commencer."
PROJECTION_COMMENTS = "Dans la salle"
PROJECTION_VOTE_OPEN = "Vote en cours : les {items}"
PROJECTION_VOTE_TURNOUT = "Vote en cours : {voters}"
PROJECTION_VOTE_CLOSED = "Résultats du vote : les {items}"
PROJECTION_VOTE_RULES = "{budget} points par personne, {cap} au plus par proposition"
PROJECTION_ONE_VOICE_NOTE = "Chaque commune qui a voté pèse une voix ({communes})."
PROJECTION_WITHOUT_COMMUNE = "Points des participants sans commune, comptés à part : {points}."

PHONE_SPEAKER = "Témoigne maintenant : {name}"
PHONE_AXIS_TITLE = "À l'écran — {axis}"
PHONE_NO_AXIS = "L'animation va présenter les axes stratégiques."
PHONE_COMMENT_LABEL = "Votre commentaire sur cet axe"
PHONE_COMMENT_SEND = "Envoyer le commentaire"
PHONE_COMMENT_SENT = "Merci ! Votre commentaire est transmis à l'animation."
PHONE_COMMENT_SHOWN = "Affiché à l'écran"
PHONE_COMMENT_HIDDEN = "Masqué par l'animation"
PHONE_VOTE_TITLE = "Votez pour vos priorités"
PHONE_VOTE_HELP = ("Vous avez {budget} points à répartir, {cap} au plus sur une même proposition. "
                   "Touchez + pour donner un point, \u2212 pour le reprendre.")
VOTE_PLUS = "+"
VOTE_MINUS = "\u2212"  # the minus sign: as wide as the plus, unlike a hyphen
PHONE_POINTS_LEFT = "Points restants : {left} sur {budget}"
PHONE_MY_POINTS = "Mes points"
PHONE_ADD_POINT = "Donner un point"
PHONE_REMOVE_POINT = "Reprendre un point"
PHONE_BALLOT_CODE_HELP = "Ce vote se fait avec un bulletin : saisissez le code imprimé qu'on vous a remis."
PHONE_BALLOT_CODE = "Code de votre bulletin"
PHONE_BALLOT_CODE_SEND = "Valider le code"
PHONE_VOTE_CLOSED = "Le vote est clos : vos points sont enregistrés. Merci !"

CONSOLE_PLENARY = "Restitution en plénière"
CONSOLE_NOTHING_TO_VOTE = ("Pour ouvrir un vote, ajoutez d'abord des orientations ou des pistes d'actions aux axes "
                           "(« Construire les axes »).")
# The console's steps (tabs), keyed by `pages.console.Step`'s values
CONSOLE_STEP_LABELS = {
    "preparation": "Préparation",
    "etat_des_lieux": "État des lieux",
    "temoignages": "Témoignages",
    "analyse": "Analyse",
    "restitution": "Restitution",
    "document": "Document",
}
CONSOLE_ON_SCREEN = "À l'écran : {what}"
CONSOLE_SCREEN_OVERVIEW = "la liste des axes"
CONSOLE_SCREEN_RESULTS = "les résultats du vote ({view})"
CONSOLE_SCREEN_PHASE = "le mur de la phase « {phase} »"
CONSOLE_PREVIOUS_AXIS = "◀ Axe précédent"
CONSOLE_NEXT_AXIS = "Axe suivant ▶"
CONSOLE_OVERVIEW = "Liste des axes"
CONSOLE_NEXT_AXIS_PAGE = "Page suivante de l'axe"
CONSOLE_AXIS_PAGES_HINT = ("Un axe trop long pour l'écran passe en pages (1/2…), qui tournent seules toutes les "
                           "{seconds} s.")
CONSOLE_NO_AXES = "Aucun axe pour l'instant : créez les axes stratégiques avant la restitution."
CONSOLE_COMMENTS = "Commentaires sur l'axe présenté"
CONSOLE_NO_COMMENTS = "Aucun commentaire sur cet axe pour l'instant."
CONSOLE_SHOW_COMMENT = "Afficher à l'écran"
CONSOLE_UNSHOW_COMMENT = "Retirer de l'écran"
CONSOLE_COMMENT_ON_SCREEN = "à l'écran"
CONSOLE_VOTE = "Vote de priorité"
CONSOLE_VOTE_TARGET = "Le vote porte sur"
CONSOLE_VOTE_BUDGET = "Points par personne"
CONSOLE_VOTE_CAP = "Maximum par proposition"
CONSOLE_OPEN_VOTE = "Ouvrir le vote"
CONSOLE_CLOSE_VOTE = "Clore le vote"
CONSOLE_NO_VOTE = "Aucun vote pour l'instant."
CONSOLE_VOTE_WITH_CODES = "Un bulletin par code"
CONSOLE_VOTE_CODE_COUNT = "Nombre de bulletins"
CONSOLE_PRINT_BALLOTS = "Imprimer les bulletins (codes à usage unique)"
CONSOLE_PRINT_PAPER_BALLOT = "Imprimer le bulletin papier"
CONSOLE_PAPER_POINTS = "Points papier ou à main levée"
CONSOLE_PAPER_HINT = ("Pour celles et ceux qui votent sans téléphone : reportez ici, proposition par proposition, "
                      "les points comptés sur les bulletins papier ou à main levée. Ils s'ajoutent aux totaux, "
                      "même après la clôture du vote, et le document les montre à part.")
CONSOLE_PAPER_FIELD = "Points papier"
CONSOLE_TURNOUT = "{voters} · {present}"
PHONES_CONNECTED = ("téléphone connecté", "téléphones connectés")
CONSOLE_TURNOUT_CODES = " · bulletins utilisés : {used} sur {count}"
CONSOLE_VOTE_STATE_OPEN = "Vote ouvert sur les {items} · {voters}"
CONSOLE_VOTE_STATE_CLOSED = "Vote clos sur les {items} · {voters}"
CONSOLE_RESULTS_VIEW = "Résultats"
CONSOLE_PROJECT_RESULTS = "Projeter ces résultats"
CONSOLE_BACK_TO_AXIS = "Remettre l'axe à l'écran"
CONSOLE_TIMER = "Minuteur"
CONSOLE_TIMER_LABEL = "Étape (ex. : Échanges en petits groupes)"
CONSOLE_TIMER_MINUTES = "Minutes"
CONSOLE_START_TIMER = "Lancer"
CONSOLE_STOP_TIMER = "Arrêter"
# --- Restitution: axes stratégiques, priorités votées, plan d'actions CTG (issue 4, second part) -----
DOC_AXES = "Les axes stratégiques"
DOC_AXIS_NUMBERED = "{number} \u2013 {title}"  # an en dash, as in the fiches: « 1 \u2013 COORDONNER LES … »
DOC_AXIS_EVIDENCE = "Appuyé sur {contributions} des soirées (état des lieux, témoignages)"
DOC_EVIDENCE_FORMS = ("contribution", "contributions")
DOC_CONCRETELY = "Concrètement : "
DOC_PLENARY_WORDS = "Paroles de la plénière"
# --- Projet de délibération: the council's adoption of the plan --------------------------------------
DELIB_TITLE = "Projet de délibération"
DELIB_BLANKS = (
    "Séance du conseil communautaire du ………………………………",
    "Nombre de conseillers en exercice : ……… · présents : ……… · votants : ………",
)
DELIB_OBJECT_LABEL = "Objet : "
DELIB_OBJECT = "adoption de la politique sociale intercommunale issue de la démarche « {title} »"
DELIB_EXPOSE_TITLE = "Exposé"
DELIB_EXPOSE = ("La communauté a conduit, avec les élus de ses {communes} et les acteurs locaux et institutionnels "
                "du territoire, une démarche participative d'auto-diagnostic social (« {title} »). Elle s'est "
                "déroulée ainsi :")
DELIB_PARTICIPANTS = "{total} personnes y ont pris part : {people}."
DELIB_EXPOSE_PLAN = ("L'analyse de leurs contributions a dégagé {axes}, débattus et priorisés en séance plénière : "
                     "c'est le plan d'actions ci-dessous, que la restitution détaille.")
DELIB_AXES = ("axe stratégique", "axes stratégiques")
DELIB_PLAN_TITLE = "Le plan d'actions"
DELIB_PLAN_HEADERS = ("Axes stratégiques", "Orientations", "Exemples d'actions")
DELIB_PRIORITY = "{text} (priorité n° {rank})"
DELIB_PRIORITIES_NOTE = "Les priorités sont celles votées en séance plénière de restitution."
DELIB_DECISION_TITLE = "Décision"
DELIB_DECISION_INTRO = "Le conseil communautaire, après en avoir délibéré :"
DELIB_DECISIONS = (
    ("ADOPTE ", "la politique sociale intercommunale et son plan d'actions tels que présentés ci-dessus ;"),
    ("AUTORISE ", "le Président à engager les actions prioritaires et à signer tout document s'y rapportant."),
)
DELIB_VOTE_BLANKS = (
    "Pour : ……… · Contre : ……… · Abstentions : ………",
    "Fait et délibéré à ………………………………, le ………………………………",
)
DOC_POINTS_FORMS = ("point", "points")
DOC_LINE_VOTE = "{points} · rang {rank} sur {count}"
DOC_LINE_VOTE_TIED = "{points} · rang {rank} ex æquo sur {count}"
DOC_REMOVED_ITEM = "(proposition retirée des axes depuis le vote)"
DOC_PRIORITIES = "Priorités votées"
DOC_VOTE_INTRO = ("Vote sur les {items} de tous les axes : {budget} points par personne, {cap} au plus sur une même "
                  "proposition. {voters}, {points} au total.")
DOC_VOTERS_FORMS = ("votant", "votants")
DOC_VOTE_PAPER = ("Dont {points} sur papier ou à main levée, comptés par l'animation pour les personnes qui ont "
                  "voté sans téléphone (colonne « dont papier »).")
DOC_PAPER_COLUMN = "dont papier"
PROJECTION_PAPER_NOTE = "Dont {points} sur papier ou à main levée."
DOC_VOTE_WITH_CODES = "Vote à bulletins : un code à usage unique remis à chaque votant ; {used} sur {count} imprimés."
DOC_BALLOTS_USED = ("bulletin utilisé", "bulletins utilisés")
DOC_VOTE_PROVISIONAL = "Le vote était encore ouvert à la date de ce document : résultats provisoires."
DOC_RANK = "Rang"
DOC_WITHOUT_POINTS = "{count} {items} n'ont reçu aucun point."
DOC_WITHOUT_POINTS_ONE = "1 {item} n'a reçu aucun point."


def doc_without_points(number: int, target: str) -> str:
    """« 48 pistes d'actions n'ont reçu aucun point. »: one line for all those, under the table."""
    if number == 1:
        return DOC_WITHOUT_POINTS_ONE.format(item=TARGET_LABELS[target].lower())
    return DOC_WITHOUT_POINTS.format(count=number, items=TARGET_LABELS_PLURAL[target])


DOC_AXIS_COLUMN = "Axe"
DOC_POINTS = "Points"
VOTE_CHART_AXIS = "Points reçus"
VOTE_CHART_CAPTION = "Points reçus par les {items}"
VOTE_CHART_CAPTION_TOP = "Points reçus : les {count} {items} les plus soutenues"
DOC_BY_ROLE_VOTES = "Par rôle"
DOC_ROLE_COLUMN = "{group} ({voters})"
DOC_TOTAL = "Total"
DOC_BY_COMMUNE_VOTES = "Par commune"
DOC_COMMUNE_COLUMN = "Commune"
DOC_COMMUNE_VOTERS = "{commune} · {voters}"
DOC_ONE_VOICE = "Une commune, une voix"
DOC_ONE_VOICE_INTRO = ("Chaque commune dont au moins un participant a voté pèse une voix, quel que soit le nombre de "
                       "ses votants : ses points se partagent cette voix. {communes} dans ce classement.")
DOC_ONE_VOICE_COMMUNES = ("commune", "communes")
DOC_ONE_VOICE_WITHOUT = ("Les participants sans commune (acteurs de tout le territoire) ont donné {points} : ils ne "
                         "pèsent dans aucune commune, mais comptent dans le classement général.")
DOC_VOICES = "Voix"
DOC_CTG = "Plan d'actions CTG"
DOC_CTG_INTRO = ("Les pistes d'actions dont la fiche a été remplie, sous la forme d'un plan d'actions de Convention "
                 "Territoriale Globale : axe, objectif stratégique, objectif opérationnel, action.")
DOC_CTG_ACTION = "Action"
DOC_CTG_SUB_ACTION = "\u2013 {text}"
MERGED_COUNT = "regroupe {count} contributions"

CSV_AXIS = "Axe {number} : {title}"
CSV_LINE = "Axe {number}, {kind} : {text}"
CSV_SEPARATOR = " | "

EXPORT_GROUPING = "Restitution : ajouter en annexe comment les contributions ont été regroupées"
EXPORT_DETAIL_VOTES = "Restitution : détailler les votes (par rôle, par commune, « une commune, une voix »)"
CLI_DESCRIPTION = "Animation en direct d'une démarche sociale."
CLI_SERVE = "démarre le serveur (console, projection, téléphones)"
CLI_HOST = "adresse d'écoute (défaut : 0.0.0.0, tout le réseau)"
CLI_PORT = "port (défaut : 8080)"
CLI_PUBLIC_URL = "adresse que les téléphones ouvrent, si elle diffère (ex. http://10.42.0.1:8080)"
CLI_DEMO = "crée (une fois) une démarche de démonstration"
CLI_EXPORT_CODE = "code de la démarche (ex. DEMA24)"
CLI_EXPORT_FORMAT = "format (défaut : docx)"
CLI_EXPORT_OUTPUT = "fichier à écrire (défaut : restitution-<territoire>-<date>.<format>)"
CLI_EXPORT_TEMPLATE = "modèle Word dont la restitution prend les styles (défaut : templates/restitution.docx)"
CLI_IMPORT = "restaure une démarche depuis son archive JSON"
CLI_RESTORE = "revient à une sauvegarde automatique d'une démarche (arrêtez le serveur avant)"
CLI_RESTORE_AT = "la sauvegarde faite à cette date ou juste avant (AAAA-MM-JJ HH:MM, heure locale) ; la dernière sinon"
CLI_RESTORE_LIST = "liste les sauvegardes de la démarche, sans rien restaurer"
CLI_RESTORE_BAD_AT = "« {at} » n'est pas une date : écrivez AAAA-MM-JJ HH:MM."
CLI_RESTORE_NONE = "Aucune sauvegarde de la démarche {code} à cette date."
CLI_RESTORED = ("La démarche {code} est revenue à la sauvegarde du {moment} ; l'état précédent est gardé "
                "dans une nouvelle sauvegarde.")
CLI_IMPORT_FILE = "archive JSON exportée par Atelier"
CLI_IMPORT_REPLACE = "remplace la démarche de même code si elle existe déjà"
CLI_EXPORT = "exporte une démarche : restitution DOCX, CSV des contributions ou archive JSON"
CAPACITY_WARNING = ("  Attention : ce système laisse atelier ouvrir {files} fichiers à la fois, soit environ {phones} "
                    "téléphones connectés. Pour une grande salle, tapez « {command} » dans ce terminal, puis "
                    "relancez atelier.")
CLI_DATA_DIR = "dossier des données (défaut : sessions)"
CLI_STORE = ("où garder les démarches : tinydb: (défaut, fichiers dans --data-dir), tinydb:///un/dossier, "
             "memory: (rien n'est gardé) ou postgresql://utilisateur@hôte:port/base ; sinon la variable "
             "ATELIER_STORE")
CLI_BAD_STORE = ("Stockage inconnu : {url}. Utilisez tinydb: (défaut), tinydb:///un/dossier, memory: ou "
                 "postgresql://utilisateur@hôte:port/base.")
CLI_STORE_FAILED = "Impossible d'ouvrir le stockage {url} : {reason}"
CLI_POSTGRES_MISSING = ("PostgreSQL demande le module psycopg : installez atelier avec "
                        "pip install -e \".[postgresql]\".")
CLI_WORKER = ("nom de ce processus dans un déploiement à plusieurs processus (w1, w2…) ; demande un stockage "
              "postgresql:// et nginx devant (voir deploy/)")
CLI_BAD_WORKER = "« {name} » n'est pas un nom de processus : w1, w2… (w et un numéro)."
CLI_WORKER_NEEDS_POSTGRES = "--worker demande un stockage partagé : --store postgresql://… (ou ATELIER_STORE)."
CLI_CLUSTER = ("lance sur cette machine PostgreSQL, plusieurs processus atelier et nginx devant eux "
               "(plusieurs territoires, plusieurs soirées à la fois)")
CLI_CLUSTER_WORKERS = "nombre de processus atelier (défaut : 3)"
CLI_CLUSTER_STORE = "base PostgreSQL à utiliser (défaut : une base jetable, effacée à l'arrêt)"
CLI_CLUSTER_FAILED = "Le déploiement n'a pas démarré : {reason}"
CLI_CLUSTER_READY = ("\nAtelier est prêt : {workers} processus derrière nginx, démarches dans {store}.\n"
                     "  Animation (gardez ce lien pour vous) : {token}\n"
                     "  Adresse publique : {url}\n"
                     "Ctrl+C arrête tout.")
CLI_GROUPING = "restitution : ajoute en annexe les contributions liées à chaque axe"
CLI_DETAIL_VOTES = "restitution : ajoute les votes par rôle, par commune et « une commune, une voix »"


# --- Analysis screen, axes editor, structures that testify (facilitator, issue 3) --------------
CONSOLE_ANALYSIS = "Analyser les contributions"
CONSOLE_ANALYSIS_HINT = ("Entre les soirées : regroupez les contributions, repérez les doublons, puis construisez "
                         "les axes stratégiques (enjeux, orientations, pistes d'actions) que la plénière votera.")
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
ANALYSIS_LINK_SEARCH = "Chercher un axe, une orientation, une piste…"
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
# « Synthèse assistée », computed on this laptop: nothing leaves it.
SYNTHESIS_HEADING = "Synthèse assistée"
SYNTHESIS_FAILED = "Le calcul n'a pas abouti. Réessayez ; si cela se reproduit, signalez-le."
SYNTHESIS_HINT = ("Suggestions calculées sur cet ordinateur, sans internet, à partir des contributions affichées"
                  " par les filtres ci-dessous. Rien n'est modifié tant que vous n'acceptez pas.")
DUPLICATES_HEADING = "Doublons probables"
DUPLICATES_SEARCH = "Chercher les doublons"
DUPLICATES_SEARCHING = "Recherche en cours…"
DUPLICATES_FOUND = "{pairs} parmi {count} contributions affichées."
DUPLICATES_PAIR_FORMS = ("paire probable", "paires probables")
DUPLICATES_NONE = "Aucun doublon probable parmi les {count} contributions affichées."
DUPLICATES_MORE = "… et {count} autres paires, moins proches."
DUPLICATES_SCORE = "Ressemblance : {percent} %"
DUPLICATES_MERGE = "Fusionner…"
DUPLICATES_GONE = "L'une des deux contributions a déjà été fusionnée ou masquée."
GROUPS_HEADING = "Regroupements suggérés"
GROUPS_COUNT = "Nombre de regroupements"
GROUPS_AUTO = "Choisi d'après les contributions"
GROUPS_SUGGEST = "Proposer des regroupements"
GROUPS_SEARCHING = "Regroupement en cours…"
GROUPS_FOUND = "{groups} à partir de {count} contributions affichées{how}."
GROUPS_FOUND_FORMS = ("regroupement proposé", "regroupements proposés")
GROUPS_CHOSEN = " (nombre choisi d'après les contributions)"
GROUPS_TOO_FEW = "Trop peu de contributions affichées pour proposer des regroupements (6 au moins)."
GROUPS_UNGROUPED = "{count} sans mot significatif : dans aucun regroupement."
GROUPS_TITLE = "Regroupement {number} : {terms}"
GROUPS_CENTRAL = "La plus représentative : « {text} »"
GROUPS_NEED = "besoin pondéré {need}"
GROUPS_COMMUNES = "Communes : {communes}"
GROUPS_MEMBER_META = "n° {id} · {kind} · {theme} · {commune}"
GROUPS_SHARED = "Termes communs : {terms}"
GROUPS_NO_SHARED = "Proche par l'ensemble de ses mots"
GROUPS_ALSO_IN = "aussi proposée dans le regroupement {numbers}"
GROUPS_MOVE_OUT = "Retirer"
GROUPS_MOVE_OUT_LABEL = "Retirer la contribution n° {id} de ce regroupement"
GROUPS_MORE = "Voir {count} de plus"
GROUPS_ACCEPT_TITLE = "Titre"
GROUPS_ACCEPT_AS = "Accepter comme"
GROUPS_AS_NEW_AXIS = "Nouvel axe stratégique"
GROUPS_AS_ORIENTATION = "Orientation de l'axe {number} — {title}"
GROUPS_ACCEPT = "Accepter"
GROUPS_DISMISS = "Écarter"
GROUPS_DISMISSED = "Regroupement écarté."
GROUPS_ACCEPTED = "Accepté : {target}, avec {evidence} en appui."
GROUPS_EVIDENCE_FORMS = ("contribution", "contributions")
GROUPS_SEE_AXES = "Voir les axes"
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
AXES_LINE_TEXT = "Texte de la ligne"
AXES_ADD_LINE = "Ajouter"
AXES_REMOVE_LINE = "Supprimer la ligne"
AXES_PISTE_MORE = "Sous-lignes et fiche-action CTG (facultatif)"
AXES_PISTE_DETAILS = "Sous-lignes (une par ligne)"
AXES_ORIENTATION_PISTES = "Pistes d'actions de cette orientation"
AXES_LOOSE_PISTES = "Pistes d'actions directement sous l'axe"
AXES_NEW_PISTE = "Nouvelle piste (une par ligne)"
AXES_MOVE_TO = "Déplacer vers…"
AXES_MOVE_AXIS = "Axe {number} — directement sous l'axe"
AXES_MOVE_ORIENTATION = "Axe {number} — {orientation}"
AXES_CHANGED_ELSEWHERE = "Modifiée dans un autre onglet : « {text} ». Votre saisie la remplacera si vous la gardez."
# « Éléments supprimés » (pages/removed_list.py), keyed by `domain.removed.RemovedKind`'s values
UNDO = "Annuler"
RESTORE_REMOVED = "Rétablir"
REMOVED_TITLE = "Éléments supprimés ({count})"
REMOVED_HINT = ("Ce qui a été supprimé ou fusionné, du plus récent au plus ancien (les 50 derniers) : « Rétablir » "
                "le remet à sa place, avec ses liens.")
REMOVED_NONE = "Rien n'a été supprimé."
REMOVED_JUST_NOW = "Supprimé : {what}."
REMOVED_LABELS = {
    "ligne": "ligne « {label} »",
    "axe": "axe « {label} » et ses lignes",
    "structure": "structure « {label} »",
    "etape": "étape du calendrier « {label} »",
    "fusion": "fusion en « {label} » (annuler la rend à ses deux contributions)",
}
REMOVE_LINE_CONFIRM = "Supprimer « {text} » ? Avec elle : {reach}. Vous pourrez la rétablir."
REMOVE_LINE_YES = "Supprimer"
REACH_DETAILS = ("sous-ligne", "sous-lignes")
REACH_PLAN = "sa fiche-action CTG"
REACH_POINTS = ("point du vote", "points du vote")
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


# --- Errors: the domain says which rule refused (a code and values); here is how it is said --------
ERR_UNEXPECTED = "Cette action n'a pas pu être faite. Réessayez, ou prévenez l'animation."
# Every ERR_NAME above is the message of the error code "name" (ERR_PHASE_NOT_OPEN → "phase_not_open").
ERRORS: dict[str, str] = {name.removeprefix("ERR_").lower(): text for name, text in dict(globals()).items()
                          if name.startswith("ERR_") and isinstance(text, str)}
# Fields named in messages (« {field} : 120 caractères au plus »), by the domain's field code.
FIELD_LABELS: dict[str, str] = {
    **{name.removeprefix("FIELD_").lower(): text for name, text in dict(globals()).items()
       if name.startswith("FIELD_") and isinstance(text, str)},
    **CTG_FIELD_LABELS,
    "concretely": CONCRETELY,
}


def error_message(error: DomainError) -> str:
    """The French sentence for a refusal, shown as is to the person who acted."""
    template = ERRORS.get(error.code)
    if template is None:
        return ERR_UNEXPECTED
    return template.format(**{name: _named(name, value) for name, value in error.params.items()})


def _named(name: str, value: object) -> object:
    """Codes among an error's values become words: a field, a phase, a kind of vote item, a section."""
    labels: dict[str, dict[Any, str]] = {"field": FIELD_LABELS, "phase": PHASE_LABELS,
                                         "items": TARGET_LABELS_PLURAL, "section": AXIS_SECTION_LABELS}
    table = labels.get(name)
    return table.get(value, value) if table is not None else value


def signature(parts: tuple[str, ...]) -> str:
    """« Anne (Mission Locale) », « Mission Locale », « Anne » or "" (see `testimony.attribution`)."""
    if len(parts) == 2:
        return ATTRIBUTION_NAME_AND_STRUCTURE.format(name=parts[0], structure=parts[1])
    return "".join(parts)
