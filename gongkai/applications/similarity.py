"""Earlier requests that look like this one (possible 重复申请, Art. 36(6)), by Chinese word
segmentation (jieba) and overlap of the words that carry meaning."""

import functools
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


def similar_applications(application: Application, *, threshold: float = 0.35, limit: int = 5):
    """[(score, earlier application, same applicant?)], best first, from the same agency."""
    mine = keywords(f"{application.info_title} {application.doc_number} {application.description}")
    earlier = (
        Application.objects.filter(
            agency_id=application.agency_id, created_at__lt=application.created_at
        )
        .exclude(pk=application.pk)
        .only(
            "pk",
            "number",
            "info_title",
            "doc_number",
            "description",
            "applicant_identifier",
            "status",
            "outcome",
            "regime",
            "received_on",
        )
        .order_by("-created_at")[:2000]
    )
    scored = []
    for other in earlier:
        score = similarity(
            mine, keywords(f"{other.info_title} {other.doc_number} {other.description}")
        )
        if score >= threshold:
            same = other.applicant_identifier == application.applicant_identifier
            scored.append((round(score, 2), other, same))
    scored.sort(key=lambda item: (not item[2], -item[0]))
    return scored[:limit]


def possibly_published(application: Application, *, limit: int = 5):
    """Catalogue items that may already hold the requested information (Art. 36(1) 已主动公开):
    [(matched words, item)], the agency's own items first. A 文号 match is exact; otherwise an
    item must contain at least half of the request's meaningful words (and two, if it has two)."""
    from gongkai.catalog.selectors import public_items, search

    found: dict[int, set[str]] = {}
    if application.doc_number.strip():
        for hit in search(text=application.doc_number, limit=limit).hits:
            found.setdefault(hit.item.pk, set()).add(application.doc_number.strip())
    words = sorted(keywords(application.info_title), key=len, reverse=True)[:6]
    for word in words:
        for hit in search(text=word, order="date", limit=200).hits:
            found.setdefault(hit.item.pk, set()).add(word)
    needed = max(1, min(2, len(words)), (len(words) + 1) // 2)
    doc = application.doc_number.strip()
    keep = {pk: w for pk, w in found.items() if doc in w or len(w) >= needed}
    items = public_items().filter(pk__in=keep).select_related("agency")
    ranked = sorted(
        items,
        key=lambda i: (
            doc not in keep[i.pk],
            i.agency_id != application.agency_id,
            -len(keep[i.pk]),
        ),
    )
    return [(sorted(keep[i.pk]), i) for i in ranked[:limit]]
