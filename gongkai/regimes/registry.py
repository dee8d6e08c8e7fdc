import datetime as dt

from gongkai.core.errors import DomainError

from .base import Regime
from .r2008 import REGIME_2008
from .r2019 import REGIME_2019

REGIMES: dict[str, Regime] = {r.code: r for r in (REGIME_2008, REGIME_2019)}


class UnknownRegime(DomainError):
    code = "unknown_regime"


def get_regime(code: str) -> Regime:
    try:
        return REGIMES[str(code)]
    except KeyError:
        known = "、".join(REGIMES)
        raise UnknownRegime(f"未知的条例版本“{code}”，可选：{known}。") from None


def regime_for(received: dt.date) -> Regime:
    """The regime an application is handled under follows its receipt date."""
    for regime in REGIMES.values():
        if regime.applies_to(received):
            return regime
    first = min(r.in_force_from for r in REGIMES.values())
    raise DomainError(
        f"{received.isoformat()}早于《政府信息公开条例》施行日期（{first.isoformat()}）。",
        code="before_regulation",
    )
