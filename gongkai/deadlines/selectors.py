from django.contrib.contenttypes.models import ContentType

from .models import Deadline


def deadlines_of(*, subject, open_only: bool = True):
    rows = Deadline.objects.filter(
        content_type=ContentType.objects.get_for_model(type(subject)), object_id=str(subject.pk)
    )
    return rows.filter(is_open=True) if open_only else rows
