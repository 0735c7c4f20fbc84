"""Check characters of Chinese identifiers. Pure functions, no Django.

Each `*_error` function returns None for a valid value, else a Chinese message that says what is
wrong and how to fix it.
"""

import datetime as dt
import re

# GB 32100-2015 统一社会信用代码: 18 characters from this alphabet (no I, O, S, V, Z).
_CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

# GB 11643-1999 公民身份号码: 17 digits and a check character (0-9 or X).
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def credit_code_check_char(first17: str) -> str:
    total = sum(
        _CREDIT_ALPHABET.index(c) * w for c, w in zip(first17, _CREDIT_WEIGHTS, strict=True)
    )
    return _CREDIT_ALPHABET[(31 - total % 31) % 31]


def credit_code_error(code: str) -> str | None:
    code = code.strip().upper()
    if len(code) != 18:
        return f"统一社会信用代码应为18位，当前为{len(code)}位。"
    bad = sorted({c for c in code if c not in _CREDIT_ALPHABET})
    if bad:
        return f"统一社会信用代码含有不允许的字符：{'、'.join(bad)}（不使用字母 I、O、S、V、Z）。"
    expected = credit_code_check_char(code[:17])
    if code[17] != expected:
        return f"统一社会信用代码校验位不符：第18位应为 {expected}，请核对后重新输入。"
    return None


def resident_id_check_char(first17: str) -> str:
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def resident_id_error(number: str) -> str | None:
    number = number.strip().upper()
    if not re.fullmatch(r"\d{17}[\dX]", number):
        return "居民身份证号码应为18位，前17位为数字，最后一位为数字或 X。"
    try:
        dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return "居民身份证号码中的出生日期无效，请核对第7至14位。"
    if number[17] != resident_id_check_char(number[:17]):
        return "居民身份证号码校验位不符，请核对后重新输入。"
    return None


def luhn_valid(digits: str) -> bool:
    if not digits.isdigit() or len(digits) < 2:
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


MOBILE_RE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


def mobile_error(number: str) -> str | None:
    digits = re.sub(r"[\s-]", "", number)
    if not MOBILE_RE.fullmatch(digits):
        return "手机号码应为以1开头的11位数字。"
    return None


def mask_phone(number: str) -> str:
    """138****1234."""
    digits = re.sub(r"\D", "", number)
    if len(digits) < 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def mask_id_number(number: str) -> str:
    """35*************123: first two and last three characters stay."""
    if len(number) <= 5:
        return "*" * len(number)
    return number[:2] + "*" * (len(number) - 5) + number[-3:]
