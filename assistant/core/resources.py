"""Resource lookup: the one place that knows where bundled data lives (source tree or frozen)."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_root() -> Path:
    """The ``resources/`` folder: beside the package from source, inside the bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    return resource_root().joinpath(*parts)


def sample_draft() -> Path:
    """The draft the app opens when started without a file."""
    return resource_path("samples", "sample_draft.docx")
