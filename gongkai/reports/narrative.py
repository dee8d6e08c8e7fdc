"""The report's text, prefilled with sentences that carry the computed figures (as the seed's
own text does: "2017年，我委主动公开政府信息395条，其中……"). Staff edit it afterwards; every
saved version is kept (models.Narrative)."""

from __future__ import annotations

from gongkai.agencies.models import Agency

from .document import ReportData, format_number


def _n(value) -> str:
    """A figure in a sentence: a blank cell reads as 0."""
    return format_number(value) or "0"


def _overview(data: ReportData, texts) -> str:
    """总体情况: each of the format's five part headings followed by its text."""
    parts = data.format.sections[0].parts
    return "\n".join(f"{heading}\n{text}" for heading, text in zip(parts, texts, strict=True))


def prefill(data: ReportData, *, agency: Agency) -> dict[str, str]:
    if data.format.id == "gb2008":
        return _prefill_2008(data, agency)
    return _prefill_2019(data, agency)


def _prefill_2008(data: ReportData, agency: Agency) -> dict[str, str]:
    v = {row: cells.get("value") for row, cells in data.values["tongjibiao"].items()}
    y = data.year
    published = (
        f"{y}年，本机关主动公开政府信息{_n(v['s1_pub'])}条，其中通过政府网站公开"
        f"{_n(v['s1_ch_website'])}条，通过政务微信、政务微博公开"
        f"{_n((v['s1_ch_weibo'] or 0) + (v['s1_ch_weixin'] or 0))}条，通过政府公报公开"
        f"{_n(v['s1_ch_gazette'])}条，通过本机关网站、报刊、广播、电视等其他方式公开"
        f"{_n(v['s1_ch_other'])}条。制发规范性文件{_n(v['s1_normative_issued'])}件，"
        f"主动公开规范性文件{_n(v['s1_pub_normative'])}条。"
    )
    responses = (
        f"{y}年，发布政策解读稿件{_n(v['s2_interpretations'])}篇，回应公众关注热点或重大舆情"
        f"{_n(v['s2_hotspots'])}次；参加或举办新闻发布会{_n(v['s2_pressconf'])}次，"
        f"政府网站在线访谈{_n(v['s2_interview'])}次，通过微博微信回应事件"
        f"{_n(v['s2_weibo_weixin'])}次，通过其他方式回应事件{_n(v['s2_other'])}次。"
    )
    channels = [
        (label, v[key])
        for key, label in (
            ("s3_rec_inperson", "当面申请"),
            ("s3_rec_fax", "传真申请"),
            ("s3_rec_online", "网络申请"),
            ("s3_rec_letter", "信函申请"),
        )
        if v[key]
    ]
    received = f"{y}年，共收到依申请公开{_n(v['s3_received'])}件"
    if channels:
        received += "，其中" + "，".join(f"{label}{n}件" for label, n in channels)
    fee = f"收取信息处理费{_n(v['s7'])}万元" if v["s7"] else "未收取申请人费用"
    requests = (
        f"{received}；办结{_n(v['s3_closed'])}件，其中按时办结{_n(v['s3_closed_ontime'])}件，"
        f"延期办结{_n(v['s3_closed_extended'])}件；{fee}。"
    )
    appeals_total = (v["s4"] or 0) + (v["s5"] or 0) + (v["s6"] or 0)
    appeals = (
        f"{y}年，没有行政复议、行政诉讼、举报投诉等情况。"
        if not appeals_total
        else f"{y}年，发生政府信息公开行政复议{_n(v['s4'])}件、行政诉讼{_n(v['s5'])}件、"
        f"举报投诉{_n(v['s6'])}件。"
    )
    institution = (
        f"本机关设政府信息公开工作专门机构{_n(v['s8_units'])}个，设置查阅点"
        f"{_n(v['s8_reading_points'])}个，从事政府信息公开工作人员{_n(v['s8_staff'])}人，"
        f"其中专职{_n(v['s8_staff_fulltime'])}人、兼职{_n(v['s8_staff_parttime'])}人；"
        f"{y}年召开政府信息公开工作会议或专题会议{_n(v['s9_meetings'])}次，"
        f"举办培训班{_n(v['s9_trainings'])}次，接受培训{_n(v['s9_trainees'])}人次。"
    )
    overview = _overview(data, (published, responses, requests, appeals, institution))
    return {
        "overview": overview,
        "problems": "",
        "plans": "",
        "other": f"{y}年，依申请公开{fee}。",
    }


def _prefill_2019(data: ReportData, agency: Agency) -> dict[str, str]:
    from gongkai.catalog.counts import channel_counts, published_count
    from gongkai.catalog.models import ChannelRecord

    from .sources import Scope
    from .sources.applications import fees_collected

    y = data.year
    scope = Scope(agency=agency, year=y, subtree=data.subtree)
    t3 = data.values["t3"]
    total = {row: cells.get("total") for row, cells in t3.items()}
    published = published_count(scope.agency_ids, y)
    channels = channel_counts(scope.agency_ids, y)
    labels = dict(ChannelRecord.Channel.choices)
    channel_text = "，".join(f"{labels[c]}{n}条" for c, n in channels.items() if n)
    normative = data.values["t2_art20_1"]["normative_documents"]
    made = normative.get("made", normative.get("new_made"))
    valid = normative.get("valid", normative.get("total_public"))
    granted = (total.get("granted") or 0) + (total.get("partial") or 0)
    fees = fees_collected(scope)
    active = (
        f"{y}年，主动公开政府信息{published}条"
        + (f"，其中{channel_text}" if channel_text else "")
        + f"。制发行政规范性文件{_n(made)}件，现行有效{_n(valid)}件。"
    )
    requests = (
        f"{y}年，新收政府信息公开申请{_n(total['new_received'])}件，上年结转"
        f"{_n(total['carried_over'])}件；办结{_n(total['results_total'])}件，其中予以公开或部分公开"
        f"{granted}件；结转下年度继续办理{_n(total['carried_forward'])}件。"
    )
    t4 = data.values["t4"]["count"]
    supervision = (
        f"{y}年，因政府信息公开引起行政复议{_n(t4.get('rc_total'))}件、行政诉讼"
        f"{_n((t4.get('ld_total') or 0) + (t4.get('la_total') or 0))}件。"
    )
    overview = _overview(data, (active, requests, "", "", supervision))
    fee_text = (
        f"{y}年，依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费"
        f"{_n(fees)}元。"
        if fees
        else f"{y}年，未收取信息处理费。"
    )
    return {"overview": overview, "problems": "", "other": fee_text}
