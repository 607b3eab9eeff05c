"""A standard named by its kind is no document title: 牵头制定商业秘密市级地方标准, 制定基因和细胞行业标准.

A standard's own title names what it rules (企业合规认证规范); a phrase ending in the class of standard
(地方标准, 行业标准, 团体标准, 国家标准, 国际标准) says which kind of standard is being drafted about a
topic. Read on the corpus (about 40 phrases end so: 牵头或参与研制国际标准, 推出一批更高水平的团体标准,
探索建立企业合规认证地方标准); the few that come close to a title (电动自行车充换电设施建设管理地方标准)
still name the standard by its class.
"""
from __future__ import annotations

_KINDS = ("地方标准", "行业标准", "团体标准", "国家标准", "国际标准", "企业标准")


def kind_of_standard(name: str) -> bool:
    """Whether an unbracketed name ends in the class of a standard rather than in its title."""
    return name.endswith(_KINDS)
