import datetime as dt
from pathlib import Path

import pytest
import time_machine
from django.conf import settings

from gongkai.documents import demo
from gongkai.documents.demo_content import generate
from gongkai.documents.models import Document

pytestmark = pytest.mark.django_db


def test_generator_is_deterministic_and_covers_the_period():
    a, b = generate(2026, dt.date(2026, 11, 26)), generate(2026, dt.date(2026, 11, 26))
    assert [s.title for s in a] == [s.title for s in b]
    assert 280 <= len(a) <= 380
    assert min(s.written.year for s in a) == 2008
    assert len({s.title for s in a}) == len(a)
    numbers = [s.doc_number for s in a if s.doc_number]
    assert len(numbers) == len(set(numbers))


@time_machine.travel(dt.datetime(2026, 11, 26, 10, 0), tick=False)
def test_demo_load_is_idempotent_and_publishes_once(bureau):
    from gongkai.publishing import demo as publishing_demo

    today = dt.date(2026, 11, 26)
    demo.load(bureau, today=today)
    publishing_demo.load(bureau, today=today)
    count = Document.objects.count()
    assert count >= 280
    demo.load(bureau, today=today)
    assert Document.objects.count() == count
    repealed = Document.objects.filter(validity="amended", replaced_by__isnull=False).first()
    assert repealed is not None
    page = (
        Path(settings.SITE_ROOT) / bureau.slug / "current" / "xxgk" / "wj" / f"{repealed.pk}.html"
    )
    text = page.read_text()
    assert "本文件已修改" in text and repealed.replaced_by.title in text
    policy = Document.objects.filter(needs_interpretation=True, status="published").first()
    assert policy.interpretations.filter(status="published").exists()
    assert Document.objects.filter(published_late=True, publish_date__year=2026).count() == 2
    assert Document.objects.filter(status="returned").count() == 1
