from gongkai.documents.models.campaigns import (
    CleanupCampaign,
    CleanupItem,
    YearlyReview,
    YearlyReviewItem,
)
from gongkai.documents.models.catalogue import CatalogueColumn, SubjectCategory
from gongkai.documents.models.document import (
    Attachment,
    Disclosure,
    Document,
    DocumentEvent,
    DocumentStatus,
    Genre,
    IndexCounter,
    NondisclosureReason,
    Validity,
)

__all__ = [
    "Attachment",
    "CatalogueColumn",
    "CleanupCampaign",
    "CleanupItem",
    "Disclosure",
    "Document",
    "DocumentEvent",
    "DocumentStatus",
    "Genre",
    "IndexCounter",
    "NondisclosureReason",
    "SubjectCategory",
    "Validity",
    "YearlyReview",
    "YearlyReviewItem",
]
