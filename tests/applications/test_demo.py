import datetime as dt
from collections import Counter

import pytest

from gongkai.applications import demo
from gongkai.applications.models import Application, ReviewCase

pytestmark = pytest.mark.django_db


def test_demo_is_varied_and_idempotent(bureau, django_capture_on_commit_callbacks):
    today = dt.date(2026, 11, 26)
    demo.load(bureau, today=today)
    apps = list(Application.objects.filter(department=bureau))
    assert 110 <= len(apps) <= demo.COUNT
    statuses = Counter(a.status for a in apps)
    assert statuses["replied"] > 60 and statuses["in_progress"] >= 3
    assert statuses["awaiting_confirmation"] >= 1
    assert len({a.channel for a in apps}) == 6
    assert len({a.applicant_type for a in apps}) == 6
    assert len({a.outcome for a in apps if a.outcome}) >= 10
    carried = [
        a
        for a in apps
        if a.received_on and a.received_on.year == 2025 and a.closed_on and a.closed_on.year == 2026
    ]
    assert carried
    kinds = set(ReviewCase.objects.values_list("kind", flat=True))
    assert kinds == {"reconsideration", "litigation_direct"}
    demo.load(bureau, today=today)
    assert Application.objects.filter(department=bureau).count() == len(apps)
    assert ReviewCase.objects.count() == 2
