"""Domain errors. Each carries a stable machine code (for the API) and a Chinese message (for people).

Permission problems are *not* domain errors: they raise django.core.exceptions.PermissionDenied,
so that "you may not" and "this is not allowed in this state" never get confused.
"""


class DomainError(Exception):
    code = "domain_error"

    def __init__(self, message: str, *, code: str | None = None, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        if code:
            self.code = code

    def as_dict(self) -> dict:
        data = {"code": self.code, "message": self.message}
        if self.field:
            data["field"] = self.field
        return data


class InvalidTransition(DomainError):
    code = "invalid_transition"


class RateLimited(DomainError):
    code = "rate_limited"


class UploadRejected(DomainError):
    """A file that is not accepted: wrong type, too large, or beyond a parsing limit."""

    code = "upload_rejected"
