"""The words of the demo applications: applicants' names, organisations and what each agency
is asked for."""

from gongkai.accounts.models import ApplicantType

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = [
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "涛",
    "明",
    "超",
]
COMPANIES = [
    "商丘市宏达机械制造有限公司",
    "河南中原电子科技有限公司",
    "商丘金鼎食品有限公司",
    "商丘恒信建材有限公司",
    "豫东新材料股份有限公司",
]
ORGS = {
    ApplicantType.RESEARCH: "商丘师范学院区域经济研究所",
    ApplicantType.SOCIAL_WELFARE: "商丘市绿色家园环保志愿者协会",
    ApplicantType.LEGAL_SERVICE: "河南商都律师事务所",
    ApplicantType.OTHER_ORG: "商丘市睢阳区某村民委员会",
}
TOPICS = {
    "411400-gxw": [
        "工业发展专项资金拟支持项目名单",
        "企业技术改造（机器换人）项目评审结果",
        "小型微型企业创业创新示范基地认定文件",
        "淘汰落后产能企业名单",
        "首台（套）重大技术装备奖励资金分配情况",
        "智能工厂智能车间认定名单",
    ],
    "411400-czj": [
        "部门预算和三公经费预算",
        "政府采购项目中标结果",
        "专项资金分配文件",
        "财政补贴发放明细",
    ],
    "411400-jyj": [
        "中小学招生划片方案",
        "民办学校审批文件",
        "教师招聘考试成绩及录用名单",
        "学校食堂食品安全检查记录",
    ],
    "411400-hbj": [
        "建设项目环境影响评价批复",
        "重点排污单位监测数据",
        "环境行政处罚决定书",
        "大气污染防治专项资金使用情况",
    ],
}
DEFAULT_TOPICS = [
    "规范性文件及其解读",
    "行政许可办理结果",
    "重大建设项目批准文件",
    "征地补偿安置方案",
]
