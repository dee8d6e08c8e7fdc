"""Forms of the engagement pages and API. They parse input; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.catalog.forms import DateInput, ItemReferenceField

from .models import Comment, ConcernResponse
from .services.comments import MAX_FILES, MAX_LENGTH, MAX_NAME_LENGTH


class ConsultationForm(forms.Form):
    title = forms.CharField(
        label=_("标题"),
        max_length=300,
        help_text=_("如：关于支持工业企业开展大众创业万众创新的实施意见（征求意见稿）"),
    )
    background = forms.CharField(
        label=_("起草背景"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    basis = forms.CharField(
        label=_("起草依据"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("所依据的法律、法规、规章和上级文件。"),
    )
    draft_text = forms.CharField(
        label=_("征求意见稿正文"),
        widget=forms.Textarea(attrs={"rows": 14}),
        required=False,
        help_text=_("可使用段落、标题、列表、表格和链接等HTML标记；其他内容会被自动清除。"),
    )
    opens_on = forms.DateField(label=_("征求意见开始日期"), widget=DateInput())
    closes_on = forms.DateField(
        label=_("征求意见截止日期"),
        widget=DateInput(),
        help_text=_("起止日期当天均可提交意见（北京时间）。重大行政决策一般不少于30日。"),
    )
    allow_anonymous = forms.BooleanField(label=_("允许未登录的公众匿名提交意见"), required=False)

    @classmethod
    def initial_of(cls, consultation) -> dict:
        return {name: getattr(consultation, name) for name in cls.base_fields}


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("附件"), help_text=_("PDF、Word（.docx）、Excel（.xlsx）或图片。")
    )
    title = forms.CharField(label=_("附件名称"), max_length=200, required=False)


class ExtendForm(forms.Form):
    closes_on = forms.DateField(label=_("新的截止日期"), widget=DateInput())


class FeedbackForm(forms.Form):
    summary = forms.CharField(
        label=_("意见采纳情况总体说明"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("如：共收到意见建议12条，采纳5条，部分采纳3条，未采纳4条，主要理由是……"),
    )


class DecisionForm(forms.Form):
    item = ItemReferenceField(
        label=_("最终决定的索引号"),
        required=False,
        help_text=_("已在主动公开目录中发布的最终决定；留空则取消关联。"),
    )

    def __init__(self, *args, agency=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The consultation's own agency's items are found (and refused in words while
        # unpublished); another agency's only once published.
        self.fields["item"].agency = agency


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


class CommentForm(forms.Form):
    display_name = forms.CharField(
        label=_("署名"),
        max_length=MAX_NAME_LENGTH,
        required=False,
        help_text=_("公开显示的名字，可填单位名称；留空显示为“网友”。"),
    )
    text = forms.CharField(
        label=_("意见内容"),
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": MAX_LENGTH}),
        help_text=_("经审核后公开。请勿填写身份证号、电话等个人信息。"),
    )
    files = MultipleFileField(
        label=_("附件"),
        required=False,
        help_text=_("可选，最多%(n)d个，PDF、Word（.docx）或图片，每个10MB以内。")
        % {"n": MAX_FILES},
    )


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("屏蔽理由"), max_length=300, help_text=_("如：广告信息，与征求意见内容无关。")
    )


class AnswerForm(forms.Form):
    text = forms.CharField(label=_("答复"), widget=forms.Textarea(attrs={"rows": 3}))


class AssessForm(forms.Form):
    adoption = forms.ChoiceField(
        label=_("采纳情况"), choices=Comment.Adoption.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("说明"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("部分采纳或未采纳须说明理由。"),
    )


class ResponseForm(forms.Form):
    kind = forms.ChoiceField(label=_("回应方式"), choices=ConcernResponse.Kind.choices)
    topic = forms.CharField(label=_("主题"), max_length=300)
    held_on = forms.DateField(label=_("日期"), widget=DateInput())
    participants = forms.CharField(
        label=_("参加人员"), max_length=300, required=False, help_text=_("如：市工信委主任 刘明亮")
    )
    principal_leader_took_part = forms.BooleanField(
        label=_("主要负责同志参加"),
        required=False,
        help_text=_("仅新闻发布会和政府网站在线访谈。"),
    )
    link = forms.URLField(label=_("链接"), max_length=500, required=False, assume_scheme="https")
    transcript = forms.CharField(
        label=_("内容摘要或文字实录"), widget=forms.Textarea(attrs={"rows": 8}), required=False
    )
    item = ItemReferenceField(
        label=_("相关公开信息的索引号"),
        required=False,
        help_text=_("可选：报道本次回应的目录条目。"),
    )

    @classmethod
    def initial_of(cls, response) -> dict:
        initial = {name: getattr(response, name) for name in cls.base_fields if name != "item"}
        initial["item"] = response.item.index_number if response.item else ""
        return initial


class DeleteForm(forms.Form):
    reason = forms.CharField(label=_("删除理由"), max_length=300)
