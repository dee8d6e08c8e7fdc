"""The catalogue API's bodies, for the OpenAPI schema. The records (records.py) build the data;
these say its shape, and the contract test (tests/contract.py) holds the two together."""

from rest_framework import serializers

from gongkai.agencies.serializers import AgencyRefSerializer
from gongkai.core.form_schema import form_serializer

from .forms import ItemForm, UploadForm
from .models import Category, ChannelRecord, ImportBatch, Item
from .states import ItemStatus


class CatalogItemSummarySerializer(serializers.Serializer):
    id = serializers.UUIDField(help_text="条目的公开编号（URL 中使用）")
    index_number = serializers.CharField(help_text="索引号")
    title = serializers.CharField()
    doc_number = serializers.CharField(allow_blank=True, help_text="发文字号")
    agency = AgencyRefSerializer()
    created_on = serializers.DateField(help_text="生成日期")
    published_at = serializers.DateTimeField(allow_null=True, help_text="发布时间（未发布为空）")
    summary = serializers.CharField(allow_blank=True)
    validity = serializers.ChoiceField(choices=Item.Validity.choices)
    url = serializers.URLField(help_text="门户网站上的页面")


class CatalogCategoryRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    facet = serializers.ChoiceField(choices=Category.Facet.choices)
    code = serializers.CharField()
    name = serializers.CharField()


class CatalogAttachmentSerializer(serializers.Serializer):
    title = serializers.CharField()
    size = serializers.IntegerField(help_text="字节数")
    content_type = serializers.CharField()
    url = serializers.URLField()


class CatalogChannelSerializer(serializers.Serializer):
    channel = serializers.ChoiceField(choices=ChannelRecord.Channel.choices)
    published_on = serializers.DateField()
    url = serializers.CharField(allow_blank=True)


class CatalogItemSerializer(CatalogItemSummarySerializer):
    body = serializers.CharField(allow_blank=True, help_text="正文（已清理的 HTML）")
    issuer = serializers.CharField(help_text="发布机关名称")
    co_issuers = serializers.CharField(allow_blank=True)
    categories = CatalogCategoryRefSerializer(many=True)
    attachments = CatalogAttachmentSerializer(many=True)
    channels = CatalogChannelSerializer(many=True, help_text="在其他渠道发布的记录")
    interprets = serializers.CharField(
        allow_null=True, help_text="所解读政策的索引号（该政策已公开时；工作人员接口总是给出）"
    )
    interpretations = serializers.ListField(
        child=serializers.CharField(), help_text="解读本条目的已公开条目的索引号"
    )


class CataloguePageSerializer(serializers.Serializer):
    results = CatalogItemSummarySerializer(many=True)
    next_cursor = serializers.CharField(
        allow_null=True, help_text="下一页的 cursor；没有下一页为空"
    )
    total = serializers.IntegerField(help_text="符合条件的条目数（超过上限时为上限）")
    total_capped = serializers.BooleanField(help_text="total 是否为上限")


class CatalogSearchHitSerializer(CatalogItemSummarySerializer):
    title_html = serializers.CharField(help_text="名称，命中的词以 <mark> 标出")
    snippet_html = serializers.CharField(allow_blank=True, help_text="命中的片段（HTML）")


class CatalogSearchPageSerializer(serializers.Serializer):
    results = CatalogSearchHitSerializer(many=True)
    total = serializers.IntegerField()
    total_capped = serializers.BooleanField()
    page = serializers.IntegerField()


class HiddenContentFindingSerializer(serializers.Serializer):
    kind = serializers.CharField(
        help_text="稳定代码：hidden_sheet、comment、tracked_change、metadata…"
    )
    where = serializers.CharField(help_text="在文件中的位置")
    message = serializers.CharField()
    values = serializers.ListField(
        child=serializers.CharField(),
        required=False,
        help_text="仅 person_business_code：找到的个体工商户统一社会信用代码（与可公开名单比对）",
    )


class StaffCatalogItemSerializer(CatalogItemSerializer):
    pk = serializers.IntegerField(help_text="工作人员接口中使用的编号")
    status = serializers.ChoiceField(choices=ItemStatus.choices)
    status_label = serializers.CharField()
    disclosure = serializers.ChoiceField(choices=Item.Disclosure.choices)
    review_opinion = serializers.CharField(allow_blank=True)
    findings = serializers.DictField(
        child=HiddenContentFindingSerializer(many=True), help_text="附件名称 → 检查出的隐藏内容"
    )


class CatalogAttachmentAddedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    findings = HiddenContentFindingSerializer(many=True)


class FlaggedItemSerializer(serializers.Serializer):
    pk = serializers.IntegerField(help_text="条目编号（批量审查时列入 acknowledged）")
    index_number = serializers.CharField()
    title = serializers.CharField()
    findings = serializers.DictField(
        child=HiddenContentFindingSerializer(many=True), help_text="附件名称 → 检查出的隐藏内容"
    )


class StaffImportBatchSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    agency = AgencyRefSerializer()
    kind = serializers.ChoiceField(choices=ImportBatch.Kind.choices)
    kind_label = serializers.CharField()
    source_name = serializers.CharField(help_text="导入文件名")
    imported_by = serializers.CharField(help_text="导入人（不能审查本批）")
    created_at = serializers.DateTimeField()
    counts = serializers.DictField(child=serializers.IntegerField(), help_text="状态 → 条数")
    flagged = FlaggedItemSerializer(
        many=True, help_text="待审查条目中附件含隐藏内容的：批量审查通过前须逐条确认"
    )


ItemInputSerializer = form_serializer(ItemForm, name="CatalogItemInput")
ItemCreateSerializer = form_serializer(
    ItemForm,
    name="CatalogItemCreate",
    extra={"agency": serializers.CharField(help_text="起草条目的机关代码")},
)
AttachmentInputSerializer = form_serializer(UploadForm, name="CatalogAttachmentInput")
