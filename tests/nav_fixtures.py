"""The variant site's fixtures (loaded with ``pytest_plugins`` by the tests
that use them): built once per session, and served. What it holds is in
``variant``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import BUILD_ENV, run_build
from site_tools.model import load_site
from site_tools.project import copy_project
from site_tools.translations import source_hash
from variant import ARABIC_SYMBOLS, ENGLISH, REPO_URL, serve, translation


@pytest.fixture(scope="session")
def variant_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The variant site, built by the official build (strict: a warning fails it)."""
    root = tmp_path_factory.mktemp("variant")
    config = copy_project(root)
    messages = root / "docs/messages"
    for name, text in ENGLISH.items():
        (messages / name).write_text(text, encoding="utf-8")
    site = load_site(root / "docs")
    newer = site.documents["messages/2014-01-10-variant-newer.md"]
    (messages / "2014-01-10-variant-newer.ru.md").write_text(
        translation(
            "Более новое тестовое послание",
            "## Программа\n\nСм. [программу](#программа).\n",
            source_hash(newer),
        ),
        encoding="utf-8",
    )
    arabic = "تشير الرسالة إلى القرارات " + "، ".join(ARABIC_SYMBOLS) + " في هذه الفقرة.\n"
    (messages / "2014-01-10-variant-newer.ar.md").write_text(
        translation("رسالة اختبار أحدث", "## البرنامج\n\n" + arabic, source_hash(newer)), encoding="utf-8"
    )
    result = run_build(
        config, root / "site", env={**BUILD_ENV, "SITE_SOURCE_URL": REPO_URL}
    )  # the footer's source link
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return root / "site"


@pytest.fixture(scope="session")
def served_variant(variant_site: Path) -> Iterator[str]:
    """The variant site on http://127.0.0.1:<port>/1540/ (its site_url's sub-path)."""
    yield from serve(variant_site)
