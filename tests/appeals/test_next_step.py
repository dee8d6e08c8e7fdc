"""The appeal case page tells whoever cannot record the outcome who does, and says when a case
is finished."""

from django.urls import reverse


def case_page(client, user, case) -> str:
    client.force_login(user)
    return client.get(reverse("appeals_office:case", args=[case.pk])).content.decode()


def test_an_open_case_waits_for_the_clerk_to_record_the_outcome(
    client, open_case, appeals_reviewer_a
):
    page = case_page(client, appeals_reviewer_a, open_case)
    assert "下一步：登记审结结果，由承办人办理。" in page


def test_the_clerk_who_records_it_needs_no_hint(client, open_case, clerk_a):
    assert "下一步" not in case_page(client, clerk_a, open_case)


def test_a_closed_case_is_finished(client, closed_case, appeals_reviewer_a):
    page = case_page(client, appeals_reviewer_a, closed_case)
    assert "办理流程已结束（结果维持），没有待办的下一步。" in page
