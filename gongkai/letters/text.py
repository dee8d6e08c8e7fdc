"""From a template's text to the letter's paragraphs: the template language and its markup.

Templates are plain text, not HTML: nothing is escaped here; the PDF's HTML template escapes
the finished paragraphs. Each non-empty line is one paragraph; a leading "=" centres it, ">"
aligns it right (signature and date), "<" sets it flush left (salutation). Blank lines are
ignored, because a line holding only {% if %} renders blank too.
"""

from dataclasses import dataclass

from django.template import Context, Engine, TemplateSyntaxError

ENGINE = Engine(autoescape=False, builtins=["gongkai.letters.filters"])
# Debug mode records the line of a syntax error, for the message the editor sees.
_CHECKING_ENGINE = Engine(autoescape=False, builtins=["gongkai.letters.filters"], debug=True)

MARKS = {"=": "center", ">": "right", "<": "left"}


@dataclass(frozen=True)
class Block:
    text: str
    align: str = "justify"  # justify (indented two characters), center, right, left

    @property
    def indented(self) -> bool:
        return self.align == "justify"


def template_error(source: str) -> str | None:
    """Why `source` does not compile, in words an editor can act on; None if it does."""
    try:
        _CHECKING_ENGINE.from_string(source)
    except TemplateSyntaxError as error:
        line = getattr(error, "template_debug", {}).get("line")
        where = f"第{line}行" if line else "模板中"
        return f"{where}有模板语法错误：{error}。请检查 {{% %}} 标签是否成对、名称是否正确。"
    return None


def render_text(source: str, context: dict) -> str:
    return ENGINE.from_string(source).render(Context(context, autoescape=False))


def render_blocks(source: str, context: dict) -> list[Block]:
    blocks = []
    for line in render_text(source, context).splitlines():
        line = line.strip(" \t\u3000")  # the ideographic space too: indentation is styling
        if not line:
            continue
        align = MARKS.get(line[0])
        if align:
            line = line[1:].strip(" \t\u3000")
        if line:
            blocks.append(Block(line, align or "justify"))
    return blocks
