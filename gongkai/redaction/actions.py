"""What can be done to a redaction (its page), and "脱敏处理" on the case page and on each
attachment of a catalogue item's page: the latter two through the applications' and the
catalogue's tables' registration hook, as letters adds "生成文书".

The redaction's own actions need HANDLE in the owner's agency (the redaction policy's
`redact`, which is also the catalogue's `edit`); each service checks the owner's own rule and
state again (owners.files_for)."""

from django.utils.translation import gettext_lazy as _

from gongkai.applications.actions import TABLE as APPLICATION_TABLE
from gongkai.applications.states import RELEASE_EDITABLE
from gongkai.catalog.actions import TABLE as CATALOG_TABLE
from gongkai.core.actions import Action, ActionTable

from . import forms as f
from . import services as s
from .models import Redaction
from .owners import ITEM_FILES, files_for
from .permissions import POLICY

TABLE = ActionTable("redaction.Redaction", policy=POLICY)


def _draft(redaction) -> bool:
    return redaction.status == Redaction.Status.DRAFT and files_for(redaction).is_editable(
        redaction.owner
    )


def _with_redaction(redaction):
    return {"redaction": redaction}


TABLE.add(
    Action(
        "add_box",
        _("添加遮盖区域"),
        lambda actor, red, d: s.redaction_add_box(actor=actor, redaction=red, **d),
        f.BoxForm,
        permission="redact",
        when=_draft,
        form_kwargs=_with_redaction,
        done=_("已添加遮盖区域。"),
    ),
    Action(
        "propose",
        _("查找身份证号、手机号和检索词"),
        lambda actor, red, d: s.redaction_propose(actor=actor, redaction=red, **d),
        f.ProposeForm,
        permission="redact",
        when=_draft,
        done=lambda found: _("找到%(n)d处建议遮盖的区域，请逐一确认理由。") % {"n": len(found)},
    ),
    Action(
        "accept_box",
        _("确认遮盖"),
        lambda actor, red, d: s.redaction_accept_box(actor=actor, box=d["box"], ground=d["ground"]),
        f.AcceptBoxForm,
        permission="redact",
        when=_draft,
        form_kwargs=_with_redaction,
        done=_("已确认遮盖。"),
    ),
    Action(
        "delete_box",
        _("删除遮盖区域"),
        lambda actor, red, d: s.redaction_delete_box(actor=actor, box=d["box"]),
        f.DeleteBoxForm,
        permission="redact",
        when=_draft,
        form_kwargs=_with_redaction,
        done=_("已删除遮盖区域。"),
    ),
    Action(
        "apply",
        _("生成脱敏文件"),
        lambda actor, red, d: s.redaction_apply(actor=actor, redaction=red),
        permission="redact",
        when=_draft,
        confirm=_(
            "生成后，遮盖区域内的文字、图像和图形将从公开文件中彻底删除，原件仅供本机关工作人员查看，"
            "申请人或公众只会得到脱敏后的文件。确认生成？"
        ),
        done=_("已生成脱敏文件，原件已设为不公开。"),
        order=20,
    ),
)


def _start(actor, application, data):
    return s.redaction_start(actor=actor, document=data["document"])


APPLICATION_TABLE.register(
    Action(
        "redact",
        _("脱敏处理（部分公开）"),
        _start,
        f.StartForm,
        permission=POLICY.rules["redact"],
        when=lambda application: (
            application.status in RELEASE_EDITABLE
            and application.documents.filter(kind__in=["released", "original"]).exists()
        ),
        form_kwargs=lambda application: {"application": application},
        done=_("请在页面图像上框选要遮盖的内容。"),
        order=10,
    )
)


def _start_item(actor, item, data):
    return s.redaction_start(actor=actor, document=data["attachment"])


# On a catalogue item's page each attachment of a draft offers it (catalog/views/office.py
# FILE_ACTIONS); who may is who may edit the item.
CATALOG_TABLE.register(
    Action(
        "redact",
        _("脱敏处理"),
        _start_item,
        f.AttachmentStartForm,
        permission="edit",
        transition=None,
        when=lambda item: ITEM_FILES.is_editable(item) and item.attachments.exists(),
        form_kwargs=lambda item: {"item": item},
        done=_("请在页面图像上框选要遮盖的内容。"),
        order=25,
    )
)
