"""XML from uploaded files, read without entity expansion, network access or huge trees.

Office files never declare a DTD, so a part that does is refused before any parser sees it
(`check_prolog`): that is where a "billion laughs" file defines its entities.
"""

from __future__ import annotations

from lxml import etree

from .limits import ParseRefused, quoted

PROLOG_BYTES = 64 * 1024  # an XML declaration and a comment or two; Office writes ~60 bytes
PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, dtd_validation=False
)


def declares_dtd(head: bytes) -> bool:
    """Whether the XML starting with `head` declares a DTD (or has a prolog too long to tell,
    which no honest file has). Text that is not XML answers False."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[1:2] == b"\x00" or head[:1] == b"\x00":
        text = head.decode("utf-16", "replace")
    else:
        text = head.decode("utf-8", "replace")
    text, at = text.lstrip("\ufeff"), 0
    while True:
        while at < len(text) and text[at] in " \t\r\n":
            at += 1
        for opening, closing in (("<?", "?>"), ("<!--", "-->")):
            if text.startswith(opening, at):
                end = text.find(closing, at + len(opening))
                if end < 0:
                    return len(head) >= PROLOG_BYTES  # cut off inside the prolog
                at = end + len(closing)
                break
        else:
            return text.startswith("<!", at)


def check_prolog(head: bytes, *, name: str, member: str = "") -> None:
    if declares_dtd(head):
        raise _refused(name, member)


def _refused(name: str, member: str) -> ParseRefused:
    return ParseRefused(
        f"{quoted(name, member)}含有XML实体声明（DOCTYPE），出于安全原因不予读取"
        "（XML实体声明禁令）。",
        limit="xml_entities",
    )


def parse(data: bytes, *, name: str, member: str = ""):
    """The root element of an XML document from an uploaded file."""
    check_prolog(data[:PROLOG_BYTES], name=name, member=member)
    root = etree.fromstring(data, PARSER)
    if root.getroottree().docinfo.internalDTD is not None:  # check_prolog refuses it before
        raise _refused(name, member)
    return root
