"""The 1540 Committee site's own logic, independent of the site engine.

MkDocs hooks (``overrides/hooks/``), the editor and translator scripts
(``scripts/*.py``) and the tests all import this package, so the content model,
the languages and the rendering of generated pages are defined exactly once.
"""
