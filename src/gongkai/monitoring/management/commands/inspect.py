"""gongkai inspect PATH_OR_URL [--canonical FILE] [--json] [--crawler] [--record] …

Exit status: 0 clean, 1 suspicious or tampered, 2 the page could not be read.
"""

from __future__ import annotations

import json
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from gongkai.monitoring.detector import (
    DEFAULT_WHITELIST,
    MAX_BYTES,
    DecodeError,
    Finding,
    Result,
    decode_html,
    inspect_html,
)
from gongkai.monitoring.detector.canonical import unified_diff
from gongkai.monitoring.detector.result import combine
from gongkai.monitoring.fetch import (
    CRAWLER_UA,
    DEFAULT_MAX_REDIRECTS,
    DEFAULT_TIMEOUT_S,
    Fetched,
    FetchError,
    fetch,
)

EXIT_FLAGGED = 1
EXIT_UNREADABLE = 2


def _is_url(target: str) -> bool:
    return target.startswith(("http://", "https://"))


def _read_file(path: str, what: str, max_bytes: int) -> bytes:
    file = Path(path)
    if not file.is_file():
        raise CommandError(f"{what}不存在或不是文件：{path}", returncode=EXIT_UNREADABLE)
    try:
        with file.open("rb") as handle:
            return handle.read(max_bytes + 1)
    except OSError as exc:
        raise CommandError(f"无法读取{what}：{path}（{exc}）", returncode=EXIT_UNREADABLE) from exc


def _cloaking(browser: Fetched, crawler: Fetched) -> Finding | None:
    """Compare what a browser and a search-engine crawler receive (server-side cloaking)."""
    try:
        a, b = (
            decode_html(browser.body, browser.charset),
            decode_html(crawler.body, crawler.charset),
        )
    except DecodeError:
        return None
    diff = unified_diff(a, b, context=0)
    changed = [
        line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    if not changed:
        return None
    similarity = SequenceMatcher(None, a, b, autojunk=False).quick_ratio()
    crawler_result = inspect_html(crawler.body, charset=crawler.charset)
    weight = 85.0 if crawler_result.flagged else 60.0 if similarity < 0.9 else 20.0
    evidence = " / ".join(changed[:4])
    return Finding(
        "cloaking",
        evidence[:160],
        "crawler vs browser fetch",
        weight,
        f"search-engine crawler receives different content (similarity {similarity:.0%})",
    )


class Command(BaseCommand):
    help = "检查网页是否被篡改或植入赌博、色情等内容；退出码 0 正常，1 可疑或被篡改，2 无法读取。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("target", metavar="PATH_OR_URL", help="本地 HTML 文件或 http(s) 网址")
        parser.add_argument("--canonical", metavar="FILE", help="规范副本（HTML 或纯文本）")
        parser.add_argument(
            "--site-canonical",
            nargs="?",
            const="",
            metavar="URL_PATH",
            help="以本站已签名发布的页面为规范副本：网址取其路径，文件须给出路径（如 /xxgk/zn/）",
        )
        parser.add_argument("--json", action="store_true", help="输出一个 JSON 对象")
        parser.add_argument(
            "--own-name",
            action="append",
            default=[],
            metavar="NAME",
            help="本机关名称（可多次给出），用于发现名称被替换",
        )
        parser.add_argument(
            "--whitelist",
            action="append",
            default=[],
            metavar="SUFFIX",
            help="允许链接的域名后缀（可多次给出），追加到默认白名单",
        )
        parser.add_argument(
            "--no-default-whitelist",
            action="store_true",
            help="不使用默认白名单（gov.cn 等），只用 --whitelist",
        )
        parser.add_argument("--charset", help="声明的字符集（文件默认自动识别）")
        parser.add_argument(
            "--timeout", type=float, default=DEFAULT_TIMEOUT_S, help="网络超时秒数（默认 15）"
        )
        parser.add_argument("--max-bytes", type=int, default=MAX_BYTES, help="最多读取字节数")
        parser.add_argument(
            "--max-redirects",
            type=int,
            default=DEFAULT_MAX_REDIRECTS,
            help="最多跟随重定向次数（默认 5）",
        )
        parser.add_argument(
            "--crawler",
            action="store_true",
            help="另以百度蜘蛛身份（含百度来源）抓取并比较，发现只给搜索引擎看的内容",
        )
        parser.add_argument("--record", action="store_true", help="把检查结果（及事件）写入数据库")
        parser.add_argument("--department", help="--record 时的站点标识（只有一个站点时可省略）")

    def handle(self, *args: Any, **options: Any) -> None:
        target: str = options["target"]
        whitelist = tuple(options["whitelist"]) + (
            () if options["no_default_whitelist"] else DEFAULT_WHITELIST
        )
        canonical = None
        if options["canonical"]:
            canonical = _read_file(options["canonical"], "规范副本", options["max_bytes"])
        body, charset, meta = self._load(target, options)
        if options["site_canonical"] is not None and canonical is None:
            canonical = self._site_canonical(target, options)
        if canonical is None and options["site_canonical"] is None:
            claim = self._claim(body, charset, options)
            if claim is not None:
                canonical = claim.canonical
                meta["claimed"] = {"path": claim.path, "how": claim.how}
        result = inspect_html(
            body,
            canonical=canonical,
            whitelist=whitelist,
            own_names=tuple(options["own_name"]),
            charset=charset,
            base_url=meta.get("final_url"),
        )
        if meta.get("crawler_finding") is not None:
            result = combine([*result.findings, meta.pop("crawler_finding")], result.notes)
        if meta.get("truncated"):
            result.notes.append(f"页面超过 {options['max_bytes']} 字节，只检查了前面部分")
        if options["record"]:
            meta["recorded"] = self._record(target, body, canonical, result, options)
        self._print(target, result, meta, as_json=options["json"])
        if result.flagged:
            raise SystemExit(EXIT_FLAGGED)

    def _load(
        self, target: str, options: dict[str, Any]
    ) -> tuple[bytes, str | None, dict[str, Any]]:
        if not _is_url(target):
            raw = _read_file(target, "文件", options["max_bytes"])
            return raw, options["charset"], {"truncated": len(raw) > options["max_bytes"]}
        limits = {
            "timeout": options["timeout"],
            "max_bytes": options["max_bytes"],
            "max_redirects": options["max_redirects"],
        }
        try:
            page = fetch(target, **limits)
            crawler = (
                fetch(
                    target, user_agent=CRAWLER_UA, referer="https://www.baidu.com/s?wd=x", **limits
                )
                if options["crawler"]
                else None
            )
        except FetchError as exc:
            raise CommandError(str(exc), returncode=EXIT_UNREADABLE) from exc
        meta: dict[str, Any] = {
            "final_url": page.final_url,
            "status": page.status,
            "elapsed_s": round(page.elapsed_s, 3),
            "redirects": page.redirects,
            "truncated": page.truncated,
        }
        if crawler is not None:
            meta["crawler_finding"] = _cloaking(page, crawler)
        return page.body, options["charset"] or page.charset, meta

    def _department(self, options: dict[str, Any]) -> Any:
        from gongkai.core.models import Department

        departments = Department.objects.all()
        if options["department"]:
            departments = departments.filter(slug=options["department"])
        if departments.count() != 1:
            raise CommandError("请用 --department 指定站点标识。", returncode=EXIT_UNREADABLE)
        return departments.get()

    def _claim(self, body: bytes, charset: str | None, options: dict[str, Any]) -> Any:
        """Our signed page that the inspected page claims to be (gongkai-manifest tag,
        canonical address, 发文字号/索引号/title of a published document), if any."""
        from django.db import DatabaseError

        from gongkai.monitoring.claims import claimed_page

        try:
            text = decode_html(body, charset)
            return claimed_page(self._department(options), text)
        except (DecodeError, CommandError, DatabaseError):
            return None  # no site, several sites without --department, or no database

    def _site_canonical(self, target: str, options: dict[str, Any]) -> bytes:
        from gongkai.monitoring.canonical_source import canonical_for

        path = options["site_canonical"] or (urlsplit(target).path if _is_url(target) else "")
        if not path:
            raise CommandError(
                "检查本地文件时请给出页面路径：--site-canonical /路径/", returncode=2
            )
        signed = canonical_for(self._department(options), path)
        if signed is None:
            raise CommandError(
                f"已发布的站点中没有与 {target} 同路径的已签名页面。", returncode=EXIT_UNREADABLE
            )
        return signed

    def _record(
        self,
        target: str,
        body: bytes,
        canonical: bytes | None,
        result: Result,
        options: dict[str, Any],
    ) -> dict[str, Any]:
        from gongkai.monitoring.services import inspection_record

        department = self._department(options)
        diff = ""
        if canonical is not None:
            try:
                diff = unified_diff(decode_html(canonical), decode_html(body))
            except DecodeError:
                diff = ""
        saved = inspection_record(
            department=department,
            url=target,
            result=result,
            now=timezone.now(),
            content=body,
            compared_with_canonical=canonical is not None,
            diff=diff,
        )
        return {"check": saved.check.pk, "incident": saved.incident.pk if saved.incident else None}

    def _print(self, target: str, result: Result, meta: dict[str, Any], *, as_json: bool) -> None:
        meta.pop("crawler_finding", None)
        if as_json:
            self.stdout.write(
                json.dumps({"target": target, **meta, **result.to_dict()}, ensure_ascii=False)
            )
            return
        label = {"clean": "正常", "suspicious": "可疑", "tampered": "被篡改"}[result.verdict]
        self.stdout.write(f"{target}: {label}（{result.verdict}），评分 {result.score:g}")
        if meta.get("claimed"):
            self.stdout.write(
                f"  对照本站签名页面 {meta['claimed']['path']}：{meta['claimed']['how']}"
            )
        for f in result.findings:
            if f.weight < 15:
                continue
            self.stdout.write(f"  [{f.type}] {f.location}: {f.evidence}")
            if f.detail:
                self.stdout.write(f"      {f.detail}")
        for note in result.notes:
            self.stdout.write(f"  注：{note}")
