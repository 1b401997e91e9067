from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from detente.ingest import read_inputs
from detente.ingest.files import MAX_ARTICLE_BYTES
from detente.records import Article, InputProblem, article_id_for

from .conftest import Shared

NEWS = ("UNITED NATIONS (AP) — NATO Secretary General Jens Stoltenberg said Tuesday he wants a "
        "more constructive relationship with Russia.\n\nHe met Russian Foreign Minister Sergey "
        "Lavrov on the sidelines of the U.N. General Assembly.\n\nSource: The Associated Press")


def read(*paths: str | Path, published: str | None = None,
         stdin: bytes | None = None) -> list[Article | InputProblem]:
    stream = io.BytesIO(stdin) if stdin is not None else None
    return list(read_inputs([str(p) for p in paths], published=published, stdin=stream))


def one_problem(*paths: str | Path, stdin: bytes | None = None) -> InputProblem:
    results = read(*paths, stdin=stdin)
    assert len(results) == 1, results
    assert isinstance(results[0], InputProblem), results
    return results[0]


def test_txt_file_is_one_cleaned_article(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(NEWS, encoding="utf-8")
    [article] = read(path, published="2018-09-25")
    assert isinstance(article, Article)
    assert article.text.startswith("NATO Secretary General")
    assert article.text.endswith("General Assembly.")
    assert "\n\n" in article.text
    assert article.url == os.path.abspath(path)
    assert article.published == "2018-09-25"
    assert article.place == "UNITED NATIONS"
    assert article.source == "AP"
    assert article.title is None
    assert article.language == "en"
    assert article.article_id == article_id_for("AP", article.text)


def test_same_text_gives_the_same_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(NEWS, encoding="utf-8")
    (tmp_path / "b.txt").write_text(NEWS + "\n\nSign up to receive our latest news!\n",
                                    encoding="utf-8")
    first, second = read(tmp_path / "a.txt", tmp_path / "b.txt")
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.article_id == second.article_id


def test_an_obvious_headline_becomes_the_title(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Stoltenberg seeks better ties with Russia\n\n" + NEWS, encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article)
    assert article.title == "Stoltenberg seeks better ties with Russia"
    assert article.text.startswith("NATO Secretary General")
    assert article.place == "UNITED NATIONS"


def test_a_first_sentence_is_not_a_title(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Russia expelled two diplomats.\n\nNATO condemned it.", encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, Article) and article.title is None
    assert article.text == "Russia expelled two diplomats.\n\nNATO condemned it."


def test_jsonl_lines_become_articles_and_bad_lines_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": NEWS, "published": "2018-09-25", "title": "NATO",
                    "source": "AP", "url": "https://apnews.com/x"}),
        "",
        "{not json",
        json.dumps({"id": "a3", "text": "Iran threatened Israel."}),
        json.dumps(["a list"]),
        json.dumps({"id": "a5"}),
        json.dumps({"id": "a6", "text": "Iran met Iraq.", "published": "25/09/2018"}),
        json.dumps({"id": "a7", "text": 12}),
        json.dumps({"id": "a8", "text": "Sign up to receive our latest news!"}),
        json.dumps({"id": 9, "text": "Turkey warned Greece.", "title": None}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = read(path, published="2019-01-01")
    articles = [r for r in results if isinstance(r, Article)]
    problems = [r for r in results if isinstance(r, InputProblem)]
    assert [a.article_id for a in articles] == ["a1", "a3", "9"]
    first = articles[0]
    assert (first.published, first.title, first.source, first.url) == (
        "2018-09-25", "NATO", "AP", "https://apnews.com/x")
    assert articles[1].published == "2019-01-01"  # the default fills in
    assert articles[1].url == os.path.abspath(path)
    assert [(p.path, p.line) for p in problems] == [(str(path), n) for n in (3, 5, 6, 7, 8, 9)]
    assert "not valid JSON" in problems[0].problem
    assert "expected a JSON object" in problems[1].problem
    assert 'missing "text"' in problems[2].problem
    assert '"published": bad date' in problems[3].problem
    assert '"text" must be a string' in problems[4].problem
    assert "no article text" in problems[5].problem
    assert str(problems[0]).startswith(f"{path}:3: ")


def test_stdin_text_and_stdin_jsonl() -> None:
    [article] = read("-", stdin=NEWS.encode("utf-8"), published="2018-09-25")
    assert isinstance(article, Article)
    assert article.url is None and article.published == "2018-09-25"
    jsonl = b'{"id": "x1", "text": "Iran met Iraq."}\n\n{"id": "x2", "text": "Iraq met Iran."}\n'
    results = read("-", stdin=jsonl)
    assert [r.article_id for r in results if isinstance(r, Article)] == ["x1", "x2"]


def test_jsonl_text_may_hold_unicode_line_separators() -> None:
    line = json.dumps({"id": "u1", "text": "Iran\u2028met Iraq."}, ensure_ascii=False)
    [article] = read("-", stdin=(line + "\n").encode())
    assert isinstance(article, Article) and article.article_id == "u1"


def test_stdin_with_one_json_line_among_text_is_text() -> None:
    [article] = read("-", stdin=b'{"id": "x1", "text": "a"}\nIran met Iraq on Monday.\n')
    assert isinstance(article, Article)
    assert article.text.startswith('{"id"')


def test_empty_stdin_is_reported() -> None:
    problem = one_problem("-", stdin=b"  \n")
    assert str(problem) == "<stdin>: empty input (nothing on standard input)"


def test_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Iran met Iraq.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Turkey warned Greece.", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"id": "c1", "text": "Chad met Mali."}\n',
                                      encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")  # not a readable kind: skipped
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    texts = [r.text for r in read(tmp_path) if isinstance(r, Article)]
    assert texts == ["Turkey warned Greece.", "Iran met Iraq.", "Chad met Mali."]


def test_glob_is_expanded(tmp_path: Path) -> None:
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(f"Iran met Iraq in {name}.", encoding="utf-8")
    results = read(tmp_path / "x*.txt")
    assert [r.url for r in results if isinstance(r, Article)] == [
        os.path.abspath(tmp_path / "x1.txt"), os.path.abspath(tmp_path / "x2.txt")]
    problem = one_problem(tmp_path / "z*.txt")
    assert problem.problem == "no file or folder matches this pattern"


def test_gzipped_text_and_jsonl(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(b"Iran met Iraq."))
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(b'{"id": "b1", "text": "Chad met Mali."}'))
    results = read(tmp_path / "a.txt.gz", tmp_path / "b.jsonl.gz")
    assert [r.text for r in results if isinstance(r, Article)] == ["Iran met Iraq.",
                                                                    "Chad met Mali."]


# --- every bad input gives one InputProblem naming the file and the problem ---

def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    problem = one_problem(missing)
    assert str(problem) == f"{missing}: no such file or folder"


def test_folder_with_nothing_readable(tmp_path: Path) -> None:
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    problem = one_problem(tmp_path)
    assert problem.path == str(tmp_path)
    assert problem.problem.startswith("no readable files in this folder")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(b"\x00\x01\x02binary\x00")
    assert str(one_problem(path)) == f"{path}: a binary file, not text"
    pdf = tmp_path / "report.txt"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3")
    assert str(one_problem(pdf)) == f"{pdf}: a PDF file, not text"


def test_utf16_without_bom(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes("Iran met Iraq on Monday.".encode("utf-16-le"))
    assert str(one_problem(path)) == (
        f"{path}: UTF-16 text without a byte-order mark (re-save it as UTF-8)")


def test_binary_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_bytes(b"\x00\x00\x00\x01")
    assert str(one_problem(path)) == f"{path}: a binary file, not JSON Lines"


def test_wrong_encoding(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(b"Iran met Iraq.\x81\x8d\x90\x1b")
    problem = one_problem(path)
    assert problem.path == str(path)
    assert problem.problem.startswith("not valid UTF-8 (bad byte 0x81 at offset 14)")
    assert "re-save the file as UTF-8" in problem.problem


@pytest.mark.parametrize(("data", "expected"), [
    ("Iran met Iraq in Genève.".encode("cp1252"), "Iran met Iraq in Genève."),
    ("\ufeffIran met Iraq in Genève.".encode(), "Iran met Iraq in Genève."),
    ("Iran met Iraq in Genève.".encode("utf-16"), "Iran met Iraq in Genève."),
    ("“Iran met Iraq,” he said.".encode("cp1252"), "“Iran met Iraq,” he said."),
])
def test_other_encodings_are_decoded(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    [article] = read(path)
    assert isinstance(article, Article) and article.text == expected


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(b"")
    assert str(one_problem(path)) == f"{path}: empty file"
    blank = tmp_path / "blank.txt"
    blank.write_text("   \n\n", encoding="utf-8")
    assert str(one_problem(blank)) == f"{blank}: empty file (only whitespace)"
    jsonl = tmp_path / "batch.jsonl"
    jsonl.write_text("\n\n", encoding="utf-8")
    assert str(one_problem(jsonl)) == f"{jsonl}: empty file (no JSON lines)"


def test_only_boilerplate(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Sign up to receive our latest news!\n\nSource: AP\n", encoding="utf-8")
    problem = one_problem(path)
    assert problem.path == str(path) and problem.problem.startswith("no article text")


def test_huge_file_is_reported_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 51 MB on paper, nothing on disk
        handle.truncate(MAX_ARTICLE_BYTES + 2**20)
    problem = one_problem(path)
    assert str(problem) == (f"{path}: file is 51.0 MB, more than the 50 MB allowed for one "
                            "article")


def test_huge_gzip_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt.gz"
    path.write_bytes(gzip.compress(b"a" * (MAX_ARTICLE_BYTES + 1)))
    assert one_problem(path).problem.startswith("decompresses to more than the 50 MB")


def test_bad_gzip(tmp_path: Path) -> None:
    path = tmp_path / "story.txt.gz"
    path.write_bytes(b"this is not gzip")
    problem = one_problem(path)
    assert problem.path == str(path) and problem.problem.startswith("not a valid gzip file")


def test_bad_default_date_is_refused_before_reading(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="bad date '2018-9-25': expected YYYY-MM-DD"):
        read_inputs([str(tmp_path / "nothing.txt")], published="2018-9-25")


def test_problems_do_not_stop_other_inputs(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Iran met Iraq.", encoding="utf-8")
    results = read(tmp_path / "missing.txt", good)
    assert isinstance(results[0], InputProblem) and isinstance(results[1], Article)


def test_reference_sample_reads_cleanly(shared: Shared) -> None:
    sample = shared.get("samples/000_f07a9d63f954f103.txt")
    [article] = read(sample, published="2018-09-25")
    assert isinstance(article, Article)
    assert article.text.endswith("involving land, air and naval forces.")
    assert "Sign up" not in article.text and "Source:" not in article.text


def test_shared_corpus_jsonl_reads_without_problems(shared: Shared) -> None:
    corpus = shared.get("corpus/articles.jsonl")
    head = b"".join(corpus.open("rb").readlines()[:200])
    results = read("-", stdin=head)
    assert len(results) == 200
    assert all(isinstance(r, Article) for r in results), [
        str(r) for r in results if isinstance(r, InputProblem)]
