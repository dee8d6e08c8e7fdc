"""Production: PostgreSQL, Redis cache, HTTPS behind nginx. Every secret comes from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, REST_FRAMEWORK, SECRET_KEY, env_bool, env_count

if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3" and not env_bool(
    "GONGKAI_ALLOW_SQLITE", False
):
    raise ImproperlyConfigured("Set DATABASE_URL=postgres://… (or GONGKAI_ALLOW_SQLITE=1)")

DEBUG = False
REDIS_URL = os.environ.get("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
CSRF_TRUSTED_ORIGINS = [
    o for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o
]
# One nginx in front unless told otherwise: the client is the address nginx saw
# (gongkai.core.client; docs/deploy.md says how to check it after deployment).
GONGKAI_PROXY_COUNT = env_count("GONGKAI_PROXY_COUNT", 1)
REST_FRAMEWORK = {**REST_FRAMEWORK, "NUM_PROXIES": GONGKAI_PROXY_COUNT}
