"""What staff can do on a catalogue item: one table read by the item page and the API alike."""

from django.utils.translation import gettext_lazy as _

from gongkai.core.actions import Action, ActionTable
from gongkai.core.release_forms import release_arguments

from . import forms as f
from . import services as s
from .permissions import POLICY
from .states import FILES_CLEANABLE, REGISTERABLE, WORKFLOW, ItemStatus

TABLE = ActionTable("catalog.Item", policy=POLICY, workflow=WORKFLOW)


def _with_item(item) -> dict:
    return {"item": item}


def _with_agency(item) -> dict:
    """A form that looks up other items by 索引号 sees the item's agency's and published ones."""
    return {"agency": item.agency}


def _normative_initial(item) -> dict:
    """The register entry as it stands, for changing it."""
    record = getattr(item, "normative", None)
    if record is None:
        return {}
    return {name: getattr(record, name) for name in f.NormativeForm.base_fields}


def _registerable(item) -> bool:
    return item.status in REGISTERABLE


def _has_files_to_clean(item) -> bool:
    return item.status in FILES_CLEANABLE and item.attachments.exists()


TABLE.add(
    Action("submit", _("提交保密审查"), lambda a, i, d: s.item_submit(actor=a, item=i)),
    Action(
        "return",
        _("退回修改"),
        lambda a, i, d: s.item_return(actor=a, item=i, **d),
        f.OpinionForm,
    ),
    Action(
        "approve",
        _("保密审查通过"),
        lambda a, i, d: s.item_approve(
            actor=a, item=i, opinion=d["opinion"], **release_arguments(d)
        ),
        f.ApproveForm,
    ),
    Action(
        "schedule",
        _("定时发布"),
        lambda a, i, d: s.item_schedule(actor=a, item=i, **d),
        f.ScheduleForm,
    ),
    Action("publish", _("立即发布"), lambda a, i, d: s.item_publish(actor=a, item=i)),
    Action(
        "withdraw",
        _("撤回"),
        lambda a, i, d: s.item_withdraw(actor=a, item=i, **d),
        f.ReasonForm,
    ),
    Action(
        "update_register",
        _("登记其他发布渠道"),
        lambda a, i, d: s.channel_record(actor=a, item=i, **d),
        f.ChannelForm,
    ),
    # Register entries shown after the transitions.
    Action(
        "validity",
        _("变更有效性"),
        lambda a, i, d: s.item_set_validity(actor=a, item=i, **d),
        f.ValidityForm,
        permission="update_register",
        transition="update_register",
        form_kwargs=_with_agency,
        order=10,
    ),
    Action(
        "normative",
        _("规范性文件登记"),
        lambda a, i, d: s.normative_register(actor=a, item=i, **d),
        f.NormativeForm,
        permission="update_register",
        transition=None,
        when=_registerable,
        initial=_normative_initial,
        order=10,
    ),
    # Who may clean a file depends on the state (the clerk while drafting, the reviewer during
    # the review): the policy's rule says so.
    Action(
        "strip_metadata",
        _("清除附件的文档属性（作者、单位等）"),
        lambda a, i, d: s.attachment_strip_metadata(actor=a, attachment=d["attachment"]),
        f.AttachmentChoiceForm,
        transition=None,
        when=_has_files_to_clean,
        form_kwargs=_with_item,
        order=20,
    ),
)


# An import batch (批量审查): the batch's page and its API endpoint read this table. The labels
# are the item's own: on the batch's page each applies to every item of the batch it concerns.
BATCH_TABLE = ActionTable("catalog.ImportBatch", policy=POLICY, prefixed=True)


def _has(status):
    return lambda batch: batch.items.filter(status=status).exists()


def _for_batch(batch) -> dict:
    return {"batch": batch}


BATCH_TABLE.add(
    Action(
        "submit",
        _("提交保密审查"),
        lambda a, b, d: s.batch_submit(actor=a, batch=b),
        permission="batch_submit",
        when=_has(ItemStatus.DRAFT),
    ),
    Action(
        "approve",
        _("保密审查通过"),
        lambda a, b, d: s.batch_approve(actor=a, batch=b, **d),
        f.BatchApproveForm,
        permission="batch_approve",
        when=_has(ItemStatus.SUBMITTED),
        form_kwargs=_for_batch,
        confirm=_(
            "通过后，本批每一条待审查的条目都记为经您保密审查通过；历史迁移的条目随即按原发布日期"
            "公开。确认通过？"
        ),
    ),
    Action(
        "return",
        _("退回修改"),
        lambda a, b, d: s.batch_return(actor=a, batch=b, **d),
        f.OpinionForm,
        permission="batch_return",
        when=_has(ItemStatus.SUBMITTED),
    ),
)
