"""The build refuses bad content, and every link of the built site resolves."""

from __future__ import annotations

import sys

import pytest

from conftest import BUILD_ENV, ROOT, build_site
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
            "docs/messages/2026-11-28-broken.md:6: raw HTML <script> is not allowed",
        ),
        (
            "---\ntitle: Linked\ndate: 2026-11-28\n---\n\n[x](javascript:alert(1))\n",
            "docs/messages/2026-11-28-broken.md:6: unsafe 'javascript:' link",
        ),
    ],
)
def test_strict_build_fails_on_bad_content_naming_file_and_line(project, content, expected):
    (project / "docs/messages/2026-11-28-broken.md").write_text(content, encoding="utf-8")
    result = build_site(project / "mkdocs.yml", project / "site")
    assert result.returncode != 0
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site/messages/2026-11-28-broken/index.html").exists()


def test_unknown_listing_marker_fails_the_build(project):
    page = project / "docs/visits/index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- listing: vists -->\n", encoding="utf-8")
    result = build_site(project / "mkdocs.yml", project / "site")
    assert result.returncode != 0
    assert "docs/visits/index.md" in result.stderr
    assert "unknown listing 'vists'; expected one of: messages, latest-messages, visits, resolutions" in result.stderr


def test_every_internal_link_and_anchor_of_the_built_site_resolves(site):
    broken, checked, external = check_site(site, "https://example.org/1540/")
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


def test_the_fast_build_makes_the_same_site_as_a_plain_one(site, tmp_path):
    """The languages are built in parallel processes, with our linear-time file
    handling, shared Markdown converters and compiled templates; a plain build
    (one process, the i18n plugin's own file handling, nothing shared) must give
    the same bytes."""
    sequential = tmp_path / "plain"
    result = build_site(ROOT / "mkdocs.yml", sequential, env={**BUILD_ENV, "SITE_PLAIN_BUILD": "1"})
    assert result.returncode == 0, result.stderr
    files = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(sequential) for p in sequential.rglob("*") if p.is_file())
    different = [str(path) for path in files if (site / path).read_bytes() != (sequential / path).read_bytes()]
    assert different == []


def test_a_failing_language_fails_the_parallel_build(project):
    # A link to a missing anchor in one language only, one that a worker process
    # builds: the content check cannot see it, only that language's build warns.
    others = ["ar", "zh", "fr", "ru", "es"]
    lang = _build_speed_hook().share_languages("en", others, 2)[1][0]
    page = project / f"docs/visits/index.{lang}.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[link](../messages/index.md#nulle-part)\n", encoding="utf-8")
    result = build_site(project / "mkdocs.yml", project / "site", env={**BUILD_ENV, "SITE_BUILD_JOBS": "2"})
    assert result.returncode != 0
    assert "#nulle-part" in result.stderr
    assert "language build process(es) failed" in result.stderr


def _build_speed_hook():
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_speed_hook", ROOT / "overrides/hooks/build_speed.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("jobs", [2, 3, 6])
def test_languages_are_shared_out_once_each_with_the_default_first(jobs):
    others = ["ar", "zh", "fr", "ru", "es"]
    shares = _build_speed_hook().share_languages("en", others, jobs)
    assert len(shares) == jobs
    assert shares[0][0] == "en"
    assert sorted(code for share in shares for code in share) == sorted(["en", *others])
    # On two cores, each process builds three languages.
    if jobs == 2:
        assert [len(share) for share in shares] == [3, 3]


def _same_bytes(one, other) -> list[str]:
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(other) for p in other.rglob("*") if p.is_file())
    return [str(path) for path in files if (one / path).read_bytes() != (other / path).read_bytes()]


def test_the_fast_build_makes_the_same_site_with_many_pages_per_folder(project):
    """Shared parts of pages (header, navigation...) are rendered once per folder:
    with a dozen messages more, and some of them not translated, every page must
    still be the plain build's, byte for byte."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import bench

    bench.generate(project / "docs", 12)
    for path in sorted((project / "docs/messages").glob("*-benchmark-0000[0-3].fr.md")):
        path.unlink()  # served in English under /fr/, with the notice
    fast, plain = project / "fast", project / "plain"
    result = build_site(project / "mkdocs.yml", fast)
    assert result.returncode == 0, result.stderr
    result = build_site(project / "mkdocs.yml", plain, env={**BUILD_ENV, "SITE_PLAIN_BUILD": "1"})
    assert result.returncode == 0, result.stderr
    assert _same_bytes(fast, plain) == []
