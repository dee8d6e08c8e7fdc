"""Agencies as the API shows them."""

from rest_framework import serializers


class AgencyRefSerializer(serializers.Serializer):
    """An agency named in another record: its code (as used in URLs and query parameters) and
    its name."""

    code = serializers.CharField(help_text="机关代码")
    name = serializers.CharField()
