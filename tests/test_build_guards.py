"""The build refuses bad content, and every link of the built site resolves."""

from __future__ import annotations

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
    # (The worker takes the first language in the queue while this process builds English.)
    lang = _build_speed_hook().queue_order(["ar", "zh", "fr", "ru", "es"])[0]
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


def test_the_languages_are_queued_heaviest_first_each_once():
    order = _build_speed_hook().queue_order(["ar", "zh", "fr", "ru", "es"])
    assert order[0] == "zh"  # its search words are cut in the background: start it first
    assert sorted(order) == ["ar", "es", "fr", "ru", "zh"]


def test_the_language_queue_gives_each_language_to_one_process():
    import os

    queue = _build_speed_hook().LanguageQueue(["zh", "ar", "fr", "ru", "es"])
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # a worker takes two languages
        taken = [lang for _, lang in zip(range(2), queue, strict=False)]
        os.write(write, " ".join(taken).encode())
        os._exit(0)
    os.waitpid(pid, 0)
    os.close(write)
    theirs = os.read(read, 100).decode().split()
    ours = list(queue)
    queue.close()
    assert len(theirs) == 2
    assert sorted(theirs + ours) == ["ar", "es", "fr", "ru", "zh"]
