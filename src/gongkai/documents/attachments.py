"""Attachment intake: the type is decided by content (magic bytes), never by the file name;
text is extracted for search and for the pre-publication checks."""

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree as ET

import filetype

from gongkai.core.errors import DomainError


class AttachmentError(DomainError, ValueError):
    """A refused upload; the Chinese message says why and what to do."""


@dataclass(frozen=True)
class Inspected:
    kind: str
    mime: str
    extension: str
    size: int
    sha256: str
    text: str


_EXECUTABLE_MIMES = {
    "application/x-msdownload", "application/x-executable", "application/x-elf",
    "application/x-mach-binary", "application/x-sharedlib", "application/vnd.microsoft.portable-executable",
}  # fmt: skip
_IMAGE = {"image/jpeg", "image/png", "image/gif", "image/webp", "image/bmp"}
_AUDIO = {"audio/mpeg", "audio/mp4", "audio/x-wav", "audio/ogg", "audio/x-flac", "audio/aac"}
_VIDEO = {"video/mp4", "video/webm", "video/quicktime", "video/x-m4v"}
_MAX_XML_BYTES = 20 * 1024 * 1024


def _looks_executable(data: bytes) -> bool:
    return data[:2] == b"MZ" or data[:4] in (b"\x7fELF", b"\xcf\xfa\xed\xfe", b"\xfe\xed\xfa\xcf")


def inspect(name: str, data: bytes, *, max_bytes: int) -> Inspected:
    if not data:
        raise AttachmentError(f"附件“{name}”是空文件，请重新选择。")
    if len(data) > max_bytes:
        raise AttachmentError(
            f"附件“{name}”大小为 {len(data) / 1048576:.1f} MB，超过上限 "
            f"{max_bytes / 1048576:.0f} MB，请压缩或拆分后上传。"
        )
    if _looks_executable(data):
        raise AttachmentError(
            f"附件“{name}”实际是可执行程序（无论扩展名是什么），出于安全原因拒绝上传。"
        )
    kind, mime, ext, text = _classify(name, data)
    return Inspected(kind, mime, ext, len(data), hashlib.sha256(data).hexdigest(), text)


def _classify(name: str, data: bytes) -> tuple[str, str, str, str]:
    guess = filetype.guess(data)
    mime = guess.mime if guess else ""
    if mime in _EXECUTABLE_MIMES:
        raise AttachmentError(f"附件“{name}”实际是可执行程序，拒绝上传。")
    if mime == "application/pdf":
        return "pdf", mime, "pdf", pdf_text(name, data)
    if mime == "application/zip" or data[:4] == b"PK\x03\x04":
        return _classify_zip(name, data)
    if mime in _IMAGE:
        return "image", mime, guess.extension if guess else "img", ""
    if mime in _AUDIO:
        return "audio", mime, guess.extension if guess else "audio", ""
    if mime in _VIDEO:
        return "video", mime, guess.extension if guess else "video", ""
    raise AttachmentError(
        f"附件“{name}”不是可接受的格式（按文件内容识别为：{mime or '无法识别'}）。"
        "可上传 PDF、DOCX、OFD、图片（JPG/PNG/GIF/WEBP）、音频（MP3/M4A）或视频（MP4/WEBM）。"
    )


def _open_zip(name: str, data: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise AttachmentError(
            f"附件“{name}”已损坏（压缩结构无法读取），请重新导出后上传。"
        ) from exc


def _classify_zip(name: str, data: bytes) -> tuple[str, str, str, str]:
    archive = _open_zip(name, data)
    names = set(archive.namelist())
    if "word/document.xml" in names:
        return (
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "docx",
            docx_text(name, data),
        )
    if "OFD.xml" in names:
        return "ofd", "application/ofd", "ofd", ofd_text(name, archive)
    raise AttachmentError(f"附件“{name}”是压缩包而不是 DOCX 或 OFD 文件，请上传单个公文文件。")


def pdf_text(name: str, data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        return "\n".join((page.extract_text() or "") for page in reader.pages).strip()
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise AttachmentError(
            f"附件“{name}”是损坏的 PDF 文件，无法读取，请重新导出后上传。"
        ) from exc


def docx_text(name: str, data: bytes) -> str:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise AttachmentError(f"附件“{name}”是损坏的 DOCX 文件，无法读取。") from exc
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(p for p in parts if p.strip())


def ofd_text(name: str, archive: zipfile.ZipFile) -> str:
    """GB/T 33190-2016: OFD.xml → DocBody/DocRoot → Document.xml → Pages/Page/@BaseLoc → Content.xml
    whose TextObject/TextCode elements hold the text. No maintained PyPI reader does this, so the
    XML is read directly (ElementTree has no external-entity expansion)."""
    try:
        root = _xml(archive, "OFD.xml")
        doc_root = next((e.text for e in root.iter() if _local(e.tag) == "DocRoot"), None)
        if not doc_root:
            raise AttachmentError(f"附件“{name}”的 OFD.xml 中没有 DocRoot，文件不完整。")
        doc_path = doc_root.strip().lstrip("/")
        base = doc_path.rsplit("/", 1)[0] + "/" if "/" in doc_path else ""
        document = _xml(archive, doc_path)
        texts = []
        for page in (e for e in document.iter() if _local(e.tag) == "Page"):
            loc = (page.get("BaseLoc") or "").lstrip("/")
            path = loc if loc in archive.namelist() else base + loc
            if path not in archive.namelist():
                continue
            content = _xml(archive, path)
            lines = [t.text or "" for t in content.iter() if _local(t.tag) == "TextCode"]
            texts.append("".join(lines))
        return "\n".join(t for t in texts if t).strip()
    except (ET.ParseError, KeyError) as exc:
        raise AttachmentError(f"附件“{name}”的 OFD 内容无法解析，文件可能已损坏。") from exc


def _xml(archive: zipfile.ZipFile, path: str) -> ET.Element:
    info = archive.getinfo(path)
    if info.file_size > _MAX_XML_BYTES:
        raise AttachmentError("OFD 内部文件过大，拒绝解析。")
    return ET.fromstring(archive.read(path))  # noqa: S314


def _local(tag: str) -> str:
    return re.sub(r"^\{[^}]*\}", "", tag)
