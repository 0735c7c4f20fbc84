"""Search benchmark: a synthetic corpus of Chinese government documents (Zipf-distributed
vocabulary, generated here, nothing downloaded) loaded into SQLite (FTS5) and PostgreSQL
(tsvector + GIN), then a fixed set of 1–2-word queries (common, medium, rare) in both orders.
Each measured call is the real `search_query`: top 20 with snippets plus the total count.

    .venv/bin/python bench/search_bench.py --docs 200000            # both backends
    .venv/bin/python bench/search_bench.py --docs 2000 --backend sqlite --runs 2

The corpus is kept between runs (var/bench/search-<N>.sqlite3, database gk_search_bench); pass
--reload to rebuild it. PostgreSQL: --pg-url (default postgres://postgres@127.0.0.1:5432/
gk_search_bench; the database is created if missing).
"""

import argparse
import json
import os
import random
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = 2026

# The bureau's own vocabulary, most frequent first; the long tail comes from pypinyin's phrase list.
GOV_WORDS = """
工作 管理 科技 发展 推进 加强 建设 服务 创新 企业 项目 实施 单位 相关 政策 落实 开展 组织
要求 部门 情况 制度 提高 进一步 完善 责任 规定 社会 经济 促进 支持 申报 资金 领导 全市
机制 市场 技术 研究 体系 能力 重点 监督 检查 保障 规划 安全 成果 人才 质量 平台 信息
专项 考核 年度 方案 措施 办法 通知 意见 办公室 标准 审核 评估 任务 目标 指导 合作 培训
专利 知识产权 保护 转化 产业 基地 园区 示例市 人民政府 科学技术局 财政 预算 决算 采购
合同 验收 绩效 公开 政务 依法 行政 执法 许可 处罚 备案 登记 审查 合法性 保密 档案 统计
宣传 科普 交流 奖励 评审 专家 高新技术 孵化器 众创空间 研发 投入 补助 奖补 贷款 担保
融资 数字化 智能 制造 大数据 农业 乡村 振兴 生态 环境 医疗 健康 教育 高校 院所 实验室
工程 中心 重大 专项资金 申请 材料 程序 期限 受理 办理 答复 咨询 投诉 举报 整改 问题
风险 防控 应急 疫情 复工 复产 营商 优化 改革 试点 示范 推广 应用 成果转化 技术合同 登记
科技成果 奖励 条例 实施细则 管理办法 暂行 修订 废止 清理 规范性文件 解读 舆情 回应
""".split()  # noqa: SIM905 - a word list reads best as text
# Placed at fixed ranks in the tail so that the query set has rare words that exist.
RARE_WORDS = {2500: "科技特派员", 6000: "创新券", 15000: "区块链", 25000: "量子通信"}
VOCAB_SIZE = 30000

ISSUERS = [
    "示例市科学技术局",
    "示例市知识产权局",
    "示例市人民政府办公厅",
    "示例市财政局",
    "示例市科学技术局 示例市财政局",
]
TOPICS = ["科技", "知识产权", "财政", "综合政务", "人事", "农业", "工业", "教育", "卫生", "其他"]
GENRES = ["通知", "办法", "意见", "方案", "公告", "报告"]
VALIDITY = ["有效"] * 8 + ["失效", "废止"]
TITLE_PATTERNS = [
    "关于印发{a}{b}{c}的通知",
    "关于{a}{b}的通知",
    "{a}{b}{c}管理办法",
    "关于做好{a}{b}工作的通知",
    "示例市{a}{b}实施方案",
    "关于{a}{b}{c}的意见",
]

QUERIES = {
    "common": ["工作", "科技", "管理", "创新", "科技 创新", "加强 管理"],
    "medium": ["知识产权", "专利", "预算", "孵化器", "知识产权 保护", "项目 资金"],
    "rare": ["科技特派员", "创新券", "区块链", "量子通信", "科技 区块链", "专利 创新券"],
}


def vocabulary() -> list[str]:
    from pypinyin.phrases_dict import phrases_dict

    seen = set(GOV_WORDS) | set(RARE_WORDS.values())
    tail = sorted(w for w in phrases_dict if 2 <= len(w) <= 4 and w not in seen)
    random.Random(7).shuffle(tail)
    vocab = list(dict.fromkeys(GOV_WORDS)) + tail[: VOCAB_SIZE - len(GOV_WORDS)]
    for rank, word in sorted(RARE_WORDS.items()):
        vocab.insert(rank, word)
    return vocab[:VOCAB_SIZE]


def corpus(n: int, department_id: int) -> Iterator["object"]:
    from gongkai.search.types import SearchDocument

    rng = random.Random(SEED)
    vocab = vocabulary()
    weights = [1.0 / (rank + 1) for rank in range(len(vocab))]  # Zipf, s = 1
    cum: list[float] = []
    total = 0.0
    for w in weights:
        total += w
        cum.append(total)
    title_cum = cum[:3000]
    first = date(2008, 1, 1).toordinal()
    span = date(2026, 11, 26).toordinal() - first
    for i in range(n):
        published = date.fromordinal(first + rng.randrange(span))
        a, b, c = rng.choices(vocab[:3000], cum_weights=title_cum, k=3)
        title = rng.choice(TITLE_PATTERNS).format(a=a, b=b, c=c)
        words = rng.choices(vocab, cum_weights=cum, k=rng.randint(150, 400))
        sentences = ["".join(words[j : j + 12]) for j in range(0, len(words), 12)]
        body = "。".join(sentences) + "。"
        yield SearchDocument(
            department_id=department_id,
            key=f"bench:{i}",
            title=title,
            url=f"/xxgk/{published.year}/{i}.html",
            publish_date=published,
            body=body,
            doc_number=f"{rng.choice(['筑科发', '筑科通', '筑科办'])}〔{published.year}〕{i % 300 + 1}号",
            issuer=rng.choice(ISSUERS),
            topic=rng.choice(TOPICS),
            genre=rng.choice(GENRES),
            validity=rng.choice(VALIDITY),
        )


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def cpu_clock(connection) -> Callable[[], int]:
    """CPU time of this process plus, for PostgreSQL on this machine, of the server process
    serving our connection (/proc/<pid>/schedstat): the work a query costs, which other load
    on a shared machine does not inflate the way it inflates wall-clock time."""
    server_pid = None
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            server_pid = cursor.fetchone()[0]

    def cpu_ns() -> int:
        own = time.process_time_ns()
        if server_pid is None:
            return own
        try:
            return own + int(Path(f"/proc/{server_pid}/schedstat").read_text().split()[0])
        except OSError:
            return own

    return cpu_ns


def worker(args: argparse.Namespace) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from gongkai.core.models import Department
    from gongkai.search.models import SearchEntry
    from gongkai.search.services import search_optimize, search_query, search_rebuild
    from gongkai.search.types import SearchQuery

    call_command("migrate", verbosity=0)
    dept, _ = Department.objects.get_or_create(
        slug="bench", defaults={"name": "示例市科学技术局", "credit_code": "11520100MB0000001X"}
    )
    loaded = SearchEntry.objects.filter(department=dept).count()
    if args.reload or loaded != args.docs:
        started = time.perf_counter()
        search_rebuild(dept.pk, corpus(args.docs, dept.pk))
        search_optimize()
        print(
            f"[{connection.vendor}] loaded {args.docs} documents in "
            f"{time.perf_counter() - started:.0f} s",
            file=sys.stderr,
        )
    samples: dict[str, list[float]] = {}
    totals: dict[str, str] = {}
    cpu_ns = cpu_clock(connection)
    for order in ("relevance", "date"):
        for category, queries in QUERIES.items():
            for text in queries:
                query = SearchQuery(department_id=dept.pk, text=text, order=order)
                results = search_query(query)  # warm-up, not counted
                totals[text] = f"{results.total}{'~' if results.approximate else ''}"
                for _ in range(args.runs):
                    cpu_start = cpu_ns()
                    started = time.perf_counter()
                    search_query(query)
                    elapsed = (time.perf_counter() - started) * 1000
                    cpu = (cpu_ns() - cpu_start) / 1e6
                    for name in (f"{order}/{category}", "all", f"q:{order}:{text}"):
                        samples.setdefault(name, []).append(elapsed)
                        samples.setdefault(f"cpu {name}", []).append(cpu)
    load = os.getloadavg()[0]
    print(
        json.dumps(
            {"vendor": connection.vendor, "samples": samples, "totals": totals, "load": load}
        )
    )


def report(vendor: str, data: dict, verbose: bool) -> None:
    print(f"\n== {vendor}: {args_docs} documents (load average {data['load']:.1f}) ==")
    print(f"{'':24s} {'wall p50':>9s} {'wall p95':>9s} {'cpu p50':>9s} {'cpu p95':>9s}  (ms)")
    for name, values in data["samples"].items():
        if name.startswith("cpu ") or (name.startswith("q:") and not verbose):
            continue
        cpu = data["samples"][f"cpu {name}"]
        print(
            f"{name:24s} {percentile(values, 50):9.2f} {percentile(values, 95):9.2f} "
            f"{percentile(cpu, 50):9.2f} {percentile(cpu, 95):9.2f}   n={len(values)}"
        )
    if verbose:
        print("totals:", data["totals"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=10, help="timed repetitions per query")
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--reload", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="per-query times and counts")
    parser.add_argument("--data-dir", default=str(ROOT / "var" / "bench"))
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432/gk_search_bench")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args)
        return
    global args_docs
    args_docs = args.docs
    data_dir = Path(args.data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    for vendor in backends:
        env = dict(
            os.environ, GONGKAI_DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="gongkai.settings"
        )
        if vendor == "sqlite":
            env["DATABASE_URL"] = f"sqlite:///{data_dir / f'search-{args.docs}.sqlite3'}"
        else:
            env["DATABASE_URL"] = args.pg_url
            _create_pg_database(args.pg_url)
        cmd = [
            sys.executable,
            __file__,
            "--worker",
            "--docs",
            str(args.docs),
            "--runs",
            str(args.runs),
        ]
        if args.reload:
            cmd.append("--reload")
        out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True)
        sys.stderr.write(out.stderr)
        report(vendor, json.loads(out.stdout.strip().splitlines()[-1]), args.verbose)


def _create_pg_database(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


args_docs = 0

if __name__ == "__main__":
    main()
