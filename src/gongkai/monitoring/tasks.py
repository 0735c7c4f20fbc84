"""huey's Django integration imports each app's `tasks` module: re-export the jobs."""

from gongkai.monitoring.jobs import (
    evaluate_veto_items,
    inspect_pages,
    monitor_sites,
    probe_home_pages,
)

__all__ = ["evaluate_veto_items", "inspect_pages", "monitor_sites", "probe_home_pages"]
