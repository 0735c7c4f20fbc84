"""The indexed documents' metadata. The words themselves live beside this table in
vendor-specific structures created by this app's migrations: an FTS5 virtual table on SQLite,
tsvector columns with GIN indexes on PostgreSQL (see gongkai.search.backends)."""

from django.db import models

from gongkai.core.models import Department


class SearchEntry(models.Model):
    department = models.ForeignKey(Department, models.CASCADE, related_name="+")
    key = models.CharField("文档键", max_length=100)
    # Date order without a sort: (publish date, id) packed into one integer, used as the FTS5
    # rowid and as the PostgreSQL ordering column (see backends.base.make_ord).
    ord = models.BigIntegerField("排序键", unique=True, null=True)
    title = models.CharField("标题", max_length=500)
    url = models.CharField("地址", max_length=500)
    doc_number = models.CharField("发文字号", max_length=100, blank=True)
    doc_number_norm = models.CharField("发文字号（规范）", max_length=100, blank=True)
    index_number = models.CharField("索引号", max_length=100, blank=True)
    publish_date = models.DateField("发布日期")
    year = models.PositiveSmallIntegerField("年份")
    issuer = models.CharField("发文机关", max_length=200, blank=True)
    topic = models.CharField("主题分类", max_length=100, blank=True)
    genre = models.CharField("体裁", max_length=100, blank=True)
    validity = models.CharField("有效性", max_length=20, blank=True)
    body = models.TextField("正文", blank=True)
    attachment_text = models.TextField("附件文字", blank=True)
    indexed_at = models.DateTimeField("索引时间", auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "检索索引条目"
        constraints = [
            models.UniqueConstraint(fields=["department", "key"], name="search_entry_key_unique"),
        ]
        indexes = [
            models.Index(fields=["department", "doc_number_norm"], name="search_entry_number"),
            # The filter drop-downs read distinct values by index seeks (facets.py).
            models.Index(fields=["department", "year"], name="search_entry_year"),
            models.Index(fields=["department", "issuer"], name="search_entry_issuer"),
            models.Index(fields=["department", "topic"], name="search_entry_topic"),
            models.Index(fields=["department", "genre"], name="search_entry_genre"),
            models.Index(fields=["department", "validity"], name="search_entry_validity"),
        ]

    def __str__(self) -> str:
        return self.title
