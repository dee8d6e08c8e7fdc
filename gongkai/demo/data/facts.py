"""The data behind the demo facts: the seed agency's records as its 2017 report tells them,
and a profile per demo agency for the generated years."""

import datetime as dt

from gongkai.facts.models import FigureKey, Meeting

D = dt.date
WORK, SPECIAL = Meeting.Kind.WORK, Meeting.Kind.SPECIAL
GXW_ADDRESS = "河南省商丘市睢阳区神火大道市行政服务中心"

# (name, position, full time, started, ended (last day in post), demo username)
SEED_STAFF = [
    ("李静", "办公室科员（兼管信息公开）", False, D(2011, 3, 1), D(2016, 3, 31), None),
    ("吕目知", "办公室主任（信息公开审核）", False, D(2013, 9, 2), None, "gxw_reviewer"),
    ("魏红振", "信息公开专职工作人员", True, D(2014, 3, 3), None, "gxw_clerk"),
    ("孙丽娜", "政策法规科科员（兼管信息公开）", False, D(2016, 4, 5), D(2019, 8, 30), None),
    ("赵晨阳", "运行监测协调科科员（兼管信息公开）", False, D(2019, 9, 2), None, None),
    ("刘思雨", "信息公开专职工作人员", True, D(2021, 7, 1), D(2024, 10, 31), None),
    ("陈博文", "信息公开专职工作人员", True, D(2025, 3, 3), None, None),
]

# The 2017 report: a 领导小组 with the office handling the work, four meetings, no training.
SEED_MEETINGS = [
    (D(2017, 3, 14), "2017年政务公开和政府信息公开工作部署会议", WORK, 26),
    (
        D(2017, 5, 23),
        "《关于支持工业企业开展大众创业万众创新的实施意见》政策解读专题会议",
        SPECIAL,
        12,
    ),
    (D(2017, 8, 15), "推进重点领域信息公开专题会议", SPECIAL, 15),
    (D(2017, 12, 19), "2017年政府信息公开工作总结暨年度报告编制工作会议", WORK, 22),
]

TOPICS = {
    # By quarter: (topic after the year, kind).
    "meetings": [
        [("政务公开工作要点部署会议", WORK), ("政府信息公开工作年度报告审定专题会议", SPECIAL)],
        [("主动公开基本目录梳理专题会议", SPECIAL), ("政策解读和回应关切工作推进会议", WORK)],
        [("重点领域信息公开推进专题会议", SPECIAL), ("政务公开工作半年调度会议", WORK)],
        [("政府信息公开工作总结会议", WORK), ("依申请公开办理规范化专题会议", SPECIAL)],
    ],
    "trainings": [
        "《中华人民共和国政府信息公开条例》专题培训",
        "依申请公开答复规范培训",
        "政策解读和回应关切业务培训",
        "保密审查和个人信息保护培训",
        "政务新媒体信息发布培训",
    ],
}


def _gov(
    body,
    established,
    points,
    posts,
    *,
    organiser,
    meetings=(2, 4),
    trainings=(0, 2),
    trainees=(15, 60),
    attendees=(8, 30),
    budget=(0, 0),
    figures=None,
    regulations_valid=None,
):
    return {
        "bodies": [(body, established)],
        "reading_points": points,
        "posts": posts,
        "organiser": organiser,
        "meetings": meetings,
        "trainings": trainings,
        "trainees": trainees,
        "attendees": attendees,
        "budget": budget,
        "figures": figures or {},
        "regulations_valid": regulations_valid,
    }


FT, PT = True, False
L, P, C, F = (
    FigureKey.LICENSING,
    FigureKey.PUNISHMENT,
    FigureKey.COERCION,
    FigureKey.ADMIN_FEES,  # in 元/100, i.e. hundredths of a 万元
)

PROFILES = {
    "411400": _gov(
        "商丘市人民政府办公室政务公开科",
        D(2008, 4, 25),
        [
            ("商丘市政府信息公开查阅中心", "商丘市行政服务中心一楼大厅", D(2008, 4, 28), None),
            ("商丘市图书馆政府信息公开查阅点", "商丘市图书馆二楼", D(2009, 6, 1), None),
            ("商丘市档案馆政府信息公开查阅点", "商丘市档案馆一楼", D(2010, 3, 1), D(2022, 6, 30)),
        ],
        [
            ("政务公开科科长", FT),
            ("政务公开科科员", FT),
            ("政务公开科科员", FT),
            ("秘书科科员（兼管信息公开）", PT),
            ("督查科科员（兼管信息公开）", PT),
        ],
        organiser="商丘市人民政府办公室",
        meetings=(4, 7),
        trainings=(2, 3),
        trainees=(60, 180),
        attendees=(20, 60),
        budget=(6, 12),
        figures={L: (0, 0), P: (0, 0), C: (0, 0), F: (0, 0)},
        regulations_valid=18,
    ),
    "411400-gxw": _gov(
        "商丘市工业和信息化委员会政府信息公开办公室（设在委办公室）",
        D(2010, 5, 20),
        [
            ("市工信委政府信息公开查阅点", f"{GXW_ADDRESS}（委办公室）", D(2010, 5, 20), None),
            (
                "市中小企业服务中心政府信息公开查阅点",
                "商丘市中小企业服务中心一楼服务大厅",
                D(2020, 3, 2),
                None,
            ),
        ],
        [],
        organiser="商丘市工业和信息化委员会办公室",
        meetings=(3, 5),
        trainings=(1, 2),
        trainees=(20, 45),
        attendees=(10, 30),
        budget=(0.8, 1.5),
        figures={L: (12, 30), P: (0, 5), C: (0, 0), F: (0, 0)},
    ),
    "411400-czj": _gov(
        "商丘市财政局政务公开办公室（设在局办公室）",
        D(2009, 2, 16),
        [
            (
                "市财政局政府信息公开查阅点",
                "河南省商丘市睢阳区凯旋路（局办公室）",
                D(2009, 2, 16),
                None,
            )
        ],
        [
            ("政务公开专职工作人员", FT),
            ("办公室副主任（兼管信息公开）", PT),
            ("预算科科员（兼管预决算公开）", PT),
        ],
        organiser="商丘市财政局办公室",
        budget=(1, 2.5),
        figures={L: (20, 45), P: (0, 6), C: (0, 0), F: (30, 260)},
    ),
    "411400-jyj": _gov(
        "商丘市教育局政务公开办公室（设在局办公室）",
        D(2009, 5, 4),
        [
            (
                "市教育局政府信息公开查阅点",
                "河南省商丘市梁园区文化路（局办公室）",
                D(2009, 5, 4),
                None,
            )
        ],
        [
            ("政务公开专职工作人员", FT),
            ("办公室科员（兼管信息公开）", PT),
            ("发展规划科科员（兼管信息公开）", PT),
        ],
        organiser="商丘市教育局办公室",
        trainees=(30, 90),
        figures={L: (15, 40), P: (0, 3), C: (0, 0), F: (0, 80)},
    ),
    "411400-hbj": _gov(
        "商丘市环境保护局政务公开办公室（设在局办公室）",
        D(2009, 3, 9),
        [
            (
                "市环保局政府信息公开查阅点",
                "河南省商丘市睢阳区南京路（局办公室）",
                D(2009, 3, 9),
                None,
            ),
            ("环境监测站环境信息查阅点", "商丘市环境监测站一楼", D(2015, 6, 5), None),
        ],
        [
            ("政务公开专职工作人员", FT),
            ("法规科科员（兼管信息公开）", PT),
            ("环评科科员（兼管环境信息公开）", PT),
            ("执法支队队员（兼管执法公示）", PT),
        ],
        organiser="商丘市环境保护局办公室",
        budget=(0.5, 1.2),
        figures={L: (90, 210), P: (40, 160), C: (4, 25), F: (0, 0)},
    ),
    "411403": _gov(
        "睢阳区人民政府办公室政务公开股",
        D(2009, 1, 12),
        [("睢阳区政府信息公开查阅中心", "睢阳区行政服务中心一楼", D(2009, 1, 12), None)],
        [("政务公开股股长", FT), ("政务公开股科员", FT), ("秘书股科员（兼管信息公开）", PT)],
        organiser="睢阳区人民政府办公室",
        meetings=(3, 6),
        trainings=(1, 3),
        trainees=(40, 120),
        budget=(2, 5),
        figures={L: (0, 0), P: (0, 0), C: (0, 0), F: (0, 0)},
    ),
    "411403-jyj": _gov(
        "睢阳区教育体育局办公室",
        D(2011, 9, 1),
        [("睢阳区教体局政府信息公开查阅点", "河南省商丘市睢阳区（局办公室）", D(2011, 9, 1), None)],
        [("办公室主任（兼管信息公开）", PT), ("办公室科员（兼管信息公开）", PT)],
        organiser="睢阳区教育体育局办公室",
        meetings=(1, 3),
        trainings=(0, 1),
        trainees=(20, 60),
        figures={L: (5, 20), P: (0, 2), C: (0, 0), F: (0, 0)},
    ),
}

# Names for the generated staff.
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红兰飞鹏辉建国晨阳思雨博文雪梅海燕志强永明佳怡子涵浩然欣怡梓萱宇航"

# Where each other-system figure (table 二) comes from.
SOURCES = {
    FigureKey.LICENSING: "河南政务服务网审批系统（年度导出）",
    FigureKey.PUNISHMENT: "河南省行政执法信息服务平台",
    FigureKey.COERCION: "河南省行政执法信息服务平台",
    FigureKey.ADMIN_FEES: "河南省非税收入收缴管理系统",
    FigureKey.REGULATIONS_MADE: "商丘市政府规章库（市司法局）",
    FigureKey.REGULATIONS_REPEALED: "商丘市政府规章库（市司法局）",
    FigureKey.REGULATIONS_VALID: "商丘市政府规章库（市司法局）",
}
