"""Who may see an applicant's full identity number.

Nobody by default — not even the account holder's own pages show it unmasked. Modules that
hold cases (applications, appeals) register a check saying "this staff user handles a case of
this applicant"; only then is the full number shown to that staff user.
"""

from collections.abc import Callable

from .models import ApplicantProfile

HandlingCheck = Callable[[object, ApplicantProfile], bool]
_handling_checks: list[HandlingCheck] = []


def register_handling_check(check: HandlingCheck) -> HandlingCheck:
    _handling_checks.append(check)
    return check


def can_see_full_identifier(viewer, profile: ApplicantProfile) -> bool:
    if viewer is None or not viewer.is_authenticated:
        return False
    return any(check(viewer, profile) for check in _handling_checks)


def identifier_for(viewer, profile: ApplicantProfile) -> str:
    if can_see_full_identifier(viewer, profile):
        return profile.identifier
    return profile.masked_identifier
