#!/usr/bin/env python3
"""Builds data/ar/word-freq.tsv: normalized Arabic word forms and their counts in the ANT v2.1 news corpus.

Usage: python3 data/ar/build_word_freq.py [path/to/ant_v2.1_multisource.jsonl.gz] > data/ar/word-freq.tsv

Only derived counts of single word forms are written (no text). The normalization mirrors
src/Marsad/Arabic/ArabicNormalizer.cs; the lint test checks that every entry is a fixed point of it.
"""
import gzip
import json
import os
import sys
import unicodedata
from collections import Counter

MIN_COUNT = 3


def map_char(c):
    o = ord(c)
    if o < 0x0600:
        return c
    if c in "أإآٱ\u0672\u0673":
        return "ا"
    if c == "ؤ":
        return "و"
    if c in "ئىیېۍ":
        return "ي"
    if c in "ةہھەۀ":
        return "ه"
    if c == "ک":
        return "ك"
    if c == "ـ":
        return ""
    if 0x064B <= o <= 0x065F or o == 0x0670 or (0x06D6 <= o <= 0x06ED and o not in (0x06E5, 0x06E6)):
        return ""
    if 0x0660 <= o <= 0x0669:
        return chr(ord("0") + o - 0x0660)
    if 0x06F0 <= o <= 0x06F9:
        return chr(ord("0") + o - 0x06F0)
    if o in (0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2066, 0x2067, 0x2068, 0x2069,
             0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0xFEFF):
        return ""
    if 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFC:
        f = unicodedata.normalize("NFKC", c)
        return map_char(f) if len(f) == 1 and f != c else c
    return c


def is_arabic_letter(c):
    o = ord(c)
    return (0x0621 <= o <= 0x064A or 0x066E <= o <= 0x06D3 or o == 0x06D5) and c != "ـ"


def words(text):
    buf = []
    for ch in text:
        m = map_char(ch)
        if m == "":
            continue
        if is_arabic_letter(m):
            buf.append(m)
        elif buf:
            yield "".join(buf)
            buf = []
    if buf:
        yield "".join(buf)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "..", "..", "shared", "data", "corpus", "ant_v2.1_multisource.jsonl.gz")
    path = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("MARSAD_SHARED", "") and os.path.join(
        os.environ["MARSAD_SHARED"], "data", "corpus", "ant_v2.1_multisource.jsonl.gz") or default
    counts = Counter()
    seen = set()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            text = json.loads(line).get("text") or ""
            key = hash(text)
            if key in seen:  # the corpus holds exact duplicate texts
                continue
            seen.add(key)
            counts.update(words(text))
    out = sys.stdout
    out.write("# Normalized Arabic word forms with their counts (form<TAB>count), count >= %d.\n" % MIN_COUNT)
    out.write("# Source: derived from the ANT corpus v2.1 (Chouigui et al., github antcorpus; Apache-2.0),\n")
    out.write("# duplicate texts counted once. Only counts of single word forms are kept, no text.\n")
    out.write("# Built by data/ar/build_word_freq.py. Entries: normalized.\n")
    for w, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if n >= MIN_COUNT:
            out.write("%s\t%d\n" % (w, n))


if __name__ == "__main__":
    main()
