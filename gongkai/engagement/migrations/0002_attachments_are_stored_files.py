"""Consultation and comment attachments become core.StoredFile: both keep the hidden-content
findings; comment attachments gain the uploader and the upload time, which for the files
already stored are the comment's author and submission time."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def uploader_from_comment(apps, schema_editor):
    CommentAttachment = apps.get_model("engagement", "CommentAttachment")
    for attachment in CommentAttachment.objects.select_related("comment").iterator():
        attachment.uploaded_at = attachment.comment.submitted_at
        attachment.uploaded_by_id = attachment.comment.author_id
        attachment.save(update_fields=["uploaded_at", "uploaded_by"])


class Migration(migrations.Migration):
    dependencies = [
        ("engagement", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="commentattachment",
            options={
                "ordering": ["uploaded_at", "id"],
                "verbose_name": "意见附件",
                "verbose_name_plural": "意见附件",
            },
        ),
        migrations.AddField(
            model_name="commentattachment",
            name="findings",
            field=models.JSONField(blank=True, default=list, verbose_name="隐藏内容检查"),
        ),
        migrations.AddField(
            model_name="commentattachment",
            name="uploaded_at",
            field=models.DateTimeField(auto_now_add=True, default=django.utils.timezone.now),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="commentattachment",
            name="uploaded_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="consultationattachment",
            name="findings",
            field=models.JSONField(blank=True, default=list, verbose_name="隐藏内容检查"),
        ),
        migrations.RunPython(uploader_from_comment, migrations.RunPython.noop),
    ]
