"""Submitting a comment: login or anonymity, length, files, throttling. Bad input saves
nothing."""

import dataclasses
import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.core.errors import DomainError, RateLimited
from gongkai.engagement.models import Comment, CommentAttachment
from gongkai.engagement.services.base import COMMENT_FILES
from gongkai.engagement.services.comments import MAX_LENGTH
from tests.engagement.fixtures import DURING, frozen, png, submit

pytestmark = pytest.mark.django_db


def test_a_comment_starts_pending_with_its_author_and_time(consultation, citizen):
    with frozen(DURING):
        comment = submit(consultation, citizen, display_name="  王  先生 ")
    assert comment.status == "pending"
    assert comment.author == citizen and comment.display_name == "王 先生"
    assert comment.submitted_at == DURING


def test_a_signed_in_comment_without_a_name_is_signed_as_a_netizen(consultation, citizen):
    with frozen(DURING):
        assert submit(consultation, citizen).display_name == "网友"


def test_anonymous_comments_need_the_consultation_to_allow_them(consultation):
    with frozen(DURING), pytest.raises(DomainError) as refused:
        submit(consultation, None, ip="10.0.0.1")
    assert refused.value.code == "login_required"
    assert not Comment.objects.exists()


def test_an_anonymous_comment_where_allowed_has_no_author(open_to_anonymous):
    with frozen(DURING):
        comment = submit(open_to_anonymous, None, ip="10.0.0.1")
    assert comment.author is None and comment.display_name == "匿名网友"
    assert comment.ip == "10.0.0.1"


def test_too_short_a_comment_is_refused(consultation, citizen):
    with frozen(DURING), pytest.raises(DomainError) as refused:
        submit(consultation, citizen, text="  好 ")
    assert (refused.value.code, refused.value.field) == ("comment_too_short", "text")
    assert not Comment.objects.exists()


def test_too_long_a_comment_is_refused(consultation, citizen):
    with frozen(DURING), pytest.raises(DomainError) as refused:
        submit(consultation, citizen, text="意" * (MAX_LENGTH + 1))
    assert refused.value.code == "comment_too_long"
    assert not Comment.objects.exists()


def test_a_picture_can_be_attached(consultation, citizen):
    with frozen(DURING):
        comment = submit(consultation, citizen, files=[png()])
    attachment = comment.attachments.get()
    assert attachment.content_type == "image/png" and attachment.title == "图.png"


def test_a_file_of_a_forbidden_type_saves_nothing(consultation, citizen):
    script = SimpleUploadedFile("意见.png", b"#!/bin/sh\necho hi\n")
    with frozen(DURING), pytest.raises(DomainError) as refused:
        submit(consultation, citizen, files=[png("好.png"), script])
    assert refused.value.field == "files"
    assert not Comment.objects.exists() and not CommentAttachment.objects.exists()


def test_an_oversized_file_is_refused(consultation, citizen, monkeypatch):
    limited = dataclasses.replace(COMMENT_FILES, max_bytes=10)
    monkeypatch.setattr("gongkai.engagement.services.comments.COMMENT_FILES", limited)
    with frozen(DURING), pytest.raises(DomainError) as refused:
        submit(consultation, citizen, files=[png()])
    assert refused.value.code == "upload_too_large"
    assert not Comment.objects.exists()


def test_at_most_three_files(consultation, citizen):
    with frozen(DURING), pytest.raises(DomainError) as refused:
        submit(consultation, citizen, files=[png(f"{n}.png") for n in range(4)])
    assert refused.value.code == "too_many_files"


def test_five_comments_per_ten_minutes_per_user(consultation, citizen, another_citizen):
    with frozen(DURING):
        for _ in range(5):
            submit(consultation, citizen)
        with pytest.raises(RateLimited) as refused:
            submit(consultation, citizen)
        # Someone else is not held back by it.
        submit(consultation, another_citizen)
    assert refused.value.code == "comment_rate_limited"
    assert Comment.objects.filter(author=citizen).count() == 5
    with frozen(DURING + dt.timedelta(minutes=10, seconds=1)):
        submit(consultation, citizen)
    assert Comment.objects.filter(author=citizen).count() == 6


def test_anonymous_comments_are_throttled_per_address(open_to_anonymous):
    with frozen(DURING):
        for _ in range(5):
            submit(open_to_anonymous, None, ip="10.0.0.7")
        with pytest.raises(RateLimited):
            submit(open_to_anonymous, None, ip="10.0.0.7")
        submit(open_to_anonymous, None, ip="10.0.0.8")
    assert Comment.objects.count() == 6
