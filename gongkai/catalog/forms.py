"""Forms of the catalogue pages. They parse input; the services decide."""

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.core.release_forms import ReleaseDecisionForm

from .batch_selectors import flagged_in_review
from .models import Attachment, Category, ChannelRecord, Item
from .selectors import categories_for, referable_items
from .states import ItemStatus


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class ItemReferenceField(forms.CharField):
    """Another item, typed by its 索引号: one of `agency`'s items (the form sets it), or a
    published item of any agency (selectors.referable_items). Any other answers as if there
    were no such item."""

    agency = None

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        item = referable_items(self.agency).filter(index_number=value.strip()).first()
        if item is None:
            raise forms.ValidationError(NOT_FOUND, params={"n": value.strip()})
        return item


NOT_FOUND = _("没有索引号为“%(n)s”的条目。")


class ItemForm(forms.Form):
    title = forms.CharField(label=_("名称"), max_length=300)
    doc_number = forms.CharField(label=_("发文字号"), max_length=100, required=False)
    co_issuers = forms.CharField(
        label=_("联合发文机关"), max_length=300, required=False, help_text=_("多个机关用顿号分隔。")
    )
    created_on = forms.DateField(label=_("生成日期"), widget=DateInput())
    summary = forms.CharField(
        label=_("内容概述"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    body = forms.CharField(
        label=_("正文"),
        widget=forms.Textarea(attrs={"rows": 12}),
        required=False,
        help_text=_("可使用段落、标题、列表、表格和链接等HTML标记；其他内容会被自动清除。"),
    )
    categories = forms.ModelMultipleChoiceField(
        label=_("分类"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    disclosure = forms.ChoiceField(label=_("公开属性"), choices=Item.Disclosure.choices)
    non_disclosure_reason = forms.CharField(
        label=_("不主动公开的理由和依据"), max_length=300, required=False
    )
    validity = forms.ChoiceField(label=_("有效性"), choices=Item.Validity.choices)
    interprets = ItemReferenceField(
        label=_("所解读政策的索引号"), required=False, help_text=_("仅政策解读填写。")
    )
    interpretation_form = forms.ChoiceField(
        label=_("解读形式"), choices=[("", "—"), *Item.InterpretationForm.choices], required=False
    )
    video_url = forms.URLField(label=_("视频链接"), required=False, assume_scheme="https")

    def __init__(self, *args, agency=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categories"].queryset = categories_for(agency)
        self.fields["created_on"].initial = timezone.localdate()
        self.fields["interprets"].agency = agency

    @classmethod
    def initial_of(cls, item: Item) -> dict:
        initial = {
            name: getattr(item, name)
            for name in cls.base_fields
            if name not in ("categories", "interprets")
        }
        initial["categories"] = list(item.categories.all())
        initial["interprets"] = item.interprets.index_number if item.interprets else ""
        return initial


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("附件"), help_text=_("PDF、Word（.docx）、Excel（.xlsx）或图片，50MB以内。")
    )
    title = forms.CharField(label=_("附件名称"), max_length=200, required=False)
    is_graphic = forms.BooleanField(label=_("这是图解图片"), required=False)


class AttachmentChoiceForm(forms.Form):
    attachment = forms.ModelChoiceField(label=_("附件"), queryset=Attachment.objects.none())

    def __init__(self, *args, item=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachment"].queryset = item.attachments.all()


class OpinionForm(forms.Form):
    opinion = forms.CharField(label=_("审查意见"), widget=forms.Textarea(attrs={"rows": 3}))


class ApproveForm(ReleaseDecisionForm):
    opinion = forms.CharField(
        label=_("审查意见"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_(
            "留空则记录为：经审查，不涉及国家秘密、工作秘密、商业秘密和个人隐私，同意公开。"
        ),
    )


class ScheduleForm(forms.Form):
    when = forms.DateTimeField(label=_("定时发布时间"), widget=DateTimeInput())


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("撤回理由"), max_length=300)


class ChannelForm(forms.Form):
    channel = forms.ChoiceField(label=_("渠道"), choices=ChannelRecord.Channel.choices)
    published_on = forms.DateField(label=_("发布日期"), widget=DateInput())
    url = forms.CharField(label=_("链接"), max_length=500, required=False)
    note = forms.CharField(label=_("说明"), max_length=200, required=False)


class ValidityForm(forms.Form):
    validity = forms.ChoiceField(label=_("有效性"), choices=Item.Validity.choices)
    replaced_by = ItemReferenceField(label=_("修订后文件的索引号"), required=False)

    def __init__(self, *args, agency=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["replaced_by"].agency = agency


class NormativeForm(forms.Form):
    registration_number = forms.CharField(label=_("登记号"), max_length=80, required=False)
    issued_on = forms.DateField(label=_("印发日期"), widget=DateInput())
    effective_on = forms.DateField(label=_("施行日期"), widget=DateInput(), required=False)
    expires_on = forms.DateField(label=_("有效期至"), widget=DateInput(), required=False)
    abolished_on = forms.DateField(label=_("废止日期"), widget=DateInput(), required=False)
    abolition_note = forms.CharField(label=_("废止依据"), max_length=300, required=False)


class GuideForm(forms.Form):
    arrangement = forms.CharField(
        label=_("信息分类与编排体系"), widget=forms.Textarea(attrs={"rows": 5})
    )
    how_to_obtain = forms.CharField(label=_("获取方式"), widget=forms.Textarea(attrs={"rows": 8}))
    other = forms.CharField(
        label=_("其他说明"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )


class ImportForm(forms.Form):
    data = forms.FileField(label=_("目录文件"), help_text=_("CSV（UTF-8）或JSON，列名见下方说明。"))
    attachments = forms.FileField(
        label=_("附件压缩包"),
        required=False,
        help_text=_("可选：ZIP文件，内含目录文件中列出的附件。"),
    )
    history = forms.BooleanField(
        label=_("历史迁移：这些信息已在原系统发布"),
        required=False,
        help_text=_(
            "仅限本机关管理员。勾选后，有发布日期的行保留原发布日期和发布渠道，导入后等待保密审查，"
            "审查通过即按原发布日期公开；不勾选时所有行导入为草稿，不能带发布日期。"
        ),
    )
    dry_run = forms.BooleanField(label=_("只检查，不导入"), required=False)


class BatchApproveForm(forms.Form):
    """批量审查: one opinion for the batch, and a tick for each item whose files have
    hidden-content findings (the page shows the findings beside each)."""

    opinion = forms.CharField(
        label=_("审查意见"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_(
            "对本批每一条记录同一意见；留空则记录为：经审查，不涉及国家秘密、工作秘密、"
            "商业秘密和个人隐私，同意公开。"
        ),
    )
    acknowledged = forms.ModelMultipleChoiceField(
        label=_("我已逐条查看以下条目附件中的隐藏内容和文档属性，确认可以公开"),
        queryset=Item.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, batch=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["acknowledged"].queryset = flagged_in_review(batch)


class SearchForm(forms.Form):
    """The public search form; GET, so it works without JavaScript and links can be shared."""

    ORDERS = [("relevance", _("按相关度")), ("date", _("按发布日期"))]
    q = forms.CharField(label=_("关键词"), max_length=200, required=False)
    agency = forms.CharField(required=False, widget=forms.HiddenInput)
    category = forms.IntegerField(required=False, widget=forms.HiddenInput)
    year = forms.IntegerField(label=_("年份"), required=False, min_value=1990, max_value=2100)
    validity = forms.ChoiceField(
        label=_("有效性"), choices=[("", _("全部")), *Item.Validity.choices], required=False
    )
    order = forms.ChoiceField(label=_("排序"), choices=ORDERS, required=False)
    # Past the search's last page (at most 50): the last page (selectors.search_page).
    page = forms.IntegerField(
        required=False, min_value=1, max_value=10**6, widget=forms.HiddenInput
    )


class OfficeItemFilterForm(forms.Form):
    """The staff catalogue list's filters (`/office/catalog/`): a bad value is the form's error
    (the page answers 400), never a 500."""

    ALL = ("", _("全部"))
    status = forms.ChoiceField(label=_("状态"), required=False, choices=[ALL, *ItemStatus.choices])
    category = forms.ModelChoiceField(
        label=_("分类"), required=False, queryset=None, empty_label=_("全部")
    )
    year = forms.IntegerField(label=_("生成年份"), required=False, min_value=1990, max_value=2100)
    channel = forms.ChoiceField(
        label=_("发布渠道"), required=False, choices=[ALL, *ChannelRecord.Channel.choices]
    )
    overdue = forms.ChoiceField(
        label=_("发布期限"), required=False, choices=[ALL, ("1", _("超过期限尚未发布"))]
    )
    q = forms.CharField(
        label=_("名称、索引号或文号"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    page = forms.IntegerField(
        label=_("页码"), required=False, min_value=1, max_value=10**6, widget=forms.HiddenInput
    )

    def __init__(self, data=None, *, agency_ids, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["category"].queryset = Category.objects.filter(
            Q(agency__isnull=True) | Q(agency_id__in=agency_ids)
        ).order_by("facet", "sort_order", "code")

    @property
    def filters(self) -> dict:
        """The cleaned filters for catalog.selectors.office_items."""
        data = self.cleaned_data
        return {
            "status": data["status"],
            "category": data["category"],
            "year": data["year"],
            "channel": data["channel"],
            "overdue": data["overdue"] == "1",
            "text": data["q"].strip(),
        }
