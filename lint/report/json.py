"""JSON output, schema version 1 (lint/report/schema.json documents and validates it)."""

from __future__ import annotations

import json

from lint import __version__
from lint.report import Report

SCHEMA_VERSION = 1


def render(report: Report, style: str = "json") -> str:
    data = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "supplint", "version": __version__},
        "summary": {
            "files": len(report.results),
            **report.counts(),
            "unreadable": len(report.errors),
        },
        "findings": [finding.to_dict() for finding in report.findings],
        "errors": [
            {"path": result.path, "message": result.error}
            for result in report.results
            if result.error
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
