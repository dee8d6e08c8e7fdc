"""The two regimes as data, and the receipt-date rule of Art. 31."""

import datetime as dt
import re
from pathlib import Path

import pytest

from gongkai.core.errors import DomainError
from gongkai.regimes import REGIMES, get_regime, regime_for
from gongkai.regimes.rules import Channel, ReceiptBasis, receipt_date

D = dt.date


def test_time_limits_of_each_regime():
    r08, r19 = get_regime("2008"), get_regime("2019")
    assert (r08.reply.workdays, r08.extension.workdays) == (15, 15)
    assert (r19.reply.workdays, r19.extension.workdays) == (20, 20)
    assert r19.correction_notice.workdays == 7 and r19.correction_restarts_clock
    assert r19.consultation.workdays == 15
    assert r19.paused_for == {"third_party", "agency"} and r08.paused_for == {"third_party"}
    assert r19.fee_payment.workdays == 20 and r19.fees_from == D(2021, 1, 1)
    assert r08.proactive_publication.workdays == r19.proactive_publication.workdays == 20


@pytest.mark.parametrize(
    ("received", "code"),
    [
        (D(2008, 5, 1), "2008"),
        (D(2019, 5, 14), "2008"),
        (D(2019, 5, 15), "2019"),
        (D(2026, 11, 27), "2019"),
    ],
)
def test_regime_follows_the_receipt_date(received, code):
    assert regime_for(received).code == code


def test_receipt_before_the_2008_regulation_is_refused():
    with pytest.raises(DomainError):
        regime_for(D(2008, 4, 30))


def test_unknown_regime_code():
    with pytest.raises(DomainError) as info:
        get_regime("2021")
    assert info.value.code == "unknown_regime"


@pytest.mark.parametrize(
    ("channel", "basis"),
    [
        (Channel.IN_PERSON, ReceiptBasis.SUBMITTED),
        (Channel.REGISTERED_MAIL, ReceiptBasis.SIGNED),
        (Channel.ORDINARY_MAIL, ReceiptBasis.CONFIRMED),
        (Channel.ONLINE, ReceiptBasis.CONFIRMED),
        (Channel.EMAIL, ReceiptBasis.CONFIRMED),
        (Channel.FAX, ReceiptBasis.CONFIRMED),
    ],
)
def test_receipt_date_follows_article_31_by_channel(channel, basis):
    dates = {"submitted": D(2026, 3, 2), "signed": D(2026, 3, 4), "confirmed": D(2026, 3, 5)}
    day, got_basis, text = receipt_date(channel, **dates)
    assert got_basis == basis
    assert day == dates[basis]
    assert text.startswith("第三十一条")


def test_online_application_without_confirmation_has_no_receipt_date():
    with pytest.raises(DomainError) as info:
        receipt_date(Channel.ONLINE, submitted=D(2026, 3, 2))
    assert info.value.code == "receipt_date_missing"
    assert "确认之日" in info.value.message


def test_confirmation_before_submission_is_refused():
    with pytest.raises(DomainError):
        receipt_date(Channel.FAX, submitted=D(2026, 3, 5), confirmed=D(2026, 3, 2))


def test_no_code_outside_the_regimes_hard_codes_a_time_limit():
    """Law is data: '20个工作日' and friends are written only in gongkai/regimes."""
    root = Path(__file__).resolve().parents[2] / "gongkai"
    pattern = re.compile(r"(?<![\d-])(7|15|20)\s*个工作日|workdays\s*=\s*(7|15|20)\b")
    offenders = [
        f"{path.relative_to(root)}:{n}"
        for path in root.rglob("*.py")
        if "regimes" not in path.parts and "migrations" not in path.parts
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []
    assert set(REGIMES) == {"2008", "2019"}


# An article of a regulation (第二十六条) or a period in working days (20个工作日).
ARTICLE = re.compile(r"第[一二三四五六七八九十百零]+条")
WORKDAYS = re.compile(r"(?<![\d-])\d+\s*个工作日")


def _letter_texts() -> list[tuple[int, str]]:
    """(line, text) of every string in the default letter templates (docstrings aside)."""
    import ast

    path = Path(__file__).resolve().parents[2] / "gongkai" / "letters" / "defaults.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_no_template_types_an_article_or_a_time_limit():
    """Pages take articles and periods from the regime of the object's date (an item drafted
    before 2019-05-15 falls under the 2008 Regulation), so no template may type them."""
    root = Path(__file__).resolve().parents[2] / "gongkai"
    offenders = [
        f"{path.relative_to(root)}:{n}: {match.group()}"
        for path in root.rglob("*.html")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for match in [*ARTICLE.finditer(line), *WORKDAYS.finditer(line)]
    ]
    assert offenders == []


def test_no_letter_text_types_an_article_or_a_time_limit():
    """Letters cite {{ regime.… }} and {{ outcome_citation }}: the law of the case's date."""
    offenders = [
        f"letters/defaults.py:{line}: {match.group()}"
        for line, text in _letter_texts()
        for match in [*ARTICLE.finditer(text), *WORKDAYS.finditer(text)]
    ]
    assert offenders == []


def test_the_scans_find_what_they_forbid():
    """The patterns themselves: a typed article and a typed period are found, a regime's
    variable is not."""
    assert ARTICLE.search("依条例第二十六条") and WORKDAYS.search("超过20个工作日")
    assert not ARTICLE.search("{{ regime.citation }}{{ regime.fee_basis }}")
    assert not WORKDAYS.search("{{ regime.reply.workdays }}个工作日")


def test_each_regime_names_the_articles_pages_and_letters_cite():
    """2019: Art. 29 (contents), 31 (receipt), 36(1) (already public), 42 (fee); 2008: Art. 20
    and 21(1), no receipt rule and no 信息处理费."""
    new, old = REGIMES["2019"], REGIMES["2008"]
    assert (new.request_contents_basis, new.receipt_date_basis) == ("第二十九条", "第三十一条")
    assert (new.already_public_basis, new.fee_basis) == ("第三十六条第（一）项", "第四十二条")
    assert (old.request_contents_basis, old.receipt_date_basis) == ("第二十条", None)
    assert (old.already_public_basis, old.fee_basis) == ("第二十一条第（一）项", None)
    assert new.find_outcome("np_repeat").basis == "第三十六条第（六）项"
    assert old.find_outcome("np_repeat") is None
