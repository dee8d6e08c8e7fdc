"""The demo catalogue's words for the education bureaus (411400-jyj, 411403-jyj).
Templates are (statutory, genre, title, body kind, doc-number probability); `words` are
the lists a title's or body's `{placeholders}` draw from (see gongkai/demo/catalog/words.py).
"""


def education(place: str, short: str, org: str, doc: str, schools: list[str]) -> dict:
    """The words of an education bureau's catalogue: the city's (商丘市教育局) or a county's."""
    return {
        "topic": "T08",
        "doc": doc,
        "office_doc": doc + "办",
        "norm_doc": doc + "规",
        "reg": "SQJYJ" if place == "商丘市" else "SYJTJ",
        "office": "局办公室",
        "recipients": "各县（市、区）教育局，市直各学校"
        if place == "商丘市"
        else "各乡镇（街道）中心校，区直各学校",
        "duty": "贯彻执行教育方针政策，统筹规划和管理"
        + place
        + "各级各类教育事业，负责中小学招生、"
        "教师队伍建设、学生资助和教育督导等工作。",
        "notices": [
            ("F11", "G06", "关于做好{year}年{edu_work}工作的通知", "notice", 0.9),
            ("F13", "G06", "关于开展{year}年度{edu_check}的通知", "notice", 0.8),
            ("F15", "G06", "关于组织参加{year}年{edu_contest}的通知", "notice", 0.5),
            ("F15", "G06", "关于公布{year}年" + place + "{edu_list}名单的通知", "notice", 1.0),
        ],
        "publicity": [
            ("F14", "G03", "{year}年" + place + "公开招聘教师拟聘用人员名单公示", "publicity", 0.0),
            ("F15", "G03", "{year}年" + place + "{edu_list}拟认定名单公示", "publicity", 0.0),
            ("F11", "G03", "{year}年" + place + "义务教育学校招生划片范围公告", "publicity", 0.0),
            ("F11", "G03", "{year}年{season}学生资助资金发放情况公示", "publicity", 0.0),
        ],
        "news": [
            org + "召开{meeting}",
            "{county}扎实推进{topic}",
            org + "督导组到{school}检查{topic}工作",
            "我" + short + "{n}所学校获评{edu_list}",
            "{school}开展{activity}",
        ],
        "words": {
            "school": schools,
            "edu_work": [
                "普通高中招生",
                "义务教育招生入学",
                "中小学教师资格定期注册",
                "学生资助",
                "秋季开学安全检查",
                "中小学“双减”",
                "寒假安全教育",
                "中小学生体质健康测试",
                "教师职称评审",
                "校园食品安全",
            ],
            "edu_check": [
                "中小学校安全隐患排查",
                "民办学校年度检查",
                "校外培训机构专项治理",
                "义务教育优质均衡发展督导评估",
                "学校食堂食品安全专项检查",
            ],
            "edu_contest": [
                "全市中小学生田径运动会",
                "中小学优质课评选",
                "青少年科技创新大赛",
                "中小学生书法比赛",
                "教育教学信息化大奖赛",
            ],
            "edu_list": [
                "示范性幼儿园",
                "文明校园",
                "中小学名师工作室",
                "语言文字规范化示范校",
                "平安校园",
            ],
            "season": ["春季学期", "秋季学期"],
            "meeting": ["全市教育工作会议", "招生工作会议", "校园安全工作会议", "“双减”工作推进会"],
            "topic": ["“双减”工作", "校园安全", "义务教育优质均衡发展", "课后服务", "教师队伍建设"],
            "activity": [
                "防溺水安全教育活动",
                "“开学第一课”活动",
                "消防应急疏散演练",
                "读书节活动",
            ],
            "purpose": [
                "进一步规范招生入学秩序，保障适龄儿童少年平等接受义务教育的权利",
                "切实减轻义务教育阶段学生作业负担和校外培训负担",
                "加强校园安全管理，保障师生生命财产安全",
            ],
            "basis": [
                "《中华人民共和国义务教育法》",
                "《河南省教育厅关于做好{year}年普通中小学招生入学工作的通知》",
                "《中小学幼儿园安全管理办法》",
            ],
            "point": [
                "基本原则。坚持公平、公正、公开，严格执行免试就近入学规定",
                "工作安排。各学校要按照时间节点做好报名、审核、录取等各环节工作",
                "工作要求。各学校要高度重视，主要负责同志亲自抓，确保工作平稳有序",
                "监督保障。招生工作全程接受社会监督，设立监督举报电话",
            ],
            "detail": [
                "会议总结了上学年全市教育工作，安排部署了新学年重点任务",
                "督导组通过听汇报、查资料、看现场等方式，详细了解了学校各项工作开展情况",
                "活动吸引了{n}00余名师生参与，取得了良好效果",
                "近年来，我市持续加大教育投入，新建改扩建中小学校{n}所，新增学位{n}000余个",
            ],
            "closing": [
                "下一步，将持续推进教育高质量发展，办好人民满意的教育。",
                "会议要求，各学校要以高度的责任感抓好各项工作落实。",
            ],
            "goal": ["坚持立德树人根本任务，推动教育优质均衡发展"],
            "task": ["扩大优质教育资源供给", "深化教育评价改革", "加强教师队伍建设"],
            "subject": [
                "中小学生学籍管理",
                "民办学校办学行为管理",
                "校外培训机构管理",
                "学生资助资金管理",
                "中小学教师交流轮岗",
                "中小学招生入学管理",
                "中小学校责任督学挂牌督导",
            ],
        },
        "stats": [("F04", "G17", "{prev}年" + place + "教育事业发展统计公报", "stats_edu")],
        "stats_monthly": False,
    }
