"""The law as data: each regime (2008, 2019 Regulation) declares its time limits in one place.

Nothing else in the code base may hard-code "20 working days": it asks the regime.
"""

from .base import Regime, ReportDue, TimeLimit
from .registry import REGIMES, get_regime, regime_for

__all__ = ["REGIMES", "Regime", "ReportDue", "TimeLimit", "get_regime", "regime_for"]
