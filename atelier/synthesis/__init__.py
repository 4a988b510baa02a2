"""Assisted synthesis, offline: near-duplicates and suggested groups of contributions.

Pure functions and small indexes over texts; nothing here knows NiceGUI, and nothing is downloaded:
the word lists live in `templates/synthese/` and the statistics are computed from the session.
"""

from atelier.synthesis.groups import Group, Grouping, Member, group_texts
from atelier.synthesis.similarity import DUPLICATE_SCORE, SUGGEST_SCORE, Similar, SimilarityIndex
from atelier.synthesis.text import Analyser, Vocabulary, fold

__all__ = [
    "DUPLICATE_SCORE",
    "SUGGEST_SCORE",
    "Analyser",
    "Group",
    "Grouping",
    "Member",
    "Similar",
    "SimilarityIndex",
    "Vocabulary",
    "fold",
    "group_texts",
]
