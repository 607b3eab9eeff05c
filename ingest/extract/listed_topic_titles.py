"""Unbracketed titles whose subject lists its topics with 、: 出台促进新一代人工智能、集成电路产业发展实施方案,
编制实施南山区妇女、儿童发展十年规划, 制定提升消费能力、增加优质供给、改善消费环境专项措施.

The drafting-verb rule (policies.py) reads a title up to the first clause mark, 、 included, so such a title was
lost or cut to its last topic (集成电路产业发展实施方案). A title joins its topics under one document word; a list
of documents ends each item with one (制定A方案、B办法: the items are left to the coordination rule). So the run
after a drafting verb is one title when it ends in a document word and no item before the last ends in one, or in
what a list of things to build ends in (制度, 机制, 体系, 清单, 工程…); 等 or a count makes it a class of
documents (编制教育、医疗、住房等专项规划, 编制…五个一体化规划), and a degree (更, 较) a description of them
(制定实施覆盖面更广的稳增长政策、针对性更强的稳外资措施): refused.
The candidates go through the same checks as every unbracketed name (policies.find_policies).
"""
from __future__ import annotations

import re


_VERBS = r"出台|制定|制订|印发|发布|修订|编制|颁布|修编|起草"
# the strong document words only: 政策/制度/清单/标准 after a list name a stance or a set of things
_HEADS = r"若干措施|政策措施|措施|实施方案|工作方案|方案|管理办法|实施办法|办法|规定|条例|实施意见|指导意见|意见|规划|计划|纲要|细则"
_LISTED = re.compile(rf"(?:{_VERBS})(?:了|好)?(?P<name>[^，。；：《》“”\n]{{2,60}}?(?:{_HEADS}))(?=[，。；\n和及与]|$)")
_ITEM_ENDS = ("制度", "机制", "体系", "清单", "工程", "项目", "目录", "标准", "平台", "工作", "行动")
# a degree describes what the documents are like (覆盖面更广的稳增长政策、针对性更强的稳外资措施, 改革力度更大、
# 含金量更高的政策措施, 契合新区实际、具有较强操作性的实施方案: the 3 wrong names of a first reading over the
# corpus); a title states what it is for (营造更好发展环境… keeps 更好)
_DEGREE = re.compile(r"[更较](?!好)")
_COUNT = re.compile(r"[0-9一二三四五六七八九十两几]+(?:个|项|大|批|类|条)")


def _heads() -> tuple[str, ...]:
    return tuple(_HEADS.split("|"))


def _one_title(name: str) -> bool:
    items = name.split("、")
    if len(items) < 2 or "等" in name or _COUNT.search(name) or _DEGREE.search(name):
        return False
    firsts = items[:-1]
    return all(1 <= len(i) <= 15 and not i.endswith(_heads() + _ITEM_ENDS) for i in firsts)


def listed_topic_titles(text: str) -> list[tuple[int, int, None]]:
    """(start, end, None) of each unbracketed title joining its topics with 、, for find_policies' checks."""
    if "、" not in text:
        return []
    out = []
    for m in _LISTED.finditer(text):
        if _one_title(m.group("name")):
            out.append((m.start("name"), m.end("name"), None))
    return out
