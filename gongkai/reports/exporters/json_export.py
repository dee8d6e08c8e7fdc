"""The report's data as JSON (ReportData.to_json, documented in docs/reports.md): readable
Chinese (ensure_ascii=False) in UTF-8, indented for people who open it. The text and charts
are not part of it; ReportData.from_json reads it back."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from . import ExportInput


def render(inp: ExportInput) -> bytes:
    text = json.dumps(inp.report.to_json(), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")
