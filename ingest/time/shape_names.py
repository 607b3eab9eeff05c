"""Indicator names read from the shape of the statement, for figures whose name is not in the lexicon.

Government reports state a year's figures in a few fixed shapes, whatever the quantity:
「X达N亿元」「X增长N%」「X提高到N%」「新增X N家」「X占Y比重N%」. The name is the noun phrase X that opens
the clause holding the figure (after the last 、，；：), with the linking verb dropped, and it is kept
only when it ends as a quantity does (…额, …量, …值, …收入, …企业, …比例): 「PCT国际专利申请量增长77%」 gives
PCT国际专利申请量增长, 「企业研发投入占全社会研发投入比重94%」 gives 企业研发投入占比. A clause opening
with 占 or 总量 speaks of the quantity named just before it in the sentence (「…增加值1.33万亿元，占地区生产
总值比重41.1%」). Clauses about several years, rankings and multiples are no yearly point.
"""
from __future__ import annotations

import re

# The clause (from the last break) before a figure: its opening words up to the figure.
# Quotation marks are no break: a clause with 「“专精特新”企业」 gives a name with quotes, which is refused
# (the quoted title is part of a longer name than the clause shows).
_BREAK = re.compile(r"[，,、；;：:。（(）)]")
# Words opening a clause that are not part of the quantity's name.
_LEAD = re.compile(r"^(?:其中|全年|全市|全区|全省|全国|全县|今年|去年|当年|年内|同比|比上年|共|总计|合计|实现|完成|"
                   r"我区|我市|我省)+")
# The linking verb between name and figure, dropped from the name.
_LINK = re.compile(r"(?:达到|达|实现|突破|超过|超|为|提高到|提高至|提升到|提升至|上升到|上升至|增加到|增加至|增至|"
                   r"降至|下降到|下降至|降低到|降低至|减少到|减少至|保持在|控制在|稳定在|稳定|约|近|逾)+$")
_GROWTH = re.compile(r"(?:同比)?(?:增长|增速|增幅|上涨|提高|提升|增加)$")
_FALL = re.compile(r"(?:同比)?(?:下降|降低|减少|回落)$")
_SHARE = re.compile(r"^(?P<x>.*?)占(?P<of>.+?)(?:的)?(?:比重|比例)$")
# How a quantity's name ends: the head noun of what is counted or measured.
_HEAD = re.compile(r"(?:额|量|值|总值|收入|支出|产值|投资|投入|外资|人数|数量|人口|总数|户数|床位|学位|企业|医院|"
                   r"项目|比例|比重|占比|覆盖率|达标率|优良率|率|浓度|里程|面积|产量|规模|资金|资产|利润|"
                   r"营业收入|营收|收益|吞吐量|客流|旅客|游客|住房|用房|公园|绿道|车位|充电桩|基站|专利|"
                   r"商标|机构|学校|幼儿园|园区|厂房|空间|载体|平台)$")
# A clause about several years, a rank or a multiple, or a figure of a part.
_NOT_YEARLY = re.compile(r"累计|年均|日均|月均|平均每年|以来|连续|第[一二三四五六七八九十\d]|排名|位居|居全|倍|分别|"
                         r"每|前[一二三四五六七八九十]|近[一二三四五六七八九十\d]+年|[一二三四五六七八九十\d]+年来")
_NAME_CHARS = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9.．]+$")
# A clause opening with an action verb says what was done (安排资金10亿元, 惠及企业3456家), not how much
# of a quantity there is; 等 closes an enumeration of examples (汇东晟等项目15个).
_ACTION = re.compile(r"^(?:安排|发放|惠及|落地|实施|集聚|释放|建成|开展|推动|举办|引进|培育|打造|支持|服务|帮助|办理|"
                     r"解决|筹集|建设|提供|吸引|带动|培训|组织|举行|签约|签订|出台|制定|印发|开工|竣工|投入|投资|"
                     r"拨付|兑现|减免|减少|化解|清理|整治|拆除|查处|处置|受理|审结|帮扶|救助|资助|走访|接待|"
                     r"引进|引入|引育|谋划|洽谈|布局|有序|做到|多渠道|"
                     r"为|向|对|与|在|将|使|让|把|被|从|按|以|全力|累计|共计|力争|确保|争取|预计)")
_GENERIC = frozenset({"企业", "项目", "增量", "总量", "资金", "金额", "数量", "规模", "人数", "平台", "机构",
                      "空间", "载体", "学校", "园区", "总投资", "面积", "投资", "投入", "营收", "收入"})
# 「中小学、幼儿园12所」: a clause after 、 that follows a noun, not a figure, is the tail of a list whose
# name the clause does not hold.
_FIGURE_END = re.compile(r"(?:\d|[%％元人家个所项套吨里米次户件倍]|左右|以上|以内)$")
_PERCENT = ("%", "个百分点", "百分点")
_MIN_NAME, _MAX_NAME = 2, 14


def _clause(sent: str, fig_start: int) -> tuple[int, str]:
    """(start, text) of the clause holding the figure, up to the figure."""
    a = 0
    for m in _BREAK.finditer(sent, 0, fig_start):
        a = m.end()
    return a, sent[a:fig_start]


def _quantity(x: str) -> str | None:
    x = _LEAD.sub("", x)
    if not (_MIN_NAME <= len(x) <= _MAX_NAME) or not _NAME_CHARS.match(x) or not _HEAD.search(x):
        return None
    if x[0].isdigit() or x in _GENERIC or "等" in x or _ACTION.match(x):
        return None
    return x


def shape_name(sent: str, fig_start: int, unit: str, previous: str | None) -> tuple[str, int] | None:
    """(name, where the name starts in `sent`) for the figure at `fig_start`, or None when the clause
    before it has none of the shapes. `previous`: the name of the sentence's last point, which a clause
    opening with 占 or 总量 refers to."""
    a, clause = _clause(sent, fig_start)
    if not clause or _NOT_YEARLY.search(clause):
        return None
    if a > 0 and sent[a - 1] == "、" and not _FIGURE_END.search(sent[:a - 1]):
        return None
    body = _LINK.sub("", clause)
    percent = unit in _PERCENT
    share = _SHARE.match(body)
    if share:
        if not percent:
            return None
        x = share.group("x")
        base = _quantity(x) if x else previous
        return (base + "占比", a) if base else None
    if body == "占比":
        return (previous + "占比", a) if previous and percent else None
    if body in ("总量", "总数", "总额", "累计总量"):
        return (previous, a) if previous and not percent else None
    suffix = ""
    g = _GROWTH.search(body) or _FALL.search(body)
    if g:
        if not percent:
            return None
        suffix = "下降" if _FALL.search(body) else "增长"
        body = body[: g.start()]
    elif percent and not re.search(r"(?:率|比例|比重|占比|浓度)$", body):
        return None  # 「X 5%」 with no verb: a share or a rate only when X says so
    added = ""
    for w in ("新增", "新引进", "新建", "新开工"):
        lead = _LEAD.sub("", body)
        if lead.startswith(w):
            added, body = w, lead[len(w):]
            break
    x = _quantity(body)
    if x is None:
        return None
    return added + x + suffix, a
