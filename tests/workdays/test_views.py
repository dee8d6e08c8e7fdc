"""The staff page: paste a notice → preview → save."""

from gongkai.workdays.models import CalendarYear
from tests.agencies.factories import MembershipFactory
from tests.workdays.fixtures import notice_text

URL = "/office/calendar/load/"


def test_preview_shows_every_sentence_and_saves_nothing(client, city):
    client.force_login(MembershipFactory(agency=city, role="admin").user)
    before = CalendarYear.objects.get(year=2024).source
    page = client.post(URL, {"text": notice_text(2024), "preview": "1"}).content.decode()
    assert "2024-02-10 至 2024-02-17" in page
    assert "倡导性安排" in page
    assert CalendarYear.objects.get(year=2024).source == before


def test_save_stores_the_year_and_lists_it(client, city):
    client.force_login(MembershipFactory(agency=city, role="admin").user)
    response = client.post(URL, {"text": notice_text(2024), "save": "1"})
    assert response.status_code == 302
    assert "国办发明电〔2023〕7号" in CalendarYear.objects.get(year=2024).source
    assert "国办发明电〔2023〕7号" in client.get("/office/calendar/").content.decode()


def test_unparsable_text_is_explained_in_chinese(client, city):
    client.force_login(MembershipFactory(agency=city, role="admin").user)
    page = client.post(URL, {"text": "随便写点什么", "preview": "1", "year": "2030"}).content
    assert "无法识别的句子：“随便写点什么”" in page.decode()


def test_clerks_may_read_the_list_but_not_load(client, clerk_a):
    client.force_login(clerk_a)
    assert client.get("/office/calendar/").status_code == 200
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"text": notice_text(2024), "save": "1"}).status_code == 403
