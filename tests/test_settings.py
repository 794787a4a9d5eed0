# SPDX-License-Identifier: EUPL-1.2
"""Every setting is documented: the README's settings table names each ``GDI_…`` variable."""

from __future__ import annotations

from pathlib import Path

import pytest

from opengdi.settings import Settings

README = Path(__file__).parent.parent / "README.md"


def _settings_table() -> str:
    text = README.read_text("utf-8")
    start = text.index("## Settings")
    return text[start : text.index("\n## ", start + 1)]


@pytest.mark.parametrize("name", sorted(Settings.model_fields))
def test_the_readme_documents_every_setting(name: str) -> None:
    assert f"`GDI_{name.upper()}`" in _settings_table()
