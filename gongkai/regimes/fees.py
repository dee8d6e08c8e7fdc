"""信息处理费 (《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号), charged from 2021-01-01.

An agency may charge only when the quantity or frequency of an applicant's requests clearly
exceeds a reasonable range (Regulation Art. 42), by piece *or* by volume (never both), each on
an excess-progressive basis. Pure functions; amounts in whole yuan.
"""

from dataclasses import dataclass

from gongkai.core.errors import DomainError

BY_PIECE, BY_VOLUME = "piece", "volume"


@dataclass(frozen=True)
class FeeLine:
    first: int  # first piece/page of the band
    last: int
    rate: int  # yuan per piece/page
    count: int

    @property
    def amount(self) -> int:
        return self.rate * self.count


@dataclass(frozen=True)
class FeeQuote:
    method: str
    lines: tuple[FeeLine, ...]
    basis: str

    @property
    def amount(self) -> int:
        return sum(line.amount for line in self.lines)

    def describe(self) -> str:
        unit = "件" if self.method == BY_PIECE else "页"
        parts = [
            f"第{line.first}至{line.last}{unit}免费"
            if line.rate == 0
            else f"第{line.first}至{line.last}{unit}每{unit}{line.rate}元，计{line.amount}元"
            for line in self.lines
        ]
        return "；".join(parts) + f"。合计{self.amount}元。"


def piece_rate(position: int) -> int:
    """Rate of the `position`-th piece an applicant files in one calendar month (Measures Art. 4):
    1–10 free; 11–30 100元; then each band of 10 costs 100元 more per piece (31–40 200元 …)."""
    if position <= 10:
        return 0
    if position <= 30:
        return 100
    return 100 * (2 + (position - 31) // 10)


def volume_rate(page: int) -> int:
    """Rate of the `page`-th page of one application (Measures Art. 5): 1–30 free; 31–100 10元;
    101–200 20元; 201 and more 40元."""
    if page <= 30:
        return 0
    if page <= 100:
        return 10
    if page <= 200:
        return 20
    return 40


def _quote(method: str, positions: range, rate, basis: str) -> FeeQuote:
    lines: list[FeeLine] = []
    for position in positions:
        value = rate(position)
        if lines and lines[-1].rate == value:
            last = lines[-1]
            lines[-1] = FeeLine(last.first, position, value, last.count + 1)
        else:
            lines.append(FeeLine(position, position, value, 1))
    return FeeQuote(method, tuple(lines), basis)


def quote_by_piece(*, earlier_pieces_this_month: int, pieces: int) -> FeeQuote:
    """Fee for `pieces` pieces of one application by an applicant who already filed
    `earlier_pieces_this_month` pieces in the same calendar month."""
    if earlier_pieces_this_month < 0 or pieces < 1:
        raise DomainError("件数应为正整数。", code="fee_invalid_count")
    start = earlier_pieces_this_month + 1
    return _quote(
        BY_PIECE,
        range(start, start + pieces),
        piece_rate,
        "《政府信息公开信息处理费管理办法》第四条：按件计收，同一申请人一个自然月内累计申请件数超额累进",
    )


def quote_by_volume(*, pages: int) -> FeeQuote:
    if pages < 1:
        raise DomainError("页数应为正整数。", code="fee_invalid_count")
    return _quote(
        BY_VOLUME,
        range(1, pages + 1),
        volume_rate,
        "《政府信息公开信息处理费管理办法》第五条：按量计收，同一申请件数中页数超额累进",
    )
