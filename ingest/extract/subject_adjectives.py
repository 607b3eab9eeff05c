"""An adjective that opens a document's title by naming its subject: 困难居民救助办法, 清洁能源产业…发展规划.

The drafting-verb rule reads a name opening with an adjective or adverb as a description of documents
(详细接待和防疫方案, 更严格的标准, 具体实施办法). But an adjective right before a noun that is not the document
word is part of the subject the title is about (困难|居民, 清洁|能源, 低效|产业): the document is named by
it. Adverbs (详细, 更) and an adjective before a verb (详细|接待) still describe.
"""
from __future__ import annotations

from .words import cut_words, tagger

_ADJECTIVES = ("a", "an")
# adjectives that open clauses as verbs of improving (健全招商引资管理办法: improve the rules, not their title)
_VERBAL = frozenset({"健全", "完善", "丰富", "充实", "规范", "明确", "严格", "简化", "细化"})


def adjective_names_the_subject(name: str) -> bool:
    """Whether `name` opens with an adjective + noun that are the title's subject, ahead of two more words."""
    _, tags = tagger()
    words = cut_words(name)
    if len(words) == 3 and tags.get(words[0]) in _ADJECTIVES and tags.get(words[1]) == "ns":
        return True      # 健康深圳行动计划, 美丽广东规划: an adjective and a place name a campaign, its title
    if len(words) < 4:
        return False     # 有效管理办法, 良好工作方案: an adjective, a noun and the document word describe
    return (tags.get(words[0]) in _ADJECTIVES and words[0] not in _VERBAL
            and tags.get(words[1], "x").startswith("n"))
