"""Analytics over any GraphStore, through its interface only: networkx for whole-graph
measures (cached per store state), the store's own edges_of for neighbourhoods."""
from .centrality import Ranked, centrality_by_label, top_central
from .communities import Community, communities
from .ego import ego_network
from .errors import UnknownEntity
from .partners import partner_network
from .paths import Hop, Path, shortest_paths
from .to_networkx import clear_cache, to_networkx, undirected

__all__ = ["Community", "Hop", "Path", "Ranked", "UnknownEntity", "centrality_by_label", "clear_cache",
           "communities", "ego_network", "partner_network", "shortest_paths", "to_networkx", "top_central",
           "undirected"]
