"""The demo catalogue: which agencies get one, over which years, and each agency's words
(one module per agency). The seed agency's 2017 is in `catalog_seed`."""

import datetime as dt

from .catalog_czj import CZJ
from .catalog_education import education
from .catalog_governments import CITYGOV, SUIYANG
from .catalog_gxw import GXW
from .catalog_hbj import HBJ
from .catalog_words import SCHOOLS

CITY = "411400"
SOURCE = "演示数据"  # the imports' source name, followed by the agency's short name
SEED_YEAR = 2017
SEED_TOTAL = 395
# The report's 77 / 52 / 53 / 213 (“其他方式”: 200 own website + 13 media).
SEED_CHANNELS = {"portal": 77, "weibo": 52, "wechat": 53, "agency_website": 200, "media": 13}
YEARS = range(2019, 2027)
LAST_PUBLISHED = dt.date(2026, 11, 20)
DRAFTS_FROM = dt.date(2026, 11, 2)
DRAFTS_TO = dt.date(2026, 11, 26)  # not after the demo's "today", 2026-11-27
# Agencies (by code) that get a catalogue for 2019–2026, in import order (the city first).
AGENCIES = [
    "411400",
    "411400-gxw",
    "411400-czj",
    "411400-jyj",
    "411400-hbj",
    "411403",
    "411403-jyj",
]

PROFILES = {
    "411400": CITYGOV,
    "411400-gxw": GXW,
    "411400-czj": CZJ,
    "411400-jyj": education("商丘市", "市", "市教育局", "商教", SCHOOLS),
    "411400-hbj": HBJ,
    "411403": SUIYANG,
    "411403-jyj": education(
        "睢阳区",
        "区",
        "区教体局",
        "睢教体",
        [
            f"睢阳区{name}"
            for name in ("第一中学", "实验小学", "古城中学", "宋城小学", "郭村镇中心校")
        ],
    ),
}

NON_DISCLOSURE = [
    ("not_disclosed", "涉及商业秘密，公开会对第三方合法权益造成损害（《条例》第十五条）"),
    ("not_disclosed", "属于内部事务信息（《条例》第十六条第一款）"),
    ("not_disclosed", "属于过程性信息（《条例》第十六条第二款）"),
    ("on_request", "仅涉及特定申请人，依申请提供（《条例》第二十七条）"),
    ("on_request", "涉及个人隐私，经权利人同意后依申请提供（《条例》第十五条）"),
]
