"""The one state machine of a catalogue item: nothing is released without a 保密审查. Nobody else
lists statuses: every set of statuses other modules need is named here.

draft → submitted → (reviewer) approved → published → withdrawn; a reviewer may return a
submission to draft with an opinion, and an approved item may be published at once or at a
scheduled time. An item a history migration brought from a system that had published it goes
from submitted to published by its review (on its former 发布日期). Drafting an item is the transition from INITIAL (no item yet) to draft.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.core.workflow import INITIAL, Transition, Workflow


class ItemStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    SUBMITTED = "submitted", _("待保密审查")
    APPROVED = "approved", _("审查通过，待发布")
    PUBLISHED = "published", _("已发布")
    WITHDRAWN = "withdrawn", _("已撤回")


S = ItemStatus

# Named sets of statuses -----------------------------------------------------------------------
# The text may still change (fields edited, attachments added or removed).
EDITABLE = frozenset({S.DRAFT})
# Under the 保密审查: the reviewer, not the author, may clean the files.
IN_REVIEW = frozenset({S.SUBMITTED})
# Attachments may still have their document properties stripped: by the clerk while drafting,
# by the reviewer during the review; not once approved.
FILES_CLEANABLE = frozenset({S.DRAFT, S.SUBMITTED})
# Not out yet: the publication period (2019 Art. 26, 2008 Art. 18) runs for 主动公开 items.
UNPUBLISHED = frozenset({S.DRAFT, S.SUBMITTED, S.APPROVED})
# On the public catalogue, in search and feeds.
PUBLIC = frozenset({S.PUBLISHED})
# Went out at some time (withdrawn later or not): counted by the annual report; its public URL
# answers (a withdrawn item with a notice).
WAS_PUBLISHED = frozenset({S.PUBLISHED, S.WITHDRAWN})
# A 保密审查 approved it: the item points at the approving review row (models.ItemReview).
REVIEWED = frozenset({S.APPROVED, S.PUBLISHED, S.WITHDRAWN})
# The 规范性文件 register entry may be made or changed (not while the item is under review).
REGISTERABLE = frozenset({S.DRAFT, S.PUBLISHED, S.WITHDRAWN})


def _scheduled(item):
    if item.scheduled_for is None:
        return None
    at = timezone.localtime(item.scheduled_for).strftime("%Y-%m-%d %H:%M")
    return _("定于%(at)s自动发布") % {"at": at}


# Labels are lazily translated: shown in the reader's language.
WORKFLOW = Workflow(
    name="catalog.Item",
    statuses=ItemStatus,
    audit_prefix="catalog",
    refusal=_("当前状态为“%(state)s”，不能执行“%(action)s”。"),
    # An imported item's first entry (services/importer.py): created by the import, as a
    # draft or, migrated from a system that had published it, submitted for review.
    extra_labels={"import": _("导入")},
    transitions={
        "create": Transition(frozenset({INITIAL}), S.DRAFT, _("起草")),
        "edit": Transition(EDITABLE, None, _("修改")),
        "submit": Transition(frozenset({S.DRAFT}), S.SUBMITTED, _("提交保密审查")),
        "return": Transition(IN_REVIEW, S.DRAFT, _("退回修改")),
        "approve": Transition(IN_REVIEW, S.APPROVED, _("保密审查通过")),
        # An item a history migration brought from a system that had published it: the
        # review here releases it on its former 发布日期 (services/release.py).
        # Its history entry's note gives the former date.
        "approve_migrated": Transition(IN_REVIEW, S.PUBLISHED, _("保密审查通过")),
        "schedule": Transition(frozenset({S.APPROVED}), None, _("定时发布")),
        "publish": Transition(frozenset({S.APPROVED}), S.PUBLISHED, _("发布")),
        # Withdrawing a published item is possible, but not the work's next step.
        "withdraw": Transition(PUBLIC, S.WITHDRAWN, _("撤回"), aside=True),
        # After publication only the register fields change (validity, normative status,
        # channels).
        "update_register": Transition(WAS_PUBLISHED, None, _("更新登记信息")),
    },
    # An approved item with a publication time waits for it ("下一步" hints).
    waiting={S.APPROVED: lambda item: _scheduled(item)},
)
TRANSITIONS = WORKFLOW.transitions
