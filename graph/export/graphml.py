"""`export --format graphml` for Gephi, yEd and networkx.

GraphML attributes are scalars, so aliases, props and evidence travel as JSON strings;
a missing English name is left out rather than written as an empty string.
"""
from __future__ import annotations

import networkx as nx

from .output import atomic_path, is_stream, text_output
from .properties import to_json
from .records import GraphRecords


def records_to_graphml_graph(records: GraphRecords) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for n in records.nodes:
        attrs = {"label": n["label"], "name": n["name"], "aliases": to_json(n["aliases"]),
                 "props": to_json(n["props"]), "evidence": to_json(n["evidence"])}
        if n.get("name_en") is not None:
            attrs["name_en"] = n["name_en"]
        g.add_node(n["id"], **attrs)
    for e in records.edges:
        g.add_edge(e["source"], e["target"], key=e["type"], type=e["type"],
                   props=to_json(e["props"]), evidence=to_json(e["evidence"]))
    return g


def write_graphml(records: GraphRecords, out) -> dict[str, int]:
    g = records_to_graphml_graph(records)
    if is_stream(out):
        with text_output(out) as f:
            for line in nx.generate_graphml(g, encoding="utf-8"):
                f.write(line + "\n")
    else:
        with atomic_path(out) as tmp:
            nx.write_graphml(g, tmp, encoding="utf-8")
    return {"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}
