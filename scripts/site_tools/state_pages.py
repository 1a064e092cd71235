"""A page per State: documents generated from the content, never written by hand.

Every State a document refers to (a visit's ``state`` field, or any other
document's) gets a page at ``states/<alpha-2 code, lowercase>/`` in every
language, titled with its UN short name in that language (``states``). The
page's body is one listing marker; ``render`` makes its content (the State's
visits, the messages about them) in the page's language. A State with
nothing published has no page. Only ``docs/states/index*.md`` (the States
index, which holds the map and the timeline) is written by hand.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from . import states
from .documents import Document, Site, Source
from .languages import CODES, DEFAULT_LANGUAGE

SECTION = "states"  # the folder and URL segment
LISTING = "state"  # the listing marker every State page's body is
BODY = f"<!-- listing: {LISTING} -->\n"


def state_code(doc: Document) -> str | None:
    """The alpha-2 code of the State ``doc`` is about, if its ``state`` field gives a known one."""
    value = doc.meta.get("state")
    code = value.get("code") if isinstance(value, dict) else None
    return code if isinstance(code, str) and states.known(code) else None


def concerned_states(documents: Iterable[Document]) -> dict[str, list[Document]]:
    """Alpha-2 code -> the documents about that State (in the order given)."""
    found: dict[str, list[Document]] = {}
    for doc in documents:
        code = state_code(doc)
        if code:
            found.setdefault(code, []).append(doc)
    return found


def key(code: str) -> str:
    """The generated page's key, as a docs-relative path ("states/kr.md")."""
    return f"{SECTION}/{code.lower()}.md"


def generated_documents(documents: dict[str, Document]) -> dict[str, Document]:
    """The State pages for ``documents`` (the content as read), by key: each
    with a source in every language (its title the State's UN name there)."""
    pages = {}
    for code in sorted(concerned_states(documents.values())):
        slug = code.lower()
        sources = {}
        for lang in CODES:
            path = f"{SECTION}/{slug}.md" if lang == DEFAULT_LANGUAGE else f"{SECTION}/{slug}.{lang}.md"
            meta: dict[str, object] = {"title": states.name(code, lang)}
            if lang == DEFAULT_LANGUAGE:  # (what every language shares is in the English source only)
                meta["state"] = {"code": code, "name": states.name(code, DEFAULT_LANGUAGE)}
            sources[lang] = Source(path, lang, meta, {}, BODY, 1)
        pages[key(code)] = Document(key(code), SECTION, slug, sources, generated=True)
    return pages


@dataclass
class About:
    """The documents about one State, each list newest first: its visits,
    the messages tied to one of those visits or naming the State, and the
    Chair's statements naming it."""

    visits: list[Document] = field(default_factory=list)
    messages: list[Document] = field(default_factory=list)
    statements: list[Document] = field(default_factory=list)


def about(site: Site, code: str) -> About:
    """What ``site`` publishes about the State ``code`` (an empty ``About``
    for one it does not concern). Worked out once per site, for every State
    at once: each language's pages and open data ask for the same lists."""
    if "state_pages:about" not in site.memo:
        index: dict[str, About] = {}
        visit_state: dict[str, str] = {}
        for doc in site.collection("visits"):
            state = state_code(doc)
            if state:
                index.setdefault(state, About()).visits.append(doc)
                visit_state[doc.slug] = state
        for name in ("messages", "statements"):
            for doc in site.collection(name):
                concerned = {state_code(doc), visit_state.get(doc.meta.get("visit") or "")}
                for state in sorted(s for s in concerned if s):
                    getattr(index.setdefault(state, About()), name).append(doc)
        site.memo["state_pages:about"] = index
    return site.memo["state_pages:about"].get(code, About())
