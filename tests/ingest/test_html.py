from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from detente.ingest import read_inputs
from detente.records import Article, InputProblem

from .conftest import Shared

PAGE = """<!DOCTYPE html><html><head>
<title>NATO chief seeks dialogue with Russia | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2018-09-25T10:00:00Z">
<meta name="author" content="Jane Doe"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>NATO chief seeks dialogue with Russia</h1>
<p>UNITED NATIONS (AP) — NATO Secretary General Jens Stoltenberg said Tuesday he wants a more
constructive relationship with Russia, even as the western alliance is taking measures to
respond to Moscow's increasing military assertiveness.</p>
<p>Speaking shortly before meeting Russian Foreign Minister Sergey Lavrov on the sideline of the
U.N. General Assembly, he cited military interference in Ukraine and Georgia.</p>
<p>Sign up to receive our latest news!</p>
</article><footer>Copyright 2018 Example News. All rights reserved.</footer></body></html>"""


def test_html_page_gives_text_title_site_and_date(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    [article] = list(read_inputs([str(path)]))
    assert isinstance(article, Article)
    assert article.title == "NATO chief seeks dialogue with Russia"
    assert article.source == "Example News"
    assert article.published == "2018-09-25"
    assert article.url == os.path.abspath(path)
    assert article.place == "UNITED NATIONS"
    assert article.text.startswith("NATO Secretary General Jens Stoltenberg said Tuesday")
    assert article.text.endswith("interference in Ukraine and Georgia.")
    assert "\n\n" in article.text
    for junk in ("Home", "Sign up", "Copyright"):
        assert junk not in article.text


def test_html_on_stdin_is_recognised() -> None:
    [article] = list(read_inputs(["-"], stdin=io.BytesIO(PAGE.encode())))
    assert isinstance(article, Article)
    assert article.title == "NATO chief seeks dialogue with Russia" and article.url is None


def test_html_without_suffix_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "page"
    path.write_text(PAGE, encoding="utf-8")
    [article] = list(read_inputs([str(path)]))
    assert isinstance(article, Article) and article.source == "Example News"


@pytest.mark.parametrize("markup", [
    b"<html></html>",
    b"<html><body><div><span></span></div></body></html>",
    b"<<<<>>>> </div></div></p>",
])
def test_html_without_article_text_is_a_problem(tmp_path: Path, markup: bytes) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(markup)
    results = list(read_inputs([str(path)]))
    assert results == [InputProblem(str(path), "no article text found in this HTML page")]


def test_broken_html_does_not_crash(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_bytes(b"<html><body><div><p>Iran and Iraq signed a border accord on Monday "
                     b"<b>after talks in Baghdad<p>unclosed <table><tr><td>cell")
    [result] = list(read_inputs([str(path)]))
    assert isinstance(result, Article)
    assert "Iran and Iraq signed a border accord" in result.text


def test_latin1_page_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes('<html><head><meta charset="iso-8859-1"></head><body><p>Le ministre '
                     "français a rencontré son homologue à Genève mardi pour évoquer la crise."
                     "</p></body></html>".encode("latin-1"))
    [article] = list(read_inputs([str(path)]))
    assert isinstance(article, Article)
    assert "Genève" in article.text and article.language == "fr"


def test_real_bbc_page_metadata(shared: Shared) -> None:
    page = shared.get("corpus/html/readability/test-pages/bbc-1")
    expected = json.loads((page / "expected-metadata.json").read_text(encoding="utf-8"))
    [article] = list(read_inputs([str(page / "source.html")]))
    assert isinstance(article, Article)
    assert article.title == expected["title"]
    assert article.published == expected["publishedTime"][:10]
    assert article.language == "en"
    assert article.text.startswith("President Barack Obama has admitted")


def test_real_news_pages_never_crash(shared: Shared) -> None:
    folder = shared.get("corpus/html/readability/test-pages")
    pages = sorted(str(p) for p in folder.glob("*/source.html"))[::2]  # 20 of 40, for time
    results = list(read_inputs(pages))
    articles = [r for r in results if isinstance(r, Article)]
    assert len(results) == len(pages) == 20
    assert len(articles) == len(pages), [str(r) for r in results if isinstance(r, InputProblem)]
    assert sum(a.published is not None for a in articles) >= 10
    assert sum(a.language == "en" for a in articles) >= 12
