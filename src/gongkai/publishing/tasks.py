"""Periodic jobs of the publishing module (huey discovers each app's tasks module)."""

from huey.contrib.djhuey import db_periodic_task

from gongkai.core.jobs import china_crontab


@db_periodic_task(china_crontab(minute="*/5"))
def distribution_retry_job() -> int:
    """Every five minutes: retry web roots that failed or fell behind."""
    from gongkai.publishing.services.distribute import distribution_retry

    return distribution_retry()
