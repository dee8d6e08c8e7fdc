"""Disclosure applications (依申请公开) and what happens to them."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from gongkai.accounts.models import ApplicantProfile, ApplicantType
from gongkai.agencies.models import Agency, AgencyScopedModel
from gongkai.core.models import StatusChange, StoredFile
from gongkai.regimes import REGIMES
from gongkai.regimes.fees import BY_PIECE, BY_VOLUME
from gongkai.regimes.rules import Channel, ReceiptBasis

from .states import DECISION_APPROVED, DECISION_KNOWN, MAY_LACK_RECEIPT, Status


class ProvisionForm(models.TextChoices):
    PAPER = "paper", _("纸质")
    ELECTRONIC = "electronic", _("电子")


class DeliveryMethod(models.TextChoices):
    POST = "post", _("邮寄")
    EMAIL = "email", _("电子邮件")
    PICKUP = "pickup", _("当面领取")
    DOWNLOAD = "download", _("在线下载")


class ServiceMethod(models.TextChoices):
    """How a decision is served; fixes the service date (国办公开办函〔2016〕235号)."""

    DIRECT = "direct", _("直接送达（以签收日期为准）")
    POST = "post", _("邮政送达（以交邮日期为准）")
    ELECTRONIC = "electronic", _("电子送达（以系统送达日期为准）")


class Application(AgencyScopedModel):
    number = models.CharField(_("受理编号"), max_length=60, unique=True)
    query_code_hash = models.CharField(max_length=64)
    status = models.CharField(
        _("状态"), max_length=24, choices=Status.choices, default=Status.SUBMITTED, db_index=True
    )
    regime = models.CharField(
        _("适用条例"),
        max_length=8,
        blank=True,
        choices=[(code, r.name) for code, r in REGIMES.items()],
    )
    channel = models.CharField(_("申请渠道"), max_length=20, choices=Channel.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("拆分自"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="split_parts",
    )

    # The applicant as identified on the application (a snapshot: profiles change later).
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("申请人账户"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
    )
    applicant_type = models.CharField(_("申请人类型"), max_length=20, choices=ApplicantType.choices)
    applicant_name = models.CharField(_("申请人姓名或名称"), max_length=200)
    applicant_id_type = models.CharField(
        _("证件类型"), max_length=20, blank=True, choices=ApplicantProfile.IdType.choices
    )
    applicant_identifier = models.CharField(_("证件号码或统一社会信用代码"), max_length=20)
    contact_phone = models.CharField(_("联系电话"), max_length=30)
    contact_address = models.CharField(_("通信地址"), max_length=300, blank=True)
    contact_email = models.EmailField(_("电子邮箱"), blank=True)

    # What is asked for (Art. 29(2)) and how it is to be provided.
    info_title = models.CharField(_("所需信息名称"), max_length=300)
    doc_number = models.CharField(_("文号"), max_length=100, blank=True)
    description = models.TextField(_("所需信息的特征描述"), blank=True)
    provision_form = models.CharField(_("提供形式"), max_length=12, choices=ProvisionForm.choices)
    delivery_method = models.CharField(_("获取方式"), max_length=12, choices=DeliveryMethod.choices)

    # Receipt (Art. 31).
    submitted_on = models.DateField(_("提交日期"))
    signed_on = models.DateField(_("签收日期"), null=True, blank=True)
    confirmed_on = models.DateField(_("确认日期"), null=True, blank=True)
    received_on = models.DateField(_("收到申请之日"), null=True, blank=True, db_index=True)
    receipt_basis = models.CharField(
        _("收到日期依据"), max_length=12, blank=True, choices=ReceiptBasis.choices
    )

    # 补正 (Art. 30): requested once.
    correction_requested_on = models.DateField(_("告知补正日期"), null=True, blank=True)
    correction_instructions = models.TextField(_("补正事项"), blank=True)
    correction_due_on = models.DateField(_("补正期限"), null=True, blank=True)
    corrected_on = models.DateField(_("收到补正之日"), null=True, blank=True)
    correction_text = models.TextField(_("补正内容"), blank=True)

    extended = models.BooleanField(_("已延期"), default=False)

    # 信息处理费.
    fee_method = models.CharField(
        _("收费方式"),
        max_length=8,
        blank=True,
        choices=[(BY_PIECE, _("按件")), (BY_VOLUME, _("按量"))],
    )
    fee_units = models.PositiveIntegerField(_("计费件数或页数"), null=True, blank=True)
    fee_amount = models.PositiveIntegerField(_("收费金额（元）"), null=True, blank=True)
    fee_explanation = models.TextField(_("收费计算"), blank=True)
    fee_notice_received_on = models.DateField(_("申请人收到收费通知之日"), null=True, blank=True)
    fee_paid_on = models.DateField(_("缴费日期"), null=True, blank=True)

    # The decision.
    outcome = models.CharField(_("答复类型"), max_length=40, blank=True)
    legal_basis = models.TextField(_("法律依据"), blank=True)
    reasons = models.TextField(_("理由"), blank=True)
    withheld = models.TextField(_("不予公开的部分及理由"), blank=True)
    # Art. 36(7): a referral names the procedure of the special law, where the clerk gives it.
    referral_procedure = models.CharField(
        _("依照有关法律、行政法规办理的途径"), max_length=300, blank=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("拟稿人"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("审核人"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    service_method = models.CharField(
        _("送达方式"), max_length=12, blank=True, choices=ServiceMethod.choices
    )
    served_on = models.DateField(_("送达日期"), null=True, blank=True)
    closed_on = models.DateField(_("办结日期"), null=True, blank=True)
    on_time = models.BooleanField(_("按时办结"), null=True, blank=True)

    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("承办人"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # The day the case left the agency's hands: the reply served, or the case closed without
    # one (withdrawn, lapsed). The annual report counts an application's outcome in this year
    # and carries it over until then; stored so that the count is one indexed range.
    concluded_on = models.GeneratedField(
        expression=Coalesce("served_on", "closed_on"),
        output_field=models.DateField(),
        db_persist=True,
        verbose_name=_("办结或答复日期"),
    )
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    # The case's timeline: every transition with actor, time and note (core.workflow).
    status_changes = GenericRelation(StatusChange, related_query_name="application")

    class Meta:
        verbose_name = _("政府信息公开申请")
        verbose_name_plural = _("政府信息公开申请")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["agency", "status"]),
            models.Index(fields=["applicant"]),
            models.Index(fields=["agency", "received_on"], name="application_agency_received"),
            # The queue's order among cases with no reply date (closed ones: all of them).
            models.Index(fields=["agency", "created_at", "id"], name="application_agency_created"),
            models.Index(
                fields=["agency", "concluded_on", "received_on"],
                name="application_agency_concluded",
            ),
            models.Index(
                fields=["agency", "fee_paid_on"],
                condition=Q(fee_paid_on__isnull=False),
                name="application_fee_paid",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                name="application_received_has_date",
                condition=Q(status__in=sorted(MAY_LACK_RECEIPT))
                | (Q(received_on__isnull=False) & ~Q(regime="")),
            ),
            models.CheckConstraint(
                name="application_decided_has_outcome",
                condition=~Q(status__in=sorted(DECISION_APPROVED))
                | (~Q(outcome="") & ~Q(legal_basis="")),
            ),
            models.CheckConstraint(
                name="application_reviewer_is_not_the_drafter",
                condition=Q(approved_by__isnull=True)
                | Q(decided_by__isnull=True)
                | ~Q(approved_by=F("decided_by")),
            ),
            models.CheckConstraint(
                name="application_received_not_before_submitted",
                condition=Q(received_on__isnull=True) | Q(received_on__gte=F("submitted_on")),
            ),
        ]

    def __str__(self):
        return f"{self.number} {self.info_title}"

    @property
    def regime_obj(self):
        return REGIMES[self.regime] if self.regime else None

    @property
    def outcome_obj(self):
        return self.regime_obj.outcome(self.outcome) if self.outcome and self.regime else None

    @property
    def decision_is_final(self) -> bool:
        """The applicant sees the outcome once the reply is served (or the case lapsed)."""
        return bool(self.outcome) and self.status in DECISION_KNOWN


class ApplicationSequence(models.Model):
    """Per agency and year, the last 受理编号 serial handed out (row-locked when used)."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="application_sequence_unique")
        ]

    def __str__(self):
        return f"{self.agency_id}/{self.year}: {self.last}"


class Consultation(models.Model):
    """Consulting a third party (Art. 32) or another agency (Art. 34 when the information was
    jointly produced); the reply clock stops (Art. 33(3))."""

    class PartyKind(models.TextChoices):
        THIRD_PARTY = "third_party", _("第三方")
        AGENCY = "agency", _("其他机关")

    class Opinion(models.TextChoices):
        CONSENT = "consent", _("同意公开")
        OBJECT = "object", _("不同意公开")
        NONE = "none", _("逾期未提出意见")

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="consultations"
    )
    party_kind = models.CharField(_("征求对象"), max_length=12, choices=PartyKind.choices)
    party_name = models.CharField(_("名称"), max_length=200)
    party_contact = models.CharField(_("联系方式"), max_length=200, blank=True)
    started_on = models.DateField(_("发出征求意见书之日"))
    letter_received_on = models.DateField(_("对方收到征求意见书之日"))
    answered_on = models.DateField(_("收到意见之日"), null=True, blank=True)
    opinion = models.CharField(_("意见"), max_length=8, blank=True, choices=Opinion.choices)
    opinion_text = models.TextField(_("意见内容"), blank=True)
    # 2019 Art. 34: only an agency that produced the information jointly is consulted under it,
    # and only its silence counts as consent. Always False for a third party (Art. 32).
    jointly_produced = models.BooleanField(_("与本机关共同制作该政府信息"), default=False)

    class Meta:
        verbose_name = _("征求意见")
        verbose_name_plural = _("征求意见")
        constraints = [
            models.UniqueConstraint(
                fields=["application"],
                condition=Q(answered_on__isnull=True),
                name="consultation_one_open_per_application",
            ),
            models.CheckConstraint(
                name="consultation_letter_after_start",
                condition=Q(letter_received_on__gte=F("started_on")),
            ),
        ]

    def __str__(self):
        return f"{self.application.number} 征求{self.party_name}意见"


class ExtensionRequest(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="extension_requests"
    )
    reason = models.TextField(_("延期理由"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    approved = models.BooleanField(_("批准"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("审批意见"), blank=True)

    class Meta:
        verbose_name = _("延期申请")
        verbose_name_plural = _("延期申请")
        constraints = [
            models.UniqueConstraint(
                fields=["application"],
                condition=Q(approved__isnull=True),
                name="extension_one_pending_per_application",
            ),
            models.UniqueConstraint(
                fields=["application"],
                condition=Q(approved=True),
                name="extension_granted_at_most_once",
            ),
        ]

    def __str__(self):
        return f"{self.application.number} 延期申请"


class ApplicationDocument(StoredFile):
    """A file of the case: identity proof, scan of a paper application, correction, letter,
    released information."""

    owner_field = "application"
    audit_key = "document"

    class Kind(models.TextChoices):
        IDENTITY_PROOF = "identity_proof", _("身份证明")
        APPLICATION_SCAN = "application_scan", _("申请书扫描件")
        CORRECTION = "correction", _("补正材料")
        LETTER = "letter", _("文书")
        THIRD_PARTY_LETTER = "third_party_letter", _("征求意见书（不向申请人公开）")
        RELEASED = "released", _("公开的政府信息")
        # The file a released copy was redacted from (gongkai/redaction): staff only, never
        # given out; the redacted copy is the RELEASED document.
        ORIGINAL = "original", _("脱敏前原件（不向申请人公开）")
        OTHER = "other", _("其他材料")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices)
    # Released documents and letters are visible to the applicant once the decision is served.
    visible_to_applicant = models.BooleanField(_("申请人可见"), default=False)

    class Meta(StoredFile.Meta):
        verbose_name = _("申请材料")
        verbose_name_plural = _("申请材料")
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="original", visible_to_applicant=True),
                name="applicationdocument_original_never_visible",
            )
        ]

    def __str__(self):
        return f"{self.application.number} {self.get_kind_display()} {self.title}"


class RequestCheck(models.Model):
    """The similar-request (Art. 36(6)) and already-published (Art. 36(1)) checks of one
    application, computed when it is created or received, when its request text changes, or
    on 重新检查 — stored, so that the case page does not segment earlier requests and search
    the catalogue on every view. `digest` is of the text the checks read: a case whose text
    changed since is checked again when next shown."""

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, primary_key=True, related_name="request_check"
    )
    digest = models.CharField(max_length=64)
    # The request's meaningful words (sorted): later requests compare against them without
    # segmenting this one again.
    keywords = models.JSONField(default=list)
    # [{"id": earlier application, "score": 0.5, "same": same applicant}], best first.
    similar = models.JSONField(default=list)
    # [{"id": catalogue item, "words": [matched words]}], best first.
    published = models.JSONField(default=list)
    checked_at = models.DateTimeField(_("检查时间"))

    class Meta:
        verbose_name = _("申请内容检查")
        verbose_name_plural = _("申请内容检查")

    def __str__(self):
        return f"{self.application_id} @ {self.checked_at:%Y-%m-%d %H:%M}"
