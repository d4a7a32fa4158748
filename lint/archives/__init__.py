"""Archive audits: CMS exports (WordPress WXR, JSON Lines, CSV) read one article at a time,
a per-article result cache, baselines, an optional Dask engine and an archive summary.

Every article becomes a `lint.sources.Source` whose path is `<file>#<article id>`; findings in it
carry line/column relative to the article body (see docs/archives.md).
"""

from lint.archives.detect import archive_format
from lint.archives.model import ArchiveOptions, Article, ArticleMeta

__all__ = ["ArchiveOptions", "Article", "ArticleMeta", "archive_format"]
