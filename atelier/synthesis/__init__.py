"""Assisted synthesis, offline: near-duplicates and suggested groups of contributions.

Pure functions and small indexes over texts; nothing here knows NiceGUI, and nothing is downloaded:
the word lists live in `templates/synthese/` and the statistics are computed from the session.
Import from the modules (`similarity`, `groups`, `session_index`): grouping needs scikit-learn,
which a phone's « déjà signalé ? » does not, so the server loads it only when groups are asked for.
"""
