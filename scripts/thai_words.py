#!/usr/bin/env python3
"""Builds src/text/thai_words.bin, the Thai word list the line breaker keeps
words of whole (docs/THAI.md, "Known words"), from PyThaiNLP's word list and
its list of Thailand's provinces. Both are PyThaiNLP's own work, released
under CC0 1.0 (pythainlp/corpus/corpus_license.md).

    pip download pythainlp==5.4.0 --no-deps -d /tmp/pythainlp
    unzip -o /tmp/pythainlp/pythainlp-5.4.0-py3-none-any.whl \\
        'pythainlp/corpus/words_th.txt' \\
        'pythainlp/corpus/thailand_provinces_th.csv' -d /tmp/pythainlp
    python3 scripts/thai_words.py /tmp/pythainlp/pythainlp/corpus

Kept: every entry written in Thai letters alone (U+0E01 to U+0E4E), two
letters or longer; entries with spaces, dots or digits (abbreviations such as
กทม.) are left out.

The file is the words' trie, laid out so that wethi searches it where it lies
(src/text/words.rs): nothing is read or built when the program starts. A
letter is one byte, its code point less 0x0E00 (0x01 to 0x4E). The trie is a
double array of little-endian u32 slots, one per node, the root in slot 0:

    bits 0-6   the letter on the edge into the node (0 for the root)
    bit 7      a word ends at the node
    bits 8-31  the node's base: its child by letter c is in slot base + c;
               0xFFFFFF for a node without children

No two nodes share a base, so a slot whose letter is c, reached as base + c,
can only be that base's node's child: the letter alone checks the step. Nodes
are placed breadth first, each at the first base where all its children fit.
The same input gives the same bytes.
"""
import collections
import csv
import hashlib
import pathlib
import re
import struct
import sys

THAI = re.compile("^[\u0e01-\u0e4e]{2,}$")
# words_th.txt of pythainlp 5.4.0, the list src/text/thai_words.bin was
# built from: a rebuild from another version says so.
BUILT_FROM = "35f65d43ea83b5b981134d5edc3b9afcb64b4ba96146900fc4d312f2940c3265"
NO_CHILDREN = 0xFFFFFF


def read_words(corpus: pathlib.Path) -> tuple[set, str]:
    """The kept words of the corpus folder, and the digest of its word list."""
    words = set()
    listed = (corpus / "words_th.txt").read_text("utf-8")
    for line in listed.splitlines():
        word = line.strip()
        if THAI.match(word):
            words.add(word)
    with open(corpus / "thailand_provinces_th.csv", encoding="utf-8") as f:
        for row in csv.reader(f):
            if row and THAI.match(row[0].strip()):
                words.add(row[0].strip())
    return words, hashlib.sha256(listed.encode("utf-8")).hexdigest()


def double_array(words) -> bytes:
    """The trie of `words` as the double array described above."""
    children = [{}]
    ends = [False]
    for word in sorted(words):
        node = 0
        for letter in (ord(c) - 0x0E00 for c in word):
            child = children[node].get(letter)
            if child is None:
                child = len(children)
                children.append({})
                ends.append(False)
                children[node][letter] = child
            node = child
        ends[node] = True
    size = 2 * len(children) + 0x100
    # Free slots as a doubly linked list, first free first.
    following = list(range(1, size + 1))
    preceding = list(range(-1, size - 1))
    free = bytearray([1]) * size
    head = 0

    def take(slot):
        nonlocal head
        free[slot] = 0
        before, after = preceding[slot], following[slot]
        if before >= 0:
            following[before] = after
        else:
            head = after
        if after < size:
            preceding[after] = before

    take(0)
    label = bytearray(size)
    base = [NO_CHILDREN] * size
    is_base = bytearray(size)
    slot_of = {0: 0}
    used = 1
    queue = collections.deque([0])
    while queue:
        node = queue.popleft()
        kids = sorted(children[node].items())
        if not kids:
            continue
        letters = [c for c, _ in kids]
        slot = head
        while True:
            b = slot - letters[0]
            if b >= 0 and not is_base[b] and all(free[b + c] for c in letters):
                break
            slot = following[slot]
        is_base[b] = 1
        base[slot_of[node]] = b
        for c, child in kids:
            take(b + c)
            label[b + c] = c
            slot_of[child] = b + c
            used = max(used, b + c + 1)
            queue.append(child)
    for node, slot in slot_of.items():
        if ends[node]:
            label[slot] |= 0x80
    return b"".join(struct.pack("<I", label[s] | base[s] << 8) for s in range(used))


def main() -> None:
    words, digest = read_words(pathlib.Path(sys.argv[1]))
    out = double_array(words)
    target = pathlib.Path(__file__).resolve().parent.parent / "src/text/thai_words.bin"
    target.write_bytes(out)
    print(f"{len(words)} words, {len(out)} bytes")
    if digest != BUILT_FROM:
        print(f"note: words_th.txt is not pythainlp 5.4.0's (sha256 {digest})")


if __name__ == "__main__":
    main()
