"""An organisation's suffix that is part of another word is no suffix (issue 13, session 13, x21org).

The organisation finder reads a name leftwards from a suffix wherever the suffix's characters stand; but 大学 in
扩大|学前教育, 良乡|大学城, 应届|大学毕业生 ends no name: the words jieba cuts there cross the suffix's edges. The
corpus audit (tools/org_audit.py, 111 sentences) read 多渠道扩大学 and 良乡大学 this way; over the 145 reports it
was 10 of the 11 names ending in 大学 before 城/生/前/毕 (吉大昆士兰大学|前期工作 is a name).

A suffix is part of another word when a word jieba cuts in a short window around it starts inside the suffix
and runs past its end (扩大|学前, 高中|学位, 集中|学法, 回报|社会), or is the suffix and one character more (大学城,
集团化, 银行业, 大学堂). A word that crosses the suffix's start is no sign (布|心中|学, 基因组研究|所, 科技股份|有限公司:
names jieba cuts oddly; read over the corpus, that condition removed 8 right names of 11), nor is a longer word from the
suffix's start (国家自然科学|基金项目: a fund's project).
"""
from __future__ import annotations

from .words import cut_words

_WINDOW = 4


def suffix_in_other_word(text: str, start: int, end: int) -> bool:
    """Whether the suffix text[start:end] is cut by jieba into a word that crosses its start or its end."""
    lo = max(0, start - _WINDOW)
    pos = lo
    for w in cut_words(text[lo:min(len(text), end + _WINDOW)]):
        ws, we = pos, pos + len(w)
        pos = we
        if start < ws < end < we or (ws == start and we == end + 1):
            return True
    return False
