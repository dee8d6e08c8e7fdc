"""A deterministic province-sized dataset for bench/report.py: agencies, disclosure applications,
catalogue items with their channels and 规范性文件 records, appeal cases, responses to public
concerns, the yearly facts and other-system figures.

`load(loader, scale, seed, agencies)` writes it through `loader.insert(table, columns, rows)`
(executemany on SQLite, COPY on PostgreSQL; see bench/report.py). Nothing goes through the ORM:
the schema is the one Django's migrations made, every check constraint of the models holds
(the database checks them), and ids are given explicitly so the same seed gives the same rows.

At scale 1.0: 200 agencies (the agency count does not scale), 1,000,000 applications,
2,000,000 items (~3.4 million channel records, ~29,000 规范性文件), appeals for ~1% of the
concluded applications. Responses, meetings, trainings, staff, budgets and figures are small
per-agency numbers that do not scale.

Distributions (see bench/README.md):
* agencies: a province government (the root), 40 provincial departments, 15 city governments
  with 9-10 departments each; applications go to agencies with Zipf-like weights (rank^-1,
  so the busiest agency gets ~17% of them), items with rank^-0.5;
* received dates 2015-01-01 .. 2025-12-31, ~8% more each year, ids in date order (as a live
  system assigns them, so a year's rows sit together on disk); 2008-regime outcome codes for
  applications received before 2019-05-15, 2019 codes from then on;
* applicants ~85% natural persons; channels mostly online and by post;
* ~78% replied (served, some later closed), ~6% lapsed, ~4% withdrawn, ~1.5% still open after
  years, the rest concluded normally; those that would conclude after 2025-12-31 are pending;
  5% extended, ~3% late; ~0.3% paid a fee;
* items created 2015 .. 2025 (ids in date order), published 0-10 days later, 93% published, 2% withdrawn, 5% not (yet) released; 2% are
  interpretations of an earlier item, 1.5% have a 规范性文件 record; each published item went
  out on 1-3 of the 7 channels;
* 10 agencies count their own website as 政府网站 in the old form (reports.ReportSettings).
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
from collections import deque

FIRST_YEAR, LAST_YEAR = 2015, 2025
TODAY = dt.date(LAST_YEAR, 12, 31)  # the dataset's "now": nothing concludes after it
REGIME_2019_FROM = dt.date(2019, 5, 15)
BASE_APPLICATIONS = 1_000_000
BASE_ITEMS = 2_000_000
BATCH = 20_000

_DAY0 = dt.date(2005, 1, 1).toordinal()
DAYS = [dt.date.fromordinal(_DAY0 + i).isoformat() for i in range(40 * 366)]


def day(ordinal: int) -> str:
    if ordinal < _DAY0:
        raise ValueError(ordinal)
    return DAYS[ordinal - _DAY0]


def year_weights(growth=1.08):
    """(first ordinal of each day, cumulative weights) so later years get more records."""
    first = dt.date(FIRST_YEAR, 1, 1).toordinal()
    last = TODAY.toordinal()
    ordinals = list(range(first, last + 1))
    weights = [growth ** (dt.date.fromordinal(o).year - FIRST_YEAR) for o in ordinals]
    return ordinals, list(itertools.accumulate(weights))


def cumulative(weights):
    return list(itertools.accumulate(weights))


# --------------------------------------------------------------------------------------------
# Agencies

CITY_NAMES = [
    "郑州",
    "开封",
    "洛阳",
    "平顶山",
    "安阳",
    "鹤壁",
    "新乡",
    "焦作",
    "濮阳",
    "许昌",
    "漯河",
    "三门峡",
    "南阳",
    "商丘",
    "信阳",
]
DEPARTMENTS = [
    "发展和改革委员会",
    "教育厅",
    "科学技术厅",
    "工业和信息化厅",
    "民族宗教事务委员会",
    "公安厅",
    "民政厅",
    "司法厅",
    "财政厅",
    "人力资源和社会保障厅",
    "自然资源厅",
    "生态环境厅",
    "住房和城乡建设厅",
    "交通运输厅",
    "水利厅",
    "农业农村厅",
    "商务厅",
    "文化和旅游厅",
    "卫生健康委员会",
    "退役军人事务厅",
    "应急管理厅",
    "审计厅",
    "外事办公室",
    "国有资产监督管理委员会",
    "市场监督管理局",
    "广播电视局",
    "体育局",
    "统计局",
    "医疗保障局",
    "机关事务管理局",
    "林业局",
    "粮食和物资储备局",
    "地方金融监督管理局",
    "信访局",
    "大数据管理局",
    "人民防空办公室",
    "乡村振兴局",
    "药品监督管理局",
    "知识产权局",
    "能源局",
]
CITY_DEPARTMENTS = [
    d.replace("厅", "局").replace("委员会", "委员会") for d in DEPARTMENTS if "外事" not in d
]


def agency_rows(count: int):
    """(id, parent id, path, depth, code, name, level, kind) for `count` agencies (>= 17)."""
    rows = [(1, None, "/1/", 0, "province", "省人民政府", "province", "government")]
    n_cities = min(15, max(1, (count - 1) // 12))
    n_province_departments = min(len(DEPARTMENTS), max(1, (count - 1) // 5))
    n_city_departments = count - 1 - n_province_departments - n_cities
    next_id = 2
    for i in range(n_province_departments):
        rows.append(
            (
                next_id,
                1,
                f"/1/{next_id}/",
                1,
                f"province-d{i + 1:02d}",
                f"省{DEPARTMENTS[i]}",
                "province",
                "department",
            )
        )
        next_id += 1
    per_city = [
        n_city_departments // n_cities + (1 if c < n_city_departments % n_cities else 0)
        for c in range(n_cities)
    ]
    for c in range(n_cities):
        city = CITY_NAMES[c % len(CITY_NAMES)] + ("" if c < len(CITY_NAMES) else str(c))
        city_id = next_id
        rows.append(
            (
                city_id,
                1,
                f"/1/{city_id}/",
                1,
                f"city{c + 1:02d}",
                f"{city}市人民政府",
                "city",
                "government",
            )
        )
        next_id += 1
        for d in range(per_city[c]):
            name = CITY_DEPARTMENTS[d % len(CITY_DEPARTMENTS)]
            rows.append(
                (
                    next_id,
                    city_id,
                    f"/1/{city_id}/{next_id}/",
                    2,
                    f"city{c + 1:02d}-d{d + 1:02d}",
                    f"{city}市{name}{'' if d < len(CITY_DEPARTMENTS) else d}",
                    "city",
                    "department",
                )
            )
            next_id += 1
    return rows


# --------------------------------------------------------------------------------------------
# Text pools (realistic widths, no meaning)

TOPICS = [
    "征地补偿安置方案",
    "房屋征收决定",
    "建设用地规划许可证",
    "环境影响评价报告",
    "拆迁补偿标准",
    "土地出让合同",
    "财政预算执行情况",
    "项目立项批复",
    "行政处罚决定书",
    "企业营业执照登记信息",
    "低保资金发放明细",
    "道路建设工程招标文件",
    "学校划片方案",
    "医保报销政策",
    "养老保险缴费基数",
    "住房公积金缴存比例",
    "城市总体规划",
    "农村宅基地审批",
    "河道采砂许可",
    "安全生产事故调查报告",
]
DOCS = ["文件", "批复", "会议纪要", "通知", "决定", "报告", "审批材料", "台账", "清单", "依据"]
SURNAMES = [
    "王",
    "李",
    "张",
    "刘",
    "陈",
    "杨",
    "赵",
    "黄",
    "周",
    "吴",
    "徐",
    "孙",
    "胡",
    "朱",
    "高",
    "林",
    "何",
    "郭",
    "马",
    "罗",
]


def _pool(rng, template, n):
    return [template(rng) for _ in range(n)]


class Pools:
    def __init__(self, rng):
        self.titles = _pool(
            rng,
            lambda r: f"关于{r.choice(TOPICS)}的{r.choice(DOCS)}（{r.randint(2010, 2025)}年）",
            400,
        )
        self.descriptions = _pool(
            rng,
            lambda r: (
                f"申请公开{r.choice(TOPICS)}相关的{r.choice(DOCS)}，包括但不限于"
                f"{r.choice(TOPICS)}、{r.choice(TOPICS)}及其附件，用于维护本人合法权益。"
            ),
            400,
        )
        self.addresses = _pool(
            rng,
            lambda r: (
                f"{r.choice(CITY_NAMES)}市{r.choice('东西南北中')}区{r.choice(TOPICS)[:2]}路"
                f"{r.randint(1, 999)}号"
            ),
            400,
        )
        self.names = [s + "某" for s in SURNAMES] + [s + "某某" for s in SURNAMES]
        self.item_titles = _pool(
            rng,
            lambda r: (
                f"关于印发《{r.choice(CITY_NAMES)}市{r.choice(TOPICS)}实施办法》的{r.choice(DOCS)}"
            ),
            800,
        )
        self.bodies = _pool(
            rng,
            lambda r: "".join(
                f"{r.choice(TOPICS)}工作按照{r.choice(DOCS)}要求推进，" for _ in range(8)
            ),
            400,
        )


# --------------------------------------------------------------------------------------------
# Applications

APP_COLUMNS = [
    "id",
    "number",
    "query_code_hash",
    "status",
    "regime",
    "channel",
    "applicant_type",
    "applicant_name",
    "applicant_id_type",
    "applicant_identifier",
    "contact_phone",
    "contact_address",
    "contact_email",
    "info_title",
    "doc_number",
    "description",
    "provision_form",
    "delivery_method",
    "submitted_on",
    "signed_on",
    "confirmed_on",
    "received_on",
    "receipt_basis",
    "correction_requested_on",
    "correction_instructions",
    "correction_due_on",
    "corrected_on",
    "correction_text",
    "extended",
    "fee_method",
    "fee_units",
    "fee_amount",
    "fee_explanation",
    "fee_notice_received_on",
    "fee_paid_on",
    "outcome",
    "legal_basis",
    "reasons",
    "withheld",
    "approved_at",
    "service_method",
    "served_on",
    "closed_on",
    "on_time",
    "created_at",
    "updated_at",
    "agency_id",
    "applicant_id",
    "approved_by_id",
    "assigned_to_id",
    "decided_by_id",
    "parent_id",
]

APPLICANT_TYPES = ["natural_person", "commercial", "research", "social_welfare", "legal_service",
                   "other_org"]  # fmt: skip
APPLICANT_WEIGHTS = cumulative([85, 6, 1, 1, 3, 4])
CHANNELS = ["online", "registered_mail", "in_person", "email", "ordinary_mail", "fax"]
CHANNEL_WEIGHTS = cumulative([55, 18, 12, 8, 4, 3])
OUTCOMES_2019 = [
    ("granted", 34), ("partial", 9),
    ("denied_state_secret", 0.5), ("denied_law_forbidden", 1), ("denied_three_security_one_stability", 0.5),
    ("denied_third_party", 2), ("denied_internal_affairs", 1.5), ("denied_process_info", 2),
    ("denied_enforcement_file", 1), ("denied_admin_query", 1.5),
    ("unable_not_held", 20), ("unable_needs_creation", 3), ("unable_unclear_after_correction", 3),
    ("np_petition_complaint", 4), ("np_repeat", 3), ("np_publication", 0.5), ("np_mass_repeat", 1),
    ("np_confirm_or_reissue", 1), ("other_other", 5),
]  # fmt: skip
OUTCOMES_2008 = [
    ("s3_rep_already_public", 8), ("s3_rep_agree", 35), ("s3_rep_partial", 8),
    ("s3_ref_state_secret", 0.5), ("s3_ref_commercial_secret", 1), ("s3_ref_privacy", 1),
    ("s3_ref_security_stability", 1), ("s3_ref_not_gov_info", 3), ("s3_ref_other_legal", 1.5),
    ("s3_rep_not_this_agency", 10), ("s3_rep_not_exist", 15), ("s3_rep_amend", 5),
    ("s3_rep_other_channel", 11),
]  # fmt: skip
LAPSES_2019 = ["other_overdue_correction"] * 5 + ["other_overdue_fee"]
OPEN_STATUSES = ["in_progress", "received", "awaiting_correction", "consulting", "awaiting_fee",
                 "decision_drafted"]  # fmt: skip
# fate: served (reply) / lapse / withdrawn / stuck open for years
FATES = ["served", "lapse", "withdrawn", "stuck"]
FATE_WEIGHTS = cumulative([88.5, 6, 4, 1.5])


def applications(rng, n, agency_ids, agency_weights, pools, appeal_sink):
    """Rows of applications_application (APP_COLUMNS); appends (app id, agency id, concluded
    ordinal) for ~1% of the concluded ones to `appeal_sink`."""
    ordinals, day_weights = year_weights()
    o2019 = [c for c, _w in OUTCOMES_2019]
    w2019 = cumulative([w for _c, w in OUTCOMES_2019])
    o2008 = [c for c, _w in OUTCOMES_2008]
    w2008 = cumulative([w for _c, w in OUTCOMES_2008])
    regime_from = REGIME_2019_FROM.toordinal()
    today = TODAY.toordinal()
    # Ids grow with the received date, as in a live system (rows of a year sit together).
    received_all = sorted(rng.choices(ordinals, cum_weights=day_weights, k=n))
    done = 0
    while done < n:
        k = min(BATCH, n - done)
        agencies = rng.choices(agency_ids, cum_weights=agency_weights, k=k)
        received = received_all[done : done + k]
        types = rng.choices(APPLICANT_TYPES, cum_weights=APPLICANT_WEIGHTS, k=k)
        channels = rng.choices(CHANNELS, cum_weights=CHANNEL_WEIGHTS, k=k)
        fates = rng.choices(FATES, cum_weights=FATE_WEIGHTS, k=k)
        out19 = rng.choices(o2019, cum_weights=w2019, k=k)
        out08 = rng.choices(o2008, cum_weights=w2008, k=k)
        for j in range(k):
            pk = done + j + 1
            r = received[j]
            regime = "2019" if r >= regime_from else "2008"
            extended = rng.random() < 0.05
            duration = rng.randint(21, 40) if extended else rng.randint(1, 20)
            late = rng.random() < 0.03
            if late:
                duration += rng.randint(5, 30)
            fate = fates[j]
            status, outcome, legal_basis = "", "", ""
            served = closed = None
            on_time = None
            fee = None
            end = r + duration
            if fate == "stuck" or end > today:
                status = rng.choice(OPEN_STATUSES)
                extended = extended and status != "received"
            elif fate == "withdrawn":
                status = "withdrawn"
                closed = r + rng.randint(1, min(duration, 10))
                extended = False
            elif fate == "lapse":
                status = "closed"
                outcome = rng.choice(LAPSES_2019) if regime == "2019" else ""
                closed = end
                on_time = True
            else:
                outcome = out19[j] if regime == "2019" else out08[j]
                legal_basis = "《中华人民共和国政府信息公开条例》第三十六条"
                served = end
                on_time = not late
                if rng.random() < 0.3:
                    status = "closed"
                    closed = end + rng.randint(0, 5)
                else:
                    status = "served"
                if regime == "2019" and rng.random() < 0.003:
                    fee = rng.randint(1, 40) * 50
            if status == "received":
                extended = False
            submitted = r - rng.randint(0, 2)
            received_on = day(r)
            regime_code = regime
            if status in OPEN_STATUSES and r > today - 3 and rng.random() < 0.5:
                status, received_on, regime_code = "submitted", None, ""
            concluded = served or closed
            if concluded and rng.random() < 0.01:
                appeal_sink.append((pk, agencies[j], concluded))
            created = f"{day(submitted)} 02:00:00"
            yield (
                pk,
                f"B{pk:09d}",
                "0" * 64,
                status,
                regime_code,
                channels[j],
                types[j],
                pools.names[pk % len(pools.names)],
                "resident_id" if types[j] == "natural_person" else "credit_code",
                f"4101{pk:014d}",
                f"1380000{pk % 10000:04d}",
                pools.addresses[pk % 400],
                "",
                pools.titles[(pk * 7) % 400],
                "",
                pools.descriptions[(pk * 13) % 400],
                "paper" if pk % 3 == 0 else "electronic",
                "post" if pk % 3 == 0 else "download",
                day(submitted),
                None,
                None,
                received_on,
                "submitted" if received_on else "",
                None,
                "",
                None,
                None,
                "",
                extended,
                "by_piece" if fee else "",
                1 if fee else None,
                fee,
                "",
                day(end - 3) if fee else None,
                day(end - 2) if fee else None,
                outcome,
                legal_basis,
                "",
                "",
                None,
                "post" if served else "",
                day(served) if served else None,
                day(closed) if closed else None,
                on_time,
                created,
                created,
                agencies[j],
                None,
                None,
                None,
                None,
                None,
            )
        done += k


# --------------------------------------------------------------------------------------------
# Catalogue

ITEM_COLUMNS = [
    "id",
    "public_id",
    "index_number",
    "title",
    "doc_number",
    "co_issuers",
    "created_on",
    "summary",
    "body",
    "disclosure",
    "non_disclosure_reason",
    "validity",
    "interpretation_form",
    "video_url",
    "status",
    "review_opinion",
    "scheduled_for",
    "published_at",
    "withdrawn_at",
    "withdrawal_reason",
    "imported_from",
    "migrated",
    "created_at",
    "updated_at",
    "agency_id",
    "author_id",
    "issuer_id",
    "review_id",
    "interprets_id",
    "replaced_by_id",
]
# Every approved, published or withdrawn item points at the 保密审查 row that approved it, by a
# reviewer who is not its author (the database's rule): one bench reviewer, items without one.
REVIEW_COLUMNS = [
    "id",
    "decision",
    "opinion",
    "findings",
    "legacy",
    "at",
    "batch_id",
    "item_id",
    "reviewer_id",
]
REVIEWER_ID = 1
USER_COLUMNS = [
    "id",
    "password",
    "is_superuser",
    "username",
    "first_name",
    "last_name",
    "email",
    "is_staff",
    "is_active",
    "date_joined",
]
USER_ROWS = [
    (REVIEWER_ID, "!", False, "bench_reviewer", "", "", "", False, True, "2015-01-01 00:00:00")
]
CHANNEL_COLUMNS = [
    "id",
    "channel",
    "published_on",
    "url",
    "note",
    "recorded_at",
    "recorded_by_id",
    "item_id",
]
NORMATIVE_COLUMNS = [
    "id",
    "registration_number",
    "issued_on",
    "effective_on",
    "expires_on",
    "abolished_on",
    "abolition_note",
    "item_id",
]
ITEM_CHANNELS = ["agency_website", "portal", "weibo", "wechat", "gazette", "media", "other"]
ITEM_CHANNEL_WEIGHTS = [90, 50, 20, 30, 3, 5, 2]
ITEM_STATUSES = ["published", "withdrawn", "draft", "submitted", "approved"]
ITEM_STATUS_WEIGHTS = cumulative([93, 2, 3, 1, 1])
FORMS = ["text", "graphic", "video", "other"]


def _channels_for(rng):
    """1-3 distinct channels, weighted (mean ~1.7)."""
    k = rng.choices((1, 2, 3), cum_weights=(45, 85, 100))[0]
    chosen = []
    while len(chosen) < k:
        c = rng.choices(ITEM_CHANNELS, weights=ITEM_CHANNEL_WEIGHTS)[0]
        if c not in chosen:
            chosen.append(c)
    return chosen


class Catalogue:
    """Items, and as side lists the channel records and normative records of each batch."""

    def __init__(self, rng, n, agency_ids, agency_weights, agency_codes, pools):
        self.rng, self.n, self.pools = rng, n, pools
        self.agency_ids, self.agency_weights, self.codes = agency_ids, agency_weights, agency_codes
        self.channel_rows, self.normative_rows, self.review_rows = [], [], []
        self.channel_id = self.normative_id = 0

    def items(self):
        rng, pools = self.rng, self.pools
        ordinals, day_weights = year_weights(growth=1.05)
        recent = {a: deque(maxlen=50) for a in self.agency_ids}
        # Ids grow with the creation date, as in a live catalogue.
        created_all = sorted(rng.choices(ordinals, cum_weights=day_weights, k=self.n))
        done = 0
        while done < self.n:
            k = min(BATCH, self.n - done)
            agencies = rng.choices(self.agency_ids, cum_weights=self.agency_weights, k=k)
            created = created_all[done : done + k]
            statuses = rng.choices(ITEM_STATUSES, cum_weights=ITEM_STATUS_WEIGHTS, k=k)
            for j in range(k):
                pk = done + j + 1
                agency = agencies[j]
                c = created[j]
                status = statuses[j]
                published = c + rng.randint(0, 10)
                if published > TODAY.toordinal():
                    status = "approved"
                released = status in ("published", "withdrawn")
                published_at = (
                    f"{day(published)} {rng.randint(0, 9):02d}:{rng.randint(0, 59):02d}:00"
                    if released
                    else None
                )
                interprets, form = None, ""
                if released and recent[agency] and rng.random() < 0.02:
                    interprets = rng.choice(recent[agency])
                    form = rng.choice(FORMS)
                if released:
                    recent[agency].append(pk)
                    for channel in _channels_for(rng):
                        self.channel_id += 1
                        self.channel_rows.append(
                            (
                                self.channel_id,
                                channel,
                                day(published + rng.choice((0, 0, 0, 1, 2))),
                                "",
                                "",
                                f"{day(published)} 10:00:00",
                                None,
                                pk,
                            )
                        )
                    if interprets is None and rng.random() < 0.015:
                        self.normative_id += 1
                        abolished = c + rng.randint(100, 2500) if rng.random() < 0.15 else None
                        self.normative_rows.append(
                            (
                                self.normative_id,
                                f"ZF{pk:010d}",
                                day(c),
                                day(c + 30),
                                day(c + 5 * 365) if rng.random() < 0.5 else None,
                                day(abolished) if abolished else None,
                                "已废止" if abolished else "",
                                pk,
                            )
                        )
                stamp = f"{day(c)} 01:00:00"
                review = None
                if status in ("approved", "published", "withdrawn"):
                    review = len(self.review_rows) + 1
                    self.review_rows.append(
                        (review, "approved", "", "{}", False, stamp, None, pk, REVIEWER_ID)
                    )
                yield (
                    pk,
                    f"{pk:032x}",
                    f"{self.codes[agency]}/{pk:08d}",
                    pools.item_titles[(pk * 11) % 800],
                    f"豫政〔{dt.date.fromordinal(c).year}〕{pk % 1000}号",
                    "",
                    day(c),
                    pools.titles[pk % 400],
                    pools.bodies[(pk * 3) % 400],
                    "active",
                    "",
                    "valid",
                    form,
                    "",
                    status,
                    "",
                    None,
                    published_at,
                    f"{day(published + 30)} 01:00:00" if status == "withdrawn" else None,
                    "内容已过时" if status == "withdrawn" else "",
                    "bench",
                    "{}",
                    stamp,
                    stamp,
                    agency,
                    None,
                    agency,
                    review,
                    interprets,
                    None,
                )
            done += k


# --------------------------------------------------------------------------------------------
# Appeals, responses, facts, figures, report settings

APPEAL_COLUMNS = [
    "id",
    "kind",
    "appellant_name",
    "reviewing_body",
    "case_number",
    "filed_on",
    "summary",
    "outcome",
    "closed_on",
    "outcome_note",
    "created_at",
    "updated_at",
    "agency_id",
    "application_id",
    "created_by_id",
    "reconsideration_id",
]
APPEAL_KINDS = ["reconsideration", "litigation_direct", "litigation_after_reconsideration",
                "complaint"]  # fmt: skip


def appeals(rng, sink):
    today = TODAY.toordinal()
    for pk, (app_id, agency, concluded) in enumerate(sink, start=1):
        kind = rng.choices(APPEAL_KINDS, weights=(60, 25, 10, 5))[0]
        filed = min(concluded + rng.randint(5, 60), today)
        closed = filed + rng.randint(20, 300)
        if closed > today:
            outcome, closed = "pending", None
        else:
            outcome = rng.choices(("upheld", "corrected", "other"), weights=(70, 15, 15))[0]
        yield (
            pk,
            kind,
            "张某",
            "省人民政府" if kind == "reconsideration" else "中级人民法院",
            f"（{dt.date.fromordinal(filed).year}）案{pk:06d}号",
            day(filed),
            "",
            outcome,
            day(closed) if closed else None,
            "",
            f"{day(filed)} 02:00:00",
            f"{day(filed)} 02:00:00",
            agency,
            app_id,
            None,
            None,
        )


RESPONSE_COLUMNS = [
    "id",
    "kind",
    "topic",
    "held_on",
    "participants",
    "principal_leader_took_part",
    "link",
    "transcript",
    "created_at",
    "updated_at",
    "agency_id",
    "item_id",
    "recorded_by_id",
]
RESPONSE_KINDS = ["press_conference", "online_interview", "hotline", "hot_topic", "weibo_weixin",
                  "other"]  # fmt: skip


def _random_day(rng, year):
    start = dt.date(year, 1, 1).toordinal()
    return start + rng.randint(0, 364)


def responses(rng, agency_ids):
    pk = 0
    for agency in agency_ids:
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            for _ in range(rng.randint(2, 20)):
                pk += 1
                kind = rng.choices(RESPONSE_KINDS, weights=(20, 10, 5, 25, 30, 10))[0]
                leader = kind in ("press_conference", "online_interview") and rng.random() < 0.3
                held = day(_random_day(rng, year))
                yield (pk, kind, "回应社会关切", held, "", leader, "", "", f"{held} 02:00:00",
                       f"{held} 02:00:00", agency, None, None)  # fmt: skip


def facts(rng, agency_ids):
    """{table: (columns, rows)} of the small per-agency records."""
    out = {
        "facts_disclosurebody": (
            [
                "id",
                "name",
                "established_on",
                "dissolved_on",
                "note",
                "created_at",
                "updated_at",
                "agency_id",
            ],
            [],
        ),
        "facts_readingpoint": (
            [
                "id",
                "name",
                "address",
                "opened_on",
                "closed_on",
                "created_at",
                "updated_at",
                "agency_id",
            ],
            [],
        ),
        "facts_staffassignment": (
            [
                "id",
                "person_name",
                "position",
                "full_time",
                "started_on",
                "ended_on",
                "created_at",
                "updated_at",
                "agency_id",
                "user_id",
            ],
            [],
        ),
        "facts_budgetallocation": (
            [
                "id",
                "year",
                "amount",
                "purpose",
                "dedicated",
                "created_at",
                "updated_at",
                "agency_id",
            ],
            [],
        ),
        "facts_meeting": (
            [
                "id",
                "held_on",
                "topic",
                "kind",
                "attendees",
                "created_at",
                "updated_at",
                "agency_id",
            ],
            [],
        ),
        "facts_training": (
            [
                "id",
                "held_on",
                "topic",
                "organiser",
                "hosted",
                "trainees",
                "hours",
                "created_at",
                "updated_at",
                "agency_id",
            ],
            [],
        ),
    }
    stamp = "2015-01-01 00:00:00"
    first = dt.date(2012, 1, 1).toordinal()
    for agency in agency_ids:
        rows = out["facts_disclosurebody"][1]
        rows.append((len(rows) + 1, "政务公开办公室", day(first), None, "", stamp, stamp, agency))
        rows = out["facts_readingpoint"][1]
        for _ in range(rng.randint(1, 2)):
            opened = first + rng.randint(0, 3000)
            closed = opened + rng.randint(300, 3000) if rng.random() < 0.2 else None
            rows.append((len(rows) + 1, "政务服务大厅查阅点", "行政中心一楼", day(opened),
                         day(closed) if closed else None, stamp, stamp, agency))  # fmt: skip
        rows = out["facts_staffassignment"][1]
        for _ in range(rng.randint(2, 8)):
            started = first + rng.randint(0, 4000)
            ended = started + rng.randint(200, 2500) if rng.random() < 0.4 else None
            rows.append((len(rows) + 1, "王某", "政务公开科科员", rng.random() < 0.4, day(started),
                         day(ended) if ended else None, stamp, stamp, agency, None))  # fmt: skip
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            rows = out["facts_budgetallocation"][1]
            rows.append((len(rows) + 1, year, f"{rng.randint(1, 500) / 10:.4f}", "政务公开专项",
                         rng.random() < 0.8, stamp, stamp, agency))  # fmt: skip
            rows = out["facts_meeting"][1]
            for _ in range(rng.randint(1, 4)):
                held = day(_random_day(rng, year))
                rows.append((len(rows) + 1, held, "政务公开工作会议", "work", rng.randint(10, 80),
                             stamp, stamp, agency))  # fmt: skip
            rows = out["facts_training"][1]
            for _ in range(rng.randint(1, 3)):
                held = day(_random_day(rng, year))
                rows.append((len(rows) + 1, held, "政务公开业务培训", "省政务公开办",
                             rng.random() < 0.6, rng.randint(10, 200), "4.0", stamp, stamp,
                             agency))  # fmt: skip
    return out


FIGURE_COLUMNS = [
    "id",
    "year",
    "key",
    "value",
    "unit",
    "source",
    "entered_at",
    "agency_id",
    "entered_by_id",
]
FIGURE_KEYS = [
    ("licensing", "件"),
    ("punishment", "件"),
    ("coercion", "件"),
    ("admin_fees", "万元"),
]
REGULATION_KEYS = [("regulations_made", "件"), ("regulations_repealed", "件"),
                   ("regulations_valid", "件")]  # fmt: skip


def figures(rng, agency_rows_):
    pk = 0
    for row in agency_rows_:
        agency, kind = row[0], row[7]
        keys = FIGURE_KEYS + (REGULATION_KEYS if kind == "government" else [])
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            for key, unit in keys:
                pk += 1
                value = (
                    f"{rng.randint(0, 99999) / 100:.4f}"
                    if key == "admin_fees"
                    else str(rng.randint(0, 5000))
                )
                yield (pk, year, key, value, unit, "省行政执法信息平台", "2026-01-05 02:00:00",
                       agency, None)  # fmt: skip


# --------------------------------------------------------------------------------------------


def zipf_weights(rng, ids, exponent):
    """Cumulative weights over `ids` shuffled: rank r gets r^-exponent."""
    ranks = list(range(1, len(ids) + 1))
    rng.shuffle(ranks)
    return cumulative([r**-exponent for r in ranks])


def load(loader, *, scale: float, seed: int, agencies: int = 200, progress=None):
    """Write the whole dataset through `loader.insert(table, columns, rows, total)`.
    Returns counts per table."""
    rng = random.Random(seed)
    pools = Pools(rng)
    counts = {}
    rows = agency_rows(agencies)
    stamp = "2015-01-01 00:00:00"
    agency_columns = [
        "id",
        "parent_id",
        "path",
        "depth",
        "code",
        "name",
        "short_name",
        "credit_code",
        "level",
        "kind",
        "is_active",
        "sort_order",
        "office_name",
        "office_address",
        "office_postcode",
        "office_hours",
        "office_phone",
        "office_fax",
        "office_email",
        "office_website",
        "created_at",
    ]
    counts["agencies_agency"] = loader.insert(
        "agencies_agency",
        agency_columns,
        [
            (pk, parent, path, depth, code, name, "", "", level, kind, True, pk, "", "", "", "",
             "", "", "", "", stamp)
            for pk, parent, path, depth, code, name, level, kind in rows
        ],
        len(rows),
    )  # fmt: skip
    ids = [r[0] for r in rows]
    codes = {r[0]: r[4] for r in rows}
    custom = rng.sample(ids, min(10, len(ids)))
    counts["reports_reportsettings"] = loader.insert(
        "reports_reportsettings",
        ["id", "agency_id", "channel_map", "jump_ratio"],
        [
            (i + 1, a, json.dumps({"agency_website": "website"}), "1.00")
            for i, a in enumerate(sorted(custom))
        ],
        len(custom),
    )
    n_apps = max(1, round(BASE_APPLICATIONS * scale))
    sink = []
    counts["applications_application"] = loader.insert(
        "applications_application",
        APP_COLUMNS,
        applications(rng, n_apps, ids, zipf_weights(rng, ids, 1.0), pools, sink),
        n_apps,
    )
    counts["appeals_appealcase"] = loader.insert(
        "appeals_appealcase", APPEAL_COLUMNS, appeals(rng, sink), len(sink)
    )
    n_items = max(1, round(BASE_ITEMS * scale))
    catalogue = Catalogue(rng, n_items, ids, zipf_weights(rng, ids, 0.5), codes, pools)
    counts["accounts_user"] = loader.insert("accounts_user", USER_COLUMNS, USER_ROWS, 1)
    counts["catalog_item"] = loader.insert("catalog_item", ITEM_COLUMNS, catalogue.items(), n_items)
    counts["catalog_itemreview"] = loader.insert(
        "catalog_itemreview", REVIEW_COLUMNS, catalogue.review_rows, len(catalogue.review_rows)
    )
    counts["catalog_channelrecord"] = loader.insert(
        "catalog_channelrecord",
        CHANNEL_COLUMNS,
        catalogue.channel_rows,
        len(catalogue.channel_rows),
    )
    counts["catalog_normativerecord"] = loader.insert(
        "catalog_normativerecord",
        NORMATIVE_COLUMNS,
        catalogue.normative_rows,
        len(catalogue.normative_rows),
    )
    del catalogue
    response_rows = list(responses(rng, ids))
    counts["engagement_concernresponse"] = loader.insert(
        "engagement_concernresponse", RESPONSE_COLUMNS, response_rows, len(response_rows)
    )
    for table, (columns, table_rows) in facts(rng, ids).items():
        counts[table] = loader.insert(table, columns, table_rows, len(table_rows))
    figure_rows = list(figures(rng, rows))
    counts["facts_othersystemfigure"] = loader.insert(
        "facts_othersystemfigure", FIGURE_COLUMNS, figure_rows, len(figure_rows)
    )
    return counts
