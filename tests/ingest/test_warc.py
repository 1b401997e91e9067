from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from detente.ingest import read_inputs
from detente.records import Article, InputProblem

from .test_html import PAGE


def _write_warc(path: Path, records: list[tuple[str, str, str, bytes]], gzip: bool) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        for uri, status, content_type, body in records:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)],
                                       protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                               http_headers=headers)
            writer.write_record(record)


def test_warc_html_responses_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _write_warc(path, [
        ("https://news.example.org/nato", "200 OK", "text/html; charset=utf-8", PAGE.encode()),
        ("https://news.example.org/logo.png", "200 OK", "image/png", b"\x89PNG"),
        ("https://news.example.org/gone", "404 Not Found", "text/html", b"<html>404</html>"),
        ("https://news.example.org/empty", "200 OK", "text/html", b"<html></html>"),
    ], gzip=True)
    article, problem = list(read_inputs([str(path)]))
    assert isinstance(article, Article)
    assert article.url == "https://news.example.org/nato"
    assert article.title == "NATO chief seeks dialogue with Russia"
    assert article.published == "2018-09-25"
    assert problem == InputProblem(
        str(path), "record 4 (https://news.example.org/empty): no article text found in this "
        "HTML page")


def test_uncompressed_warc_and_crawl_date_fallback(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    body = (b"<html><body><p>Iran and Iraq signed a border accord in Baghdad on Monday.</p>"
            b"</body></html>")
    _write_warc(path, [("https://x.example/a", "200 OK", "text/html", body)], gzip=False)
    [article] = list(read_inputs([str(path)]))
    assert isinstance(article, Article)
    assert article.published is not None  # the WARC-Date of the record
    [dated] = list(read_inputs([str(path)], published="2018-09-25"))
    assert isinstance(dated, Article) and dated.published == "2018-09-25"


def test_warc_without_html_and_broken_warc(tmp_path: Path) -> None:
    images = tmp_path / "images.warc"
    _write_warc(images, [("https://x.example/a.png", "200 OK", "image/png", b"\x89PNG")],
                gzip=False)
    assert [str(r) for r in read_inputs([str(images)])] == [
        f"{images}: no HTML responses in this WARC file"]
    broken = tmp_path / "broken.warc"
    broken.write_bytes(b"this is not a warc file at all\r\n\r\n")
    [problem] = list(read_inputs([str(broken)]))
    assert isinstance(problem, InputProblem)
    assert problem.path == str(broken) and problem.problem.startswith("not a readable WARC")
