"""The GitHub workflows, linted offline: zizmor, the workflow schema, and our own rules."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent
SHA_PIN = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def load(path: Path) -> dict:
    # PyYAML reads the key `on` as True; the workflows are otherwise plain YAML.
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def steps(workflow: dict):
    for job in workflow["jobs"].values():
        yield from job.get("steps", [])


def tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    assert found, f"{name} is not installed; run 'make test' to create .venv"
    return found


def test_zizmor_offline_finds_nothing():
    result = subprocess.run([tool("zizmor"), "--offline", str(ROOT / ".github")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_validate_against_the_github_schema():
    result = subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_full_commit_sha_with_its_version(path):
    text = path.read_text(encoding="utf-8")
    for match in re.finditer(r"uses:\s*(\S+)(.*)", text):
        ref, comment = match.groups()
        if ref.startswith(("$/", "./")):
            continue  # a workflow of this repository
        assert SHA_PIN.match(ref), f"{path.name}: {ref} is not pinned to a 40-hex commit SHA"
        assert re.search(r"#\s*v\d", comment), f"{path.name}: {ref} has no '# vX.Y.Z' comment"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_least_privilege_timeouts_and_no_persisted_credentials(path):
    workflow = load(path)
    assert workflow["permissions"] == {}, f"{path.name}: top-level permissions must be {{}}"
    triggers = workflow[True]
    assert "pull_request_target" not in triggers
    for name, job in workflow["jobs"].items():
        assert "permissions" in job, f"{path.name}: job {name} must state its permissions"
        if "uses" not in job:
            assert "timeout-minutes" in job, f"{path.name}: job {name} has no timeout-minutes"
        if name != "deploy":
            assert not {"pages", "id-token"} & set(job["permissions"]), f"{path.name}: only deploy may write Pages"
    for step in steps(workflow):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step.get("with", {}).get("persist-credentials") is False
        if "pip install" in step.get("run", ""):
            assert "--require-hashes" in step["run"] or "make .venv" in step["run"]


def test_deployment_waits_for_the_checks_and_is_never_cancelled():
    workflow = load(ROOT / ".github/workflows/deploy.yml")
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    jobs = workflow["jobs"]
    assert jobs["checks"]["uses"].endswith(".github/workflows/checks.yml")
    assert jobs["build"]["needs"] == "checks"
    assert jobs["deploy"]["needs"] == "build"
    assert jobs["deploy"]["environment"]["name"] == "github-pages"
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    used = [step.get("uses", "").split("@")[0] for job in jobs.values() for step in job.get("steps", [])]
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= set(used)


def test_pull_request_checks_end_in_one_required_job():
    jobs = load(ROOT / ".github/workflows/checks.yml")["jobs"]
    final = jobs["checks-passed"]
    assert final["if"] == "always()"
    assert set(final["needs"]) == set(jobs) - {"checks-passed"}
