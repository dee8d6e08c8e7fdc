"""Test settings: SQLite in memory by default, PostgreSQL when DATABASE_URL is set."""

import os

from .base import *  # noqa: F403
from .base import DATABASES, INSTALLED_APPS, VAR_DIR

SECRET_KEY = "gongkai-test-key"
# The demo data and `gongkai demo`, which the tests load (never in production).
INSTALLED_APPS = [*INSTALLED_APPS, "gongkai.demo"]
DEBUG = False
if "DATABASE_URL" not in os.environ:
    DATABASES["default"] = {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
# Tests prove behaviour, not hashing cost: a fast hasher first (Argon2 is still tested
# explicitly in tests/accounts/test_passwords.py).
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
]
GONGKAI_SMS_BACKEND = "gongkai.accounts.sms.LocmemSmsBackend"
GONGKAI_SMS_DIR = VAR_DIR / "test-sms"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LANGUAGE_CODE = "zh-hans"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
