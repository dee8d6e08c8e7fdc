"""Developer machine / demo: `make run`. SQLite under var/ unless DATABASE_URL is set."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, env_bool

DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = SECRET_KEY or "gongkai-local-development-key-not-for-production"  # noqa: F405
# The demo data and `gongkai demo` (accounts with known passwords): never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "gongkai.demo"]
