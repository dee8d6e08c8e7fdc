"""The figures a report's text states, and whether they agree with its table and with themselves.

Every rule is deliberately narrow: a sentence shape seen in published reports, so that a match
means what the rule thinks it means (no false alarms). Text is the normalised text of parse.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..document import Problem, ReportData
from ..formats.base import Format

N = r"\s*(\d+)"


@dataclass
class Claim:
    kind: str
    value: int | Decimal
    start: int
    quote: str


CLAIMS = {
    # 收到申请: "共收到依申请公开1件", "全县共收到有关政府信息公开的申请7条", "全区共收到70件申请"
    "received": (
        r"共收到(?:各类|有关)?(?:政府信息公开|依申请公开)?(?:的)?申请(?:共)?" + N + r"[件条]",
        r"共收到依申请公开(?:政府信息)?(?:申请)?" + N + r"[件条]",
        r"共收到" + N + r"件(?:政府信息公开)?申请",
        r"新收(?:政府信息公开)?申请" + N + r"件",
        r"(?:全区|全县|全市|全年|本年度?)收到(?:政府信息公开|依申请公开)申请" + N + r"件",
    ),
    # 主动公开: "2017年，我委主动公开政府信息395条", "其中主动公开政府信息2026条"
    "published": (r"(?:年|其中|全年|共)[^,。;:]{0,12}?主动公开(?:政府)?信息" + N + r"条",),
    "concluded": (r"办结" + N + r"件",),
    "carried_forward": (N + r"件结转下年度",),
    "reconsideration": (
        r"收到" + N + r"(?:份|件|起)(?:有关)?(?:政府信息公开)?行政复议",
        r"行政复议(?:申请|案件)?" + N + r"件",
    ),
    "ch_in_person": (r"当面申请(?:数)?" + N + r"[件条]",),
    "ch_online": (r"网上申请(?:数)?" + N + r"[件条]", r"网络申请(?:数)?" + N + r"[件条]"),
    "ch_letter": (r"信函申请(?:数)?" + N + r"[件条]",),
    "ch_email": (r"电子邮件申请(?:数)?" + N + r"[件条]",),
    "ch_fax": (r"传真申请(?:数)?" + N + r"[件条]",),
}
NONE_CLAIMS = {
    "reconsideration": (r"(?:未收到|没有)[^。]{0,20}?行政复议",),
    "received": (r"未收到有关政府信息公开的?申请",),
}

# The table cell each claim is compared with, per format (table, row, column).
CELLS = {
    "gb2008": {
        "received": [("tongjibiao", "s3_received", "value")],
        "published": [("tongjibiao", "s1_pub", "value")],
        "reconsideration": [("tongjibiao", "s4", "value")],
        "ch_in_person": [("tongjibiao", "s3_rec_inperson", "value")],
        "ch_online": [("tongjibiao", "s3_rec_online", "value")],
        "ch_letter": [("tongjibiao", "s3_rec_letter", "value")],
        "ch_fax": [("tongjibiao", "s3_rec_fax", "value")],
    },
    "fj2008": {
        "received": [("fj_tongjibiao", "req", "year")],
        "published": [("fj_tongjibiao", "pub", "year")],
        "reconsideration": [("fj_tongjibiao", "reconsideration", "year")],
        "ch_in_person": [("fj_tongjibiao", "req_in_person", "year")],
        "ch_online": [("fj_tongjibiao", "req_online", "year")],
        "ch_letter": [("fj_tongjibiao", "req_letter", "year"), ("fj_tongjibiao", "req_letter_fax", "year")],
        "ch_email": [("fj_tongjibiao", "req_email", "year")],
        "ch_fax": [("fj_tongjibiao", "req_fax", "year")],
    },
    "gb2019": {
        "concluded": [("t3", "results_total", "total")],
        "carried_forward": [("t3", "carried_forward", "total")],
        "reconsideration": [("t4", "count", "rc_total")],
    },
}  # fmt: skip
CELLS["gb2021"] = CELLS["gb2019"]
LABELS = {
    "received": "收到申请数",
    "published": "主动公开政府信息数",
    "concluded": "办结数",
    "carried_forward": "结转下年度数",
    "reconsideration": "行政复议数",
    "ch_in_person": "当面申请数",
    "ch_online": "网上申请数",
    "ch_letter": "信函申请数",
    "ch_email": "电子邮件申请数",
    "ch_fax": "传真申请数",
}


def claims(text: str, fmt: Format | None) -> list[Claim]:
    found: list[Claim] = []
    for kind, patterns in CLAIMS.items():
        for pattern in patterns:
            for match in re.finditer(pattern, text):
                found.append(Claim(kind, int(match.group(1)), match.start(), match.group(0)))
    for kind, patterns in NONE_CLAIMS.items():
        for pattern in patterns:
            for match in re.finditer(pattern, text):
                found.append(Claim(kind, 0, match.start(), match.group(0)))
    found.sort(key=lambda c: c.start)
    return found


def _first(found: list[Claim], kind: str) -> Claim | None:
    return next((c for c in found if c.kind == kind), None)


def compare(found: list[Claim], report: ReportData) -> list[Problem]:
    """The first statement of each kind against the table (later ones are often parts)."""
    problems = []
    cells = CELLS.get(report.format.id, {})
    for kind, targets in cells.items():
        claim = _first(found, kind)
        present = [t for t in targets if report.value(*t) is not None]
        if claim is None or not present:
            continue
        table_value = sum(report.number(*t) for t in present)
        if claim.value == table_value:
            continue
        problems.append(
            Problem(
                kind="narrative",
                where=f"{present[0][0]}:{present[0][1]}.{present[0][2]}",
                expected=claim.value,
                found=table_value,
                message=f"正文“{claim.quote}”与统计表不一致：表中{LABELS[kind]}为{table_value}",
                at=claim.start,
            )
        )
    if report.format.id in {"gb2019", "gb2021"}:
        problems += _received_2019(found, report)
    return problems


def _received_2019(found, report) -> list[Problem]:
    claim = _first(found, "received")
    if claim is None or report.value("t3", "new_received", "total") is None:
        return []
    new = report.number("t3", "new_received", "total")
    carried = report.number("t3", "carried_over", "total")
    if claim.value in {new, new + carried}:
        return []
    return [
        Problem(
            kind="narrative",
            where="t3:new_received.total",
            expected=claim.value,
            found=new,
            message=f"正文“{claim.quote}”与统计表不一致：表中本年新收{new}件、上年结转{carried}件",
            at=claim.start,
        )
    ]


# Statements the text makes about itself ------------------------------------------------------

TOTAL_WITH_PARTS = re.compile(r"总数" + N + r"条?,其中([^。;]*)")
PART = re.compile(r"(\d+)条?")
SHARE = re.compile(r"([^,。;:]*?)(\d+)(?:条|件|人次),?占(\d+(?:\.\d+)?)%")
WHOLE = re.compile(r"在[^。]{0,40}?的" + N + r"条政府信息中")
CATEGORIES = re.compile(r"主要类别有:([^。]*)")
RATE = re.compile(r"受理[^。,]{0,12}?" + N + r"件,办结" + N + r"件,办结率(\d+(?:\.\d+)?)%")


def self_checks(text: str, published: int | None) -> list[Problem]:
    """Totals the text itself breaks: "总数N条，其中a条…b条…c条"; shares (占p%) that add up to
    100% but whose counts do not add up to their whole; a share that is not count ÷ whole; a
    completion rate that is not 办结 ÷ 受理."""
    problems: list[Problem] = []
    for match in TOTAL_WITH_PARTS.finditer(text):
        total = int(match.group(1))
        parts = [int(p) for p in re.findall(r"(\d+)条?(?=,|$)", match.group(2))]
        if len(parts) >= 2 and sum(parts) != total:
            problems.append(
                _text_problem(match.group(0), total, sum(parts), parts, at=match.start())
            )
    for group, whole, quote, at in _share_groups(text, published):
        counts = [c for c, _ in group]
        shares = [s for _, s in group]
        if whole and abs(sum(shares) - 100) <= Decimal("1.5") and sum(counts) != whole:
            problems.append(_text_problem(quote, whole, sum(counts), counts, shares=True, at=at))
            continue  # the shares of a whole they do not add up to say nothing more
        for count, share in group if whole else ():
            places = max(0, -share.as_tuple().exponent)
            step = Decimal(1).scaleb(-places)
            exact = Decimal(count) * 100 / whole
            # Rounded or cut off (2.96% printed as 2.9%), a share is within one step of exact.
            if abs(exact - share) >= step:
                problems.append(
                    Problem(
                        kind="narrative",
                        where="text",
                        expected=exact.quantize(step),
                        found=share,
                        message=f"正文中{count}条占{whole}条的比例应为{exact.quantize(step)}%，"
                        f"正文写{share}%",
                        at=at,
                    )
                )
    for match in CATEGORIES.finditer(text):
        items = re.findall(r"([^,;、]*?)(\d+)条", match.group(1))
        # A list that ends with a catch-all (其他应主动公开的信息) claims to be complete.
        if published and len(items) >= 2 and "其他" in items[-1][0]:
            counts = [int(n) for _, n in items]
            if sum(counts) != published:
                problems.append(
                    _text_problem(match.group(0), published, sum(counts), counts, at=match.start())
                )
    if blank := re.search(r"统计期限自\s*至", text):
        problems.append(
            Problem(
                kind="narrative",
                where="text",
                expected="统计期限的起止日期",
                found="统计期限自至",
                message="正文中的统计期限没有填写起止日期（“统计期限自至”）",
                severity="warning",
                at=blank.start(),
            )
        )
    for match in RATE.finditer(text):
        accepted, done, rate = int(match.group(1)), int(match.group(2)), Decimal(match.group(3))
        if done > accepted or (accepted and abs(Decimal(done) * 100 / accepted - rate) > 1):
            problems.append(
                Problem(
                    kind="narrative",
                    where="text",
                    expected=f"办结≤受理，办结率={done}÷{accepted}",
                    found=match.group(0),
                    message=f"正文“{match.group(0)}”自相矛盾：办结数不应超过受理数，"
                    f"办结率也与两数不符",
                    at=match.start(),
                )
            )
    return problems


def _text_problem(quote, total, parts_sum, parts, shares=False, at=None) -> Problem:
    listed = "+".join(str(p) for p in parts)
    what = "各部分（按所占比例合计100%）" if shares else "各项"
    return Problem(
        kind="narrative",
        where="text",
        expected=total,
        found=parts_sum,
        message=f"正文“{quote[:60]}”：{what}之和为{listed}={parts_sum}，与总数{total}不符",
        at=at,
    )


def _share_groups(text: str, published: int | None):
    """Runs of "…a条，占p%" clauses in one paragraph, with the whole they divide: the
    "在…的N条政府信息中" before them, else the number of items published."""
    for paragraph in re.split(r"\n|(?=\([一二三四五六七八九十]\))", text):
        matches = list(SHARE.finditer(paragraph))
        if len(matches) < 2:
            continue
        whole_match = WHOLE.search(paragraph, 0, matches[0].start() + 1)
        if whole_match:
            whole = int(whole_match.group(1))
        elif all("主动公开" in m.group(1) for m in matches[:1]):
            whole = published  # "县直各单位主动公开政府信息303条，占71.3%"
        else:
            continue
        group = [(int(m.group(2)), Decimal(m.group(3))) for m in matches]
        offset = text.find(paragraph)
        quote = paragraph[matches[0].start() : matches[-1].end()]
        yield group, whole, quote, (offset + matches[0].start()) if offset >= 0 else None
