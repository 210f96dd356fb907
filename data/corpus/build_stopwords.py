#!/usr/bin/env python3
"""Builds data/corpus/stopwords.tsv: the union of two public Arabic stop word lists, normalized.

Usage: python3 data/corpus/build_stopwords.py [path/to/shared/data/stopwords] > data/corpus/stopwords.tsv

Sources (both MIT): stopwords-iso 1.1.0 (npm stopwords-iso, Arabic list) and mohataher/arabic-stop-words.
Entries are normalized with the same rules as src/Marsad/Arabic/ArabicNormalizer.cs (shared with
data/ar/build_word_freq.py); only words made of Arabic letters are kept, each once, in ordinal order.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ar"))
from build_word_freq import map_char, is_arabic_letter  # noqa: E402


def normalize(word):
    return "".join(map_char(c) for c in word.strip())


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.environ.get("MARSAD_SHARED") or os.path.join(here, "..", "..", "..", "shared"), "data", "stopwords")
    words = set()
    for name in ("stopwords-iso_ar.txt", "mohataher_list.txt"):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for line in f:
                w = normalize(line)
                if len(w) >= 2 and all(is_arabic_letter(c) for c in w):
                    words.add(w)
    print("# Arabic stop words for story terms: words that say nothing about what a story is about.")
    print("# Source: union of stopwords-iso 1.1.0 (Arabic) and github mohataher/arabic-stop-words, both MIT;")
    print("# built by data/corpus/build_stopwords.py. Entries: normalized. Columns: word")
    for w in sorted(words):
        print(w)


if __name__ == "__main__":
    main()
