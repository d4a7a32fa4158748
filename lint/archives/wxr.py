"""WordPress export (WXR) reader: streams `<item>`s with iterparse, never holding the whole file.

Each item becomes an Article whose body is the `content:encoded` HTML exactly as the XML parser
delivers it (CDATA unwrapped, entities decoded, line ends normalised to LF by XML itself);
finding positions are relative to that body.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from xml.parsers import expat

from lint.archives.model import Article, ArticleMeta, article_id
from lint.errors import InputError
from lint.sources import Source

CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
CREATOR = "{http://purl.org/dc/elements/1.1/}creator"
WP_PREFIX = "{http://wordpress.org/export/"  # 1.0, 1.1 and 1.2 differ only in the version
# items that are not articles: media library entries, menus, revisions, reusable blocks
SKIPPED_TYPES = {"attachment", "nav_menu_item", "revision", "wp_block", "wp_navigation"}


def _wp(item: ET.Element, name: str) -> str:
    for child in item:
        if child.tag.startswith(WP_PREFIX) and child.tag.endswith("}" + name):
            return (child.text or "").strip()
    return ""


def _text(item: ET.Element, tag: str) -> str:
    child = item.find(tag)
    return child.text or "" if child is not None else ""


def _article(path: str, item: ET.Element, index: int) -> Article | None:
    if _wp(item, "post_type") in SKIPPED_TYPES:
        return None
    post_id = _wp(item, "post_id")
    ident = f"post-{article_id(post_id)}" if post_id else f"item-{index}"
    meta = ArticleMeta(
        title=_text(item, "title").strip(),
        author=_text(item, CREATOR).strip(),
        date=_wp(item, "post_date") or _text(item, "pubDate").strip(),
        status=_wp(item, "status"),
        link=_text(item, "link").strip(),
    )
    return Article(Source(f"{path}#{ident}", _text(item, CONTENT), "html"), meta)


def read_wxr(path: str) -> Iterator[Article]:
    """Articles in document order. Each finished `<item>` is cleared and detached from its
    parent, so memory stays flat however large the export is."""
    try:
        events = ET.iterparse(path, events=("start", "end"))
        parents: list[ET.Element] = []
        index = 0
        for event, elem in events:
            if event == "start":
                parents.append(elem)
                continue
            parents.pop()
            if elem.tag != "item":
                continue
            index += 1
            article = _article(path, elem, index)
            elem.clear()
            if parents:
                parents[-1].remove(elem)
            if article is not None:
                yield article
    except ET.ParseError as err:
        line, column = err.position
        reason = expat.ErrorString(err.code) if err.code else str(err)
        raise InputError(path, f"malformed XML: {reason}", line, column + 1) from None
    except FileNotFoundError:
        raise InputError(path, "no such file or directory") from None
    except OSError as err:
        raise InputError(path, f"cannot read: {err.strerror or err}") from None
