"""Parse a State Council 部分节假日安排的通知 into holiday and make-up-day rows. Pure.

The parser is strict: every sentence of every item (一、元旦：… 七、国庆节：…) must be understood,
and every line outside the items must be recognised boilerplate (title, 文号, addressee,
preamble, closing paragraph, signature, date). Anything else is refused, naming the sentence,
so a new wording is looked at by a person rather than silently half-loaded.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from gongkai.core.errors import DomainError

from .calendar import HOLIDAY, WORKDAY, DayRule, weekday_name

_CN_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_HOLIDAYS = "元旦|春节|清明节|劳动节|端午节|中秋节|国庆节"
_ITEM = re.compile(
    rf"^[一二三四五六七八九十]{{1,2}}、(?P<name>(?:{_HOLIDAYS})(?:、(?:{_HOLIDAYS}))*)："
)
_ITEM_SPLIT = re.compile(
    rf"(?=[一二三四五六七八九十]{{1,2}}、(?:{_HOLIDAYS})(?:、(?:{_HOLIDAYS}))*：)"
)

_DATE = r"(?:(?P<y1>\d{4})年)?(?P<m1>\d{1,2})月(?P<d1>\d{1,2})日"
_END = r"(?:(?:(?P<y2>\d{4})年)?(?P<m2>\d{1,2})月)?(?P<d2>\d{1,2})日"
_OFF = re.compile(
    rf"^{_DATE}(?:（(?P<a1>[^）]*)）)?(?:至{_END}(?:（(?P<a2>[^）]*)）)?)?放假(?P<rest>.*)$"
)
_ONE_DATE = re.compile(
    r"(?:(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月)?(?P<d>\d{1,2})日(?:（(?P<a>[^）]*)）)?"
)
_OFF_CLAUSES = [
    re.compile(r"^$"),
    re.compile(r"^调休$"),
    re.compile(r"^共?(?P<n>\d+)天$"),
    re.compile(r"^与周末连休$"),
    re.compile(r"^不调休$"),
]

# Lines outside the items that belong to every notice.
_BOILERPLATE = [
    ("标题", re.compile(r"^(?:新华社[^电]{0,20}电)?国务院办公厅关于\d{4}年部分节假日安排的通知$")),
    ("文号", re.compile(r"^国办发明电〔\d{4}〕\d+号$")),
    ("主送机关", re.compile(r"^各省、自治区、直辖市人民政府，国务院各部委、各直属机构：$")),
    # "经国务院批准，现将…通知如下。" — or, in 2025, a paragraph on the new holiday rules.
    ("导语", re.compile(r"^经(?:党中央、)?国务院批准，")),
    ("导语", re.compile(r"^按照上述原则，[^。]*通知如下[：。]$")),
    (
        "导语",
        re.compile(
            r"^(?:新华社[^电]{0,20}电)?国务院办公厅(?:日前)?(?:发布|印发)[^。]*通知[^。]*[。：]$"
        ),
    ),
    ("结束语", re.compile(r"^节假日期间，")),
    ("结束语", re.compile(r"^鼓励(?:各)?(?:单位|用人单位)")),
    ("落款", re.compile(r"^国务院办公厅$")),
    ("成文日期", re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")),
    ("公开方式", re.compile(r"^（此件公开发布）$")),
]

_NORMALISE = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "(": "（",
        ")": "）",
        ":": "：",
        ",": "，",
        ";": "；",
        "〔": "〔",
        "[": "〔",
        "]": "〕",
        "\u3000": "",
        " ": "",
        "\t": "",
        "\xa0": "",
    }
)


class NoticeParseError(DomainError):
    code = "notice_unparsed"

    def __init__(self, message: str, *, sentence: str):
        super().__init__(f"{message}（无法识别的句子：“{sentence}”）")
        self.sentence = sentence


@dataclass(frozen=True)
class Reading:
    sentence: str
    meaning: str


@dataclass
class ParsedNotice:
    year: int
    title: str = ""
    document_number: str = ""
    days: list[DayRule] = field(default_factory=list)
    readings: list[Reading] = field(default_factory=list)

    @property
    def holidays(self) -> list[DayRule]:
        return [d for d in self.days if d.kind == HOLIDAY]

    @property
    def makeup_days(self) -> list[DayRule]:
        return [d for d in self.days if d.kind == WORKDAY]

    def summary(self) -> str:
        lines = [
            f"{self.year}年节假日安排：{self.title or '（未给出标题）'} {self.document_number}".rstrip()
        ]
        for reading in self.readings:
            lines.append(f"  “{reading.sentence}” → {reading.meaning}")
        lines.append(f"共 {len(self.holidays)} 个放假日、{len(self.makeup_days)} 个调休上班日。")
        return "\n".join(lines)


def _weekday_check(day: dt.date, annotation: str | None, sentence: str) -> None:
    if not annotation:
        return
    match = re.search(r"(?:周|星期)([一二三四五六日天])", annotation)
    if match and _CN_WEEKDAYS[match.group(1)] != day.weekday():
        raise NoticeParseError(
            f"{day.month}月{day.day}日标注为{match.group(0)}，但{day.year}年{day.month}月"
            f"{day.day}日是{weekday_name(day)}，请核对年份",
            sentence=sentence,
        )


def _date(year: int, y: str | None, m: int, d: int, sentence: str) -> dt.date:
    try:
        return dt.date(int(y) if y else year, m, d)
    except ValueError:
        raise NoticeParseError("日期无效", sentence=sentence) from None


def _span(a: dt.date, b: dt.date) -> list[dt.date]:
    return [a + dt.timedelta(days=i) for i in range((b - a).days + 1)]


def _parse_off(sentence: str, name: str, year: int) -> tuple[list[DayRule], str] | None:
    match = _OFF.match(sentence)
    if not match:
        return None
    g = match.groupdict()
    m1, d1 = int(g["m1"]), int(g["d1"])
    # The 元旦 item may start in December of the previous year without saying so.
    start_year = g["y1"] or (str(year - 1) if m1 == 12 and name.startswith("元旦") else None)
    start = _date(year, start_year, m1, d1, sentence)
    _weekday_check(start, g["a1"], sentence)
    end = start
    if g["d2"]:
        m2 = int(g["m2"]) if g["m2"] else start.month
        end_year = g["y2"] or (str(start.year + 1) if m2 < start.month else str(start.year))
        end = _date(year, end_year, m2, int(g["d2"]), sentence)
        _weekday_check(end, g["a2"], sentence)
    if end < start or (end - start).days > 15:
        raise NoticeParseError("放假起止日期不合理", sentence=sentence)
    days = _span(start, end)
    for clause in g["rest"].split("，"):
        for pattern in _OFF_CLAUSES:
            hit = pattern.match(clause)
            if hit:
                if hit.groupdict().get("n") and int(hit.group("n")) != len(days):
                    raise NoticeParseError(
                        f"写明共{hit.group('n')}天，但起止日期共{len(days)}天", sentence=sentence
                    )
                break
        else:
            raise NoticeParseError(f"放假句中的“{clause}”无法识别", sentence=sentence)
    meaning = (
        f"{name}放假：{start.isoformat()}"
        + (f" 至 {end.isoformat()}" if end != start else "")
        + f"（{len(days)}天）"
    )
    return [DayRule(day, HOLIDAY, name) for day in days], meaning


def _parse_makeup(sentence: str, name: str, year: int) -> tuple[list[DayRule], str] | None:
    if not sentence.endswith("上班"):
        return None
    body = sentence[: -len("上班")]
    days: list[DayRule] = []
    month, current_year = None, year
    for index, part in enumerate(body.split("、")):
        match = _ONE_DATE.fullmatch(part)
        if not match or (index == 0 and not match.group("m")):
            return None
        month = int(match.group("m")) if match.group("m") else month
        if match.group("y"):
            current_year = int(match.group("y"))
        elif name.startswith("元旦") and month == 12:
            current_year = year - 1
        day = _date(current_year, None, month, int(match.group("d")), sentence)
        _weekday_check(day, match.group("a"), sentence)
        if day.weekday() < 5:
            raise NoticeParseError(
                f"{day.isoformat()}是{weekday_name(day)}，本就是工作日，不应列为调休上班日",
                sentence=sentence,
            )
        days.append(DayRule(day, WORKDAY, name))
    meaning = f"{name}调休上班：" + "、".join(
        f"{d.date.isoformat()}（{weekday_name(d.date)}）" for d in days
    )
    return days, meaning


def _sentences(body: str) -> list[str]:
    return [s.strip() for s in re.split(r"[。；]", body) if s.strip()]


def normalise(text: str) -> str:
    """Unify punctuation and digits, drop spaces, and re-join a title printed on two lines
    (gov.cn prints "国务院办公厅关于2024年" / "部分节假日安排的通知")."""
    lines = [line.translate(_NORMALISE) for line in text.replace("\r", "\n").split("\n")]
    joined: list[str] = []
    for line in lines:
        if joined and re.search(r"关于\d{4}年$", joined[-1]) and line.startswith("部分节假日"):
            joined[-1] += line
        else:
            joined.append(line)
    return "\n".join(joined)


def parse_notice(text: str, *, year: int | None = None) -> ParsedNotice:
    """Parse a notice's text. `year` is needed only when the text has no title."""
    text = normalise(text)
    title_match = re.search(r"国务院办公厅关于(\d{4})年部分节假日安排的通知", text)
    if title_match:
        title_year = int(title_match.group(1))
        if year is not None and year != title_year:
            raise NoticeParseError(
                f"通知标题是{title_year}年，但指定的年份是{year}年", sentence=title_match.group(0)
            )
        year = title_year
    if year is None:
        raise NoticeParseError("找不到通知标题中的年份，请指定年份", sentence=text[:40])
    parsed = ParsedNotice(year=year, title=title_match.group(0) if title_match else "")
    number = re.search(r"国办发明电〔\d{4}〕\d+号", text)
    parsed.document_number = number.group(0) if number else ""

    segments = [
        segment
        for line in text.split("\n")
        for segment in _ITEM_SPLIT.split(line)
        if segment.strip()
    ]
    items = 0
    for segment in segments:
        item = _ITEM.match(segment)
        if item is None:
            for label, pattern in _BOILERPLATE:
                if pattern.search(segment):
                    parsed.readings.append(Reading(segment, f"（{label}，不产生日期）"))
                    break
            else:
                raise NoticeParseError(
                    "这一段既不是放假事项，也不是通知的固定用语", sentence=segment
                )
            continue
        items += 1
        name = item.group("name")
        for sentence in _sentences(segment[item.end() :]):
            if sentence.startswith("节假日期间"):
                parsed.readings.append(Reading(sentence, "（结束语，不产生日期）"))
                continue
            if sentence.startswith("鼓励"):
                parsed.readings.append(Reading(sentence, "（倡导性安排，不改变工作日）"))
                continue
            result = _parse_off(sentence, name, year) or _parse_makeup(sentence, name, year)
            if result is None:
                raise NoticeParseError(f"“{name}”一项中的这句话无法识别", sentence=sentence)
            rules, meaning = result
            parsed.days.extend(rules)
            parsed.readings.append(Reading(sentence, meaning))
    if items == 0:
        raise NoticeParseError("通知中没有找到任何放假事项（如“一、元旦：……”）", sentence=text[:40])
    seen: dict[dt.date, DayRule] = {}
    for rule in parsed.days:
        other = seen.get(rule.date)
        if other is not None and other.kind != rule.kind:
            raise NoticeParseError(f"{rule.date} 既放假又上班", sentence=rule.name)
        seen[rule.date] = rule
    parsed.days = sorted(seen.values(), key=lambda r: r.date)
    return parsed
