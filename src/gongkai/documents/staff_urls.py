from django.urls import path

from gongkai.documents.views import campaigns, documents

app_name = "documents"

urlpatterns = [
    path("", documents.index, name="index"),
    path("new/", documents.create, name="create"),
    path("<int:pk>/", documents.detail, name="detail"),
    path("<int:pk>/edit/", documents.edit, name="edit"),
    path("<int:pk>/act/<slug:name>/", documents.act, name="act"),
    path("<int:pk>/validity/", documents.set_validity, name="validity"),
    path("<int:pk>/attachments/", documents.attachment_upload, name="attachment_upload"),
    path("<int:pk>/attachments/<int:att>/", documents.attachment_download, name="attachment"),
    path(
        "<int:pk>/attachments/<int:att>/delete/",
        documents.attachment_delete,
        name="attachment_delete",
    ),
    path("cleanup/", campaigns.cleanup_index, name="cleanup_index"),
    path("cleanup/<int:pk>/", campaigns.cleanup_detail, name="cleanup_detail"),
    path("cleanup/item/<int:item>/", campaigns.cleanup_decide, name="cleanup_decide"),
    path("cleanup/<int:pk>/apply/", campaigns.cleanup_apply, name="cleanup_apply"),
    path("cleanup/<int:pk>/publish/", campaigns.cleanup_publish, name="cleanup_publish"),
    path("review/", campaigns.review_index, name="review_index"),
    path("review/<int:pk>/", campaigns.review_detail, name="review_detail"),
    path("review/item/<int:item>/", campaigns.review_decide, name="review_decide"),
]
