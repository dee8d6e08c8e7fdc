"""Make matplotlib's SVG fit to sit inline in an HTML page under the portal's CSP.

matplotlib writes `style="fill: #1f77b4"` on every shape and a `<style>` element in `<defs>`;
a Content-Security-Policy without 'unsafe-inline' for styles blocks both inside an HTML page,
and the chart would lose its colours. SVG accepts the same properties as presentation
attributes (`fill="#1f77b4"`), which CSP does not govern, so the styles are moved there.
Element ids are prefixed so that two charts on one page do not share ids, and the chart gets
a <title> and <desc> for screen readers.
"""

from __future__ import annotations

import re

from lxml import etree

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
# A font the reader's browser may lack is followed by a generic family.
FONT_FALLBACK = "sans-serif"
# Properties matplotlib writes that are not presentation attributes, expanded or dropped.
SHORTHANDS = {"font"}


def _declarations(style: str) -> list[tuple[str, str]]:
    pairs = []
    for declaration in style.split(";"):
        name, _, value = declaration.partition(":")
        if name.strip() and value.strip():
            pairs.append((name.strip(), value.strip()))
    return pairs


def _expand_font(value: str) -> list[tuple[str, str]]:
    """`font: 10px 'Noto Sans CJK SC'` (newer matplotlib) → font-size and font-family."""
    match = re.match(r"(?:(bold|normal|\d00)\s+)?([\d.]+px)\s+(.+)", value)
    if not match:
        return []
    weight, size, family = match.groups()
    pairs = [("font-size", size), ("font-family", family)]
    if weight:
        pairs.append(("font-weight", weight))
    return pairs


def _to_attributes(element) -> None:
    style = element.attrib.pop("style", None)
    if not style:
        return
    for name, value in _declarations(style):
        pairs = _expand_font(value) if name in SHORTHANDS else [(name, value)]
        for attribute, attribute_value in pairs:
            if attribute == "font-family" and FONT_FALLBACK not in attribute_value:
                attribute_value = f"{attribute_value}, {FONT_FALLBACK}"
            element.set(attribute, attribute_value)


def _root_defaults(root, style_element) -> None:
    """`<style>*{stroke-linejoin: round; stroke-linecap: butt}</style>` → attributes on the
    root, whence they inherit (both properties are inherited)."""
    text = style_element.text or ""
    body = text[text.find("{") + 1 : text.rfind("}")] if "{" in text else ""
    for name, value in _declarations(body):
        root.set(name, value)
    style_element.getparent().remove(style_element)


def _prefix_ids(root, prefix: str) -> None:
    referenced = {
        match
        for element in root.iter()
        for value in element.attrib.values()
        for match in re.findall(r"url\(#([^)]+)\)", value)
    } | {
        element.get(XLINK_HREF)[1:]
        for element in root.iter()
        if (element.get(XLINK_HREF) or "").startswith("#")
    }
    for element in root.iter():
        old = element.get("id")
        if old is None:
            continue
        if old in referenced:
            element.set("id", f"{prefix}-{old}")
        else:
            del element.attrib["id"]  # matplotlib's figure_1, patch_3 … only clutter the page
    for element in root.iter():
        for name, value in list(element.attrib.items()):
            if "url(#" in value:
                element.set(name, re.sub(r"url\(#([^)]+)\)", rf"url(#{prefix}-\1)", value))
        href = element.get(XLINK_HREF)
        if href and href.startswith("#"):
            element.set(XLINK_HREF, f"#{prefix}-{href[1:]}")


def accessible_svg(svg_text: str, *, prefix: str, title: str, description: str) -> str:
    """The SVG element alone (no XML prolog), style-free, with <title> and <desc>."""
    parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True)
    root = etree.fromstring(svg_text.encode("utf-8"), parser)
    for metadata in root.findall(f"{{{SVG_NS}}}metadata"):
        root.remove(metadata)
    for style_element in root.iter(f"{{{SVG_NS}}}style"):
        _root_defaults(root, style_element)
        break
    for element in root.iter():
        if isinstance(element.tag, str):
            _to_attributes(element)
    _prefix_ids(root, prefix)
    title_element = etree.Element(f"{{{SVG_NS}}}title", id=f"{prefix}-title")
    title_element.text = title
    desc_element = etree.Element(f"{{{SVG_NS}}}desc", id=f"{prefix}-desc")
    desc_element.text = description
    root.insert(0, desc_element)
    root.insert(0, title_element)
    root.set("role", "img")
    root.set("aria-labelledby", f"{prefix}-title {prefix}-desc")
    # Width follows the page (set by class in CSS); the viewBox keeps the proportions.
    for attribute in ("width", "height"):
        root.attrib.pop(attribute, None)
    root.set("class", "report-chart")
    return etree.tostring(root, encoding="unicode")
