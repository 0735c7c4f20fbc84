"""huey's Django integration imports each app's `tasks` module: re-export the jobs."""

from gongkai.monitoring.jobs import inspect_pages, probe_home_pages

__all__ = ["inspect_pages", "probe_home_pages"]
