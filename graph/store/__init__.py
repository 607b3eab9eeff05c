from .base import Filters, GraphStore, StoreError, StoreUnavailable, Subgraph, Vectors
from .factory import open_store

__all__ = ["Filters", "GraphStore", "StoreError", "StoreUnavailable", "Subgraph", "Vectors", "open_store"]
