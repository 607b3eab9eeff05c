"""A city bureau's branch in a district, named by the bureau, the district and the branch (issue 13, session 11).

City bureaus run their districts through branches named by the bureau, then the district, then what the branch
is: 市规土委|宝安|管理局, 市生态环境局|南山|管理局, 市公安局|龙岗|分局, 市规划和自然资源局|龙岗|管理局. The bureau
is read by agencies.py, which ends there, so the branch was lost and its work credited to the city bureau.
Here, right after an Agency mention, a division (宝安, 龙岗区) and a branch head make one
Agency, named by the bureau's name and the rest as written (深圳市规划和国土资源委员会宝安管理局), with PART_OF
to the bureau (rules/structure.committee_offices reads `branch_of`).
"""
from __future__ import annotations

import re

from .mentions import Mention
from .placed_units import is_named_place
from .places import gazetteer

_BRANCH = re.compile(r"([\u4e00-\u9fff]{2,4}?)(管理局|分局|支队|监管局)")


def _names_a_division(w: str) -> bool:
    """宝安, 龙岗区, 深圳: a division as the gazetteer holds it, or written without its 区/县/市."""
    return is_named_place(w) or any(w + k in gazetteer().places for k in "区县市")


def _above_districts(agency: str) -> bool:
    """Whether the bureau's name opens with a city or province (深圳市公安局): a district's own bureau has no
    branches in other districts (区市场监管局|光明监管局 was a city bureau read bare)."""
    g = gazetteer()
    lead = next((p for s, _e, _k, p in g.matcher.find(agency) if s == 0 and p), None)
    return lead is not None and lead in g.places and g.places[lead].kind in ("city", "province")


def find_agency_branches(text: str, base: int, found: list[Mention]) -> list[Mention]:
    """Agency mentions of branches written right after their bureau's mention in `found` (see the module)."""
    out: list[Mention] = []
    for a in found:
        if a.label != "Agency" or not a.name.endswith(("局", "委", "委员会")) or not _above_districts(a.name):
            continue
        e = a.end - base
        m = _BRANCH.match(text, e)
        if m is None or not _names_a_division(m.group(1)):
            continue
        rest = text[e:m.end()]
        out.append(Mention("Agency", a.start, base + m.end(), text[a.start - base:m.end()], a.name + rest, set(),
                           {"branch_of": a.name}))
    return out
