"""Public pages: the list and the responsibility list today or on any past date, an item with
its history, and the adjustment record. Bad input is explained, never a 500."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from gongkai.powerlists import services as s
from tests.powerlists.fixtures import add, adjustment

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("frozen"),
]
D = dt.date


@pytest.fixture
def frozen():
    with time_machine.travel(dt.datetime(2026, 3, 2, 9, 0), tick=False):
        yield


@pytest.fixture
def items(clerk_a, dept_a):
    licence = add(clerk_a, dept_a, legal_basis="《中华人民共和国节约能源法》第十五条")
    s.power_item_change(
        actor=clerk_a,
        item=licence,
        process="网上申请—受理—审查—决定",
        **adjustment(D(2020, 7, 1), reason="一网通办", document="商编办〔2020〕18号"),
    )
    fine = add(clerk_a, dept_a, power_type="punishment", name="对超能耗限额用能的处罚")
    s.power_item_remove(
        actor=clerk_a,
        item=fine,
        **adjustment(D(2017, 1, 1), reason="依法取消", document="商政〔2016〕88号"),
    )
    return licence, fine


def page(client, name, *args, **params):
    return client.get(reverse(f"powerlists:{name}", args=args), params)


def test_the_list_shows_todays_items_by_default(client, items, dept_a):
    response = page(client, "list", dept_a.code)
    text = response.content.decode()
    assert response.status_code == 200
    assert "固定资产投资项目节能审查" in text and "第十五条" in text
    assert "对超能耗限额用能的处罚" not in text
    assert "2015年12月20日首次公布" in text


def test_the_list_on_a_past_date_shows_what_was_on_it(client, items, dept_a):
    text = page(client, "list", dept_a.code, date="2016-06-01").content.decode()
    assert "对超能耗限额用能的处罚" in text and "2016-06-01" in text


def test_before_the_first_publication_the_page_says_so(client, items, dept_a):
    text = page(client, "list", dept_a.code, date="2015-01-01").content.decode()
    assert "该日期本机关尚未公布权力清单" in text


def test_a_bad_date_is_explained_and_todays_list_shown(client, items, dept_a):
    response = page(client, "list", dept_a.code, date="2016-13-45")
    text = response.content.decode()
    assert response.status_code == 400
    assert "有效的日期" in text and "固定资产投资项目节能审查" in text


def test_the_responsibility_list_shows_duties_and_supervision(client, items, dept_a):
    text = page(client, "duties", dept_a.code).content.decode()
    assert "受理责任" in text and "监督电话：0370-3260000" in text


def test_the_list_filters_by_type(client, items, dept_a):
    text = page(client, "list", dept_a.code, date="2016-06-01", type="punishment").content.decode()
    assert "对超能耗限额用能的处罚" in text and "固定资产投资项目节能审查" not in text


def test_an_item_page_shows_its_content_and_history(client, items, dept_a):
    _licence, fine = items
    text = page(client, "item", dept_a.code, fine.code).content.decode()
    assert "不在本机关的权力清单中" in text
    assert "商政〔2016〕88号" in text and "依法取消" in text
    past = page(client, "item", dept_a.code, fine.code, date="2016-01-01").content.decode()
    assert "对超能耗限额用能的处罚" in past and "受理责任" in past


def test_the_adjustment_record_lists_every_adjustment(client, items, dept_a):
    text = page(client, "adjustments", dept_a.code).content.decode()
    assert text.count("商政〔2015〕50号") == 2 and "商政〔2016〕88号" in text
    only_2017 = page(client, "adjustments", dept_a.code, year=2017).content.decode()
    assert "商政〔2015〕50号" not in only_2017 and "商政〔2016〕88号" in only_2017
    removed = page(client, "adjustments", dept_a.code, kind="removed").content.decode()
    assert "商政〔2015〕50号" not in removed


def test_each_change_says_which_fields_it_changed(client, items, dept_a):
    licence, _fine = items
    text = page(client, "item", dept_a.code, licence.code).content.decode()
    assert "调整内容：办理流程" in text and "网上申请—受理—审查—决定" in text
    before = page(client, "item", dept_a.code, licence.code, date="2020-06-30").content.decode()
    assert "受理—审查—决定—送达" in before


def test_a_bad_filter_is_a_400_not_a_500(client, items, dept_a):
    assert page(client, "adjustments", dept_a.code, year="abc").status_code == 400


def test_unknown_agencies_and_items_are_404(client, items, dept_a):
    assert page(client, "list", "nope").status_code == 404
    assert page(client, "item", dept_a.code, "行政许可-999").status_code == 404


def test_the_index_lists_agencies_with_their_count(client, items, dept_a):
    text = page(client, "index").content.decode()
    assert dept_a.name in text
