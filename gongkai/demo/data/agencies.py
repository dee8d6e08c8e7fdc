"""The demo agencies: 河南省人民政府 > 商丘市人民政府 > the seed's 商丘市工业和信息化委员会 and
sibling departments, and 睢阳区 with its 教体局."""

from gongkai.core.identifiers import credit_code_check_char


def _credit_code(first17: str) -> str:
    return first17 + credit_code_check_char(first17)


# (code, parent code, fields). Office facts are illustrative demo values.
DEMO_AGENCIES = [
    (
        "410000",
        None,
        dict(
            name="河南省人民政府",
            short_name="省政府",
            level="province",
            kind="government",
            credit_code=_credit_code("11410000005184227"),
            office_name="河南省人民政府办公厅（政务公开办公室）",
            office_address="河南省郑州市金水路17号",
            office_postcode="450003",
            office_hours="工作日 上午8:30—12:00，下午14:30—17:30",
            office_phone="0371-65900000",
            office_fax="0371-65900001",
            office_email="gongkai@henan.example.cn",
            office_website="https://www.henan.gov.cn/",
        ),
    ),
    (
        "411400",
        "410000",
        dict(
            name="商丘市人民政府",
            short_name="市政府",
            level="city",
            kind="government",
            credit_code=_credit_code("11411400005537741"),
            office_name="商丘市人民政府办公室（政务公开办）",
            office_address="河南省商丘市睢阳区神火大道市行政服务中心",
            office_postcode="476000",
            office_hours="工作日 上午8:00—12:00，下午15:00—18:00（冬季14:30—17:30）",
            office_phone="0370-3250000",
            office_fax="0370-3250001",
            office_email="zwgk@shangqiu.example.cn",
            office_website="https://www.shangqiu.gov.cn/",
        ),
    ),
    (
        "411400-gxw",
        "411400",
        dict(
            name="商丘市工业和信息化委员会",
            short_name="市工信委",
            level="city",
            kind="department",
            credit_code=_credit_code("11411400MB1600000"),
            office_name="商丘市工业和信息化委员会办公室",
            office_address="河南省商丘市睢阳区神火大道市行政服务中心",
            office_postcode="476000",
            office_hours="工作日 上午8:00—12:00，下午15:00—18:00（冬季14:30—17:30）",
            office_phone="0370-3260000",
            office_fax="0370-3260001",
            office_email="gxw@shangqiu.example.cn",
            office_website="https://gxw.shangqiu.example.cn/",
        ),
    ),
    (
        "411400-czj",
        "411400",
        dict(
            name="商丘市财政局",
            short_name="市财政局",
            level="city",
            kind="department",
            credit_code=_credit_code("11411400MB1600101"),
            office_name="商丘市财政局办公室",
            office_address="河南省商丘市睢阳区凯旋路",
            office_postcode="476000",
            office_hours="工作日 上午8:00—12:00，下午15:00—18:00",
            office_phone="0370-3270000",
            office_fax="0370-3270001",
            office_email="czj@shangqiu.example.cn",
        ),
    ),
    (
        "411400-jyj",
        "411400",
        dict(
            name="商丘市教育局",
            short_name="市教育局",
            level="city",
            kind="department",
            credit_code=_credit_code("11411400MB1600202"),
            office_name="商丘市教育局办公室",
            office_address="河南省商丘市梁园区文化路",
            office_postcode="476000",
            office_hours="工作日 上午8:00—12:00，下午15:00—18:00",
            office_phone="0370-3280000",
            office_fax="0370-3280001",
            office_email="jyj@shangqiu.example.cn",
        ),
    ),
    (
        "411400-hbj",
        "411400",
        dict(
            name="商丘市环境保护局",
            short_name="市环保局",
            level="city",
            kind="department",
            credit_code=_credit_code("11411400MB1600303"),
            office_name="商丘市环境保护局办公室",
            office_address="河南省商丘市睢阳区南京路",
            office_postcode="476000",
            office_hours="工作日 上午8:00—12:00，下午15:00—18:00",
            office_phone="0370-3290000",
            office_fax="0370-3290001",
            office_email="hbj@shangqiu.example.cn",
        ),
    ),
    (
        "411403",
        "411400",
        dict(
            name="商丘市睢阳区人民政府",
            short_name="睢阳区政府",
            level="county",
            kind="government",
            credit_code=_credit_code("11411403005540000"),
            office_name="睢阳区人民政府办公室",
            office_address="河南省商丘市睢阳区",
            office_postcode="476100",
            office_hours="工作日 上午8:00—12:00，下午15:00—18:00",
            office_phone="0370-2010000",
            office_fax="0370-2010001",
            office_email="zwgk@suiyang.example.cn",
        ),
    ),
    (
        "411403-jyj",
        "411403",
        dict(
            name="商丘市睢阳区教育体育局",
            short_name="睢阳区教体局",
            level="county",
            kind="department",
            credit_code=_credit_code("11411403MB1600404"),
            office_name="睢阳区教育体育局办公室",
            office_address="河南省商丘市睢阳区",
            office_postcode="476100",
            office_hours="工作日 上午8:00—12:00，下午15:00—18:00",
        ),
    ),
]

SEED_AGENCY_CODE = "411400-gxw"
