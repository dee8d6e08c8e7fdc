"""Log in with either the username or the verified mobile number, and the password."""

from django.contrib.auth.backends import ModelBackend

from .models import User
from .phones import looks_like_phone, normalize_phone


def find_login_user(identifier: str) -> User | None:
    identifier = (identifier or "").strip()
    if not identifier:
        return None
    if looks_like_phone(identifier):
        user = User.objects.filter(phone=normalize_phone(identifier)).first()
        if user is not None:
            return user
    return User.objects.filter(username=identifier).first()


def canonical_login_name(request, credentials: dict | None) -> str:
    """django-axes' name for the account being tried: failures by username and by phone count
    against the same account (an unknown identifier is counted as typed)."""
    source = credentials if credentials is not None else getattr(request, "POST", {})
    identifier = (source or {}).get("username") or ""
    user = find_login_user(identifier)
    return user.get_username() if user is not None else identifier.strip()


class UsernameOrPhoneBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        user = find_login_user(username)
        if user is None:
            # Run the hasher anyway so response time does not tell which accounts exist.
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
