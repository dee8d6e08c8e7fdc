"""The installation's default letter templates (agencies may override each one).

Wording follows common 政府信息公开申请答复书 practice. Every time limit and article comes from
the regime through the context (regime.reply.workdays, outcome_citation …), never from here.
Migration 0002 loads them; `load_default_templates` (after every migrate) puts back any that
are missing, e.g. after a test flushes the tables, without touching edited ones.
"""

SALUTATION = "<{{ applicant.name }}：\n"
RECEIVED = (
    "本机关于{{ received_on|cn_date }}收到{{ applicant.you }}提交的政府信息公开申请"
    "（受理编号：{{ number }}），所需政府信息为“{{ application.info_title }}”"
    "{% if application.doc_number %}（文号：{{ application.doc_number }}）{% endif %}。"
)
SIGNATURE = (
    ">{{ agency.name }}\n"
    ">{{ today|cn_date }}\n"
    "（联系单位：{{ agency.office_name|default:agency.name }}"
    "{% if agency.office_phone %}，联系电话：{{ agency.office_phone }}{% endif %}"
    "{% if agency.office_address %}，通信地址：{{ agency.office_address }}"
    "{% if agency.office_postcode %}，邮政编码：{{ agency.office_postcode }}{% endif %}{% endif %}）\n"
)
PROVISION = (
    "{% if outcome.discloses %}相关政府信息按照{{ applicant.you }}要求的"
    "{{ application.provision_form }}形式，通过"
    "{{ application.delivery_method }}方式提供。{% endif %}\n"
)
REASONS = "{{ decision.withheld }}\n{{ decision.reasons }}\n"
# The remedy follows from the outcome and the decision date (regimes.remedies): 复议前置 for
# 不予公开 since 2024 (行政复议法 Art. 23). Migration 0005 puts it in installed defaults.
REMEDY = "{{ remedy }}\n"
DECISION_HEAD = (
    "={{ agency_short }}依申请公开答复{{ letter_number }}\n"
    + SALUTATION
    + RECEIVED
    + "{% if extended %}经本机关政府信息公开工作机构负责人同意，答复期限已依法延长。{% endif %}"
    "经审查，现答复如下：\n"
)
DECISION_TAIL = REMEDY + "特此答复。\n" + SIGNATURE
EXTRA_BASIS = "{% if decision.extra_basis %}及{{ decision.extra_basis|clause }}{% endif %}"

RECEIPT = (
    "={{ agency_short }}依申请公开受理{{ letter_number }}\n"
    + SALUTATION
    + "本机关于{{ received_on|cn_date }}收到{{ applicant.you }}提交的政府信息公开申请"
    "（申请方式：{{ channel }}），所需政府信息为“{{ application.info_title }}”"
    "{% if application.doc_number %}（文号：{{ application.doc_number }}）{% endif %}。"
    "本机关已予登记，受理编号为{{ number }}。\n"
    "根据{{ regime.citation }}{{ regime.reply.basis }}的规定，本机关将自"
    "{{ regime.reply.counts_from }}起{{ regime.reply.workdays }}个工作日内作出答复"
    "{% if reply_due %}（即{{ reply_due|cn_date }}前"
    "{% if reply_due_provisional %}；该日期{{ provisional_note }}{% endif %}）{% endif %}；"
    "需要延长答复期限的，"
    "经{{ regime.extension_needs }}，延长的期限最长不超过{{ regime.extension.workdays }}个工作日。"
    "{% if 'agency' in regime.paused_for %}征求第三方和其他机关意见所需时间不计算在答复期限内。"
    "{% elif 'third_party' in regime.paused_for %}征求第三方意见所需时间不计算在答复期限内。{% endif %}\n"
    "{{ applicant.you }}可凭受理编号向本机关查询申请的办理情况。\n"
    "特此告知。\n" + SIGNATURE
)

CORRECTION = (
    "={{ agency_short }}依申请公开补正{{ letter_number }}\n"
    + SALUTATION
    + RECEIVED
    + "经审查，{{ applicant.you }}的申请内容不够明确，本机关无法据此确定所需的政府信息。"
    "根据{{ regime.citation }}{% if regime.correction_notice %}{{ regime.correction_notice.basis }}"
    "{% endif %}的规定，现一次性告知{{ applicant.you }}需要补正的事项如下：\n"
    "{{ correction.instructions }}\n"
    "请{{ applicant.you }}于{{ correction.due_on|cn_date }}前按上述事项补正申请，并提交本机关。"
    "答复期限自本机关收到补正的申请之日起计算。"
    "{% if regime.correction_notice %}{{ applicant.you }}无正当理由逾期不补正的，视为放弃申请，"
    "本机关不再处理该政府信息公开申请。{% endif %}\n"
    "特此告知。\n" + SIGNATURE
)

EXTENSION = (
    "={{ agency_short }}依申请公开延期{{ letter_number }}\n"
    + SALUTATION
    + RECEIVED
    + "因{% if extension.reason %}{{ extension.reason|clause }}{% else %}情况复杂{% endif %}，"
    "本机关不能在{{ regime.reply.workdays }}个工作日内作出答复。\n"
    "根据{{ regime.citation }}{{ regime.extension.basis }}的规定，经本机关政府信息公开工作机构"
    "负责人同意，答复期限延长{{ regime.extension.workdays }}个工作日"
    "{% if reply_due %}，本机关将于{{ reply_due|cn_date }}前作出答复"
    "{% if reply_due_provisional %}（该日期{{ provisional_note }}）{% endif %}{% endif %}。\n"
    "特此告知。\n" + SIGNATURE
)

CONSULTATION_TITLE = (
    "{% if consultation.is_agency %}政府信息公开征求意见函{% else %}征求第三方意见书{% endif %}"
)
# Why the party is consulted: a third party under Art. 32; another agency under Art. 34 only
# when the information was jointly produced (consultation.basis is "" otherwise).
CONSULTATION_WHY = (
    "{% if consultation.is_agency %}{% if consultation.jointly_produced %}"
    "经审查，该政府信息由本机关与贵机关共同制作。根据{{ regime.citation }}{{ consultation.basis }}"
    "的规定，现征求贵机关意见。{% else %}经审查，该政府信息涉及贵机关职责，现征求贵机关意见。"
    "{% endif %}"
    "{% else %}经审查，该政府信息可能涉及贵方的商业秘密、个人隐私等合法权益，公开后可能损害贵方的"
    "合法权益。根据{{ regime.citation }}{{ consultation.basis }}的规定，现书面征求贵方意见。{% endif %}"
)
# Silence is consent only for a co-producing agency (Art. 34); otherwise the agency decides.
CONSULTATION_SILENCE = (
    "{% if consultation.silence_is_consent %}逾期未提出意见的，视为同意公开。"
    "{% elif consultation.is_agency %}逾期未提出意见的，由本机关依法决定是否公开。{% endif %}"
)
CONSULTATION = (
    "={{ agency_short }}依申请公开征求意见{{ letter_number }}\n"
    "<{{ consultation.party_name }}：\n"
    "本机关于{{ received_on|cn_date }}收到一件政府信息公开申请（受理编号：{{ number }}），"
    "所需政府信息为“{{ application.info_title }}”"
    "{% if application.doc_number %}（文号：{{ application.doc_number }}）{% endif %}。"
    + CONSULTATION_WHY
    + "\n"
    "请{% if consultation.is_agency %}贵机关{% else %}贵方{% endif %}"
    "{% if regime.consultation %}自收到本征求意见书之日起{{ regime.consultation.workdays }}个工作日内"
    "{% if consultation.answer_due %}（即{{ consultation.answer_due|cn_date }}前"
    "{% if consultation.answer_due_provisional %}；该日期{{ provisional_note }}{% endif %}）"
    "{% endif %}"
    "{% else %}在收到本征求意见书后及时{% endif %}书面提出是否同意公开的意见；不同意公开的，"
    "请说明理由并提供相关依据。\n" + CONSULTATION_SILENCE + "{% if consultation.is_agency %}"
    "{% else %}逾期未提出意见的，由本机关依照{{ regime.citation }}的规定决定是否公开。"
    "第三方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，"
    "可以决定予以公开，并将决定公开的政府信息内容和理由书面告知贵方。{% endif %}\n"
    "意见请送交{{ agency.office_name|default:agency.name }}"
    "{% if agency.office_address %}（地址：{{ agency.office_address }}）{% endif %}。\n"
    "特此函告。\n" + SIGNATURE
)

FEE = (
    "={{ agency_short }}依申请公开收费{{ letter_number }}\n"
    + SALUTATION
    + RECEIVED
    + "经审查，{{ applicant.you }}申请公开政府信息的数量、频次明显超过合理范围。根据"
    "{{ regime.citation }}{{ regime.fee_basis }}和{{ regime.fee_payment.basis }}的规定，本机关依法收取信息处理费。\n"
    "本次{{ fee.method }}计收，计算如下：{{ fee.explanation }}\n"
    "应缴纳金额：人民币{{ fee.amount }}元。\n"
    "请{{ applicant.you }}自收到本通知之次日起{{ regime.fee_payment.workdays }}个工作日内"
    "{% if fee.payment_due %}（即{{ fee.payment_due|cn_date }}前"
    "{% if fee.payment_due_provisional %}；该日期{{ provisional_note }}{% endif %}）{% endif %}"
    "缴纳上述费用。"
    "{% if regime.fee_period_paused %}自收到本通知之日至缴纳费用之日的期间，不计算在答复期限内。"
    "{% endif %}{{ applicant.you }}逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。\n"
    "缴费方式及其他事宜，请与本机关政府信息公开工作机构联系。\n"
    "特此通知。\n" + SIGNATURE
)

# Art. 36(7): "告知申请人依照有关法律、行政法规的规定办理", naming the procedure where the clerk
# gave it (decision.referral_procedure). Migration 0005 puts it in installed defaults.
REFERRAL_IF = (
    "{% if outcome.referral %}{{ applicant.you }}的申请事项{{ outcome_label }}，有关法律、行政法规"
    "对该信息的获取有特别规定。根据{{ outcome_citation }}" + EXTRA_BASIS + "的规定，请"
    "{{ applicant.you }}依照有关法律、行政法规的规定办理"
    "{% if decision.referral_procedure %}（办理途径：{{ decision.referral_procedure|clause }}）"
    "{% endif %}。\n{{ decision.reasons }}\n{% else %}"
)

DECISIONS = {
    "予以公开": (
        "{{ applicant.you }}申请获取的政府信息属于公开范围。根据{{ outcome_citation }}"
        + EXTRA_BASIS
        + "的规定，本机关予以公开。\n"
        + PROVISION
        + "{{ decision.reasons }}\n"
    ),
    "部分公开": (
        "{{ applicant.you }}申请获取的政府信息中含有不应当公开或者不属于政府信息的内容，"
        "但能够作区分处理。根据{{ outcome_citation }}" + EXTRA_BASIS + "的规定，本机关向"
        "{{ applicant.you }}提供可以公开的政府信息内容，对不予公开的内容说明理由如下：\n"
        + REASONS
        + PROVISION
    ),
    # Art. 36(7) (行政查询事项) is a referral, counted in this group but never "不予公开".
    "不予公开": REFERRAL_IF
    + (
        "{{ applicant.you }}申请获取的政府信息属于“{{ outcome_label }}”的情形。"
        "根据{{ outcome_citation }}"
        + EXTRA_BASIS
        + "的规定，本机关决定不予公开。理由如下：\n"
        + REASONS
    )
    + "{% endif %}\n",
    "无法提供": (
        "{% if outcome.code == 'unable_not_held' %}经检索，本机关未制作或者获取{{ applicant.you }}"
        "所申请的政府信息。{% elif outcome.code == 'unable_needs_creation' %}{{ applicant.you }}"
        "所申请的信息需要本机关对现有政府信息进行加工、分析，本机关没有现成的政府信息。"
        "{% else %}{{ applicant.you }}补正后的申请内容仍不明确，本机关无法确定所需的政府信息。"
        "{% endif %}根据{{ outcome_citation }}" + EXTRA_BASIS + "的规定，本机关无法向"
        "{{ applicant.you }}提供该政府信息。\n" + REASONS
    ),
    "不予处理": (
        "{{ applicant.you }}的申请属于“{{ outcome_label }}”的情形。根据{{ outcome_citation }}"
        + EXTRA_BASIS
        + "的规定，本机关对该申请不予处理。\n"
        + REASONS
    ),
    "其他处理": (
        "{% if outcome.code == 'other_overdue_correction' %}本机关已于"
        "{{ correction.requested_on|cn_date }}告知{{ applicant.you }}补正申请，{{ applicant.you }}"
        "无正当理由逾期未补正，视为放弃申请。{% elif outcome.code == 'other_overdue_fee' %}"
        "本机关已向{{ applicant.you }}发出收取信息处理费通知，{{ applicant.you }}逾期未缴纳费用，"
        "视为放弃申请。{% endif %}根据{{ outcome_citation }}" + EXTRA_BASIS + "的规定，"
        "本机关{% if outcome.automatic %}不再处理该政府信息公开申请{% else %}作出如下处理{% endif %}。\n"
        + REASONS
    ),
    # Any other outcome, and every reply under the 2008 Regulation (whose groups differ).
    "": (
        "{{ outcome_label }}。本答复依据{{ outcome_citation }}"
        + EXTRA_BASIS
        + "的规定作出。\n"
        + REASONS
        + PROVISION
    ),
}

DEFAULTS = [
    ("receipt", "", "政府信息公开申请受理回执", RECEIPT),
    ("correction", "", "政府信息公开申请补正告知书", CORRECTION),
    ("extension", "", "政府信息公开申请延期答复告知书", EXTENSION),
    ("consultation", "", CONSULTATION_TITLE, CONSULTATION),
    ("fee", "", "收取信息处理费通知书", FEE),
    *(
        ("decision", group, "政府信息公开申请答复书", DECISION_HEAD + text + DECISION_TAIL)
        for group, text in DECISIONS.items()
    ),
]


def load_default_templates(using: str = "default", **_kwargs) -> int:
    """Create the missing platform defaults; returns how many were created."""
    from gongkai.core.models import tables_exist

    from .models import LetterTemplate

    if not tables_exist(LetterTemplate, using=using):
        return 0
    existing = set(
        LetterTemplate.objects.using(using).filter(agency=None).values_list("kind", "group")
    )
    missing = [
        LetterTemplate(agency=None, kind=kind, group=group, title=title, body=body)
        for kind, group, title, body in DEFAULTS
        if (kind, group) not in existing
    ]
    LetterTemplate.objects.using(using).bulk_create(missing)
    return len(missing)
