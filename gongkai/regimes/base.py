import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class TimeLimit:
    """A period of `workdays` working days counted from an event, with its legal basis."""

    workdays: int
    basis: str  # the article that sets it, as cited in letters and explanations
    counts_from: str  # the event the count starts after, in words


@dataclass(frozen=True)
class ReportDue:
    """By when the annual report on a year must be published: a day of the following year for
    government departments and for people's governments, with the articles that set it."""

    department: tuple[int, int]  # (month, day) of the following year
    government: tuple[int, int]
    basis: str

    def date_for(self, year: int, *, government: bool) -> dt.date:
        month, day = self.government if government else self.department
        return dt.date(year + 1, month, day)


@dataclass(frozen=True)
class Regime:
    code: str
    name: str
    citation: str  # short name used in letters: 《中华人民共和国政府信息公开条例》
    in_force_from: dt.date
    in_force_until: dt.date | None
    reply: TimeLimit
    extension: TimeLimit
    extension_needs: str  # who must approve an extension
    # Periods during which the reply clock stops (consultation), by kind of consulted party.
    paused_for: frozenset[str]
    consultation: TimeLimit | None
    correction_notice: TimeLimit | None  # 补正: by when the applicant must be told
    correction_restarts_clock: bool
    fee_payment: TimeLimit | None
    fees_from: dt.date | None
    # Whether the time from the fee notice to payment is left out of the reply period.
    # Not read in the national text (regulation.md, open point 1); local rules say so.
    fee_period_paused: bool
    proactive_publication: TimeLimit
    annual_report: ReportDue
    outcomes: tuple = ()  # tuple[outcomes.Outcome, ...]
    # Why part of a document may be withheld (grounds.Ground): each redacted box names one.
    withholding_grounds: tuple = ()
    # Articles that pages and letters cite for rules that are not time limits or outcomes.
    request_contents_basis: str = ""  # what an application contains (identity, contact)
    receipt_date_basis: str | None = None  # how the day of receipt is fixed, by channel
    already_public_basis: str = ""  # information already published: say where to find it
    fee_basis: str | None = None  # the agency may charge a fee (信息处理费)
    # Consultation letters: a third party is consulted in writing; silence is not consent, the
    # agency decides (2019 Art. 32). Another agency's silence counts as consent only when the
    # information was jointly produced (2019 Art. 34); None: the regime has no such rule.
    third_party_consultation_basis: str = ""
    joint_consultation_basis: str | None = None
    # The outcome an application closes with when the applicant lets the 补正 period pass,
    # and the reasons its record states.
    correction_lapse_outcome: str = ""
    correction_lapse_reasons: str = ""

    def __str__(self):
        return self.name

    def outcome(self, code: str):
        """The outcome with this code, or DomainError naming the regime."""
        from gongkai.core.errors import DomainError

        found = self.find_outcome(code)
        if found is not None:
            return found
        raise DomainError(f"{self.name}没有“{code}”这种答复类型。", code="unknown_outcome")

    def find_outcome(self, code: str):
        """The outcome with this code, or None where this regime has no such outcome."""
        return next((outcome for outcome in self.outcomes if outcome.code == code), None)

    def find_ground(self, code: str):
        """The withholding ground with this code, or None where this regime has none such."""
        return next((g for g in self.withholding_grounds if g.code == code), None)

    def applies_to(self, received: dt.date) -> bool:
        if received < self.in_force_from:
            return False
        return self.in_force_until is None or received <= self.in_force_until
