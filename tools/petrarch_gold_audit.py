"""Audit PETRARCH-2's unit-test gold set: which expected triples no coder reading the text can
reproduce under the set's own configuration.

PETRARCH-2 codes a record from the hand-made Penn Treebank parse stored beside its text, with
the options of `config/PETR_config.ini`. This script reads the XML records (comments kept) and
reports, per reason, the expected (source, target, code) triples that cannot come from the text
under that configuration:

* **null target**: the config sets `require_dyad = True` (events need a source and a target),
  yet the triple's target is `---`;
* **literal actor**: the triple's actor is a quoted noun phrase ("INJURY TOLL"), PETRARCH's
  new-actor output, which `new_actor_length = 0` turns off;

and lists, without counting them, the records whose own comment says PETRARCH does not
implement or fails them, and the records whose parse has other words than their text (the
parse says "Congresses" where the text says "government"): their expectations follow the
parse.

Usage: ``python tools/petrarch_gold_audit.py [SET_DIR]`` (default
``../shared/gold/petrarch2-unittest``).
"""

from __future__ import annotations

import configparser
import difflib
import re
import sys
from pathlib import Path

from detente.eval.petrarch import require_dyad_of

SPLITS = {("isn", "is", "n"), ("didn", "did", "n"), ("won", "wo", "n"), ("can", "ca", "n")}
UNIMPLEMENTED = re.compile(r"not implemented|\bfails\b", re.IGNORECASE)


def words(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[A-Za-z0-9]+", text)]


def parse_words(parse: str) -> list[str]:
    leaves = re.findall(r"\(([^()\s]+) ([^()\s]+)\)", parse)
    return [w for _, leaf in leaves for w in words(leaf) if w not in ("lrb", "rrb")]


def word_changes(text: str, parse: str) -> list[str]:
    """Words the parse has instead of the text's, contractions split by the parser aside."""
    tw, pw = words(text), parse_words(parse)
    changes = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=tw, b=pw).get_opcodes():
        if op == "equal":
            continue
        if i2 - i1 == 1 and (tw[i1], *pw[j1:j2]) in SPLITS:
            continue
        changes.append(f"{' '.join(tw[i1:i2]) or '-'} -> {' '.join(pw[j1:j2]) or '-'}")
    return changes


def main(folder: Path) -> int:
    xml = next(folder.glob("*.xml"), None)
    if xml is None:
        print(f"{folder}: no PETRARCH record file (*.xml)", file=sys.stderr)
        return 1
    configs = sorted((folder / "config").glob("*.ini"))
    config = configparser.ConfigParser(inline_comment_prefixes=("#", ";"), strict=False)
    config.read(configs, encoding="utf-8")
    require_dyad = require_dyad_of(configs[0] if configs else None)  # as the eval reads it
    new_actor_length = config.getint("Options", "new_actor_length", fallback=0)
    text = xml.read_text(encoding="utf-8", errors="replace")
    total = 0
    flagged: dict[str, list[str]] = {"null target": [], "literal actor": []}
    changed: list[str] = []
    marked: list[str] = []
    for m in re.finditer(r"<Sentence ([^>]*)>(.*?)</Sentence>", text, re.S):
        rid = re.search(r'id="([^"]+)"', m.group(1))
        body = m.group(2)
        if rid is None or "error=" in body:
            continue
        comments = " ".join(re.findall(r"<!--(.*?)-->", body, re.S))
        plain = re.sub(r"<!--.*?-->", "", body, flags=re.S)
        triples = [(m.group(2), m.group(4), m.group(6)) for m in re.finditer(
            r"sourcecode=(['\"])(.*?)\1\s+targetcode=(['\"])(.*?)\3\s+eventcode=(['\"])(.*?)\5",
            plain)]
        total += len(triples)
        if UNIMPLEMENTED.search(comments):
            marked.append(f"{rid.group(1)}: {' '.join(comments.split())[:90]}")
        for src, tgt, code in triples:
            t = f"{rid.group(1)} {src}->{tgt}:{code}"
            if new_actor_length == 0 and ("&quot;" in src + tgt or '"' in src + tgt):
                flagged["literal actor"].append(t)
            elif require_dyad and tgt == "---":
                flagged["null target"].append(t)
        sentence = re.search(r"<Text>(.*?)</Text>", plain, re.S)
        parse = re.search(r"<Parse>(.*?)</Parse>", plain, re.S)
        if sentence and parse and (diff := word_changes(sentence.group(1), parse.group(1))):
            changed.append(f"{rid.group(1)} ({len(triples)} expected): {'; '.join(diff)}")
    print(f"{xml.name}: {total} expected triples; require_dyad = {require_dyad}, "
          f"new_actor_length = {new_actor_length}")
    out = 0
    for reason, items in flagged.items():
        out += len(items)
        print(f"\n{reason}: {len(items)}")
        for t in items:
            print(f"  {t}")
    print(f"\nnot reproducible from the text with the set's options: {out} "
          f"(at most {total - out} of {total}, {100.0 * (total - out) / total:.1f}%)")
    print(f"\nrecords PETRARCH's authors mark as not implemented or failing: {len(marked)}")
    for line in marked:
        print(f"  {line}")
    print(f"\nrecords whose parse has other words than their text: {len(changed)}")
    for line in changed:
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    default = Path(__file__).resolve().parents[2] / "shared" / "gold" / "petrarch2-unittest"
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else default))
