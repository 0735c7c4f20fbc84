"""Backup and restore of a whole installation: see service.py (what and how) and
docs/deploy.md (where, how often, how long a restore takes)."""
