"""Log in with either the username or the verified mobile number, and the password."""

from django.contrib.auth.backends import ModelBackend

from .models import User


def canonical_login_name(request, credentials: dict | None) -> str:
    """django-axes' name for the account being tried: failures by username and by phone count
    against the same account (an unknown identifier is counted as typed)."""
    source = credentials if credentials is not None else getattr(request, "POST", {})
    identifier = (source or {}).get("username") or ""
    user = User.objects.find_for_login(identifier)
    return user.get_username() if user is not None else identifier.strip()


class UsernameOrPhoneBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        user = User.objects.find_for_login(username)
        if user is None:
            # Run the hasher anyway so response time does not tell which accounts exist.
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
