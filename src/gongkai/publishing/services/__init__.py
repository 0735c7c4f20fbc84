"""Every change to the public site goes through these services (views, CLI, jobs, other modules'
services after their commit): `publish` holds publication, full build, verification and
restore. The names below are the package's public API."""

from gongkai.publishing.services.publish import (
    PUBLISH_ROLES,
    PublishError,
    RestoreReport,
    VerifyReport,
    affected,
    all_pages,
    site_check_page,
    site_dir,
    site_publish,
    site_publish_on_commit,
    site_rebuild,
    site_restore,
    site_verify,
)

__all__ = [
    "PUBLISH_ROLES",
    "PublishError",
    "RestoreReport",
    "VerifyReport",
    "affected",
    "all_pages",
    "site_check_page",
    "site_dir",
    "site_publish",
    "site_publish_on_commit",
    "site_rebuild",
    "site_restore",
    "site_verify",
]
