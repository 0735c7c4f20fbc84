"""Backing up and restoring a whole installation: `create` (backup_create, backup_prune) and
`restore` (backup_restore, archive_check). See create.py's docstring for how a consistent
backup is taken, and docs/deploy.md for where, how often and how long a restore takes."""

from gongkai.backup.services.create import BackupError, BackupReport, backup_create, backup_prune
from gongkai.backup.services.restore import RestoreReport, archive_check, backup_restore, not_empty

__all__ = [
    "BackupError",
    "BackupReport",
    "RestoreReport",
    "archive_check",
    "backup_create",
    "backup_prune",
    "backup_restore",
    "not_empty",
]
