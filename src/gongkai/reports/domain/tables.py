"""The official layout of the annual report (国务院办公厅政府信息公开办公室〔2021〕30号).

Every label here is printed exactly as in the format; keys are the stable names used in data,
in the database and in imports. Do not confuse it with the 2019 trial format (〔2019〕60), whose
tables differ.
"""

from dataclasses import dataclass

from gongkai.applications.domain.outcomes import (
    ORGANISATION_TYPES,
    OUTCOMES,
    REVIEW_RESULT_LABELS,
    ApplicantType,
    ReviewKind,
    ReviewResult,
)
from gongkai.applications.domain.outcomes import (
    OUTCOME_GROUPS as OUTCOME_HEADINGS,
)

SECTION_HEADINGS: dict[str, str] = {
    "一": "一、总体情况",
    "二": "二、主动公开政府信息情况",
    "三": "三、收到和处理政府信息公开申请情况",
    "四": "四、政府信息公开行政复议、行政诉讼情况",
    "五": "五、存在的主要问题及改进情况",
    "六": "六、其他需要报告的事项",
}
TEXT_SECTIONS = ("一", "五", "六")


def report_title(department_name: str, year: int) -> str:
    return f"{department_name}{year}年政府信息公开工作年度报告"


# ---------------------------------------------------------------- 表二 (section 二)
@dataclass(frozen=True)
class Table2Block:
    """One block of 表二: a 第二十条 item, its column labels and its (row key, label) rows."""

    title: str
    columns: tuple[tuple[str, str], ...]  # (key, label)
    rows: tuple[tuple[str, str], ...]  # (key, label)
    money: bool = False

    def cell_keys(self) -> list[str]:
        return [f"{row}.{col}" for row, _ in self.rows for col, _ in self.columns]


# 条例第二十条第（一）项、第（五）项、第（六）项、第（八）项
TABLE2_BLOCKS: tuple[Table2Block, ...] = (
    Table2Block(
        "第二十条第（一）项",
        (("issued", "本年制发件数"), ("repealed", "本年废止件数"), ("valid", "现行有效件数")),
        (("rules", "规章"), ("normative", "行政规范性文件")),
    ),
    Table2Block(
        "第二十条第（五）项",
        (("decisions", "本年处理决定数量"),),
        (("licence", "行政许可"),),
    ),
    Table2Block(
        "第二十条第（六）项",
        (("decisions", "本年处理决定数量"),),
        (("penalty", "行政处罚"), ("coercion", "行政强制")),
    ),
    Table2Block(
        "第二十条第（八）项",
        (("amount", "本年收费金额（单位：万元）"),),
        (("fees", "行政事业性收费"),),
        money=True,
    ),
)
TABLE2_ITEM_LABEL = "信息内容"
TABLE2_KEYS: tuple[str, ...] = tuple(k for b in TABLE2_BLOCKS for k in b.cell_keys())
TABLE2_MONEY_KEYS = frozenset(k for b in TABLE2_BLOCKS if b.money for k in b.cell_keys())
# Counts that come from the documents module (行政规范性文件); the rest are entered: a municipal
# department issues no 规章, and no module records licences, penalties, coercion or fees yet.
TABLE2_FROM_DOCUMENTS = frozenset(
    k for k in TABLE2_BLOCKS[0].cell_keys() if k.startswith("normative.")
)


def table2_label(key: str) -> str:
    row, col = key.split(".")
    for block in TABLE2_BLOCKS:
        rows, cols = dict(block.rows), dict(block.columns)
        if row in rows and col in cols:
            return f"{block.title} {rows[row]} {cols[col]}"
    raise KeyError(key)


# ---------------------------------------------------------------- 表三 (section 三)
APPLICANT_HEADER = "申请人情况"
LEGAL_PERSON_HEADER = "法人或其他组织"
IDENTITY_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

# (key, label) — keys and labels come from the applications module, which stores them.
NATURAL = (ApplicantType.NATURAL_PERSON.value, ApplicantType.NATURAL_PERSON.label)
LEGAL_PERSONS: tuple[tuple[str, str], ...] = tuple((a.value, a.label) for a in ORGANISATION_TYPES)
TOTAL = ("total", "总计")
APPLICANT_COLUMNS: tuple[tuple[str, str], ...] = (NATURAL, *LEGAL_PERSONS)
TABLE3_COLUMNS: tuple[tuple[str, str], ...] = (*APPLICANT_COLUMNS, TOTAL)
COLUMN_LABELS = dict(TABLE3_COLUMNS)


@dataclass(frozen=True)
class OutcomeGroup:
    key: str
    label: str
    rows: tuple[tuple[str, str], ...]  # a single row (key, label) when the group has no sub-rows


RESULTS_LABEL = "三、本年度办理结果"
NEW_ROW = ("new", "一、本年新收政府信息公开申请数量")
CARRY_IN_ROW = ("carry_in", "二、上年结转政府信息公开申请数量")
GRAND_TOTAL_ROW = ("grand_total", "（七）总计")
CARRY_OUT_ROW = ("carry_out", "四、结转下年度继续办理")


def _groups() -> tuple[OutcomeGroup, ...]:
    groups = []
    for number, label in OUTCOME_HEADINGS.items():
        rows = tuple(
            (o.code, label if o.number == 0 else f"{o.number}.{o.label}")
            for o in OUTCOMES
            if o.group == number
        )
        groups.append(OutcomeGroup(number, label, rows))
    return tuple(groups)


# 条例第三十六条 — reply outcomes, as counted in 表三 (rows 三（一）…（六）).
OUTCOME_GROUPS: tuple[OutcomeGroup, ...] = _groups()
OUTCOME_ROWS: tuple[tuple[str, str], ...] = tuple(r for g in OUTCOME_GROUPS for r in g.rows)
OUTCOME_KEYS: tuple[str, ...] = tuple(k for k, _ in OUTCOME_ROWS)
GROUP_OF: dict[str, OutcomeGroup] = {k: g for g in OUTCOME_GROUPS for k, _ in g.rows}
TABLE3_ROWS: tuple[tuple[str, str], ...] = (
    NEW_ROW,
    CARRY_IN_ROW,
    *OUTCOME_ROWS,
    GRAND_TOTAL_ROW,
    CARRY_OUT_ROW,
)
ROW_LABELS = dict(TABLE3_ROWS)


def table3_row_path(key: str) -> tuple[str, ...]:
    """The labels from the outermost header to the row: ("三、本年度办理结果", "（三）不予公开",
    "1.属于国家秘密")."""
    if key in (NEW_ROW[0], CARRY_IN_ROW[0], CARRY_OUT_ROW[0]):
        return (ROW_LABELS[key],)
    if key == GRAND_TOTAL_ROW[0]:
        return (RESULTS_LABEL, GRAND_TOTAL_ROW[1])
    group = GROUP_OF[key]
    if len(group.rows) == 1:
        return (RESULTS_LABEL, group.label)
    return (RESULTS_LABEL, group.label, ROW_LABELS[key])


def table3_cell_label(row: str, col: str) -> str:
    return f"表三“{' '.join(table3_row_path(row))}”行“{COLUMN_LABELS[col]}”列"


# ---------------------------------------------------------------- 表四 (section 四)
RECONSIDERATION = (ReviewKind.RECONSIDERATION.value, "行政复议")
LITIGATION_LABEL = "行政诉讼"
LITIGATION = (
    (ReviewKind.LITIGATION_DIRECT.value, "未经复议直接起诉"),
    (ReviewKind.LITIGATION_AFTER.value, "复议后起诉"),
)
RESULT_COLUMNS: tuple[tuple[str, str], ...] = (
    *((r.value, REVIEW_RESULT_LABELS[r]) for r in ReviewResult),
    ("total", "总计"),
)
TABLE4_GROUPS: tuple[tuple[str, str], ...] = (RECONSIDERATION, *LITIGATION)
TABLE4_KEYS: tuple[str, ...] = tuple(
    f"{g}.{c}" for g, _ in TABLE4_GROUPS for c, _ in RESULT_COLUMNS
)


def table4_label(key: str) -> str:
    group, col = key.split(".")
    names = dict(TABLE4_GROUPS)
    prefix = names[group] if group == RECONSIDERATION[0] else f"{LITIGATION_LABEL}·{names[group]}"
    return f"表四“{prefix}”的“{dict(RESULT_COLUMNS)[col]}”"
