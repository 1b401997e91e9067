"""Turn raw text plus what the input says about it into a cleaned Article."""

from __future__ import annotations

from detente.ingest.clean import clean_text
from detente.ingest.dates import validate_date
from detente.ingest.language import detect_language
from detente.records import Article, article_id_for


class InputError(ValueError):
    """One input item is unusable; ``problem`` is the one line to show, ``line`` where known."""

    def __init__(self, problem: str, line: int | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.line = line


def build_article(text: str, *, url: str | None, source: str | None = None,
                  title: str | None = None, published: str | None = None,
                  default_published: str | None = None, article_id: str | None = None,
                  language: str | None = None) -> Article:
    """Clean ``text`` and wrap it in an Article; raise InputError when nothing is left.

    ``published`` comes from the input and is validated here; ``default_published`` (already
    valid, from ``--date``) fills in when the input has no date. Without a given ``source``
    the dateline's outlet ("AP") is used. The id is the given one, else a hash of source and
    the cleaned text.
    """
    if published is not None:
        try:
            published = validate_date(published)
        except ValueError as exc:
            raise InputError(str(exc)) from exc
    cleaned = clean_text(text)
    if not cleaned.text:
        raise InputError("no article text (empty, or only boilerplate such as sign-up lines)")
    source = source or cleaned.outlet
    return Article(
        article_id=article_id or article_id_for(source, cleaned.text),
        text=cleaned.text,
        url=url,
        source=source,
        title=" ".join(title.split()) if title and title.strip() else None,
        published=published or default_published,
        language=language or detect_language(cleaned.text),
        place=cleaned.place,
    )
