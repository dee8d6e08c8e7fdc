"""No path around the 保密审查: every route that releases a catalogue item — the office form, the
API, a bulk import, a history migration, scheduled publication — goes through an approval by a
reviewer who is not the item's author, and the database itself refuses anything else."""

import csv
import datetime as dt
import io

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from gongkai.catalog import services as s
from gongkai.catalog.models import Item, ItemReview
from gongkai.catalog.services.importer import COLUMNS, folder_source, read_rows
from gongkai.catalog.states import ItemStatus
from gongkai.core.errors import DomainError
from gongkai.core.models import AuditEvent
from gongkai.search.backends import SearchQuery, get_backend
from tests.agencies.factories import MembershipFactory
from tests.catalog.fixtures import draft, published
from tests.catalog.test_attachments import (
    docx_with_text,
    workbook_with_a_title,
    workbook_with_hidden_content,
)

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 3, 10, 2, tzinfo=dt.UTC)  # 10:00 in Beijing


def frozen():
    return time_machine.travel(NOW, tick=False)


def csv_bytes(rows: list[dict]) -> bytes:
    names = [c for c in COLUMNS if any(c in row for row in rows)]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=names)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def imported(actor, agency, rows, *, history=False, **kwargs) -> list[Item]:
    with frozen():
        return s.catalog_import(
            actor=actor,
            agency=agency,
            rows=read_rows(csv_bytes(rows), "旧目录.csv"),
            source_name="旧目录.csv",
            history=history,
            **kwargs,
        )


OLD_ROWS = [
    {
        "title": "关于印发测试市节能监察办法的通知",
        "created_on": "2017-03-01",
        "published_on": "2017-03-02",
        "summary": "印发节能监察办法。",
        "channels": "政务微博:2017-03-02",
    },
    {"title": "2017年节能工作要点", "created_on": "2017-04-01", "published_on": "2017-04-05"},
]


def public_ids() -> list[int]:
    return sorted(Item.objects.filter(status=ItemStatus.PUBLISHED).values_list("pk", flat=True))


def search_ids(text) -> list[int]:
    return get_backend().search(SearchQuery(text)).doc_ids


# Imports ----------------------------------------------------------------------------------------


def test_a_new_items_import_cannot_carry_a_publication_date(clerk_a, dept_a):
    """The former bypass: a clerk imported rows with a 发布日期 and they were public at once."""
    with pytest.raises(s.ImportFailed) as caught:
        imported(clerk_a, dept_a, OLD_ROWS)
    assert [(e.row, e.column) for e in caught.value.errors] == [
        (1, "channels"),
        (1, "published_on"),
        (2, "published_on"),
    ]
    assert "历史迁移" in caught.value.errors[1].message
    assert not Item.objects.exists()


def test_new_items_are_imported_as_drafts_of_the_importer(clerk_a, dept_a):
    rows = [{"title": "2026年政务公开工作要点", "created_on": "2026-03-02", "summary": "要点。"}]
    [item] = imported(clerk_a, dept_a, rows)
    assert (item.status, item.author, item.review) == (ItemStatus.DRAFT, clerk_a, None)
    assert item.import_batch.imported_by == clerk_a and item.import_batch.kind == "new"
    assert [e.action for e in item.events.all()] == ["import"]


def test_an_import_needs_a_named_importer(dept_a):
    """Imported drafts without an author could be approved by anyone holding both roles."""
    with pytest.raises(DomainError) as caught:
        imported(None, dept_a, [{"title": "通知", "created_on": "2017-03-01"}])
    assert caught.value.code == "importer_required"
    assert not Item.objects.exists()


def test_a_history_migration_publishes_nothing_before_its_review(client, admin_a, dept_a):
    items = imported(admin_a, dept_a, OLD_ROWS, history=True)
    assert {i.status for i in items} == {ItemStatus.SUBMITTED}
    assert public_ids() == [] and search_ids("节能") == []
    for item in items:
        assert (
            client.get(reverse("catalog:item", args=[dept_a.code, item.public_id])).status_code
            == 404
        )
    assert client.get("/api/catalog/items/").json()["results"] == []


def test_the_importer_cannot_approve_their_own_batch_even_holding_the_reviewer_role(
    admin_a, dept_a
):
    """The former bypass: one person with both roles approved what they had imported."""
    MembershipFactory(agency=dept_a, role="reviewer", user=admin_a)
    items = imported(admin_a, dept_a, OLD_ROWS, history=True)
    batch = items[0].import_batch
    with frozen(), pytest.raises(PermissionDenied, match="导入人"):
        s.batch_approve(actor=admin_a, batch=batch)
    with frozen(), pytest.raises(PermissionDenied, match="起草人"):
        s.item_approve(actor=admin_a, item=items[0])
    assert public_ids() == [] and not ItemReview.objects.exists()


def test_a_clerk_with_the_reviewer_role_cannot_approve_an_import_of_new_items(
    clerk_a, catalog_reviewer_a, dept_a
):
    MembershipFactory(agency=dept_a, role="reviewer", user=clerk_a)
    rows = [{"title": "通知", "created_on": "2026-03-02", "summary": "通知。"}]
    [item] = imported(clerk_a, dept_a, rows)
    with frozen():
        s.batch_submit(actor=clerk_a, batch=item.import_batch)
        with pytest.raises(PermissionDenied):
            s.batch_approve(actor=clerk_a, batch=item.import_batch)
        [approved] = s.batch_approve(actor=catalog_reviewer_a, batch=item.import_batch)
    # A new item approved in a batch is published like any other, by the office, later.
    assert approved.status == ItemStatus.APPROVED and approved.published_at is None
    assert approved.review.reviewer == catalog_reviewer_a


def test_a_batch_approval_publishes_each_migrated_item_on_its_former_date_with_its_own_record(
    admin_a, catalog_reviewer_a, dept_a
):
    items = imported(admin_a, dept_a, OLD_ROWS, history=True)
    batch = items[0].import_batch
    with frozen():
        done = s.batch_approve(actor=catalog_reviewer_a, batch=batch, opinion="同意公开。")
    assert public_ids() == sorted(i.pk for i in items)
    assert [timezone.localdate(i.published_at) for i in done] == [
        dt.date(2017, 3, 2),
        dt.date(2017, 4, 5),
    ]
    for item in done:
        review = item.review
        assert (review.reviewer, review.batch, review.opinion) == (
            catalog_reviewer_a,
            batch,
            "同意公开。",
        )
        events = AuditEvent.objects.filter(
            content_type=ContentType.objects.get_for_model(Item), object_id=str(item.pk)
        )
        assert list(events.values_list("action", flat=True)) == ["catalog.approve_migrated"]
    assert list(done[0].channels.values_list("channel", "published_on")) == [
        ("weibo", dt.date(2017, 3, 2))
    ]
    assert AuditEvent.objects.get(action="catalog.batch_approve").changes == {"approved": [0, 2]}
    assert sorted(search_ids("节能")) == public_ids()


def test_each_flagged_item_of_a_batch_must_be_acknowledged(
    admin_a, catalog_reviewer_a, dept_a, tmp_path
):
    (tmp_path / "名单.xlsx").write_bytes(workbook_with_a_title())
    (tmp_path / "说明.docx").write_bytes(docx_with_text("说明"))
    rows = [
        dict(OLD_ROWS[0], attachments="名单.xlsx"),
        dict(OLD_ROWS[1], attachments="说明.docx"),
    ]
    flagged, clean = imported(
        admin_a, dept_a, rows, history=True, read_attachment=folder_source(tmp_path)
    )
    with frozen(), pytest.raises(DomainError) as caught:
        s.batch_approve(actor=catalog_reviewer_a, batch=flagged.import_batch, acknowledged=[clean])
    assert caught.value.code == "findings_unconfirmed" and caught.value.field == "acknowledged"
    assert flagged.title in caught.value.message and clean.title not in caught.value.message
    assert public_ids() == [] and not ItemReview.objects.exists()
    with frozen():
        s.batch_approve(
            actor=catalog_reviewer_a, batch=flagged.import_batch, acknowledged=[flagged]
        )
    flagged.refresh_from_db()
    assert list(flagged.review.findings) == ["名单.xlsx"]


def test_a_batch_with_a_file_that_refuses_release_cannot_be_approved_at_once(
    admin_a, catalog_reviewer_a, dept_a, tmp_path
):
    (tmp_path / "名单.xlsx").write_bytes(workbook_with_hidden_content())
    rows = [dict(OLD_ROWS[0], attachments="名单.xlsx"), OLD_ROWS[1]]
    flagged, _clean = imported(
        admin_a, dept_a, rows, history=True, read_attachment=folder_source(tmp_path)
    )
    with frozen(), pytest.raises(DomainError) as caught:
        s.batch_approve(
            actor=catalog_reviewer_a, batch=flagged.import_batch, acknowledged=[flagged]
        )
    assert caught.value.code == "release_blocked" and flagged.title in caught.value.message
    assert public_ids() == [] and not ItemReview.objects.exists()


def test_a_returned_batch_goes_back_to_drafts_and_keeps_its_former_dates(
    admin_a, clerk_a, catalog_reviewer_a, dept_a
):
    items = imported(admin_a, dept_a, OLD_ROWS, history=True)
    batch = items[0].import_batch
    with frozen():
        with pytest.raises(DomainError):
            s.batch_return(actor=catalog_reviewer_a, batch=batch, opinion=" ")
        s.batch_return(actor=catalog_reviewer_a, batch=batch, opinion="请补充内容概述")
        assert {i.status for i in batch.items.all()} == {ItemStatus.DRAFT}
        assert ItemReview.objects.filter(decision="returned", batch=batch).count() == 2
        second = Item.objects.get(pk=items[1].pk)
        s.item_update(actor=clerk_a, item=second, summary="2017年节能工作的要点。")
        s.batch_submit(actor=clerk_a, batch=batch)
        s.batch_approve(actor=catalog_reviewer_a, batch=batch)
    second.refresh_from_db()
    assert timezone.localdate(second.published_at) == dt.date(2017, 4, 5)
    assert second.summary == "2017年节能工作的要点。"


def test_an_empty_draft_keeps_the_whole_batch_from_being_submitted(clerk_a, dept_a):
    rows = [
        {"title": "有内容", "created_on": "2026-03-02", "summary": "概述。"},
        {"title": "无内容", "created_on": "2026-03-02"},
    ]
    items = imported(clerk_a, dept_a, rows)
    with frozen(), pytest.raises(DomainError) as caught:
        s.batch_submit(actor=clerk_a, batch=items[0].import_batch)
    assert caught.value.code == "empty_item" and "无内容" in caught.value.message
    assert {i.status for i in Item.objects.all()} == {ItemStatus.DRAFT}


def test_the_command_line_import_is_made_as_a_named_member_of_staff(
    admin_a, clerk_a, dept_a, tmp_path
):
    path = tmp_path / "旧目录.csv"
    path.write_bytes(csv_bytes(OLD_ROWS))
    with pytest.raises(CommandError, match="--user"):
        call_command("catalog", "import", str(path), "--agency", dept_a.code)
    with pytest.raises(CommandError, match="管理员"):
        call_command(
            "catalog", "import", str(path), "--agency", dept_a.code,
            "--user", clerk_a.username, "--history",
        )  # fmt: skip
    out = io.StringIO()
    with frozen():
        call_command(
            "catalog", "import", str(path), "--agency", dept_a.code,
            "--user", admin_a.username, "--history", stdout=out,
        )  # fmt: skip
    assert "均未公开" in out.getvalue()
    assert set(Item.objects.values_list("author", "status")) == {(admin_a.pk, "submitted")}


# The batch page and the API ---------------------------------------------------------------------


def test_the_batch_page_shows_each_finding_and_approves_with_each_tick(
    client, admin_a, catalog_reviewer_a, dept_a, tmp_path
):
    (tmp_path / "名单.xlsx").write_bytes(workbook_with_a_title())
    rows = [dict(OLD_ROWS[0], attachments="名单.xlsx"), OLD_ROWS[1]]
    flagged, _clean = imported(
        admin_a, dept_a, rows, history=True, read_attachment=folder_source(tmp_path)
    )
    page = reverse("catalog_office:batch", args=[flagged.import_batch_id])
    act = reverse("catalog_office:batch_act", args=[flagged.import_batch_id, "approve"])
    client.force_login(admin_a)
    assert "批量审查通过" not in client.get(page).content.decode()  # not the importer's to do
    client.force_login(catalog_reviewer_a)
    html = client.get(page).content.decode()
    assert "名单.xlsx" in html and f'value="{flagged.pk}"' in html and "批量审查通过" in html
    with frozen():
        refused = client.post(act, {"approve-confirm": "on"})
    assert refused.status_code == 400 and "逐条查看" in refused.content.decode()
    assert public_ids() == []
    with frozen():
        done = client.post(act, {"approve-confirm": "on", "approve-acknowledged": [flagged.pk]})
    assert done.status_code == 302 and len(public_ids()) == 2


def test_the_api_approves_a_batch_with_the_same_rules(client, admin_a, catalog_reviewer_a, dept_a):
    items = imported(admin_a, dept_a, OLD_ROWS, history=True)
    url = f"/api/office/catalog/batches/{items[0].import_batch_id}/"
    client.force_login(admin_a)
    refused = client.post(
        url + "actions/approve/", {"confirm": True}, content_type="application/json"
    )
    assert refused.status_code == 403 and public_ids() == []
    client.force_login(catalog_reviewer_a)
    assert client.get(url).json()["counts"]["submitted"] == 2
    unconfirmed = client.post(url + "actions/approve/", {}, content_type="application/json")
    assert unconfirmed.status_code == 400 and public_ids() == []
    with frozen():
        done = client.post(
            url + "actions/approve/", {"confirm": True}, content_type="application/json"
        )
    assert done.status_code == 200 and done.json()["counts"]["published"] == 2


def test_the_api_cannot_publish_an_item_without_its_review(client, clerk_a, dept_a):
    """The item actions of the API obey the same table: publication only after approval."""
    MembershipFactory(agency=dept_a, role="reviewer", user=clerk_a)
    item = draft(clerk_a, dept_a)
    client.force_login(clerk_a)
    url = f"/api/office/catalog/items/{item.pk}/actions/"
    assert client.post(url + "publish/").status_code == 409
    assert client.post(url + "submit/").status_code == 200
    assert client.post(url + "publish/").status_code == 409
    assert client.post(url + "approve/").status_code == 403  # the author, a reviewer too
    item.refresh_from_db()
    assert item.status == ItemStatus.SUBMITTED and not item.reviews.exists()


# Scheduled publication -------------------------------------------------------------------------


def test_scheduled_publication_only_releases_approved_items(clerk_a, catalog_reviewer_a, dept_a):
    waiting = draft(clerk_a, dept_a, title="待审查的定时条目")
    s.item_submit(actor=clerk_a, item=waiting)
    Item.objects.filter(pk=waiting.pk).update(scheduled_for=NOW - dt.timedelta(hours=1))
    with frozen():
        assert s.publish_due() == []
    waiting.refresh_from_db()
    assert waiting.status == ItemStatus.SUBMITTED


# The database ----------------------------------------------------------------------------------


def _release_raw(item: Item, review_id) -> None:
    with transaction.atomic():
        Item.objects.filter(pk=item.pk).update(
            status=ItemStatus.PUBLISHED, published_at=timezone.now(), review_id=review_id
        )


def test_the_database_refuses_a_published_item_without_a_review(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    with pytest.raises(DatabaseError):
        _release_raw(item, None)
    item.refresh_from_db()
    assert item.status == ItemStatus.DRAFT


def test_the_database_refuses_a_review_by_the_author(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    own = ItemReview.objects.create(item=item, reviewer=clerk_a, decision="approved")
    with pytest.raises(DatabaseError):
        _release_raw(item, own.pk)
    assert Item.objects.get(pk=item.pk).status == ItemStatus.DRAFT


def test_the_database_refuses_a_returned_review_or_another_items_approval(
    clerk_a, catalog_reviewer_a, dept_a
):
    item, other = draft(clerk_a, dept_a), draft(clerk_a, dept_a)
    returned = ItemReview.objects.create(
        item=item, reviewer=catalog_reviewer_a, decision="returned", opinion="请修改"
    )
    elsewhere = ItemReview.objects.create(
        item=other, reviewer=catalog_reviewer_a, decision="approved"
    )
    for review in (returned, elsewhere):
        with pytest.raises(DatabaseError):
            _release_raw(item, review.pk)
    assert Item.objects.get(pk=item.pk).status == ItemStatus.DRAFT


def test_the_database_accepts_an_approval_by_another_person(clerk_a, catalog_reviewer_a, dept_a):
    item = draft(clerk_a, dept_a)
    review = ItemReview.objects.create(item=item, reviewer=catalog_reviewer_a, decision="approved")
    _release_raw(item, review.pk)
    assert Item.objects.get(pk=item.pk).status == ItemStatus.PUBLISHED


def test_the_database_refuses_to_make_the_reviewer_the_author_afterwards(
    clerk_a, catalog_reviewer_a, dept_a
):
    item = published(clerk_a, catalog_reviewer_a, dept_a)
    with pytest.raises(DatabaseError), transaction.atomic():
        Item.objects.filter(pk=item.pk).update(author=catalog_reviewer_a)


def test_review_rows_are_never_changed_and_no_legacy_row_is_added(
    clerk_a, catalog_reviewer_a, dept_a
):
    item = published(clerk_a, catalog_reviewer_a, dept_a)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE catalog_itemreview SET reviewer_id = %s WHERE id = %s",
            [clerk_a.pk, item.review_id],
        )
    with pytest.raises(DatabaseError), transaction.atomic():
        ItemReview.objects.create(item=item, decision="approved", legacy=True)
    assert ItemReview.objects.get().reviewer == catalog_reviewer_a


# The migration that introduced the review rows --------------------------------------------------


@pytest.fixture
def latest_schema_after():
    """Migrating catalog back also unapplies what depends on it (redaction 0002): every app is
    brought back to its latest migration afterwards, for the tests that follow."""
    yield
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("latest_schema_after")
def test_the_migration_records_a_review_row_for_every_item_already_released(dept_a):
    """Items released before review rows existed get one: their recorded reviewer, or — an
    import that the former system had reviewed — a legacy row no one can add any more."""
    from django.contrib.auth import get_user_model
    from django.db.migrations.executor import MigrationExecutor

    users = get_user_model().objects
    clerk, reviewer = users.create(username="旧起草人"), users.create(username="旧审查人")
    before, after = (
        [("catalog", "0003_publication_deadlines")],
        [("catalog", "0004_review_records")],
    )
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps.get_model("catalog", "Item")
    common = {"agency_id": dept_a.pk, "issuer_id": dept_a.pk, "created_on": dt.date(2017, 3, 1)}
    reviewed = old.objects.create(
        index_number="OLD-1", title="审查过的", status="published", author_id=clerk.pk,
        reviewed_by_id=reviewer.pk, reviewed_at=NOW, review_opinion="同意公开。",
        published_at=NOW, **common,
    )  # fmt: skip
    imported_before = old.objects.create(
        index_number="OLD-2", title="旧系统导入的", status="published", imported_from="旧.csv",
        published_at=NOW, **common,
    )  # fmt: skip
    drafted = old.objects.create(index_number="OLD-3", title="草稿", status="draft", **common)
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)
    first, second = (ItemReview.objects.get(item_id=i.pk) for i in (reviewed, imported_before))
    assert (first.reviewer, first.opinion, first.legacy) == (reviewer, "同意公开。", False)
    assert (second.reviewer, second.legacy) == (None, True)
    assert Item.objects.get(pk=reviewed.pk).review == first
    assert not ItemReview.objects.filter(item_id=drafted.pk).exists()
    # The triggers are in place after the migration.
    with pytest.raises(DatabaseError), transaction.atomic():
        Item.objects.filter(pk=drafted.pk).update(status="approved", review=first)
