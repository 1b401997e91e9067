"""HTML pages: trafilatura finds the main text, title, site name and author; its metadata
step uses htmldate for the publication date. Broken HTML gives a problem, never a crash."""

from __future__ import annotations

from collections.abc import Iterator

from detente.ingest.build import InputError, build_article
from detente.ingest.dates import validate_date
from detente.records import Article, InputProblem

# htmldate: the original publication date, not the last update; and no guessing from loose
# text (a footer's "© 2018" is not a publication date).
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def article_from_html(html: bytes | str, *, url: str | None, page_url: str | None = None,
                      default_published: str | None = None) -> Article:
    """The main article of an HTML page; raise InputError when the page has none.

    ``url`` is what the Article records (the local path for files, the URL for WARC
    records); ``page_url`` helps trafilatura resolve the site when the page is web-fetched.
    """
    import trafilatura

    try:
        # favor_precision: on the aeb, newspaper and readability pages it trades a little
        # recall for less navigation text (aeb F1 0.959 -> 0.965); junk costs the coder more.
        doc = trafilatura.bare_extraction(html, url=page_url, with_metadata=True,
                                          include_comments=False, favor_precision=True,
                                          date_extraction_params=_DATE_PARAMS)
    except (ValueError, TypeError, AttributeError) as exc:  # lxml on badly broken markup
        raise InputError(f"cannot parse this HTML ({exc})") from exc
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise InputError("no article text found in this HTML page")
    title = getattr(doc, "title", None) or None
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    # trafilatura often repeats the headline as the first line of the body
    if title and paragraphs and paragraphs[0] == title.strip() and len(paragraphs) > 1:
        paragraphs = paragraphs[1:]
    date = getattr(doc, "date", None) or None
    if date:
        try:
            date = validate_date(date[:10])
        except ValueError:
            date = None  # htmldate found something odd; the page then has no date
    return build_article(
        "\n\n".join(paragraphs),
        url=url,
        source=getattr(doc, "sitename", None) or getattr(doc, "hostname", None) or None,
        title=title,
        published=date,
        default_published=default_published,
    )


def read_html_bytes(data: bytes, *, path: str, url: str | None,
                    default_published: str | None) -> Iterator[Article | InputProblem]:
    """One Article (or one problem) from the bytes of an HTML file; trafilatura decodes them."""
    try:
        yield article_from_html(data, url=url, default_published=default_published)
    except InputError as exc:
        yield InputProblem(path, exc.problem)


def read_html_text(text: str, *, path: str, url: str | None,
                   default_published: str | None) -> Iterator[Article | InputProblem]:
    """One Article (or one problem) from already-decoded HTML (standard input)."""
    try:
        yield article_from_html(text, url=url, default_published=default_published)
    except InputError as exc:
        yield InputProblem(path, exc.problem)
