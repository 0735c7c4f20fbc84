"""The department (one site of a consolidated platform), its divisions, its people and roles."""

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models

from gongkai.core.identifiers import credit_code_error
from gongkai.core.roles import Role


class Department(models.Model):
    """A department with its own public site. Every record belongs to one (集约化平台)."""

    slug = models.SlugField("站点标识", unique=True)
    name = models.CharField("机关名称", max_length=100)
    short_name = models.CharField("机关简称", max_length=30, blank=True)
    credit_code = models.CharField("统一社会信用代码", max_length=18, unique=True)
    index_prefix = models.CharField(
        "索引号前缀", max_length=40, help_text="一般为组织机构代码，如 11520100009386123A"
    )
    index_pattern = models.CharField(
        "索引号格式",
        max_length=80,
        default="{prefix}/{year}-{seq:05d}",
        help_text="可用 {prefix}、{year}、{seq}",
    )
    address = models.CharField("办公地址", max_length=200, blank=True)
    office_hours = models.CharField("办公时间", max_length=100, blank=True)
    phone = models.CharField("联系电话", max_length=40, blank=True)
    fax = models.CharField("传真", max_length=40, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    postcode = models.CharField("邮政编码", max_length=6, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "机关（站点）"

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        error = credit_code_error(self.credit_code)
        if error:
            raise ValidationError({"credit_code": error}, code="invalid_credit_code")


class Division(models.Model):
    class Kind(models.TextChoices):
        DIVISION = "division", "内设处室"
        AFFILIATE = "affiliate", "局属单位"

    department = models.ForeignKey(Department, models.CASCADE, related_name="divisions")
    name = models.CharField("名称", max_length=60)
    code = models.SlugField("代码", max_length=30)
    kind = models.CharField("类别", max_length=20, choices=Kind, default=Kind.DIVISION)
    is_general_office = models.BooleanField("是否办公室（政务公开牵头）", default=False)
    order = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        verbose_name = verbose_name_plural = "处室与单位"
        ordering = ["department", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["department", "code"], name="division_code_unique"),
            models.UniqueConstraint(fields=["department", "name"], name="division_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A member of staff. The public never has an account."""

    full_name = models.CharField("姓名", max_length=40, blank=True)
    department = models.ForeignKey(
        Department, models.PROTECT, null=True, blank=True, related_name="users"
    )
    division = models.ForeignKey(
        Division, models.PROTECT, null=True, blank=True, related_name="users"
    )
    title = models.CharField("职务", max_length=40, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "工作人员"

    def __str__(self) -> str:
        return self.full_name or self.username

    @property
    def display_name(self) -> str:
        return self.full_name or self.username

    def role_set(self) -> frozenset[str]:
        cached: frozenset[str] | None = getattr(self, "_role_cache", None)
        if cached is None:
            cached = (
                frozenset(self.roles.values_list("role", flat=True)) if self.pk else frozenset()
            )
            self._role_cache = cached
        return cached

    def has_role(self, *roles: str) -> bool:
        return bool(self.role_set() & set(roles))

    def role_labels(self) -> list[str]:
        return [Role(r).label for r in Role.values if r in self.role_set()]


class UserRole(models.Model):
    user = models.ForeignKey(User, models.CASCADE, related_name="roles")
    role = models.CharField("角色", max_length=30, choices=Role)

    class Meta:
        verbose_name = verbose_name_plural = "角色分配"
        constraints = [
            models.UniqueConstraint(fields=["user", "role"], name="user_role_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()}"
