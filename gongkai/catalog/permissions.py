"""Who may do what to a catalogue item (and an agency's catalogue): one policy, built from the
shared predicates. Services ask it (through the workflow executor or `POLICY.require`); nothing
else decides."""

from django.utils.translation import gettext_lazy as _

from gongkai.agencies.policy import Policy, author_excluded, has_capability, in_status
from gongkai.agencies.roles import Capability

from .states import IN_REVIEW, WORKFLOW, ItemStatus

HANDLE = has_capability(Capability.HANDLE)
REVIEW = has_capability(Capability.REVIEW)
# The 保密审查 must be done by someone other than the author.
NOT_AUTHOR = author_excluded(refusal=_("起草人不能对自己起草的条目进行保密审查。"))
# An import batch's items are the importer's drafts: the importer never reviews the batch.
NOT_IMPORTER = author_excluded(
    "imported_by_id", refusal=_("导入人不能对自己导入的批次进行保密审查。")
)
# Document properties are cleaned by the clerk while drafting, by the reviewer during the
# review (the author may not change files under review). After approval the service refuses
# in words (the files are no longer editable).
STRIP_METADATA = (
    HANDLE
    & in_status(
        set(ItemStatus) - IN_REVIEW,
        refusal=_("保密审查期间只有审查人可以清除附件的文档属性。"),
    )
) | (REVIEW & in_status(IN_REVIEW, refusal=_("只有在保密审查期间审查人才能清除附件的文档属性。")))

POLICY = Policy(
    name="catalog",
    workflows=[WORKFLOW],
    view=has_capability(Capability.VIEW),
    rules={
        # The target of "create", "import" and "import_history" is the agency. A history
        # migration keeps the former system's 发布日期 once reviewed here: the agency's
        # administrator declares it.
        "create": HANDLE,
        "import": HANDLE,
        "import_history": has_capability(
            Capability.ADMINISTER, refusal=_("历史迁移须由本机关的管理员导入。")
        ),
        # The target is an ImportBatch: its drafts submitted at once; its submitted items
        # approved or returned at once (批量审查) by a reviewer who is not the importer.
        "batch_submit": HANDLE,
        "batch_approve": REVIEW & NOT_IMPORTER,
        "batch_return": REVIEW & NOT_IMPORTER,
        "edit": HANDLE,
        "submit": HANDLE,
        "return": REVIEW & NOT_AUTHOR,
        "approve": REVIEW & NOT_AUTHOR,
        "approve_migrated": REVIEW & NOT_AUTHOR,
        "schedule": HANDLE,
        "publish": HANDLE,
        "withdraw": HANDLE,
        "update_register": HANDLE,
        "strip_metadata": STRIP_METADATA,
        # An original a redacted copy was made from (脱敏前原件): those who draft and review
        # the agency's items, as for a case's originals; not those who only read (督导).
        "view_original": HANDLE | REVIEW,
        # The agency's 政府信息公开指南, its 索引号 scheme and its own categories.
        "guide": HANDLE,
        "settings": has_capability(Capability.ADMINISTER),
    },
)
