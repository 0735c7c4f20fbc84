"""Periodic jobs run by huey. In the embedded default `gongkai run` starts a consumer in worker
threads of the same process (queue in SQLite under the data directory); in production run
`gongkai run_huey` as its own service with REDIS_URL set (docs/deploy.md).

Modules declare their jobs with `huey.contrib.djhuey.db_periodic_task` / `db_task` in a
`jobs.py` of their own; huey's Django integration imports every app's `tasks` module, so each
app re-exports its jobs from `tasks.py`.
"""

import datetime as dt
import signal
from collections.abc import Callable

from django.utils import timezone
from huey import crontab
from huey.consumer import Consumer
from huey.contrib.djhuey import HUEY


def china_crontab(**fields: str) -> Callable[[dt.datetime], bool]:
    """huey's crontab (`minute`, `hour`, `day`, `month`, `day_of_week`) matched against China
    time. huey hands periodic tasks its own clock — UTC by default, or the process's local time
    — so `crontab(hour="7")` alone would run the morning reminders at 15:00 in China. Every
    periodic job of the platform is scheduled with this instead (tests/core/test_china_time.py)."""
    matches = crontab(**fields)

    def due(_huey_time: dt.datetime) -> bool:
        return bool(matches(timezone.localtime()))

    return due


def start_embedded_consumer(workers: int = 2) -> Consumer:
    consumer = Consumer(HUEY, workers=workers, worker_type="thread", periodic=True)
    consumer.start()
    # The consumer installs handlers that only its own run() loop honours; the embedded server
    # owns the main thread, so Ctrl-C and SIGTERM must keep their default meaning.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    return consumer
