import pytest

from gongkai.core.identifiers import (
    credit_code_error,
    luhn_valid,
    mask_id_number,
    mask_phone,
    mobile_error,
    resident_id_error,
)


@pytest.mark.parametrize(
    "code",
    [
        "914403001922038216",  # published codes of two well-known companies
        "9144030071526726XG",
        "11520100MB1234567P",  # the demo bureau
    ],
)
def test_valid_credit_codes(code):
    assert credit_code_error(code) is None


def test_credit_code_wrong_check_character():
    assert credit_code_error("11520100MB1234567A") == (
        "统一社会信用代码校验位不符：第18位应为 P，请核对后重新输入。"
    )


def test_credit_code_wrong_length_and_letters():
    assert credit_code_error("1152") == "统一社会信用代码应为18位，当前为4位。"
    assert "I" in (credit_code_error("11520100MB123456IP") or "")


def test_resident_id():
    assert resident_id_error("11010519491231002X") is None
    assert resident_id_error("110105194912310021") == "居民身份证号码校验位不符，请核对后重新输入。"
    assert (
        resident_id_error("110105194902300020")
        == "居民身份证号码中的出生日期无效，请核对第7至14位。"
    )
    assert resident_id_error("12345") is not None


def test_luhn():
    assert luhn_valid("4111111111111111")
    assert not luhn_valid("4111111111111112")


def test_mobile_and_masks():
    assert mobile_error("13812341234") is None
    assert mobile_error("12812341234") is not None
    assert mask_phone("13812341234") == "138****1234"
    assert mask_id_number("35012319800101123X") == "35*************23X"
