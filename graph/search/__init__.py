"""Hybrid passage search and question answering over a GraphStore."""
from .results import Answer, AskResult, Hit, SearchResult
from .service import MODES, SearchService

__all__ = ["Answer", "AskResult", "Hit", "SearchResult", "SearchService", "MODES"]
