"""The Pla de Mandat's models: plans, axes and objectives (plan.py) and progress updates
(progress.py)."""

from .plan import CODE_PATTERN, NOT_STARTED, Axis, Objective, Plan
from .progress import ProgressUpdate

__all__ = ["CODE_PATTERN", "NOT_STARTED", "Axis", "Objective", "Plan", "ProgressUpdate"]
