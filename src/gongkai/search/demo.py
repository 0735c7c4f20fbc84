"""Demo data: the documents app indexes what it publishes; this fills any gap (documents
published before the search app was installed) from the registered sources. Idempotent."""

from datetime import date

from gongkai.core.models import Department
from gongkai.search.services import index_missing


def load(department: Department, *, today: date) -> None:
    index_missing(department.pk)
