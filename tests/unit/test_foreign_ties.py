"""Foreign ties against their gold (tests/gold/foreign): the issue's targets on both splits, no trap
an edge; and the rules on sentences of each pattern."""
from __future__ import annotations

from pathlib import Path

import pytest

from govgraph.ingest.eval_foreign import FOREIGN_GOLD, evaluate_foreign
from govgraph.ingest.pipeline import build_batch

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def result():
    return evaluate_foreign(FOREIGN_GOLD, build_batch)


@pytest.mark.parametrize("split", ["dev", "test"])
def test_foreign_tie_targets(result, split):
    r = result[split]
    assert r["ties"]["precision"] >= 0.9, r["fp"]
    assert r["ties"]["recall"] >= 0.85, r["fn"]
    assert r["traps"] >= 10 and not r["traps_hit"], r["traps_hit"]


def test_gold_size(result):
    ties = sum(r["ties"]["tp"] + r["ties"]["fn"] for r in result.values())
    traps = sum(r["traps"] for r in result.values())
    assert ties >= 40 and traps >= 10


def _ties(tmp_path, text: str, name: str = "东城区人民政府外事办公室2022年工作总结.txt"):
    f = tmp_path / name
    f.write_text("东城区人民政府外事办公室2022年工作总结\n\n" + text + "\n", encoding="utf-8")
    b = build_batch(f)
    nodes = {n.id: n for n in b.nodes}
    return {(nodes[e.source].name, nodes[e.target].name, e.props.get("kind"), e.props.get("since"))
            for e in b.edges if e.type == "PARTNER_OF"}, nodes


def test_enumeration_gives_one_edge_each_and_counts_give_none(tmp_path):
    ties, _ = _ties(tmp_path, "全年新增旧金山、维也纳等5个国际友城，总数达95个。")
    partners = {b if a == "东城区" else a for a, b, *_ in ties}
    assert partners == {"旧金山", "维也纳"}


def test_unknown_foreign_city_after_its_country_and_the_chinese_side_before_yu(tmp_path):
    ties, nodes = _ties(tmp_path, "支持宜昌市与乌兹别克斯坦撒马尔罕市缔结友好城市关系；与法国伊夫林省结为友好交流城市。")
    names = {frozenset((a, b)): (k, s) for a, b, k, s in ties}
    assert names[frozenset(("宜昌市", "撒马尔罕"))][0] == "友好城市"
    assert names[frozenset(("东城区", "伊夫林省"))][0] == "友好交流城市"
    assert next(n for n in nodes.values() if n.name == "伊夫林省").props["country"] == "法国"


@pytest.mark.parametrize("trap", [
    "推进儿童友好城市建设，新缔结深港姊妹学校61对。",
    "推动与意大利热那亚市缔结友好城市关系。",
    "与西班牙马尔贝拉市签署友好交流合作备忘录。",
    "举办“深圳遇见多伦多”友城摄影作品展。",
    "国际友城和外国驻穗总领馆分别增至208对和68家。",
])
def test_traps_give_no_edge(tmp_path, trap):
    ties, _ = _ties(tmp_path, trap)
    assert not ties


def test_anniversary_gives_since_and_foreign_bodies_are_marked(tmp_path):
    ties, nodes = _ties(tmp_path, "与日本东京都开展目黑区结好30周年儿童画互展。服务德国驻华大使馆和世界卫生组织驻华代表处开展工作。")
    assert ("东城区", "目黑区", "友好城市", 1992) in ties
    bodies = {n.name: n.props for n in nodes.values() if n.label in ("Agency", "Organization")}
    assert bodies.get("德国驻华大使馆", {}).get("country") == "德国"
    assert any(p.get("foreign") for name, p in bodies.items() if name.startswith("世界卫生组织"))


def test_seed_alone_maps_meguro_since_1991_and_seoul_through_its_festival(tmp_path):
    """Issue 17's seed check: the view's data from a store of the seed report only."""
    from govgraph.graph.analytics.partners import foreign_view
    from govgraph.graph.store.factory import open_store
    from tests.conftest import SEED, govgraph
    store_dir = tmp_path / "store"
    govgraph("ingest", str(SEED), "--store", str(store_dir), "--no-embed")
    view = foreign_view(open_store(str(store_dir)))
    meguro = next(r for r in view.ties if r.partner.name == "目黑区" and r.via is None)
    assert (meguro.home.name, meguro.since, meguro.partner.country, meguro.partner.country_en) == \
        ("东城区", 1991, "日本", "Japan")
    assert meguro.partner.lat is not None and "目黑区结好30周年" in meguro.evidence["text"]
    seoul = next(r for r in view.ties if r.partner.name == "首尔")
    assert seoul.via["name"] == "首尔友谊节" and seoul.partner.country == "韩国" and seoul.partner.lat is not None
    assert "首尔友谊节" in seoul.evidence["text"]
    assert not view.unplaced
