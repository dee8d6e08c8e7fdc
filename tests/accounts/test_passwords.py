"""Passwords are stored with Argon2 in every non-test configuration."""

from django.contrib.auth.hashers import get_hasher, identify_hasher, make_password


def test_base_settings_hash_with_argon2_first():
    from config.settings import base

    assert base.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_argon2_hashes_and_verifies(db):
    hashed = make_password("Shangqiu-2026!", hasher="argon2")
    assert hashed.startswith("argon2$argon2id$")
    assert identify_hasher(hashed).algorithm == "argon2"
    assert get_hasher("argon2").verify("Shangqiu-2026!", hashed)
