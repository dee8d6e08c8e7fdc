"""Staff pages: listing an item, recording adjustments through forms, and publishing a list
from a file. Bad input is shown on the form and nothing is saved."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.powerlists.models import PowerItem, PowerItemVersion
from tests.powerlists.fixtures import add, content

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = content() | {
        "effective_on": "2016-01-01",
        "reason": "公布清单",
        "document": "商政〔2015〕50号",
    }
    return data | overrides


def test_a_clerk_lists_an_item_through_the_form(client, clerk_a, dept_a):
    client.force_login(clerk_a)
    response = client.post(reverse("powerlists_office:create"), form_data(agency=dept_a.pk))
    item = PowerItem.objects.get()
    assert response.status_code == 302 and item.code == "行政许可-001"
    assert item.versions.get().effective_on == dt.date(2016, 1, 1)


def test_bad_input_is_explained_and_nothing_is_saved(client, clerk_a, dept_a):
    client.force_login(clerk_a)
    response = client.post(
        reverse("powerlists_office:create"), form_data(agency=dept_a.pk, document="")
    )
    assert response.status_code == 400 and "该字段是必填项" in response.content.decode()
    response = client.post(
        reverse("powerlists_office:create"),
        form_data(agency=dept_a.pk, effective_on="1990-01-01"),
    )
    assert response.status_code == 400 and "生效日期不能早于2000-01-01" in response.content.decode()
    assert not PowerItem.objects.exists()


def test_a_change_starts_from_the_current_content(client, clerk_a, dept_a):
    item = add(clerk_a, dept_a)
    client.force_login(clerk_a)
    url = reverse("powerlists_office:adjust", args=[item.pk, "change"])
    assert "固定资产投资项目节能审查" in client.get(url).content.decode()
    response = client.post(
        url, form_data(effective_on="2017-01-01", legal_basis="《固定资产投资项目节能审查办法》")
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.last_version == 2 and item.legal_basis == "《固定资产投资项目节能审查办法》"


def test_a_back_dated_change_is_refused_on_the_form(client, clerk_a, dept_a):
    item = add(clerk_a, dept_a)
    client.force_login(clerk_a)
    response = client.post(
        reverse("powerlists_office:adjust", args=[item.pk, "change"]),
        form_data(effective_on="2015-01-01", name="新名称"),
    )
    assert response.status_code == 400 and "不能倒签" in response.content.decode()
    assert PowerItemVersion.objects.count() == 1


def test_remove_then_relist_from_the_item_page(client, clerk_a, dept_a):
    item = add(clerk_a, dept_a)
    client.force_login(clerk_a)
    page = client.get(reverse("powerlists_office:item", args=[item.pk])).content.decode()
    assert "取消" in page and "重新列入" not in page
    removal = {"effective_on": "2017-01-01", "reason": "取消", "document": "商政〔2016〕88号"}
    client.post(reverse("powerlists_office:adjust", args=[item.pk, "remove"]), removal)
    item.refresh_from_db()
    assert item.status == "removed"
    page = client.get(reverse("powerlists_office:item", args=[item.pk])).content.decode()
    assert "重新列入" in page and "商政〔2016〕88号" in page
    relist = reverse("powerlists_office:adjust", args=[item.pk, "relist"])
    client.post(relist, form_data(effective_on="2018-01-01"))
    item.refresh_from_db()
    assert item.status == "in_force" and item.last_version == 3


def test_an_action_the_status_forbids_is_refused(client, clerk_a, dept_a):
    item = add(clerk_a, dept_a)
    client.force_login(clerk_a)
    url = reverse("powerlists_office:adjust", args=[item.pk, "relist"])
    assert client.get(url).status_code == 403


def test_other_agencies_items_are_404_and_supervisors_read_only(
    client, powerlist_clerk_b, supervisor, clerk_a, dept_a
):
    item = add(clerk_a, dept_a)
    client.force_login(powerlist_clerk_b)
    assert client.get(reverse("powerlists_office:item", args=[item.pk])).status_code == 404
    client.force_login(supervisor)
    assert client.get(reverse("powerlists_office:item", args=[item.pk])).status_code == 200
    url = reverse("powerlists_office:adjust", args=[item.pk, "remove"])
    assert client.post(url, {"effective_on": "2017-01-01"}).status_code == 403
    assert client.get(reverse("powerlists_office:create")).status_code == 403


def test_the_index_lists_visible_items(client, clerk_a, dept_a):
    add(clerk_a, dept_a)
    client.force_login(clerk_a)
    text = client.get(reverse("powerlists_office:index")).content.decode()
    assert "行政许可-001" in text and "批量公布清单" in text


def test_a_list_is_published_from_a_file_or_every_error_shown(client, clerk_a, dept_a):
    client.force_login(clerk_a)
    header = "power_type,name,legal_basis,responsible_unit\n"
    bad = header + "行政许可,节能审查,依据,科室\n行政许诺,名称,,科室\n"
    batch = {"effective_on": "2015-12-20", "reason": "公布", "document": "商政〔2015〕50号"}
    response = client.post(
        reverse("powerlists_office:import"),
        {**batch, "data": SimpleUploadedFile("清单.csv", bad.encode())},
    )
    text = response.content.decode()
    assert response.status_code == 400 and "未导入任何事项" in text
    assert "不是权力类型" in text and "实施依据必填" in text
    assert not PowerItem.objects.exists()
    good = header + "行政许可,节能审查,依据,科室\n行政处罚,节能处罚,依据,科室\n"
    response = client.post(
        reverse("powerlists_office:import"),
        {**batch, "data": SimpleUploadedFile("清单.csv", good.encode())},
    )
    assert response.status_code == 302 and PowerItem.objects.count() == 2
