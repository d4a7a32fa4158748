"""Generated archives for the archive tests: a WordPress export (WXR) and JSON Lines / CSV.

Every sentence here was written for these tests. The same arguments always give the same bytes.
Run it to write sample files:  python tests/archive_data.py OUT_DIR
"""

from __future__ import annotations

import csv
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

SEED = 9
AUTHORS = ["marta", "devon", "ines", "kofi"]
# plain sentences: no rule should flag these
CALM = [
    "Our reviewer tried the {s} capsules for three weeks and kept a short diary.",
    "The label lists {s} as the only active ingredient per serving.",
    "Store the tub somewhere cool and dry, away from the kitchen window.",
    "Several readers asked how {s} compares with a cup of green tea.",
    "The powder mixes easily into water and tastes faintly of lemon.",
    "We paid for this product ourselves and the brand did not see the review first.",
    "Talk to your pharmacist before combining {s} with other products.",
    "The company publishes a certificate of analysis for each batch.",
]
# claims the built-in rules flag (overclaiming, drug comparisons)
CLAIMS = [
    "This {s} blend is clinically proven to sharpen focus.",
    "Results are guaranteed within a week of taking {s}.",
    "Some fans call {s} a natural alternative to Adderall.",
]
SUBSTANCES = ["citicoline", "bacopa", "rhodiola", "lemon balm", "taurine", "choline bitartrate"]


def paragraphs(rng: random.Random, claims: int) -> list[str]:
    """Four to six short paragraphs; `claims` of the sentences are flagged claims."""
    subject = rng.choice(SUBSTANCES)
    sentences = [rng.choice(CALM).format(s=subject) for _ in range(rng.randint(8, 14))]
    for _ in range(claims):
        sentences.insert(rng.randrange(len(sentences) + 1), rng.choice(CLAIMS).format(s=subject))
    size = max(1, len(sentences) // rng.randint(4, 6))
    return [" ".join(sentences[i : i + size]) for i in range(0, len(sentences), size)]


def post(rng: random.Random, number: int) -> dict[str, str]:
    claims = 1 if number % 3 == 0 else 0
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs(rng, claims))
    return {
        "id": str(1000 + number),
        "title": f"Notes on supplement {number}",
        "author": AUTHORS[number % len(AUTHORS)],
        "date": f"20{21 + number % 4}-{1 + number % 12:02d}-{1 + number % 28:02d} 09:30:00",
        "body": body,
        "format": "html",
    }


def posts(count: int, seed: int = SEED) -> Iterator[dict[str, str]]:
    rng = random.Random(seed)
    for number in range(1, count + 1):
        yield post(rng, number)


def wxr_item(row: dict[str, str], post_type: str = "post") -> str:
    return f"""
  <item>
    <title>{escape(row["title"])}</title>
    <link>https://blog.example.com/?p={row["id"]}</link>
    <dc:creator><![CDATA[{row["author"]}]]></dc:creator>
    <content:encoded><![CDATA[{row["body"]}]]></content:encoded>
    <wp:post_id>{row["id"]}</wp:post_id>
    <wp:post_date><![CDATA[{row["date"]}]]></wp:post_date>
    <wp:status><![CDATA[publish]]></wp:status>
    <wp:post_type><![CDATA[{post_type}]]></wp:post_type>
  </item>"""


WXR_HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
  xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:wfw="http://wellformedweb.org/CommentAPI/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>Example Supplement Blog</title>
  <link>https://blog.example.com</link>
  <wp:wxr_version>1.2</wp:wxr_version>
  <wp:author><wp:author_login><![CDATA[marta]]></wp:author_login></wp:author>"""
WXR_TAIL = "\n</channel>\n</rss>\n"


def write_wxr(path: Path, rows: Iterator[dict[str, str]] | list[dict[str, str]]) -> Path:
    with open(path, "w", encoding="utf-8") as out:
        out.write(WXR_HEAD)
        out.write(wxr_item({**_ATTACHMENT}, "attachment"))  # media entries are not articles
        for row in rows:
            out.write(wxr_item(row))
        out.write(WXR_TAIL)
    return path


_ATTACHMENT = {
    "id": "1",
    "title": "hero image",
    "author": "marta",
    "date": "2021-01-01 00:00:00",
    "body": "",
}


def write_jsonl(path: Path, rows: Iterator[dict[str, str]] | list[dict[str, str]]) -> Path:
    with open(path, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def write_csv(path: Path, rows: Iterator[dict[str, str]] | list[dict[str, str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=["id", "title", "author", "date", "format", "body"])
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
    return path


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    folder.mkdir(parents=True, exist_ok=True)
    write_wxr(folder / "export.xml", posts(500))
    write_jsonl(folder / "posts.jsonl", posts(5000))
