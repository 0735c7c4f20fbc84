from gongkai.core.errors import DomainError

"""Fees for disclosure on application (条例第四十二条; 国办函〔2020〕109号). Pure: no Django.

Fees are charged only above a reasonable volume, either per application or per page — never
both for the same application. Bands are progressive: each band's price applies only to the
part of the volume inside that band ("……的部分").
"""

# 〔2020〕109号 按件计收: per applicant per natural month, applications 1–10 free, 11–30 ¥100
# each; from the 31st, each further band of 10 costs ¥100 more per application.
FREE_APPLICATIONS = 10
FIRST_PAID_BAND_END = 30
BAND_SIZE = 10
PRICE_STEP = 100

# 〔2020〕109号 按量计收: (up to and including page, yuan per page) for each band.
PAGE_BANDS: tuple[tuple[int | None, int], ...] = (
    (30, 0),
    (100, 10),
    (200, 20),
    (None, 40),
)


class FeeError(DomainError, ValueError):
    """An impossible fee question (negative counts, both modes). Message in Chinese."""


def application_price(ordinal: int) -> int:
    """The fee in yuan for the applicant's `ordinal`-th application in a natural month."""
    if ordinal < 1:
        raise FeeError("申请件数须为正整数。")
    if ordinal <= FREE_APPLICATIONS:
        return 0
    if ordinal <= FIRST_PAID_BAND_END:
        return PRICE_STEP
    return PRICE_STEP * (2 + (ordinal - FIRST_PAID_BAND_END - 1) // BAND_SIZE)


def fee_for_applications(count: int) -> int:
    """Total fee in yuan for `count` applications by one applicant in one natural month."""
    if count < 0:
        raise FeeError("申请件数不能为负数。")
    return sum(application_price(k) for k in range(1, count + 1))


def fee_for_pages(pages: int) -> int:
    """Fee in yuan for providing `pages` pages (progressive, per band)."""
    if pages < 0:
        raise FeeError("页数不能为负数。")
    total = 0
    lower = 0
    for upper, price in PAGE_BANDS:
        top = pages if upper is None else min(pages, upper)
        if top > lower:
            total += (top - lower) * price
        if upper is None or pages <= upper:
            break
        lower = upper
    return total


def fee_for_application(*, mode: str, ordinal_in_month: int = 0, pages: int = 0) -> int:
    """The fee one application owes: per application (its ordinal in the applicant's month) or
    per page. 〔2020〕109号：按件、按量只能选择其一，不得同时适用。"""
    if mode == "per_application":
        return application_price(ordinal_in_month)
    if mode == "per_page":
        return fee_for_pages(pages)
    raise FeeError("收费方式只能是“按件”或“按量”之一。")
