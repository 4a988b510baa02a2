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

# --- Printable poster (affiche A4), for the entrance and the tables ------------------------------
CONSOLE_AFFICHE = "Affiche à imprimer (A4)"
AFFICHE_TITLE = "Affiche — {territory}"
AFFICHE_HEADLINE = "Participez avec votre téléphone"
AFFICHE_SCAN = "Scannez ce QR code avec l'appareil photo de votre téléphone,"
AFFICHE_OR_OPEN = "ou ouvrez cette adresse :"
AFFICHE_CODE = "Code de la démarche"
AFFICHE_WIFI = "Connectez d'abord votre téléphone au Wi-Fi indiqué par l'animation."
AFFICHE_NO_ACCOUNT = "Sans compte ni application. Vos contributions sont anonymes, sauf si vous indiquez votre nom."
AFFICHE_PRINT = "Imprimer l'affiche"
AFFICHE_PRINT_HINT = "Format A4 portrait : une affiche pour l'entrée, une par table."
