from django.core.management.base import CommandError

from gongkai.core.models import Department


def department(slug: str | None) -> Department:
    qs = Department.objects.all()
    found = qs.filter(slug=slug).first() if slug else qs.order_by("pk").first()
    if found is None:
        raise CommandError(
            f"没有站点“{slug}”。" if slug else "尚未配置任何机关，请先运行 gongkai demo。"
        )
    return found
