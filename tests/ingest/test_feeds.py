from __future__ import annotations

from pathlib import Path

from detente.ingest import read_inputs
from detente.records import Article, InputProblem

from .conftest import Shared

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>World News</title><link>https://news.example.org/</link>
<item><title>Russia and NATO talk</title><link>https://news.example.org/a</link>
<pubDate>Tue, 25 Sep 2018 10:00:00 GMT</pubDate>
<description>&lt;p&gt;NATO chief Jens Stoltenberg met Sergey Lavrov in New York.&lt;/p&gt;
&lt;p&gt;They agreed to keep talking.&lt;/p&gt;</description></item>
<item><title>Empty item</title><link>https://news.example.org/b</link></item>
<item><title>Iran warns Israel</title><link>https://news.example.org/c</link>
<description>Iran warned Israel on Monday.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<link href="https://wire.example.org/"/><id>urn:wire</id><updated>2018-09-25T00:00:00Z</updated>
<entry><title>Turkey &amp; Greece</title><link href="/turkey-greece"/><id>urn:1</id>
<published>2018-09-24T08:00:00Z</published><updated>2018-09-25T08:00:00Z</updated>
<summary>Short summary.</summary>
<content type="html">&lt;p&gt;Turkey warned Greece over the islands.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_items_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "world.rss"
    path.write_text(RSS, encoding="utf-8")
    results = list(read_inputs([str(path)], published="2018-01-01"))
    first, problem, third = results
    assert isinstance(first, Article) and isinstance(third, Article)
    assert first.url == "https://news.example.org/a"
    assert first.title == "Russia and NATO talk"
    assert first.source == "World News"
    assert first.published == "2018-09-25"
    assert first.text == ("NATO chief Jens Stoltenberg met Sergey Lavrov in New York.\n\n"
                          "They agreed to keep talking.")
    assert third.published == "2018-01-01"  # no pubDate: the default
    assert problem == InputProblem(
        str(path), "item 2 (https://news.example.org/b): no text (the item has no content "
        "or summary)")


def test_atom_entry_uses_content_and_resolves_its_link(tmp_path: Path) -> None:
    path = tmp_path / "wire.xml"
    path.write_text(ATOM, encoding="utf-8")
    [article] = list(read_inputs([str(path)]))
    assert isinstance(article, Article)
    assert article.text == "Turkey warned Greece over the islands."
    assert article.title == "Turkey & Greece"
    assert article.url == "https://wire.example.org/turkey-greece"
    assert article.published == "2018-09-24"


def test_feed_on_stdin_is_recognised() -> None:
    import io

    results = list(read_inputs(["-"], stdin=io.BytesIO(ATOM.encode())))
    assert [type(r) for r in results] == [Article]


def test_xml_that_is_not_a_feed_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "sitemap.xml"
    path.write_text('<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>',
                    encoding="utf-8")
    [problem] = list(read_inputs([str(path)]))
    assert isinstance(problem, InputProblem) and problem.path == str(path)
    assert problem.problem in ("feed has no items",) or problem.problem.startswith(
        "not a readable RSS/Atom feed")


def test_real_feeds(shared: Shared) -> None:
    guardian = shared.get("corpus/feeds/rss-parser/guardian.rss")
    heise = shared.get("corpus/feeds/rss-parser/heise.atom")
    results = list(read_inputs([str(guardian), str(heise)]))
    articles = [r for r in results if isinstance(r, Article)]
    assert len(articles) == len(results) == 70
    assert all(a.url and a.url.startswith("http") and a.published for a in articles)
    assert {a.language for a in articles} == {"en", "de"}
