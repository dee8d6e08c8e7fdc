"""gb2008: the 政府信息公开情况统计表 appended to the reports of the 2008 Regulation era, in the
variant with 二、回应解读情况 (2016–2018 reports), exactly as the seed agency printed it for 2017.

Labels are copied verbatim from the seed (ASCII "(一)" and "其中:" as printed there); units too:
the seed prints a unit on every row with a number (report_formats.json leaves some null) and
"——" on heading rows.
"""

from .base import Binding, Format, Identity, Row, Section, Table, col

T = "tongjibiao"


def _rows() -> tuple[Row, ...]:
    a, c, j, r, ge, ren, wy = "条", "次", "件", "人", "个", "人", "万元"
    return (
        Row("s1", "一、主动公开情况", has_cell=False),
        Row("s1_pub", "(一)主动公开政府信息数", level=1, unit=a, parent="s1"),
        Row("s1_pub_normative", "其中:主动公开规范性文件数", 2, unit=a, parent="s1_pub"),
        Row("s1_normative_issued", "制发规范性文件总数", 2, unit=j, parent="s1_pub"),
        Row("s1_channels", "(二)通过不同渠道和方式公开政府信息的情况", 1, False, parent="s1"),
        Row("s1_ch_gazette", "1.政府公报公开政府信息数", 2, unit=a, parent="s1_channels"),
        Row("s1_ch_website", "2.政府网站公开政府信息数", 2, unit=a, parent="s1_channels"),
        Row("s1_ch_weibo", "3.政务微博公开政府信息数", 2, unit=a, parent="s1_channels"),
        Row("s1_ch_weixin", "4.政务微信公开政府信息数", 2, unit=a, parent="s1_channels"),
        Row("s1_ch_other", "5.其他方式公开政府信息数", 2, unit=a, parent="s1_channels"),
        Row("s2", "二、回应解读情况", has_cell=False),
        Row("s2_hotspots", "(一)回应公众关注热点或重大舆情数", 1, unit=c, parent="s2"),
        Row("s2_channels", "(二)通过不同渠道和方式回应解读的情况", 1, False, parent="s2"),
        Row("s2_pressconf", "1.参加或举办新闻发布会总次数", 2, unit=c, parent="s2_channels"),
        Row(
            "s2_pressconf_head",
            "其中:主要负责同志参加新闻发布会次数",
            3,
            unit=c,
            parent="s2_pressconf",
        ),
        Row("s2_interview", "2.政府网站在线访谈次数", 2, unit=c, parent="s2_channels"),
        Row(
            "s2_interview_head",
            "其中:主要负责同志参加政府网站在线访谈次数",
            3,
            unit=c,
            parent="s2_interview",
        ),
        Row("s2_interpretations", "3.政策解读稿件发布数", 2, unit="篇", parent="s2_channels"),
        Row("s2_weibo_weixin", "4.微博微信回应事件数", 2, unit=c, parent="s2_channels"),
        Row("s2_other", "5.其他方式回应事件数", 2, unit=c, parent="s2_channels"),
        Row("s3", "三、依申请公开情况", has_cell=False),
        Row("s3_received", "(一)收到申请数", 1, unit=j, parent="s3"),
        Row("s3_rec_inperson", "1.当面申请数", 2, unit=j, parent="s3_received"),
        Row("s3_rec_fax", "2.传真申请数", 2, unit=j, parent="s3_received"),
        Row("s3_rec_online", "3.网络申请数", 2, unit=j, parent="s3_received"),
        Row("s3_rec_letter", "4.信函申请数", 2, unit=j, parent="s3_received"),
        Row("s3_closed", "(二)申请办结数", 1, unit=j, parent="s3"),
        Row("s3_closed_ontime", "1.按时办结数", 2, unit=j, parent="s3_closed"),
        Row("s3_closed_extended", "2.延期办结数", 2, unit=j, parent="s3_closed"),
        Row("s3_replies", "(三)申请答复数", 1, unit=j, parent="s3"),
        Row("s3_rep_already_public", "1.属于已主动公开范围数", 2, unit=j, parent="s3_replies"),
        Row("s3_rep_agree", "2.同意公开答复数", 2, unit=j, parent="s3_replies"),
        Row("s3_rep_partial", "3.同意部分公开答复数", 2, unit=j, parent="s3_replies"),
        Row("s3_rep_refuse", "4.不同意公开答复数", 2, unit=j, parent="s3_replies"),
        Row("s3_ref_state_secret", "其中:涉及国家秘密", 3, unit=j, parent="s3_rep_refuse"),
        Row("s3_ref_commercial_secret", "涉及商业秘密", 3, unit=j, parent="s3_rep_refuse"),
        Row("s3_ref_privacy", "涉及个人隐私", 3, unit=j, parent="s3_rep_refuse"),
        Row(
            "s3_ref_security_stability",
            "危及国家安全、公共安全、经济安全和社会稳定",
            3,
            unit=j,
            parent="s3_rep_refuse",
        ),
        Row("s3_ref_not_gov_info", "不是《条例》所指政府信息", 3, unit=j, parent="s3_rep_refuse"),
        Row("s3_ref_other_legal", "法律、法规规定的其他情形", 3, unit=j, parent="s3_rep_refuse"),
        Row("s3_rep_not_this_agency", "5.不属于本行政机关公开数", 2, unit=j, parent="s3_replies"),
        Row("s3_rep_not_exist", "6.申请信息不存在数", 2, unit=j, parent="s3_replies"),
        Row("s3_rep_amend", "7.告知作出更改补充数", 2, unit=j, parent="s3_replies"),
        Row("s3_rep_other_channel", "8.告知通过其他途径办理数", 2, unit=j, parent="s3_replies"),
        Row("s4", "四、行政复议数量", unit=j),
        Row("s4_upheld", "(一)维持具体行政行为数", 1, unit=j, parent="s4"),
        Row("s4_corrected", "(二)被依法纠错数", 1, unit=j, parent="s4"),
        Row("s4_other", "(三)其他情形数", 1, unit=j, parent="s4"),
        Row("s5", "五、行政诉讼数量", unit=j),
        Row("s5_upheld", "(一)维持具体行政行为或者驳回原告诉讼请求数", 1, unit=j, parent="s5"),
        Row("s5_corrected", "(二)被依法纠错数", 1, unit=j, parent="s5"),
        Row("s5_other", "(三)其他情形数", 1, unit=j, parent="s5"),
        Row("s6", "六、举报投诉数量", unit=j),
        Row("s7", "七、依申请公开信息收取的费用", unit=wy),
        Row("s8", "八、机构建设和保障经费情况", has_cell=False),
        Row("s8_units", "(一)政府信息公开工作专门机构数", 1, unit=ge, parent="s8"),
        Row("s8_reading_points", "(二)设置政府信息公开查阅点数", 1, unit=ge, parent="s8"),
        Row("s8_staff", "(三)从事政府信息公开工作人员数", 1, unit=r, parent="s8"),
        Row(
            "s8_staff_fulltime",
            "1.专职人员数(不包括政府公报及政府网站工作人员数)",
            2,
            unit=ren,
            parent="s8_staff",
        ),
        Row("s8_staff_parttime", "2.兼职人员数", 2, unit=ren, parent="s8_staff"),
        Row(
            "s8_budget",
            "(四)政府信息公开专项经费(不包括用于政府公报编辑管理及政府网站建设维护等方面的经费)",
            1,
            unit=wy,
            parent="s8",
        ),
        Row("s9", "九、政府信息公开会议和培训情况", has_cell=False),
        Row("s9_meetings", "(一)召开政府信息公开工作会议或专题会议数", 1, unit=c, parent="s9"),
        Row("s9_trainings", "(二)举办各类培训班数", 1, unit=c, parent="s9"),
        Row("s9_trainees", "(三)接受培训人员数", 1, unit="人次", parent="s9"),
    )


ROWS = _rows()

# Where each number comes from (sources.py). Rows s1_ch_* follow the agency's channel mapping.
SOURCES = {
    "s1_pub": "catalog:published",
    "s1_pub_normative": "catalog:published_normative",
    "s1_normative_issued": "catalog:normative_issued",
    "s1_ch_gazette": "channels:gazette",
    "s1_ch_website": "channels:website",
    "s1_ch_weibo": "channels:weibo",
    "s1_ch_weixin": "channels:weixin",
    "s1_ch_other": "channels:other",
    **{key: f"responses:{key}" for key in (
        "s2_hotspots", "s2_pressconf", "s2_pressconf_head", "s2_interview",
        "s2_interview_head", "s2_interpretations", "s2_weibo_weixin", "s2_other",
    )},
    "s3_received": "applications:new.total",
    "s3_rec_inperson": "applications:new_by_channel.in_person",
    "s3_rec_fax": "applications:new_by_channel.fax",
    "s3_rec_online": "applications:new_by_channel.online",
    "s3_rec_letter": "applications:new_by_channel.letter",
    "s3_closed": "applications:closed",
    "s3_closed_ontime": "applications:closed_on_time",
    "s3_closed_extended": "applications:closed_extended",
    "s3_replies": "applications:replies",
    **{
        row.key: f"applications:result.{row.key}.total"
        for row in ROWS
        if row.key.startswith(("s3_rep_", "s3_ref_")) and row.key != "s3_rep_refuse"
    },
    "s3_rep_refuse": "applications:refused",
    **{key: f"appeals:{key}" for key in (
        "s4", "s4_upheld", "s4_corrected", "s4_other",
        "s5", "s5_upheld", "s5_corrected", "s5_other", "s6",
    )},
    "s7": "applications:fees_wan",
    **{key: f"facts:{key}" for key in (
        "s8_units", "s8_reading_points", "s8_staff", "s8_staff_fulltime",
        "s8_staff_parttime", "s8_budget", "s9_meetings", "s9_trainings", "s9_trainees",
    )},
}  # fmt: skip

TABLE = Table(
    key=T,
    title="政府信息公开情况统计表",
    section="附件",
    headers=(col("value", "统计数"),),
    rows=ROWS,
    row_header="统 计 指 标",
    unit_column=True,
    amount_columns=frozenset({"value"}),  # s7 and s8_budget are 万元; the rest are counts
    bindings={(row, "value"): Binding(source) for row, source in SOURCES.items()},
)


def _sum(id_, target, terms, severity="error", description=""):
    return Identity(id_, "sum", T, target=target, terms=tuple(terms), severity=severity,
                    description=description)  # fmt: skip


def _le(id_, left, right):
    return Identity(id_, "le", T, left=(left,), right=(right,), description="其中项不大于总数")


IDENTITIES = (
    _sum("L_received_by_channel", "s3_received",
         ["s3_rec_inperson", "s3_rec_fax", "s3_rec_online", "s3_rec_letter"],
         description="收到申请数等于各渠道申请数之和"),
    _sum("L_closed_split", "s3_closed", ["s3_closed_ontime", "s3_closed_extended"],
         description="申请办结数等于按时办结数与延期办结数之和"),
    _sum("L_replies_split", "s3_replies",
         ["s3_rep_already_public", "s3_rep_agree", "s3_rep_partial", "s3_rep_refuse",
          "s3_rep_not_this_agency", "s3_rep_not_exist", "s3_rep_amend",
          "s3_rep_other_channel"],
         description="申请答复数等于八类答复数之和"),
    _sum("L_refusal_reasons", "s3_rep_refuse",
         ["s3_ref_state_secret", "s3_ref_commercial_secret", "s3_ref_privacy",
          "s3_ref_security_stability", "s3_ref_not_gov_info", "s3_ref_other_legal"],
         severity="warning",
         description="不同意公开答复数与各项理由之和（一件答复可引用多项理由，仅提示）"),
    _sum("L_reconsideration_split", "s4", ["s4_upheld", "s4_corrected", "s4_other"],
         description="行政复议数量等于三类结果之和"),
    _sum("L_litigation_split", "s5", ["s5_upheld", "s5_corrected", "s5_other"],
         description="行政诉讼数量等于三类结果之和"),
    _sum("L_staff_split", "s8_staff", ["s8_staff_fulltime", "s8_staff_parttime"],
         description="工作人员数等于专职与兼职人员数之和"),
    _le("L_subset_pub_normative", "s1_pub_normative", "s1_pub"),
    _le("L_subset_pressconf_head", "s2_pressconf_head", "s2_pressconf"),
    _le("L_subset_interview_head", "s2_interview_head", "s2_interview"),
    Identity("L_channels_vs_total", "soft_eq", T, target="s1_pub",
             terms=("s1_ch_gazette", "s1_ch_website", "s1_ch_weibo", "s1_ch_weixin",
                    "s1_ch_other"),
             severity="warning",
             description="各渠道公开数之和与主动公开政府信息数（同一条信息可多渠道发布，仅提示）"),
    Identity("L_nonnegative", "constraint", T, severity="error", description="数值不能为负"),
)  # fmt: skip

FORMAT = Format(
    id="gb2008",
    name="政府信息公开情况统计表",
    document="国务院办公厅关于加强和规范政府信息公开情况统计报送工作的通知（2016—2018年度使用的统计表）",
    first_year=2008,
    last_year=2018,
    sections=(
        Section(
            "overview",
            "一、政府信息公开工作总体情况",
            (
                "(一)主动公开情况",
                "(二)政策解读和回应关切情况",
                "(三)依申请公开情况",
                "(四)行政复议、行政诉讼、举报投诉情况",
                "(五)机构建设和会议培训情况",
            ),
        ),
        Section("problems", "二、存在的主要问题及改进情况"),
        Section("plans", "三、下步打算"),
        Section("other", "四、其他需要报告的事项"),
    ),
    tables=(TABLE,),
    identities=IDENTITIES,
    outcome_family="gb2008",
    aliases=("legacy_tongjibiao",),
)
