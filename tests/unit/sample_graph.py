"""Hand-built report batches (no ingest involved) and a store holding them, for the analytics and export tests.

Two small reports in the shape ingest produces: shared entities merge across them, one
entity stands alone (no relations), and one carries every character an export must
escape (quotes, backslash, newline, tab, the array delimiter, a control character, Chinese).
"""
from __future__ import annotations

from pathlib import Path

from govgraph.graph.store.embedded import EmbeddedStore
from govgraph.ingest.batch import Edge, Evidence, GraphBatch, Node, Passage, ReportInfo, node_id, report_id_for

TRICKY_NAME = "O'Brien \"友好\" 协会\\分会\n第二行\t;"


class _Report:
    """Builds one batch: passages from paragraphs, evidence found by searching the text."""

    def __init__(self, file: str, title: str, year: int, paragraphs: list[str]):
        self.rid = report_id_for(file)
        self.file = file
        self.text = "\n".join(paragraphs)
        self.passages: list[Passage] = []
        pos = 0
        for i, para in enumerate(paragraphs):
            self.passages.append(Passage(f"{self.rid}-p{i}", self.rid, i, para, pos, pos + len(para),
                                         section="一、工作", role="achievement", year=year))
            pos += len(para) + 1
        self.info = ReportInfo(self.rid, title, file, "sha-" + file, year=year, chars=len(self.text))
        self.nodes: dict[str, Node] = {}
        self.edges: list[Edge] = []

    def ev(self, phrase: str) -> Evidence:
        start = self.text.index(phrase)
        p = next(p for p in self.passages if p.start <= start < p.end)
        return Evidence(self.rid, self.file, p.id, start, start + len(phrase), phrase)

    def node(self, label: str, name: str, mention: str | None = None, **props) -> str:
        nid = node_id(label, name)
        aliases = props.pop("aliases", [])
        name_en = props.pop("name_en", None)
        self.nodes[nid] = Node(nid, label, name, aliases, name_en, props, [self.ev(mention or name)])
        return nid

    def edge(self, s: str, t: str, type_: str, mention: str, **props) -> None:
        self.edges.append(Edge(s, t, type_, props, [self.ev(mention)]))

    def batch(self, author: str | None = None) -> GraphBatch:
        self.info.author_id = author
        self.info.author = self.nodes[author].name if author else None
        b = GraphBatch(self.info, self.passages, list(self.nodes.values()), self.edges, self.text,
                       tokens={p.id: list(p.text) for p in self.passages})
        b.validate()
        return b


def seed_like() -> GraphBatch:
    r = _Report("a_waiban_2021.txt", "东城区外办2021年法治政府建设情况报告", 2021, [
        "东城区人民政府外事办公室（区政府外办）主任周桂芳主持工作。",
        "会同区发改委组织开展公共场所外语标识核查纠错工作，落实北京市公共场所外语标识管理规定。",
        "东城区与日本东京都目黑区是友好城市，双方自1991年起开展交流，在目黑区举办儿童画互展。",
        "东城区与韩国首尔市钟路区结为友好城市，区政府外办主办首尔友谊节，正大集团参加。",
        "区政府外办赴目黑区访问。王府半岛酒店位于北京市东城区。",
        "附：O'Brien \"友好\" 协会\\分会参加活动。",
    ])
    waiban = r.node("Agency", "东城区人民政府外事办公室", aliases=["区政府外办"], name_en="Dongcheng FAO")
    fgw = r.node("Agency", "东城区发展和改革委员会", "区发改委", aliases=["区发改委"])
    zhou = r.node("Person", "周桂芳")
    measure = r.node("Measure", "公共场所外语标识核查纠错", year=2021, status="done")
    policy = r.node("Policy", "北京市公共场所外语标识管理规定")
    dongcheng = r.node("Place", "东城区", kind="district")
    meguro = r.node("Place", "目黑区", kind="city")
    tokyo = r.node("Place", "东京都", kind="province")
    japan = r.node("Place", "日本", kind="country")
    jongno = r.node("Place", "钟路区", kind="city")
    seoul = r.node("Place", "首尔市", kind="city")
    korea = r.node("Place", "韩国", kind="country")
    beijing = r.node("Place", "北京市", kind="city")
    hotel = r.node("Place", "王府半岛酒店", kind="venue")
    festival = r.node("Event", "首尔友谊节", year=2021, status="done")
    drawings = r.node("Event", "儿童画互展", year=2021, status="done")
    cp = r.node("Organization", "正大集团")
    tricky = r.node("Organization", TRICKY_NAME, "O'Brien \"友好\" 协会\\分会",
                    aliases=["a;b", "协会"], meta={"k": [1, "x"]}, tags=["x", "y"], score=1.5,
                    ctl="unit\x1fseparator")

    r.edge(zhou, waiban, "HEADS", "主任周桂芳")
    r.edge(waiban, measure, "CARRIED_OUT", "组织开展公共场所外语标识核查纠错工作")
    r.edge(waiban, fgw, "COOPERATED_WITH", "会同区发改委")
    r.edge(measure, policy, "IMPLEMENTS", "落实北京市公共场所外语标识管理规定")
    r.edge(dongcheng, meguro, "PARTNER_OF", "东城区与日本东京都目黑区是友好城市", since=1991)
    r.edge(meguro, tokyo, "LOCATED_IN", "东京都目黑区")
    r.edge(tokyo, japan, "LOCATED_IN", "日本东京都")
    r.edge(drawings, meguro, "HELD_AT", "在目黑区举办儿童画互展")
    r.edge(waiban, drawings, "ORGANIZED", "举办儿童画互展")
    r.edge(dongcheng, jongno, "PARTNER_OF", "东城区与韩国首尔市钟路区结为友好城市")
    r.edge(jongno, seoul, "LOCATED_IN", "首尔市钟路区")
    r.edge(seoul, korea, "LOCATED_IN", "韩国首尔市")
    r.edge(waiban, festival, "ORGANIZED", "区政府外办主办首尔友谊节")
    r.edge(cp, festival, "PARTICIPATED_IN", "正大集团参加")
    r.edge(waiban, meguro, "VISITED", "区政府外办赴目黑区访问")
    r.edge(hotel, dongcheng, "LOCATED_IN", "王府半岛酒店位于北京市东城区")
    r.edge(dongcheng, beijing, "LOCATED_IN", "北京市东城区")
    r.edge(tricky, festival, "PARTICIPATED_IN", "O'Brien \"友好\" 协会\\分会参加活动")
    return r.batch(author=waiban)


def second_report() -> GraphBatch:
    r = _Report("b_fgw_2022.txt", "东城区发改委2022年工作总结", 2022, [
        "区发改委与区政府外办共同推进国际交往。",
        "东城区与目黑区友好交流持续深化，区发改委参与。",
        "区发改委执行北京市公共场所外语标识管理规定，另有北京市档案馆藏资料。",
    ])
    fgw = r.node("Agency", "东城区发展和改革委员会", "区发改委", aliases=["区发改委"])
    waiban = r.node("Agency", "东城区人民政府外事办公室", "区政府外办", aliases=["区政府外办"])
    dongcheng = r.node("Place", "东城区", kind="district")
    meguro = r.node("Place", "目黑区", kind="city")
    r.node("Policy", "北京市公共场所外语标识管理规定")
    r.node("Organization", "北京市档案馆")  # mentioned, related to nothing
    r.edge(fgw, waiban, "COOPERATED_WITH", "区发改委与区政府外办共同推进")
    r.edge(dongcheng, meguro, "PARTNER_OF", "东城区与目黑区友好交流")
    return r.batch(author=fgw)


def sample_batches() -> list[GraphBatch]:
    return [seed_like(), second_report()]


def filled_store(path: Path) -> EmbeddedStore:
    """A real embedded store at `path` holding both reports, flushed so readers see them."""
    store = EmbeddedStore(path)
    for b in sample_batches():
        store.put_batch(b)
    store.flush()
    return store


def nid(label: str, name: str) -> str:
    return node_id(label, name)
