"""The demo reconsideration, litigation and complaint cases, as a fixed list."""

import datetime as dt

D = dt.date
CITY_GOVERNMENT = "商丘市人民政府"
LIANGYUAN_COURT = "商丘市梁园区人民法院"
SUIYANG_COURT = "商丘市睢阳区人民法院"
INTERMEDIATE_COURT = "商丘市中级人民法院"
DISCLOSURE_OFFICE = "商丘市人民政府办公室（政务公开办）"

# key, agency, kind, application number (or None), filed, body, case number, summary,
# outcome, closed, note, appellant when no application is linked.
# fmt: off
CASES = [
    ("czj-2019-rc", "411400-czj", "reconsideration", "411400-czj-2019-00001", D(2019, 11, 18),
     CITY_GOVERNMENT, "商政复〔2019〕57号",
     "申请人不服以涉及国家秘密为由不予公开的答复，申请行政复议。",
     "upheld", D(2019, 12, 27), "复议决定维持原答复。", ""),
    ("czj-2021-ld", "411400-czj", "litigation_direct", "411400-czj-2021-00001", D(2021, 3, 15),
     LIANGYUAN_COURT, "（2021）豫1402行初58号",
     "原告认为所申请信息不属于过程性信息，起诉要求撤销不予公开的答复。",
     "corrected", D(2021, 8, 20), "判决撤销被诉答复，责令十五个工作日内重新答复。", ""),
    ("jyj-2021-rc", "411400-jyj", "reconsideration", "411400-jyj-2021-00001", D(2021, 9, 6),
     CITY_GOVERNMENT, "商政复〔2021〕112号",
     "申请人不服以属于行政查询事项为由不予公开的答复，申请行政复议。",
     "upheld", D(2021, 11, 2), "复议决定维持原答复。", ""),
    ("jyj-2021-la", "411400-jyj", "litigation_after_reconsideration", None, D(2021, 11, 19),
     SUIYANG_COURT, "（2021）豫1403行初207号",
     "申请人对复议维持决定不服，以原行政机关和复议机关为共同被告提起诉讼。",
     "other", D(2022, 3, 25), "原告撤回起诉，法院裁定准许。", ""),
    ("gxw-2023-rc", "411400-gxw", "reconsideration", "411400-gxw-2023-00001", D(2023, 8, 21),
     CITY_GOVERNMENT, "商政复〔2023〕146号",
     "申请人认为所申请的评审意见不属于过程性信息，申请行政复议。",
     "upheld", D(2023, 10, 17), "复议决定维持原答复。", ""),
    ("hbj-2023-complaint", "411400-hbj", "complaint", None, D(2023, 4, 10),
     DISCLOSURE_OFFICE, "",
     "举报人反映建设项目环境影响评价批复未在二十个工作日内主动公开。",
     "corrected", D(2023, 4, 28), "经核查属实，已责成补充公开并完善发布流程。", "李建国"),
    ("hbj-2024-rc", "411400-hbj", "reconsideration", "411400-hbj-2024-00002", D(2024, 10, 8),
     CITY_GOVERNMENT, "商政复〔2024〕203号",
     "申请人认为答复未说明征求第三方意见的情况，申请行政复议。",
     "corrected", D(2025, 1, 10), "复议决定撤销原答复，责令重新答复。", ""),
    ("czj-2025-ld", "411400-czj", "litigation_direct", "411400-czj-2025-00001", D(2025, 5, 26),
     LIANGYUAN_COURT, "（2025）豫1402行初96号",
     "原告要求提供公开出版物中的财政数据，起诉要求撤销不予处理的答复。",
     "upheld", D(2026, 2, 27), "判决驳回原告的诉讼请求。", ""),
    ("jyj-2025-complaint", "411400-jyj", "complaint", "411400-jyj-2025-00002", D(2025, 11, 24),
     DISCLOSURE_OFFICE, "",
     "投诉人认为答复未逐项说明理由。",
     "other", D(2025, 12, 19), "经核查答复符合规定，已向投诉人说明。", ""),
    ("suiyang-2022-rc", "411403-jyj", "reconsideration", "411403-jyj-2022-00002",
     D(2022, 10, 31), "商丘市睢阳区人民政府", "睢政复〔2022〕19号",
     "申请人不服以其他法律行政法规禁止公开为由不予公开的答复，申请行政复议。",
     "corrected", D(2022, 12, 23), "复议决定责令重新答复。", ""),
    ("suiyang-2026-ld", "411403", "litigation_direct", None, D(2026, 6, 15),
     INTERMEDIATE_COURT, "（2026）豫14行初52号",
     "原告起诉要求公开房屋征收补偿方案的制定依据。",
     "pending", None, "", "王秀英"),
    ("jyj-2026-rc", "411400-jyj", "reconsideration", None, D(2026, 9, 14),
     CITY_GOVERNMENT, "商政复〔2026〕171号",
     "申请人认为学校招生信息未按规定主动公开，申请行政复议。",
     "pending", None, "", "陈志强"),
    ("gxw-2026-rc", "411400-gxw", "reconsideration", "411400-gxw-2026-00011", D(2026, 11, 20),
     CITY_GOVERNMENT, "商政复〔2026〕198号",
     "申请人不服以本机关不掌握相关信息为由作出的答复，申请行政复议。",
     "pending", None, "", ""),
]
# fmt: on
# Which later suit follows which reconsideration.
SUIT_AFTER = {"jyj-2021-la": "jyj-2021-rc"}
# Cases whose decision is on file (a one-page PDF).
DECISIONS = {"czj-2021-ld": "行政判决书.pdf", "hbj-2024-rc": "行政复议决定书.pdf"}
