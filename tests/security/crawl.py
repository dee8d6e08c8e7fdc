"""A crawler for tests that look for personal data a user can reach: every page, API answer,
file and export a signed-in user gets by following links from a few starting addresses (and the
API's GET paths from its own OpenAPI document), each read as text: HTML and JSON as they are,
XLSX and DOCX through their XML, PDF through its text layer."""

import io
import json
import re
import zipfile
from collections import deque
from contextlib import suppress
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import docx
import pymupdf
from django.core.exceptions import ValidationError

from gongkai.core.identifiers import validate_resident_id

# Where a crawl never goes: signing out, switching language, Django's admin, static files.
SKIPPED = ("/accounts/logout", "/i18n/", "/admin/", "/static/", "/media/")
# Filter and page variants of one address are many; a few of each show what it shows.
QUERY_VARIANTS = 40

ID_CANDIDATE = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")


def resident_ids_in(text: str) -> set[str]:
    """Every valid 居民身份证 number in `text` (GB 11643 check character, a real birth date)."""
    found = set()
    for candidate in ID_CANDIDATE.findall(text):
        with suppress(ValidationError):
            found.add(validate_resident_id(candidate))
    return found


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag in ("a", "link"):
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


def _zip_text(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        if "word/document.xml" in archive.namelist():
            document = docx.Document(io.BytesIO(content))
            parts = [p.text for p in document.paragraphs]
            for table in document.tables:
                parts += [cell.text for row in table.rows for cell in row.cells]
            for section in document.sections:
                parts += [p.text for p in section.header.paragraphs]
            return "\n".join(parts)
        xml = [archive.read(name).decode("utf-8", "ignore") for name in archive.namelist()]
    return re.sub(r"<[^>]+>", " ", "\n".join(xml))


def as_text(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    if content.startswith(b"%PDF"):
        with pymupdf.open(stream=content, filetype="pdf") as pdf:
            return "\n".join(page.get_text() for page in pdf)
    if content.startswith(b"PK"):
        return _zip_text(content)
    if "json" in kind:
        return json.dumps(json.loads(content), ensure_ascii=False)
    return content.decode("utf-8", "ignore")


@dataclass
class Crawl:
    client: object
    # The parts of the site the crawl keeps to (the staff pages and the API by default: the
    # public pages show every visitor the same and hold no case).
    within: tuple = ("/office/", "/api/", "/applications/", "/accounts/profile/")
    texts: dict = field(default_factory=dict)  # url: text
    statuses: dict = field(default_factory=dict)  # url: status code

    def _wanted(self, url: str, seen_queries: dict) -> bool:
        parts = urlsplit(url)
        if parts.scheme not in ("", "http", "https") or parts.netloc not in ("", "testserver"):
            return False
        if not parts.path.startswith(self.within) or parts.path.startswith(SKIPPED):
            return False
        if parts.query:
            seen_queries[parts.path] = seen_queries.get(parts.path, 0) + 1
            return seen_queries[parts.path] <= QUERY_VARIANTS
        return True

    def run(self, starts, *, limit: int = 5000) -> "Crawl":
        queue, seen, seen_queries = deque(), set(), {}
        for url in starts:
            queue.append(url)
            seen.add(url)
        while queue and len(self.texts) < limit:
            url = queue.popleft()
            response = self.client.get(url)
            self.statuses[url] = response.status_code
            if response.status_code != 200:
                continue
            text = as_text(response)
            self.texts[url] = text
            if "html" in response.get("Content-Type", ""):
                parser = _Links()
                parser.feed(text)
                links = parser.links
            else:
                links = re.findall(r"https?://testserver(/[^\s\"'<>]*)", text)
            for link in links:
                absolute = urljoin(url, link.split("#")[0])
                parts = urlsplit(absolute)
                target = parts.path + (f"?{parts.query}" if parts.query else "")
                if target not in seen and self._wanted(absolute, seen_queries):
                    seen.add(target)
                    queue.append(target)
        return self

    def where(self, needle: str) -> list[str]:
        return [url for url, text in self.texts.items() if needle in text]
