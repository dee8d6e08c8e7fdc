"""What every bulk import shares: reading CSV, XLSX or JSON rows with known columns only, and
reporting every bad row at once (all rows or none are imported). Files are read within the
limits on uploaded files, in a child process (core.parsing), and no further than one row past
GONGKAI_IMPORT_MAX_ROWS."""

import csv
import datetime
import io
import itertools
import json
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings

from . import parsing
from .errors import DomainError


@dataclass(frozen=True)
class RowError:
    row: int  # 1-based data row (the header is row 0)
    column: str
    message: str

    def __str__(self):
        return f"第{self.row}行 {self.column}：{self.message}"

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message}


class ImportFailed(DomainError):
    """Raised with every row error; nothing was imported."""

    code = "import_failed"

    def __init__(self, errors: list[RowError], what: str = "条目"):
        super().__init__(f"导入文件有{len(errors)}处错误，未导入任何{what}。")
        self.errors = sorted(errors, key=lambda e: (e.row, e.column))

    def as_dict(self) -> dict:
        return {**super().as_dict(), "errors": [e.as_dict() for e in self.errors]}


def read_rows(
    data: bytes, filename: str, columns: Iterable[str], *, kinds=("csv",), max_bytes: int
) -> list[dict]:
    """Rows as {column: text} from a CSV (UTF-8 with or without BOM, or GB18030 as Excel saves
    it), an XLSX (first sheet) or a JSON array of objects, as `kinds` allows. Unknown columns
    are refused: a misspelt header must not silently drop its data."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension not in kinds:
        raise DomainError(
            "只支持" + "、".join(f".{k}" for k in kinds) + "文件。", code="import_bad_type"
        )
    if len(data) > max_bytes:
        raise DomainError(f"导入文件超过{max_bytes // 1024 // 1024}MB。", code="import_too_large")
    if extension == "xlsx":  # a real workbook, checked by content like every upload
        from django.core.files.base import ContentFile

        from .uploads import XLSX, check_upload

        check_upload(ContentFile(data, name=filename), allowed=(XLSX,), max_bytes=max_bytes)
    reader = {"csv": _csv_rows, "xlsx": _xlsx_rows, "json": _json_rows}[extension]
    most = settings.GONGKAI_IMPORT_MAX_ROWS
    names, rows = parsing.read(data, filename, reader, most)
    if len(rows) > most:
        raise DomainError(f"一次最多导入{most}条。", code="import_too_many")
    unknown = names - set(columns)
    if unknown:
        raise DomainError(
            "文件中有未知的列：" + "、".join(sorted(unknown)) + "。可用的列见导入说明。",
            code="import_bad_columns",
        )
    return rows


def _csv_rows(data: bytes, most: int) -> tuple[set[str], list[dict]]:
    if b"\x00" in data:
        raise DomainError("这不是文本格式的CSV文件。", code="import_bad_type")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise DomainError("CSV文件编码无法识别，请保存为UTF-8。", code="import_bad_encoding")
    reader = csv.DictReader(io.StringIO(text))
    header = [(name or "").strip() for name in reader.fieldnames or []]
    reader.fieldnames = header
    rows = ({k: (v or "") for k, v in row.items() if k} for row in reader)
    return set(header) - {""}, list(itertools.islice(rows, most + 1))


def _xlsx_rows(data: bytes, most: int) -> tuple[set[str], list[dict]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a damaged file
        parsing.reraise_limits(error)
        raise DomainError("Excel文件无法读取，可能已损坏。", code="import_bad_xlsx") from None
    values = book.worksheets[0].iter_rows(values_only=True)
    header = [str(h or "").strip() for h in next(values, [])]
    rows = (
        {h: _cell(v) for h, v in zip(header, row, strict=False) if h}
        for row in values
        if any(v not in (None, "") for v in row)
    )
    return set(header) - {""}, list(itertools.islice(rows, most + 1))


def _cell(value) -> str:
    if isinstance(value, datetime.datetime | datetime.date):
        return value.strftime("%Y-%m-%d")
    return "" if value is None else str(value)


def _json_rows(data: bytes, most: int) -> tuple[set[str], list[dict]]:
    try:
        rows = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DomainError(f"JSON文件无法解析：{error}", code="import_bad_json") from None
    except RecursionError:  # [[[[…]]]] nested deeper than Python's stack
        raise DomainError("JSON文件嵌套层数过多。", code="import_bad_json") from None
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise DomainError("JSON文件应为对象数组，每个对象一行。", code="import_bad_json")
    rows = rows[: most + 1]
    names = {name for row in rows for name in row}
    return names, [{k: "" if v is None else v for k, v in r.items()} for r in rows]
