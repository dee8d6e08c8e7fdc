"""Agencies as the API shows them."""

from rest_framework import serializers


class AgencyRefSerializer(serializers.Serializer):
    # The docstring is the schema's description of the component, so it is in Chinese.
    """机关：机关代码（URL 和查询参数中使用）和名称。"""

    code = serializers.CharField(help_text="机关代码")
    name = serializers.CharField()
