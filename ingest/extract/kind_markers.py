"""A modifier that says "of the X kind" names a class of bodies, not one: 科创类母基金, 科技型中小企业创新基金,
创新型企业, 服务型政府. Chinese makes a classifying adjective of a noun with 类 or 型 after it (科创类, 科技型,
大型, 新型); no body's own name is built that way, so a word ending in 类 or 型 anywhere in the modifier
makes the name a category (3 false organisations on dev, none lost)."""
from __future__ import annotations

from .words import cut_words, tagger

_KIND_ENDS = ("类", "型")
# words ending in 类/型 that are nouns, not kind adjectives: 人类 (mankind), 模型, 原型, 造型, 体型
_NOT_KIND = frozenset({"人类", "模型", "原型", "造型", "体型", "典型", "脸型", "血型"})


def names_a_kind(modifier: str) -> bool:
    words = cut_words(modifier)
    for k, w in enumerate(words):
        if w in _NOT_KIND:
            continue
        if len(w) > 1 and w.endswith(_KIND_ENDS):
            return True
        if w in _KIND_ENDS and k > 0:
            return True   # 科创|类: jieba leaves the marker on its own after an unknown word
    return False
