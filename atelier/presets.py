"""Démarche presets (title + default themes), read from `templates/presets/*.json`."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_PRESET = "politique-sociale"


def templates_dir() -> Path:
    """The project's `templates/` folder; ATELIER_TEMPLATES_DIR points elsewhere (custom styles)."""
    override = os.environ.get("ATELIER_TEMPLATES_DIR")
    return Path(override) if override else Path(__file__).resolve().parent.parent / "templates"


@dataclass(frozen=True)
class Preset:
    key: str
    title: str
    label: str
    themes: tuple[str, ...]


def load_presets(folder: Path | None = None) -> dict[str, Preset]:
    folder = folder or templates_dir() / "presets"
    presets = {}
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        presets[path.stem] = Preset(path.stem, data["title"], data.get("label", data["title"]),
                                    tuple(data["themes"]))
    if DEFAULT_PRESET not in presets:
        raise FileNotFoundError(f"missing preset {DEFAULT_PRESET}.json in {folder}")
    return presets
