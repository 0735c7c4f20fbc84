"""Publication on the portal: the document page, the validity banner, the withdrawal notice,
the 公文数据库 filter pages, the catalogue, the cleanup result page."""

import datetime as dt
from pathlib import Path

import pytest
from django.conf import settings

from gongkai.documents.catalogue import catalogue_seed
from gongkai.documents.models import CatalogueColumn, CleanupItem, SubjectCategory
from gongkai.documents.portal import Facet, facet_key
from gongkai.documents.services import DocumentInputError, campaigns, publication
from gongkai.publishing.services import site_rebuild

pytestmark = pytest.mark.django_db


def served(bureau, path: str) -> str | None:
    rel = path.lstrip("/")
    if rel == "" or rel.endswith("/"):
        rel += "index.html"
    file = Path(settings.SITE_ROOT) / bureau.slug / "current" / rel
    return file.read_text() if file.exists() else None


@pytest.fixture
def site(bureau):
    catalogue_seed(bureau)
    site_rebuild(department=bureau)
    return bureau


@pytest.fixture
def publish(draft, walk, django_capture_on_commit_callbacks):
    def run(**kw):
        with django_capture_on_commit_callbacks(execute=True):
            return walk(draft(**kw))

    return run


def test_published_document_page_shows_metadata(site, publish):
    topic = SubjectCategory.objects.get(department=site, code="kjxm")
    column = CatalogueColumn.objects.get(department=site, slug="tzgg")
    doc = publish(
        doc_number="示科发〔2026〕9号",
        category_id=topic.pk,
        keywords="科技 项目",
        column_ids=[column.pk],
        issuers="示例市科学技术局、示例市财政局",
    )
    html = served(site, f"/xxgk/wj/{doc.pk}.html")
    assert html is not None
    for text in (
        doc.index_number,
        "科技项目",
        "示例市科学技术局、示例市财政局",
        "2026年11月20日",
        "示科发〔2026〕9号",
        "有效",
        "科技 项目",
        doc.title,
    ):
        assert text in html
    assert "本文件已废止" not in html
    # Listed in its column, in the 公文数据库 and on the filter pages.
    assert doc.title in served(site, "/xxgk/tzgg/")
    assert doc.title in served(site, "/gwk/")
    assert doc.title in served(site, f"/gwk/{doc.publish_date.year}/")
    by_written = served(site, f"/gwk/{doc.publish_date.year}/written/")
    assert doc.title in by_written and 'aria-current="page">按成文日期' in by_written
    assert doc.title in served(site, Facet("topic", "", "", "kjxm").path)
    assert doc.title in served(site, f"/gwk/f/issuer-{facet_key('示例市财政局')}/")
    assert doc.title in served(site, "/xxgk/tzgg/feed.xml")


def test_repeal_shows_banner_with_link_to_replacement(
    site, publish, users, django_capture_on_commit_callbacks
):
    old = publish(title="示例市科技计划项目管理办法（2020年）", is_normative=True)
    new = publish(title="示例市科技计划项目管理办法（2026年修订）", is_normative=True)
    with django_capture_on_commit_callbacks(execute=True):
        publication.document_set_validity(
            actor=users["office"],
            document=old,
            validity="repealed",
            date=dt.date(2026, 11, 25),
            replaced_by=new,
        )
    html = served(site, f"/xxgk/wj/{old.pk}.html")
    assert "本文件已废止" in html and "2026年11月25日" in html
    assert f'href="/xxgk/wj/{new.pk}.html"' in html
    assert "本文件替代的文件" in served(site, f"/xxgk/wj/{new.pk}.html")
    assert old.title in served(site, "/gwk/f/validity-repealed/")


def test_amended_needs_a_replacement(site, publish, users):
    doc = publish()
    with pytest.raises(DocumentInputError) as exc:
        publication.document_set_validity(actor=users["office"], document=doc, validity="amended")
    assert "修改后的文件" in exc.value.fields["replaced_by"][0]


def test_withdraw_replaces_the_page_with_a_notice(
    site, publish, users, django_capture_on_commit_callbacks
):
    doc = publish(title="将被撤回的通知")
    with django_capture_on_commit_callbacks(execute=True):
        publication.document_withdraw(
            actor=users["office"], document=doc, reason="内容有误，更正后重新发布。"
        )
    html = served(site, f"/xxgk/wj/{doc.pk}.html")
    assert "该信息已撤回" in html and "内容有误，更正后重新发布。" in html
    assert "将被撤回的通知" not in served(site, "/gwk/")


def test_catalogue_page_lists_subject_content_time_limit_and_channel(site):
    html = served(site, "/xxgk/ml/")
    for text in (
        "财政预决算",
        "科技项目与资金",
        "行政执法公示",
        "公开时限",
        "公开渠道",
        "条例第二十六条",
    ):
        assert text in html


def test_cleanup_campaign_applies_conclusions_and_publishes_results(
    site, publish, users, django_capture_on_commit_callbacks
):
    keep = publish(title="继续有效的办法", is_normative=True)
    repeal = publish(title="将废止的规定", is_normative=True)
    cutoff = max(keep.cleanup_due, repeal.cleanup_due)
    campaign = campaigns.cleanup_campaign_create(
        actor=users["legal"], name="2028年规范性文件清理", cutoff=cutoff
    )
    assert campaign.items.count() == 2
    with pytest.raises(Exception, match="没有清理结论"):
        campaigns.cleanup_campaign_apply(actor=users["legal"], campaign=campaign)
    items = {i.document_id: i for i in campaign.items.all()}
    campaigns.cleanup_item_decide(
        actor=users["head"], item=items[keep.pk], conclusion=CleanupItem.Conclusion.KEEP
    )
    campaigns.cleanup_item_decide(
        actor=users["legal"],
        item=items[repeal.pk],
        conclusion=CleanupItem.Conclusion.REPEAL,
        note="上位法已废止",
    )
    with django_capture_on_commit_callbacks(execute=True):
        campaigns.cleanup_campaign_apply(
            actor=users["legal"], campaign=campaign, today=dt.date(2026, 11, 26)
        )
        campaigns.cleanup_campaign_publish(actor=users["office"], campaign=campaign)
    repeal.refresh_from_db()
    keep.refresh_from_db()
    assert repeal.validity == "repealed"
    assert keep.cleanup_due == dt.date(2028, 11, 26)
    assert "本文件已废止" in served(site, f"/xxgk/wj/{repeal.pk}.html")
    result = served(site, f"/xxgk/gfxwj/ql/{campaign.pk}.html")
    assert "将废止的规定" in result and "废止" in result and "继续有效" in result
    assert "2028年规范性文件清理" in served(site, "/xxgk/ml/")


def test_interpretation_is_linked_both_ways_and_feeds_exist(
    site, draft, walk, users, django_capture_on_commit_callbacks
):
    from gongkai.documents.services import chain

    column = CatalogueColumn.objects.get(department=site, slug="zcjd")
    policy = walk(
        draft(title="示例市科技成果转化奖励办法", genre="办法", needs_interpretation=True),
        until="confidentiality_approve",
    )
    interp = walk(
        draft(
            title="《示例市科技成果转化奖励办法》解读",
            genre="解读",
            interprets_id=policy.pk,
            column_ids=[column.pk],
        ),
        until="confidentiality_approve",
    )
    with django_capture_on_commit_callbacks(execute=True):
        chain.document_sign_off(actor=users["office"], document=policy)
    assert f'href="/xxgk/wj/{interp.pk}.html"' in served(site, f"/xxgk/wj/{policy.pk}.html")
    assert "解读的政策文件" in served(site, f"/xxgk/wj/{interp.pk}.html")
    assert interp.title in served(site, "/xxgk/zcjd/feed.xml")
    assert interp.title in served(site, "/xxgk/zcjd/feed.rss")


def test_catalogue_change_republishes_the_catalogue_page(site, django_capture_on_commit_callbacks):
    from gongkai.publishing.pages import Change
    from gongkai.publishing.services import site_publish

    column = CatalogueColumn.objects.get(department=site, slug="czyjs")
    column.time_limit = "批准后二十日内（预算法第十四条）"
    column.save()
    site_publish(department=site, changes=[Change("catalogue", "all")])
    assert "批准后二十日内（预算法第十四条）" in served(site, "/xxgk/ml/")
