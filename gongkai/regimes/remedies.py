"""The remedies a reply must state (行政复议、行政诉讼): the law as data, in one place.

Which text applies follows from the outcome and the date of the decision, not from the
disclosure regime: the remedy laws changed on their own dates.
- Before 2024-01-01 (行政复议法 of 1999/2017): 复议 within 60 days (Art. 9) or a lawsuit within
  6 months (行政诉讼法 Art. 46), at the applicant's choice, for every outcome. A department's act
  could be brought before 本级人民政府 or 上一级主管部门 (Art. 12); a local government's before the
  government one level up (Art. 13).
- From 2024-01-01 (行政复议法 revised 2023): where the agency does not disclose (不予公开, and the
  withheld part of 部分公开) the applicant must first apply for 复议 (Art. 23(1)(4)) and the
  agency must say so in the decision (Art. 23(2)); other outcomes keep the choice. 复议 within 60
  days (Art. 20). A department's act, and a lower government's, go to the 县级以上地方人民政府
  (Art. 24).
"""

import datetime as dt
from dataclasses import dataclass

REVIEW_LAW_2023_FROM = dt.date(2024, 1, 1)
REVIEW_LAW = "《中华人民共和国行政复议法》"
LITIGATION_LAW = "《中华人民共和国行政诉讼法》"


@dataclass(frozen=True)
class RemedyLaw:
    """The remedy rules in force on a decision's date."""

    in_force_from: dt.date | None
    review_days: int  # 行政复议: days from the applicant learning of the decision
    review_basis: str
    litigation_months: int  # 行政诉讼 directly: months from learning of the decision
    litigation_basis: str
    review_first_basis: str | None  # the article that makes 复议 compulsory for 不予公开
    # Who hears a 复议 of a department's act: "government" (本级人民政府 only) or
    # "government_or_superior" (本级人民政府 or the 上一级主管部门, at the applicant's choice).
    department_review: str
    review_body_basis: str


REMEDY_LAW_1999 = RemedyLaw(
    in_force_from=None,
    review_days=60,
    review_basis="第九条",
    litigation_months=6,
    litigation_basis="第四十六条",
    review_first_basis=None,
    department_review="government_or_superior",
    review_body_basis="第十二条、第十三条",
)
REMEDY_LAW_2023 = RemedyLaw(
    in_force_from=REVIEW_LAW_2023_FROM,
    review_days=60,
    review_basis="第二十条",
    litigation_months=6,
    litigation_basis="第四十六条",
    review_first_basis="第二十三条第一款第（四）项、第二款",
    department_review="government",
    review_body_basis="第二十四条",
)


def remedy_law(decided_on: dt.date) -> RemedyLaw:
    return REMEDY_LAW_2023 if decided_on >= REVIEW_LAW_2023_FROM else REMEDY_LAW_1999


@dataclass(frozen=True)
class Remedy:
    """What the reply's remedy paragraph says for one outcome decided on one day."""

    law: RemedyLaw
    review_first: bool  # the whole reply withholds: 复议 first
    review_first_for_withheld_part: bool  # 部分公开: 复议 first for the withheld part only

    @property
    def review_first_any(self) -> bool:
        return self.review_first or self.review_first_for_withheld_part


def remedy_for(outcome, decided_on: dt.date) -> Remedy:
    """The remedy of a reply with `outcome` (regimes.outcomes.Outcome) decided on `decided_on`.
    Withholding is 不予公开 under Art. 23(1)(4): a reply that withholds all of the information
    (outcome.withholds without discloses) or part of it (withholds and discloses: 部分公开).
    Referrals (Art. 36(7)) and every other outcome keep the choice of 复议 or 诉讼."""
    law = remedy_law(decided_on)
    withholds = bool(outcome and outcome.withholds and law.review_first_basis)
    discloses = bool(outcome and outcome.discloses)
    return Remedy(
        law=law,
        review_first=withholds and not discloses,
        review_first_for_withheld_part=withholds and discloses,
    )


def review_body_words(law: RemedyLaw, *, is_department: bool, government: str) -> str:
    """Whom the letter names as 复议机关: the government above the agency (`government`, ""
    when the tree has none); a department's act before 2024 also the 上一级主管部门. "" when it
    cannot be derived: the letter then says 依法 without a name."""
    if not government:
        return ""
    if is_department and law.department_review == "government_or_superior":
        return f"{government}或者上一级主管部门"
    return government


def _cn(number: int) -> str:
    return {6: "六", 60: "六十"}.get(number, str(number))


def remedy_paragraph(remedy: Remedy, *, you: str, review_body: str) -> str:
    """The remedy paragraph of a 答复书, addressed to `you` (您 / 贵单位)."""
    law = remedy.law
    to_body = f"向{review_body}" if review_body else "依法"
    days, months = _cn(law.review_days), _cn(law.litigation_months)
    review = f"自收到本答复之日起{days}日内{to_body}申请行政复议（{REVIEW_LAW}{law.review_basis}）"
    choice = (
        f"可以{review}，或者自收到本答复之日起{months}个月内依法向人民法院提起行政诉讼"
        f"（{LITIGATION_LAW}{law.litigation_basis}）"
    )
    first = (
        f"应当先{review}；对行政复议决定不服的，可以依法向人民法院提起行政诉讼"
        f"（{REVIEW_LAW}{law.review_first_basis}）"
    )
    if remedy.review_first:
        return f"{you}如对本答复不服，{first}。"
    if remedy.review_first_for_withheld_part:
        return f"{you}如对本答复中不予公开的部分不服，{first}；如对本答复的其他内容不服，{choice}。"
    return f"{you}如对本答复不服，{choice}。"
