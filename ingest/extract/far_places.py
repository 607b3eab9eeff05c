"""A county-level city's short name far from home is a word, not the city (issue 13, session 9).

The gazetteer gives county-level cities their short forms (临海 for 临海市, 平湖 for 平湖市, 江山, 永安), and
across the country many of them are ordinary words or other places' names: 做强做优临海蓝色…农业产业带 and
培育一批千亿级临海产业集群 (coastal) in Fujian's and Guangdong's reports, 平湖金融与现代服务业基地 (龙岗's 平湖
subdistrict) in a Shenzhen district's report all read as Zhejiang's cities. A report of one province names
another province's county-level city by its short form only with the place above it in view (嘉兴平湖,
浙江临海); so there the short form counts only when the passage names the city's prefecture or province.
National reports (no province in their context) keep every short form.
"""
from __future__ import annotations

from .places import PlaceInfo, gazetteer


def far_county_short(info: PlaceInfo, key: str, text: str, home_province: PlaceInfo | None) -> bool:
    """Whether `key`, the short form of county-level city `info` found in passage `text`, stands for
    nothing in a report of `home_province`: another province's city with none of its parents named."""
    if key == info.name or info.kind != "city" or info.foreign or home_province is None:
        return False
    g = gazetteer()
    parent = g.places.get(info.parent)
    if parent is None or parent.kind != "city":
        return False  # a prefecture itself (汕尾, 百色): its short form is how reports name it
    chain = g.chain(info.name)   # the city, then the places above it up to its province
    province = chain[-1] if chain and chain[-1].kind == "province" else None
    if province is None or province.name == home_province.name:
        return False
    above = [p.name for p in chain[1:]]
    return not any(a in text or (len(a) > 2 and a[:2] in text) for a in above)
