"""factory-boy factories shared by the service, HTTP and browser tests."""

from collections.abc import Sequence
from typing import Any

import factory

from gongkai.core.identifiers import credit_code_check_char
from gongkai.core.models import Department, Division, Role, User, UserRole


def _credit_code(n: int) -> str:
    first17 = f"11520100MB{n:07d}"
    return first17 + credit_code_check_char(first17)


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"dept{n}")
    name = factory.Sequence(lambda n: f"示例市第{n}局")
    short_name = factory.LazyAttribute(lambda o: o.name)
    credit_code = factory.Sequence(_credit_code)
    index_prefix = factory.Sequence(lambda n: f"MB{n:07d}")


class DivisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Division

    department = factory.SubFactory(DepartmentFactory)
    name = factory.Sequence(lambda n: f"第{n}处")
    code = factory.Sequence(lambda n: f"div{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"工作人员{n}")
    division = factory.SubFactory(DivisionFactory)
    department = factory.LazyAttribute(lambda o: o.division.department)
    password = factory.PostGenerationMethodCall("set_password", "Passw0rd-demo")

    @factory.post_generation
    def roles(self, create: bool, extracted: Sequence[str] | None, **kwargs: Any) -> None:
        if create and extracted:
            for role in extracted:
                UserRole.objects.create(user=self, role=role)
            self._role_cache = None
        if create:
            self.save()


def staff(role: str, division: Division | None = None, **kwargs: Any) -> User:
    """A user with one role, in `division` (a new division if None)."""
    if division is not None:
        kwargs.setdefault("division", division)
    return UserFactory(roles=[role], **kwargs)


__all__ = ["DepartmentFactory", "DivisionFactory", "Role", "UserFactory", "staff"]
