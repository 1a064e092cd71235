"""The build refuses bad content, and every link of the built site resolves."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import BUILD_ENV, ROOT, SITE_URL, run_build
from site_tools.links import check_site
from site_tools.project import copy_project


@pytest.fixture
def project(tmp_path):
    """A copy of the real project (config, overrides, scripts, docs) to break."""
    copy_project(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "---\ntitle: [broken\ndate: 2026-11-28\n---\n\nText.\n",
            "docs/messages/2026-11-28-broken.md:3: front matter is not valid YAML",
        ),
        (
            "---\ntitle: Scripted\ndate: 2026-11-28\n---\n\n<script>alert(1)</script>\n",
            "docs/messages/2026-11-28-broken.md:6: not allowed in published content: element <script>",
        ),
        (
            "---\ntitle: Linked\ndate: 2026-11-28\n---\n\n[x](javascript:alert(1))\n",
            "docs/messages/2026-11-28-broken.md:6: not allowed in published content: URL scheme 'javascript:' in href of <a>",
        ),
    ],
)
def test_strict_build_fails_on_bad_content_naming_file_and_line(project, content, expected):
    (project / "docs/messages/2026-11-28-broken.md").write_text(content, encoding="utf-8")
    result = run_build(project / "mkdocs.yml", project / "site")
    assert result.returncode != 0
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site/messages/2026-11-28-broken/index.html").exists()


def test_unknown_listing_marker_fails_the_build(project):
    page = project / "docs/visits/index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- listing: vists -->\n", encoding="utf-8")
    result = run_build(project / "mkdocs.yml", project / "site")
    assert result.returncode != 0
    assert "docs/visits/index.md" in result.stderr
    assert "unknown listing 'vists'; expected one of: messages, latest-messages, visits, resolutions" in result.stderr


def test_every_internal_link_and_anchor_of_the_built_site_resolves(site):
    broken, checked, external = check_site(site, SITE_URL)
    assert broken == []
    assert checked > 1000
    assert all(url.startswith(("https://", "http://", "mailto:")) for url in external)


def test_link_check_finds_broken_files_and_anchors(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a><a href="a/#here">ok</a><a href="b/">no</a>', encoding="utf-8"
    )
    (tmp_path / "a/index.html").write_text(
        '<h2 id="here">x</h2><a href="../#nowhere">no</a><a href="javascript:x()">no</a><a href="https:/bad">no</a>',
        encoding="utf-8",
    )
    broken, checked, _ = check_site(tmp_path)
    assert checked == 6
    assert [(b.page, b.reason) for b in broken] == [
        ("a/index.html", "no element with id 'nowhere' in index.html"),
        ("a/index.html", "malformed external URL"),
        ("a/index.html", "scheme 'javascript:' is not allowed"),
        ("index.html", "no such file b/index.html"),
    ]


def test_one_process_builds_the_same_site_as_the_pool(site, tmp_path):
    """Each language is a build of its own: built one after another in a single
    process (nothing left over from one language's build may reach the next),
    the site is the same, byte for byte, as built by the pool of processes."""
    single = tmp_path / "single"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/build.py"), "--jobs", "1", "--site-dir", str(single)],
        capture_output=True,
        text=True,
        env=BUILD_ENV,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    files = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(single) for p in single.rglob("*") if p.is_file())
    different = [str(path) for path in files if (site / path).read_bytes() != (single / path).read_bytes()]
    assert different == []


@pytest.mark.parametrize("lang", ["ar", "zh", "fr"])
def test_a_failing_language_fails_the_build_and_keeps_the_previous_site(project, lang):
    # A link to a missing anchor in one language only: the content model cannot
    # see it, only that language's build warns.
    site_dir = project / "site"
    (site_dir / "old").mkdir(parents=True)
    (site_dir / "old/index.html").write_text("previous site", encoding="utf-8")
    for name in ("index.html", "404.html", "sitemap.xml"):  # what an earlier build leaves at the top
        (site_dir / name).write_text("previous site", encoding="utf-8")
    page = project / f"docs/visits/index.{lang}.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[link](../messages/index.md#nulle-part)\n", encoding="utf-8")
    result = run_build(project / "mkdocs.yml", site_dir)
    assert result.returncode != 0
    assert f"[{lang}] WARNING" in result.stderr and "#nulle-part" in result.stderr
    assert f"[{lang}] build failed: Aborted with 1 warnings in strict mode!" in result.stderr
    assert "Traceback" not in result.stderr
    assert (site_dir / "old/index.html").read_text(encoding="utf-8") == "previous site"
    assert not list(project.glob(".site-building-*"))
