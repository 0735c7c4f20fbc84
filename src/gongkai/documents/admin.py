"""Django admin, for superuser configuration only: the catalogue (主动公开基本目录) and the
subject taxonomy. Documents themselves are edited on the staff pages, through the services."""

from django.contrib import admin

from gongkai.documents.models import CatalogueColumn, SubjectCategory


@admin.register(CatalogueColumn)
class CatalogueColumnAdmin(admin.ModelAdmin):
    list_display = ("name", "parent", "slug", "time_limit", "channel", "responsible", "order")
    list_filter = ("department",)
    search_fields = ("name", "slug", "content")


@admin.register(SubjectCategory)
class SubjectCategoryAdmin(admin.ModelAdmin):
    list_display = ("name", "parent", "code", "order")
    list_filter = ("department",)
