"""The `gongkai search_*` commands and the demo loader."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from gongkai.search import demo
from gongkai.search.models import SearchEntry
from gongkai.search.services import common as services
from gongkai.search.services import search_index, search_query
from gongkai.search.types import SearchQuery
from tests.factories import DepartmentFactory
from tests.search.conftest import make_doc

pytestmark = pytest.mark.django_db


@pytest.fixture
def source(bureau, monkeypatch):
    """A registered source standing for the documents app's published documents."""
    docs = [
        make_doc(bureau.pk, f"s{i}", f"科技政策文件{i}", publish_date=date(2025, 1, 1 + i))
        for i in range(3)
    ]
    monkeypatch.setattr(
        services,
        "_sources",
        [lambda department_id: [d for d in docs if d.department_id == department_id]],
    )
    return docs


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_rebuild_reindexes_from_the_sources(bureau, source):
    search_index(make_doc(bureau.pk, "stale", "已撤回的科技文件"))
    output = run("search_rebuild", "--department", bureau.slug)
    assert "已索引 3 份文件" in output
    assert set(SearchEntry.objects.values_list("key", flat=True)) == {"s0", "s1", "s2"}


def test_rebuild_unknown_department_is_refused(bureau, source):
    with pytest.raises(CommandError, match="没有站点标识"):
        run("search_rebuild", "--department", "nowhere")


def test_query_command_prints_results(bureau, source):
    run("search_rebuild")
    output = run("search_query", "科技", "--order", "date")
    assert "共 3 条" in output
    assert output.index("科技政策文件2") < output.index("科技政策文件0")
    assert "2025年1月3日" in output


def test_query_command_needs_a_department_when_there_are_several(bureau, source):
    DepartmentFactory()
    with pytest.raises(CommandError, match="--department"):
        run("search_query", "科技")


def test_demo_fills_gaps_and_is_idempotent(bureau, source):
    search_index(source[0])
    demo.load(bureau, today=date(2026, 11, 26))
    demo.load(bureau, today=date(2026, 11, 26))
    assert SearchEntry.objects.filter(department=bureau).count() == 3
    assert search_query(SearchQuery(department_id=bureau.pk, text="科技")).total == 3
