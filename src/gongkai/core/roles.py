"""The staff roles. Importable before the app registry is ready (module configs name them)."""

from django.db import models


class Role(models.TextChoices):
    DRAFTER = "drafter", "经办人"
    DIVISION_HEAD = "division_head", "处室负责人"
    LEGALITY_REVIEWER = "legality_reviewer", "合法性审查"
    CONFIDENTIALITY_REVIEWER = "confidentiality_reviewer", "保密审查"
    PUBLISHER = "publisher", "办公室（公开发布）"
    DISCLOSURE_HEAD = "disclosure_head", "政务公开工作机构负责人"
    LEADER = "leader", "局领导"
    AUDITOR = "auditor", "审计员"
    SYSADMIN = "sysadmin", "系统管理员"
