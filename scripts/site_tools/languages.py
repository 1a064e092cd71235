"""The six official UN languages, in the order UN sites list them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1, also the URL prefix and the file suffix
    name: str  # in its own script, as the language switcher shows it
    english_name: str
    direction: str  # "ltr" or "rtl"
    babel_locale: str  # the CLDR locale used to format dates
    og_locale: str  # Open Graph's language_TERRITORY form

    @property
    def prefix(self) -> str:
        """The URL prefix of this language's pages ("" for the default)."""
        return "" if self.code == DEFAULT_LANGUAGE else f"{self.code}/"


DEFAULT_LANGUAGE = "en"

LANGUAGES: tuple[Language, ...] = (
    Language("ar", "العربية", "Arabic", "rtl", "ar", "ar_AR"),
    Language("zh", "中文", "Chinese", "ltr", "zh_Hans", "zh_CN"),
    # UN English writes "18 November 2013": British, not US, conventions.
    Language("en", "English", "English", "ltr", "en_GB", "en_GB"),
    Language("fr", "Français", "French", "ltr", "fr", "fr_FR"),
    Language("ru", "Русский", "Russian", "ltr", "ru", "ru_RU"),
    Language("es", "Español", "Spanish", "ltr", "es", "es_ES"),
)

BY_CODE: dict[str, Language] = {language.code: language for language in LANGUAGES}
CODES: tuple[str, ...] = tuple(BY_CODE)
TRANSLATION_CODES: tuple[str, ...] = tuple(c for c in CODES if c != DEFAULT_LANGUAGE)


def get(code: str) -> Language:
    try:
        return BY_CODE[code]
    except KeyError:
        raise ValueError(f"unknown language {code!r}; expected one of {', '.join(CODES)}") from None
