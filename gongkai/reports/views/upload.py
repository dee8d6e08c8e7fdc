"""A supervisor checks a batch of published reports (one per agency): a table of agencies ×
problems, each problem linked to its place in the document's text."""

from __future__ import annotations

from django import forms
from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from gongkai.agencies.views import staff_required
from gongkai.core.uploads import DOCX, PDF, XLSX, UploadRejected, check_upload

from ..importers.batch import check_files
from ..importers.report_cli import known_last

MAX_FILES = 60
MAX_BYTES = 20 * 1024 * 1024
TEXT_EXTENSIONS = {"txt", "html", "htm"}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": ".pdf,.docx,.xlsx,.html,.htm,.txt"})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        if not files:
            raise forms.ValidationError(_("请选择要检查的年报文件。"))
        if len(files) > MAX_FILES:
            raise forms.ValidationError(_("一次最多检查%(n)d份年报。") % {"n": MAX_FILES})
        for file in files:
            _check(file)
        return files


def _check(file) -> None:
    """Size and real type: PDF/Word/Excel by content, text and web pages by being text."""
    extension = file.name.rsplit(".", 1)[-1].lower() if "." in file.name else ""
    try:
        if extension in TEXT_EXTENSIONS:
            if file.size == 0:
                raise UploadRejected(f"“{file.name}”是空文件。")
            if file.size > MAX_BYTES:
                raise UploadRejected(f"“{file.name}”超过{MAX_BYTES // 1024 // 1024}MB的上限。")
            head = file.read(4096)
            file.seek(0)
            if b"\x00" in head:
                raise UploadRejected(f"“{file.name}”不是文本文件。")
        else:
            check_upload(file, allowed=(PDF, DOCX, XLSX), max_bytes=MAX_BYTES)
    except UploadRejected as error:
        raise forms.ValidationError(error.message) from None


class CheckForm(forms.Form):
    files = MultipleFileField(
        label=_("年报文件"),
        help_text=_(
            "PDF、Word（.docx）、Excel（.xlsx）、网页（.html）或文本（.txt），每份不超过20MB。"
        ),
    )


def marked_text(text: str, marks: list[tuple[int, str]]) -> str:
    """The document's text with an anchor at each problem's place (escaped, then marked)."""
    out, last = [], 0
    for at, anchor in sorted(marks):
        out.append(escape(text[last:at]))
        out.append(f'<mark id="{anchor}">▶</mark>')
        last = at
    out.append(escape(text[last:]))
    return mark_safe("".join(out))


@staff_required
@require_http_methods(["GET", "POST"])
def check_batch(request):
    form = CheckForm(request.POST, request.FILES) if request.method == "POST" else CheckForm()
    results = []
    if request.method == "POST" and form.is_valid():
        files = [(f.name, f.read()) for f in form.cleaned_data["files"]]
        for index, result in enumerate(check_files(files, known_last=known_last)):
            parsed = result.parsed
            problems, marks = [], []
            for number, problem in enumerate(parsed.problems if parsed else []):
                anchor = f"doc{index}-p{number}"
                if problem.at is not None:
                    marks.append((problem.at, anchor))
                problems.append((problem, anchor if problem.at is not None else ""))
            results.append(
                {
                    "index": index,
                    "result": result,
                    "parsed": parsed,
                    "problems": problems,
                    "errors": sum(1 for p, _ in problems if p.severity == "error"),
                    "text": marked_text(parsed.text, marks) if parsed else "",
                }
            )
    return render(
        request,
        "reports/office/check.html",
        {"form": form, "results": results},
        status=400 if form.errors else 200,
    )
