"""Relative links computed without the file system match posixpath.relpath."""

from __future__ import annotations

import posixpath

import pytest

from site_tools.urls import relative

PATHS = ["", ".", "fr/", "fr", "messages/", "fr/messages/", "fr/messages/x/", "messages/x/", "fr/feed.xml", "a/b/c/d/"]


@pytest.mark.parametrize("target", PATHS)
@pytest.mark.parametrize("base", PATHS)
def test_relative_is_relpath(target, base):
    assert relative(target, base) == posixpath.relpath(target or ".", base or ".")
