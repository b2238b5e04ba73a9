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
กทม.) are left out. The form is compact and needs no parsing beyond one pass:
each letter is one byte, its code point less 0x0E00 (0x01 to 0x4E); the words
are sorted; each starts with a byte 0x80 + n, n being how many letters it
shares with the word before (front coding). The same input gives the same
bytes.
"""
import csv
import hashlib
import pathlib
import re
import sys

THAI = re.compile("^[\u0e01-\u0e4e]{2,}$")
# words_th.txt of pythainlp 5.4.0, the list src/text/thai_words.bin was
# built from: a rebuild from another version says so.
BUILT_FROM = "35f65d43ea83b5b981134d5edc3b9afcb64b4ba96146900fc4d312f2940c3265"


def main() -> None:
    corpus = pathlib.Path(sys.argv[1])
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
    out = bytearray()
    previous = b""
    for word in sorted(words):
        letters = bytes(ord(c) - 0x0E00 for c in word)
        shared = 0
        while (
            shared < min(len(previous), len(letters), 0x7F)
            and previous[shared] == letters[shared]
        ):
            shared += 1
        out.append(0x80 + shared)
        out += letters[shared:]
        previous = letters
    target = pathlib.Path(__file__).resolve().parent.parent / "src/text/thai_words.bin"
    target.write_bytes(bytes(out))
    digest = hashlib.sha256(listed.encode("utf-8")).hexdigest()
    print(f"{len(words)} words, {len(out)} bytes")
    if digest != BUILT_FROM:
        print(f"note: words_th.txt is not pythainlp 5.4.0's (sha256 {digest})")


if __name__ == "__main__":
    main()
