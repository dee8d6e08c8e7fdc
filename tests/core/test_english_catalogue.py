"""English is complete: every message of the Chinese UI has an English translation that is not
marked fuzzy, and the compiled catalogue Django reads (django.mo) says the same as django.po
(`make messages` updates both; a string added without its English fails here)."""

import ast
import gettext
import re
from pathlib import Path

import gongkai

LOCALE = Path(gongkai.__file__).parent / "locale" / "en" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def _entries(path: Path) -> list[dict]:
    """The .po file's entries: msgid, msgid_plural, msgstr / msgstr[n], flags."""
    entries, entry, key = [], {"flags": set()}, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if "msgid" in entry:
                entries.append(entry)
            entry, key = {"flags": set()}, None
        elif line.startswith("#,"):
            entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry[key] += ast.literal_eval(line)
        else:
            key, _, value = line.partition(" ")
            entry[key] = ast.literal_eval(value)
    return [e for e in entries if e["msgid"]]  # the header has an empty msgid


def _translations(entry) -> list[str]:
    return [value for key, value in entry.items() if key.startswith("msgstr")]


def test_every_message_has_its_english():
    missing = [
        entry["msgid"]
        for entry in _entries(LOCALE / "django.po")
        if "fuzzy" in entry["flags"] or not all(_translations(entry))
    ]
    assert not missing, f"{len(missing)} messages without English, e.g. {missing[:5]}"


def test_the_english_keeps_every_placeholder():
    wrong = [
        entry["msgid"]
        for entry in _entries(LOCALE / "django.po")
        for text in _translations(entry)
        if set(PLACEHOLDER.findall(text)) - set(PLACEHOLDER.findall(entry["msgid"]))
    ]
    assert not wrong, wrong[:5]


def test_the_compiled_catalogue_is_up_to_date():
    with (LOCALE / "django.mo").open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    stale = []
    for entry in _entries(LOCALE / "django.po"):
        if "msgstr" not in entry:  # plural forms: checked through ngettext below
            got = catalogue.ngettext(entry["msgid"], entry["msgid_plural"], 1)
            want = entry["msgstr[0]"]
        elif "msgctxt" in entry:
            got, want = catalogue.pgettext(entry["msgctxt"], entry["msgid"]), entry["msgstr"]
        else:
            got, want = catalogue.gettext(entry["msgid"]), entry["msgstr"]
        if got != want:
            stale.append(entry["msgid"])
    assert not stale, f"run `make messages`: {stale[:5]}"
