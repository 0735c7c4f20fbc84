"""The demo bureau: 示例市科学技术局 with its divisions and one demo user per role.

Loaded idempotently by `gongkai demo` and `gongkai run`: a second run changes nothing and loses
nothing. Other apps add their demo content through their own `demo.load(department, today=...)`.
"""

from dataclasses import dataclass

from django.db import transaction

from gongkai.core.models import Department, Division, Role, User, UserRole

DEMO_PASSWORD = "Gongkai2026demo"  # noqa: S105 (published demo accounts)

DEPARTMENT = {
    "slug": "kjj",
    "name": "示例市科学技术局",
    "short_name": "示例市科技局",
    # A valid GB 32100 code (check character computed), fictional.
    "credit_code": "11520100MB1234567P",
    "index_prefix": "MB1234567",
    "address": "示例市观山湖区市级行政中心2号楼4层",
    "office_hours": "工作日 上午9:00—12:00，下午13:00—17:00",
    "phone": "0851-87987000",
    "fax": "0851-87987001",
    "email": "kjjgk@example.gov.cn",
    "postcode": "550081",
}

DIVISIONS = [
    ("bgs", "办公室", Division.Kind.DIVISION, True),
    ("zcfgc", "政策法规处", Division.Kind.DIVISION, False),
    ("jhc", "计划处", Division.Kind.DIVISION, False),
    ("zscqbhc", "知识产权保护处", Division.Kind.DIVISION, False),
    ("xjc", "宣教处", Division.Kind.DIVISION, False),
    ("tcc", "条财处", Division.Kind.DIVISION, False),
    ("rsc", "人事处", Division.Kind.DIVISION, False),
    ("jcs", "监察室", Division.Kind.DIVISION, False),
    ("kjqbs", "示例市科学技术情报研究所", Division.Kind.AFFILIATE, False),
    ("sczx", "示例市生产力促进中心", Division.Kind.AFFILIATE, False),
]


@dataclass(frozen=True)
class DemoUser:
    username: str
    full_name: str
    division: str
    title: str
    roles: tuple[str, ...]


USERS = [
    DemoUser("drafter", "李晓明", "jhc", "四级主任科员", (Role.DRAFTER,)),
    DemoUser("drafter2", "周静", "zscqbhc", "一级科员", (Role.DRAFTER,)),
    DemoUser("head", "王建国", "jhc", "处长", (Role.DIVISION_HEAD,)),
    DemoUser("legal", "陈思远", "zcfgc", "处长", (Role.LEGALITY_REVIEWER,)),
    DemoUser("secrecy", "赵敏", "bgs", "保密员", (Role.CONFIDENTIALITY_REVIEWER,)),
    DemoUser("office", "刘芳", "bgs", "政务公开专员", (Role.PUBLISHER,)),
    DemoUser("officehead", "张伟", "bgs", "办公室主任", (Role.DISCLOSURE_HEAD, Role.PUBLISHER)),
    DemoUser("leader", "杨志强", "bgs", "副局长", (Role.LEADER,)),
    DemoUser("auditor", "孙丽", "jcs", "审计员", (Role.AUDITOR,)),
    DemoUser("admin", "吴磊", "bgs", "系统管理员", (Role.SYSADMIN,)),
]


@transaction.atomic
def load_bureau() -> Department:
    department, _ = Department.objects.get_or_create(slug=DEPARTMENT["slug"], defaults=DEPARTMENT)
    divisions = {}
    for order, (code, name, kind, office) in enumerate(DIVISIONS):
        divisions[code], _ = Division.objects.get_or_create(
            department=department,
            code=code,
            defaults={"name": name, "kind": kind, "is_general_office": office, "order": order},
        )
    for spec in USERS:
        user, created = User.objects.get_or_create(
            username=spec.username,
            defaults={
                "full_name": spec.full_name,
                "department": department,
                "division": divisions[spec.division],
                "title": spec.title,
                "is_staff": spec.username == "admin",
                "is_superuser": spec.username == "admin",
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        for role in spec.roles:
            UserRole.objects.get_or_create(user=user, role=role)
    return department


def accounts_text() -> str:
    lines = [f"演示账号（密码均为 {DEMO_PASSWORD}）："]
    for spec in USERS:
        labels = "、".join(Role(r).label for r in spec.roles)
        lines.append(f"  {spec.username:<11} {spec.full_name}（{labels}）")
    return "\n".join(lines)
