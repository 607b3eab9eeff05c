"""An association named by the trade or group it gathers is one body: 金融行业协会, 上市企业协会,
中小企业发展促进会, 检验检测行业协会.

org_modifiers drops a name in common words before a kind's suffix (消费金融公司, 产业投资基金: kinds of
body, many of each). An association is different: a place has one association of each trade, so the trade
says which body, as a function says which bureau (the windows' convention, session 9: 上市企业协会, 金融行业
协会 and 中小企业发展促进会 of the district are required Organizations). What stays a kind is an association
named by scope or rank only (重点行业协会, 产业行业协会, 相关行业协会) or by a clause (好|行业协会), and 行业协会
alone (a trap in three dev windows). The modifier, once a trailing 行业 or 产业 is set aside, must hold a
noun that is neither scope nor rank, and nothing but nouns; a verb of action right before 行业 (发展|行业协会)
makes a clause.
"""
from __future__ import annotations

from functools import lru_cache

from .words import cut_words, tagger

ASSOCIATION_HEADS = frozenset({"协会", "促进会", "联合会", "商会"})
# words of scope or rank: an association named by them alone is a kind (重点行业协会, 相关行业协会)
_SCOPE = frozenset({"行业", "产业", "重点", "相关", "有关", "各类", "各级", "现有", "优质", "骨干", "龙头", "主要",
                    "一批", "全市", "全区", "全省", "本地", "地方", "企业", "新型", "传统", "新兴"})
# what a report does to associations: before 行业协会 these end a clause, not a trade (发展|行业协会)
_ACTIONS = ("发展", "培育", "规范", "支持", "扶持", "引导", "壮大", "建设", "清理", "整顿", "管理", "服务")
_NOUN_TAGS = frozenset({"n", "vn", "j", "nz", "ns", "nt", "an", "l", "nr"})


@lru_cache(maxsize=8192)
def names_one_association(modifier: str, head: str) -> bool:
    """Whether `modifier` + `head` names one association (see the module)."""
    if head not in ASSOCIATION_HEADS:
        return False
    words = cut_words(modifier)
    trade = False
    while words and words[-1] in ("行业", "产业"):
        words, trade = words[:-1], True
    if trade and words and words[-1].endswith(_ACTIONS):
        return False   # 优先发展|行业协会, 规范|行业协会: a clause acting on the associations
    _, tags = tagger()
    return any(w not in _SCOPE for w in words) and all(tags.get(w) in _NOUN_TAGS for w in words)
