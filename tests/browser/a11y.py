"""An accessibility sanity check for a loaded page, without a downloaded tool: what Chromium
computes for assistive technology (its accessibility tree, through the DevTools protocol) and a
few rules read from the page itself. Not a full audit (axe-core is not a dependency); it finds
the mistakes a template most often makes:

- the page's language is set and there is one <h1>; heading levels do not skip (h2 → h4);
- every link, button and form control has an accessible name (a label, text or aria-label);
- every table has a caption (or an aria-label);
- no two elements share an id (a <label for> would name the wrong control);
- a box that scrolls sideways can be reached by the keyboard (focusable, or holding something
  focusable, as axe's scrollable-region-focusable rule asks);
- text contrasts with what is behind it at least 4.5:1 (3:1 for large text), WCAG 1.4.3.
"""

from __future__ import annotations

NAMED_ROLES = {
    "link",
    "button",
    "combobox",
    "textbox",
    "searchbox",
    "checkbox",
    "radio",
    "spinbutton",
    "listbox",
    "slider",
    "switch",
}

_PAGE_RULES = r"""
() => {
  const problems = [];
  const lang = document.documentElement.getAttribute("lang");
  if (!lang) problems.push("<html> has no lang");
  const h1 = document.querySelectorAll("h1");
  if (h1.length !== 1) problems.push(`${h1.length} <h1> on the page`);
  let last = 0;
  for (const h of document.querySelectorAll("h1, h2, h3, h4, h5, h6")) {
    const level = Number(h.tagName[1]);
    if (last && level > last + 1) problems.push(`heading skips from h${last} to h${level}: ${h.textContent.trim()}`);
    last = level;
  }
  for (const table of document.querySelectorAll("table")) {
    const caption = table.querySelector("caption");
    const named = (caption && caption.textContent.trim()) || table.getAttribute("aria-label") || table.getAttribute("aria-labelledby");
    if (!named) problems.push(`a table without a caption: ${table.textContent.trim().slice(0, 30)}`);
  }
  const ids = {};
  for (const el of document.querySelectorAll("[id]")) ids[el.id] = (ids[el.id] || 0) + 1;
  for (const [id, n] of Object.entries(ids)) if (n > 1) problems.push(`id "${id}" used ${n} times`);

  const focusable = "a[href], button, input:not([type=hidden]), select, textarea, [tabindex]";
  for (const el of document.querySelectorAll("body *")) {
    const style = getComputedStyle(el);
    if (!["auto", "scroll"].includes(style.overflowX)) continue;
    if (el.scrollWidth <= el.clientWidth) continue;
    if (el.matches("[tabindex]") && el.tabIndex >= 0) continue;
    if (el.querySelector(focusable)) continue;
    problems.push(`a box scrolls sideways but the keyboard cannot reach it: ${el.className}`);
  }

  const rgb = (value) => {
    const m = value.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const luminance = ({ r, g, b }) => {
    const lin = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const behind = (el) => {
    for (let node = el; node; node = node.parentElement) {
      const bg = rgb(getComputedStyle(node).backgroundColor);
      if (bg && bg.a > 0) return bg;
    }
    return { r: 255, g: 255, b: 255, a: 1 };
  };
  for (const el of document.querySelectorAll("body *")) {
    const text = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join("").trim();
    if (!text || el.closest(".visually-hidden, [hidden], [aria-hidden=true]")) continue;
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || Number(style.opacity) === 0) continue;
    const fg = rgb(style.color), bg = behind(el);
    if (!fg) continue;
    const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
    const large = size >= 24 || (bold && size >= 18.66);
    if (ratio < (large ? 3 : 4.5)) problems.push(`contrast ${ratio.toFixed(2)}:1 for "${text.slice(0, 30)}"`);
  }
  return problems;
}
"""


def audit(page) -> list[str]:
    """The problems found on the page as it is now (an empty list when none)."""
    problems = list(page.evaluate(_PAGE_RULES))
    session = page.context.new_cdp_session(page)
    try:
        nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()
    for node in nodes:
        if node.get("ignored"):
            continue
        role = node.get("role", {}).get("value")
        name = (node.get("name", {}).get("value") or "").strip()
        if role in NAMED_ROLES and not name:
            problems.append(f"a {role} without an accessible name (node {node['nodeId']})")
    return problems
