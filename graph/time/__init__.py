"""Time over a collection: series of reports, indicators over years, plans followed into the next year,
what changed between two reports, and an entity's timeline."""
from .errors import NotFound
from .views import diff_view, indicators_view, plans_view, series_view, timeline_view

__all__ = ["NotFound", "diff_view", "indicators_view", "plans_view", "series_view", "timeline_view"]
