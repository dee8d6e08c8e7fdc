"""Settings shared by every environment. Everything that differs comes from the environment."""

import json
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parents[2]
# Runtime files (SQLite database, uploaded files, the console SMS outbox) live under var/.
VAR_DIR = Path(os.environ.get("GONGKAI_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_count(name: str, default: int) -> int:
    """A whole number >= 0 from the environment; anything else stops the start with the reason."""
    value = (os.environ.get(name) or "").strip()
    if not value:
        return default
    if not value.isdigit():
        raise ImproperlyConfigured(f"{name} must be a whole number >= 0, not {value!r}")
    return int(value)


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "rest_framework",
    "drf_spectacular",
    "gongkai.core",
    "gongkai.agencies",
    "gongkai.accounts",
    "gongkai.workdays",
    "gongkai.deadlines",
    "gongkai.applications",
    "gongkai.letters",
    "gongkai.redaction",
    "gongkai.search",
    "gongkai.catalog",
    "gongkai.engagement",
    "gongkai.powerlists",
    "gongkai.appeals",
    "gongkai.facts",
    "gongkai.reports",
    "gongkai.apitokens",
    "gongkai.portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "gongkai.core.middleware.ChineseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # A NUL in the address or the query string is a 400 before any view reads it.
    "gongkai.core.params.RefuseNulMiddleware",
    "gongkai.core.middleware.RequestContextMiddleware",
    # Axes must come last: it turns a lockout raised during authentication into a response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "gongkai" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "gongkai.core.context_processors.site",
                "gongkai.regimes.context_processors.current_regime",
            ],
        },
    }
]

# SQLite under var/ unless DATABASE_URL says otherwise (postgres://user@host/name in production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'gongkai.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the portal read while a clerk writes; the busy timeout avoids spurious "locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Axes first, so a locked-out account is refused before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "gongkai.accounts.backends.UsernameOrPhoneBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "portal:home"
LOGOUT_REDIRECT_URL = "portal:home"

# Login throttling (django-axes): 5 failures for one account from one IP lock that pair
# for 15 minutes. The account is identified canonically, so username and phone count together.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "gongkai.accounts.backends.canonical_login_name"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# The lock lasts 15 minutes from the fifth failure, as the page says, however often it is retried.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_VERBOSE = False
# The client's address (gongkai.core.client): the number of trusted proxies in front whose
# X-Forwarded-For entries are believed. 0 (the development server) uses REMOTE_ADDR; production
# defaults to 1 (one nginx, docs/deploy.md). Axes, the rate limits and the audit all use it.
GONGKAI_PROXY_COUNT = env_count("GONGKAI_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "gongkai.core.client.client_address"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "gongkai" / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", VAR_DIR / "media"))
# Uploads larger than this are refused before they reach a view (identity proofs, scans).
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 8
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# SMS: a pluggable backend, like Django's e-mail backends. The console backend prints each
# message and writes it to var/sms/, so the demo needs no provider. See docs/sms.md.
GONGKAI_SMS_BACKEND = os.environ.get(
    "GONGKAI_SMS_BACKEND", "gongkai.accounts.sms.ConsoleSmsBackend"
)
GONGKAI_SMS_DIR = VAR_DIR / "sms"
GONGKAI_SMS_CODE_TTL = timedelta(minutes=10)
GONGKAI_SMS_CODE_MAX_ATTEMPTS = 5
GONGKAI_SMS_LIMITS = {
    # Minimum seconds between two codes to one number, then caps per rolling window.
    "per_phone_interval_seconds": 60,
    "per_phone_per_hour": 5,
    "per_phone_per_day": 10,
    "per_ip_per_hour": 20,
}
# Deadline counting (gongkai.regimes.rules.CountingRules): the day of receipt is not counted.
GONGKAI_COUNTING_RULES = {"count_receipt_day": env_bool("GONGKAI_COUNT_RECEIPT_DAY", False)}

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # A request with `Authorization: Bearer` is an API token's (gongkai.apitokens) and never
    # falls back to the session; the browser's requests use the session, CSRF included.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "gongkai.apitokens.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # A JSON body must be an object: anything else is a 400 parse_error (core.parsers).
    "DEFAULT_PARSER_CLASSES": [
        "gongkai.core.parsers.JSONObjectParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "EXCEPTION_HANDLER": "gongkai.core.api.exception_handler",
    # Every endpoint is rate-limited (core.throttling): per client address when not signed in,
    # per account when signed in, per token for API tokens. "N/second|minute|hour|day".
    "DEFAULT_THROTTLE_CLASSES": [
        "gongkai.core.throttling.AnonymousRateThrottle",
        "gongkai.core.throttling.SessionUserRateThrottle",
        "gongkai.apitokens.throttling.TokenRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("GONGKAI_API_RATE_ANON", "120/minute"),
        "user": os.environ.get("GONGKAI_API_RATE_USER", "600/minute"),
        "token": os.environ.get("GONGKAI_API_RATE_TOKEN", "600/minute"),
    },
    # DRF's throttles pick the client from X-Forwarded-For by the same rule as core.client.
    "NUM_PROXIES": GONGKAI_PROXY_COUNT,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Gongkai API",
    "DESCRIPTION": '政府信息公开平台接口。错误以 JSON 返回：{"code": …, "message": …}。',
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # 3.1: a nullable nested object is oneOf [object, null] (3.0 cannot say that of a $ref).
    "OAS_VERSION": "3.1.0",
    # Every operation may answer 401 (a bad API token) and 429 (the API's rate limit).
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "gongkai.apitokens.schema.declare_token_answers",
        "gongkai.core.api.declare_rate_limit",
    ],
    # One name per choice set that several endpoints share, or that would otherwise collide
    # with another app's set of the same field name.
    "ENUM_NAME_OVERRIDES": {
        "ApplicationStatus": "gongkai.applications.states.Status",
        "ApplicationChannel": "gongkai.regimes.rules.Channel",
        "CatalogItemStatus": "gongkai.catalog.states.ItemStatus",
        "Disclosure": "gongkai.catalog.models.Item.Disclosure",
        "Validity": "gongkai.catalog.models.Item.Validity",
        "CategoryFacet": "gongkai.catalog.models.Category.Facet",
        "PublishingChannel": "gongkai.catalog.models.ChannelRecord.Channel",
        "ConsultationPhase": "gongkai.engagement.states.Phase",
        "CommentStatus": "gongkai.engagement.states.CommentStatus",
        "Adoption": "gongkai.engagement.models.Comment.Adoption",
        "ConcernResponseKind": "gongkai.engagement.models.ConcernResponse.Kind",
        "PowerType": "gongkai.powerlists.models.PowerType",
        "PowerItemStatus": "gongkai.powerlists.states.ItemStatus",
        "ChangeKind": "gongkai.powerlists.states.ChangeKind",
        "AppealKind": "gongkai.appeals.states.AppealKind",
        "AppealOutcome": "gongkai.appeals.states.Outcome",
        "AppealDocumentKind": "gongkai.appeals.models.AppealDocument.Kind",
        "MeetingKind": "gongkai.facts.models.Meeting.Kind",
        "FigureKey": "gongkai.facts.models.FigureKey",
        "AnnualReportStatus": "gongkai.reports.states.ReportStatus",
    },
}

GONGKAI_SITE_NAME = _("政府信息公开平台")
GONGKAI_SITE_URL = os.environ.get("GONGKAI_SITE_URL", "")  # e.g. https://gk.example.gov.cn
# Files of applications (identity proofs, scans, letters, released files) …
GONGKAI_MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# … and attachments of catalogue items, consultations and appeal cases, and imports.
GONGKAI_MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024
GONGKAI_IMPORT_MAX_ROWS = 100_000
# Limits on reading uploaded and imported files (expanded size, compression ratio, parts,
# nesting, PDF pages, time, memory): gongkai/core/parsing/limits.py has each default and
# docs/uploads.md explains them. Only the keys given change, e.g. as JSON in the environment:
# GONGKAI_PARSE_LIMITS='{"pdf_pages": 10000, "seconds": 45}'.
GONGKAI_PARSE_LIMITS = json.loads(os.environ.get("GONGKAI_PARSE_LIMITS") or "{}")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("GONGKAI_LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# E-mail: the console by default (like SMS); production sets an SMTP backend.
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "gongkai@localhost")

# Background work: Celery with Redis (docs/deploy.md). Without a worker, the same tasks run
# from cron with `gongkai remind-deadlines`.
CELERY_BROKER_URL = os.environ.get(
    "CELERY_BROKER_URL", os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
)
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    # Every morning at 08:00 China time, the hour of the cron line in docs/deploy.md. Running it
    # again (beat and cron both, a retried task) sends nobody a second digest the same day.
    "daily-deadline-reminders": {
        "task": "gongkai.deadlines.tasks.remind_deadlines",
        "schedule": crontab(hour=8, minute=0),
        "options": {"expires": 60 * 60 * 12},
    },
    "publish-scheduled-items": {
        "task": "gongkai.catalog.tasks.publish_scheduled",
        "schedule": 60,
        "options": {"expires": 50},
    },
}
GONGKAI_REMINDER_WORKDAYS = 3
# An application submitted but not confirmed as received (Art. 31: its reply clock does not run
# yet) is in the clerks' reminder from the day it arrives, and in the head's (负责人) once it
# has waited this many working days.
GONGKAI_UNCONFIRMED_ESCALATION_WORKDAYS = int(
    os.environ.get("GONGKAI_UNCONFIRMED_ESCALATION_WORKDAYS", "2")
)
