"""Earlier requests that look like this one (possible 重复申请, Art. 36(6)), by Chinese word
segmentation (jieba) and overlap of the words that carry meaning; catalogue items that may
already hold the requested information (Art. 36(1)).

Both checks are computed when a case is created or received and stored (models.RequestCheck,
services/checks.py); the case page reads the stored results. Each application's words are
stored with its check, so a later request is compared with the earlier ones without
segmenting them again.
"""

import functools
import hashlib
import re

from .models import Application

# Words too common in requests to tell two of them apart.
_STOP = frozenset(
    [
        "的",
        "年",
        "和",
        "与",
        "及",
        "关于",
        "有关",
        "相关",
        "信息",
        "政府信息",
        "公开",
        "申请",
        "文件",
        "情况",
        "材料",
        "内容",
        "提供",
        "请求",
        "要求",
        "我",
        "本人",
        "一",
        "份",
        "全部",
    ]
)


@functools.lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(60)  # no "Building prefix dict" chatter in logs
    jieba.initialize()
    return jieba


def keywords(text: str) -> frozenset[str]:
    words = _jieba().lcut_for_search(text or "")
    return frozenset(
        w
        for w in words
        if w.strip() and w not in _STOP and (len(w) > 1 or re.match(r"[0-9A-Za-z]", w))
    )


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


SIMILAR_THRESHOLD = 0.35
SUGGESTIONS = 5  # at most this many of each kind
EARLIER_COMPARED = 2000  # the most recent earlier requests of the agency compared


def request_words(application: Application) -> frozenset[str]:
    return keywords(f"{application.info_title} {application.doc_number} {application.description}")


def text_digest(info_title: str, doc_number: str, description: str) -> str:
    """Of the text both checks read: a stored check whose digest differs is out of date."""
    text = "\x1f".join((info_title or "", doc_number or "", description or ""))
    return hashlib.sha256(text.encode()).hexdigest()


def application_digest(application: Application) -> str:
    return text_digest(application.info_title, application.doc_number, application.description)


def find_similar(
    application: Application,
    *,
    words: frozenset[str] | None = None,
    threshold: float = SIMILAR_THRESHOLD,
    limit: int = SUGGESTIONS,
) -> list[tuple[float, int, bool]]:
    """[(score, earlier application id, same applicant?)], best first, from the same agency:
    the same applicant first, then by score. An earlier request's words are read from its
    stored check where that is up to date, else segmented here."""
    mine = request_words(application) if words is None else words
    earlier = (
        Application.objects.filter(
            agency_id=application.agency_id, created_at__lt=application.created_at
        )
        .exclude(pk=application.pk)
        .order_by("-created_at")
        .values_list(
            "pk",
            "info_title",
            "doc_number",
            "description",
            "applicant_identifier",
            "request_check__digest",
            "request_check__keywords",
        )[:EARLIER_COMPARED]
    )
    scored = []
    for pk, title, doc_number, description, identifier, digest, stored in earlier:
        if stored is not None and digest == text_digest(title, doc_number, description):
            theirs = frozenset(stored)
        else:
            theirs = keywords(f"{title} {doc_number} {description}")
        score = similarity(mine, theirs)
        if score >= threshold:
            scored.append((round(score, 2), pk, identifier == application.applicant_identifier))
    scored.sort(key=lambda item: (not item[2], -item[0]))
    return scored[:limit]


def similar_applications(
    application: Application, *, threshold: float = SIMILAR_THRESHOLD, limit: int = SUGGESTIONS
):
    """[(score, earlier application, same applicant?)], best first, from the same agency."""
    found = find_similar(application, threshold=threshold, limit=limit)
    others = Application.objects.in_bulk([pk for _score, pk, _same in found])
    return [(score, others[pk], same) for score, pk, same in found if pk in others]


def find_published(application: Application, *, limit: int = SUGGESTIONS):
    """[(matched words, item id)] of catalogue items that may already hold the requested
    information (Art. 36(1) 已主动公开), the agency's own items first. A 文号 match is exact;
    otherwise an item must contain at least half of the request's meaningful words (and two,
    if it has two)."""
    from gongkai.catalog.selectors import public_items, search_item_ids

    found: dict[int, set[str]] = {}
    doc = application.doc_number.strip()
    if doc:
        for pk in search_item_ids(text=application.doc_number, limit=limit):
            found.setdefault(pk, set()).add(doc)
    words = sorted(keywords(application.info_title), key=len, reverse=True)[:6]
    for word in words:
        for pk in search_item_ids(text=word, order="date", limit=200):
            found.setdefault(pk, set()).add(word)
    needed = max(1, min(2, len(words)), (len(words) + 1) // 2)
    keep = {pk: w for pk, w in found.items() if doc in w or len(w) >= needed}
    # Ids the index still holds for items withdrawn since are dropped here.
    items = public_items().filter(pk__in=keep).values_list("pk", "agency_id")
    ranked = sorted(
        items,
        key=lambda pair: (
            doc not in keep[pair[0]],
            pair[1] != application.agency_id,
            -len(keep[pair[0]]),
        ),
    )
    return [(sorted(keep[pk]), pk) for pk, _agency in ranked[:limit]]


def possibly_published(application: Application, *, limit: int = SUGGESTIONS):
    """[(matched words, item)], best first (find_published with the items read)."""
    from gongkai.catalog.selectors import public_items

    found = find_published(application, limit=limit)
    items = public_items().select_related("agency").in_bulk([pk for _words, pk in found])
    return [(words, items[pk]) for words, pk in found if pk in items]
