"""The editable templates every notice of the Regulation is generated from."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Agency
from gongkai.regimes.outcomes import (
    G_DENIED,
    G_GRANTED,
    G_NOT_PROCESSED,
    G_OTHER,
    G_PARTIAL,
    G_UNABLE,
)


class LetterKind(models.TextChoices):
    RECEIPT = "receipt", _("受理回执")
    CORRECTION = "correction", _("补正告知书")
    EXTENSION = "extension", _("延期答复告知书")
    CONSULTATION = "consultation", _("征求第三方意见书")
    FEE = "fee", _("收取信息处理费通知书")
    DECISION = "decision", _("政府信息公开申请答复书")


# Decision letters differ by the outcome's report group (表三 of the annual report); "" is the
# template for any group, and the one 2008-regime replies use (their groups are different).
ANY_GROUP = ""
GROUP_CHOICES = [
    (ANY_GROUP, _("各类答复通用")),
    *(
        (group, group)
        for group in (G_GRANTED, G_PARTIAL, G_DENIED, G_UNABLE, G_NOT_PROCESSED, G_OTHER)
    ),
]

BODY_HELP = _(
    "Django 模板语法，变量如 {{ applicant.name }}、{{ regime.citation }}、"
    "{{ regime.reply.workdays }}、{{ reply_due|cn_date }}。每行为一段，空行忽略；"
    "以“=”开头的行居中，以“>”开头的行右对齐（落款），以“<”开头的行顶格不缩进（称谓），"
    "其余各行首行缩进两字。"
)


class LetterTemplate(models.Model):
    kind = models.CharField(_("文书类型"), max_length=16, choices=LetterKind.choices)
    group = models.CharField(
        _("答复类型"),
        max_length=16,
        blank=True,
        choices=GROUP_CHOICES,
        help_text=_("仅用于答复书；留空表示适用于各类答复。"),
    )
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("机关"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("留空为平台默认模板；指定机关则只用于该机关。"),
    )
    title = models.CharField(_("标题"), max_length=100)
    body = models.TextField(_("正文模板"), help_text=BODY_HELP)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("更新人"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("文书模板")
        verbose_name_plural = _("文书模板")
        ordering = ["kind", "group", "agency_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "kind", "group"],
                condition=Q(agency__isnull=False),
                name="letter_template_one_per_agency",
            ),
            # NULL never equals NULL in a unique index, so the defaults need their own.
            models.UniqueConstraint(
                fields=["kind", "group"],
                condition=Q(agency__isnull=True),
                name="letter_template_one_default",
            ),
            models.CheckConstraint(
                condition=Q(kind=LetterKind.DECISION) | Q(group=ANY_GROUP),
                name="letter_template_group_only_for_decisions",
            ),
        ]

    def __str__(self):
        scope = self.agency.name if self.agency_id else _("平台默认")
        group = f"（{self.group}）" if self.group else ""
        return f"{self.get_kind_display()}{group} · {scope}"

    def clean(self):
        from .text import template_error

        errors = {}
        if self.group and self.kind != LetterKind.DECISION:
            errors["group"] = _("只有答复书按答复类型区分模板。")
        for field in ("title", "body"):
            problem = template_error(getattr(self, field))
            if problem:
                errors[field] = problem
        if errors:
            raise ValidationError(errors)
