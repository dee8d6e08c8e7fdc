from .figures import FIGURE_CELLS, FigureKey, OtherSystemFigure, YearLock
from .records import (
    BudgetAllocation,
    DisclosureBody,
    Meeting,
    ReadingPoint,
    StaffAssignment,
    Training,
)

__all__ = [
    "FIGURE_CELLS",
    "BudgetAllocation",
    "DisclosureBody",
    "FigureKey",
    "Meeting",
    "OtherSystemFigure",
    "ReadingPoint",
    "StaffAssignment",
    "Training",
    "YearLock",
]
