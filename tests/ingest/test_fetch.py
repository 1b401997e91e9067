"""URLs, against a web server this test starts on 127.0.0.1 (no other network)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from detente.ingest import read_inputs
from detente.records import Article, InputProblem

from .test_feeds import RSS
from .test_html import PAGE


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    (tmp_path / "nato.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "world.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "story.txt").write_text("Iran warned Israel on Monday.", encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 partial(_QuietHandler, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_html_url(site: str) -> None:
    [article] = list(read_inputs([f"{site}/nato.html"]))
    assert isinstance(article, Article)
    assert article.url == f"{site}/nato.html"
    assert article.title == "NATO chief seeks dialogue with Russia"
    assert article.published == "2018-09-25"


def test_feed_and_text_urls(site: str) -> None:
    results = list(read_inputs([f"{site}/world.rss", f"{site}/story.txt"],
                               published="2018-09-25"))
    articles = [r for r in results if isinstance(r, Article)]
    assert [a.url for a in articles] == ["https://news.example.org/a",
                                         "https://news.example.org/c", f"{site}/story.txt"]
    assert articles[-1].text == "Iran warned Israel on Monday."


def test_missing_page_is_a_problem(site: str) -> None:
    url = f"{site}/gone.html"
    assert [str(r) for r in read_inputs([url])] == [f"{url}: HTTP 404 File not found"]


def test_unreachable_server_is_a_problem() -> None:
    with socket.socket() as probe:  # a port that nobody listens on once closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/x.html"
    [problem] = list(read_inputs([url]))
    assert isinstance(problem, InputProblem) and problem.path == url
    assert problem.problem.startswith("cannot reach it")
