"""The verbs of phases 2 and 3, grouped by moment, mixed into `SessionService` (see atelier/service.py)."""

from atelier.verbs.analysis import AnalysisVerbs
from atelier.verbs.plenary import PlenaryVerbs

__all__ = ["AnalysisVerbs", "PlenaryVerbs"]
