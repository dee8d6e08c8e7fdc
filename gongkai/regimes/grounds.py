"""Grounds for withholding part of a document (区分处理): the reason each redacted box gives.

A 部分公开 reply states what is withheld and why (2019 Art. 37; 2008 Art. 22); each part of a
redacted file names one of these grounds, and the 答复书 cites its article. The codes are
stable keys stored on the boxes; labels and articles are read from here.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Ground:
    code: str
    label: str  # as a letter names it
    basis: str  # the article(s) cited, of the regime's Regulation unless it names another act


# 2019 Regulation (国务院令第711号). Art. 14: state secrets, information other laws and
# administrative regulations forbid to disclose, and information whose disclosure may endanger
# national, public or economic security or social stability. Art. 15: trade secrets, personal
# privacy and other third-party rights (unless the third party agrees or the public interest
# prevails). Art. 16(1): internal affairs (personnel, logistics, internal procedure); Art. 16(2):
# process information (discussion records, drafts, consultation letters, requests and reports)
# and administrative enforcement files.
GROUNDS_2019: tuple[Ground, ...] = (
    Ground("state_secret", "属于国家秘密", "第十四条"),
    Ground("law_forbidden", "属于法律、行政法规禁止公开的信息", "第十四条"),
    Ground(
        "security_stability", "公开后可能危及国家安全、公共安全、经济安全、社会稳定", "第十四条"
    ),
    Ground("personal_privacy", "涉及个人隐私，公开会对第三方合法权益造成损害", "第十五条"),
    Ground("trade_secret", "涉及商业秘密，公开会对第三方合法权益造成损害", "第十五条"),
    Ground("internal_affairs", "属于行政机关的内部事务信息", "第十六条第一款"),
    Ground("process_info", "属于过程性信息", "第十六条第二款"),
    Ground("enforcement_file", "属于行政执法案卷信息", "第十六条第二款"),
)

# 2008 Regulation (国务院令第492号). Art. 14(4): state secrets, trade secrets and personal
# privacy (the latter two may be released with the holder's consent or for an overriding public
# interest); Art. 8: disclosure may not endanger national, public or economic security or social
# stability. Internal and process information: 国办发〔2010〕5号, point 2.
_OPINION_2010 = "《国务院办公厅关于做好政府信息依申请公开工作的意见》（国办发〔2010〕5号）第二条"
GROUNDS_2008: tuple[Ground, ...] = (
    Ground("state_secret", "属于国家秘密", "第十四条第四款"),
    Ground("security_stability", "公开后可能危及国家安全、公共安全、经济安全和社会稳定", "第八条"),
    Ground("personal_privacy", "涉及个人隐私", "第十四条第四款"),
    Ground("trade_secret", "涉及商业秘密", "第十四条第四款"),
    Ground("internal_affairs", "属于内部管理信息", _OPINION_2010),
    Ground("process_info", "属于处于讨论、研究或者审查中的过程信息", _OPINION_2010),
)
