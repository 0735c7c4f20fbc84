"""What every rule receives: the parsed page, normalised text pieces and the parameters."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from . import jsdecode
from .domains import host_of, is_whitelisted
from .lexicon import Cues, cues, cues_many
from .normalize import Normalized, compact, normalize
from .page import Link, Page

_SENTENCE = re.compile(r"[。！？；!?;\n]+")
_SEP = "\n\x01\n"


@dataclass
class Part:
    """A piece of normalised text with where it came from (title, hidden block, link …)."""

    kind: str  # title | meta | body | hidden | anchor | after_end | attribute
    location: str
    text: str

    @cached_property
    def compact(self) -> str:
        return compact(self.text)

    @cached_property
    def cues(self) -> Cues:
        return cues(self.compact)

    def preset(self, found: Cues) -> None:
        self.__dict__["cues"] = found


@dataclass
class Script:
    label: str
    line: int
    source: str
    decoded: str
    markers: list[str]


@dataclass
class Context:
    page: Page
    html: str
    whitelist: tuple[str, ...]
    own_names: tuple[str, ...]
    body: Normalized
    parts: list[Part] = field(default_factory=list)
    base_url: str = ""  # where the page was fetched, if known

    def external(self, link: Link) -> str:
        """The host of *link* if it points outside the whitelist, else ''."""
        host = host_of(link.href)
        if not host or is_whitelisted(host, self.whitelist):
            return ""
        return host

    @cached_property
    def scripts(self) -> list[Script]:
        out = []
        for i, (source, line) in enumerate(self.page.scripts, 1):
            found = jsdecode.markers(source)
            decoded = jsdecode.decode_layers(source) if found or "%3C" in source else source
            out.append(Script(f"script #{i}", line, source, decoded, found))
        return out

    @cached_property
    def page_cues(self) -> Cues:
        """Union of the cue words of every part (title, meta, body sentences, links …)."""
        merged = Cues()
        for part in self.parts:
            for group, words in part.cues.hits.items():
                merged.hits.setdefault(group, set()).update(words)
        return merged


def _body_parts(text: str) -> list[Part]:
    """Sentences of the body that contain any cue word (the others interest no rule)."""
    sentences = _SENTENCE.split(text)
    compacts = compact(_SENTENCE.sub("\x01", text)).split("\x01")
    if len(compacts) != len(sentences):  # cannot happen unless compact() changes; stay correct
        compacts = [compact(s) for s in sentences]
    parts = []
    for i, found in enumerate(cues_many(compacts)):
        if found.hits:
            part = Part("body", f"text sentence {i + 1}", sentences[i].strip())
            part.__dict__["compact"] = compacts[i]
            part.preset(found)
            parts.append(part)
    return parts


def _pieces(page: Page, whitelist: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """(kind, location, raw text) of every small piece a rule weighs by its placement."""
    pieces: list[tuple[str, str, str]] = []
    if page.title:
        pieces.append(("title", "<title>", page.title))
    pieces.extend(
        ("meta", f'<meta name="{key}">', page.meta[key])
        for key in ("keywords", "description")
        if page.meta.get(key)
    )
    pieces.extend(
        ("hidden", f"line {region.line} ({region.reason})", region.content)
        for region in page.regions
        if region.content.strip()
    )
    pieces.extend(
        ("attribute", f"line {line} alt/title attribute", text)
        for text, line in page.attributes.items()
    )
    for link in page.links:
        host = host_of(link.href)
        if link.text and host and not is_whitelisted(host, whitelist):
            kind = "after_end" if link.after_end else "anchor"
            pieces.append((kind, f"line {link.line} <a href={link.href[:80]}>", link.text))
    return pieces


def build(page: Page, html: str, whitelist: tuple[str, ...], own_names: tuple[str, ...]) -> Context:
    """Normalise everything once (one OpenCC call for the body, one for all the small pieces)."""
    body = normalize(page.title + "\n" + page.text)
    ctx = Context(page, html, whitelist, own_names, body)
    pieces = _pieces(page, whitelist)
    if pieces:
        joined = normalize(_SEP.join(p[2] for p in pieces), count_scripts=False).text
        texts = joined.split("\x01")
        if len(texts) == len(pieces):
            ctx.parts.extend(
                Part(kind, loc, t.strip()) for (kind, loc, _), t in zip(pieces, texts, strict=True)
            )
    for part, found in zip(ctx.parts, cues_many([p.compact for p in ctx.parts]), strict=True):
        part.preset(found)
    ctx.parts.extend(_body_parts(body.text.split("\n", 1)[-1]))
    return ctx
