#!/usr/bin/env python3
"""Builds data/gazetteer/wof_places.tsv from the Who's On First extract of Iraq and Syria.

usage: python3 data/gazetteer/build_wof_places.py [SOURCE_TSV] [OUTPUT_TSV]
  SOURCE_TSV defaults to ../shared/data/gazetteer/wof_iq_sy_arabic_gazetteer.tsv (beside the repository)
  OUTPUT_TSV defaults to data/gazetteer/wof_places.tsv

What it does (deterministic: the same input gives the same bytes):
- keeps every current record with an Arabic name (country, region, county, locality, neighbourhood, campus);
- cleans the Arabic names for display: NFC, presentation forms folded, harakat, tatweel and invisible
  controls removed, Kurdish/Persian letter forms mapped to Arabic, spaces collapsed; variants de-duplicated;
- rounds coordinates to 5 decimals, keeps region/county parents, population and the Wikidata id;
- sorts by wof_id.
"""
import os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SRC = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "..", "shared", "data", "gazetteer", "wof_iq_sy_arabic_gazetteer.tsv")
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "wof_places.tsv")

KEEP = {"country", "region", "county", "locality", "neighbourhood", "campus"}
DROP = re.compile("[\u064B-\u065F\u0670\u0640\u06D6-\u06ED\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]")
LETTERS = str.maketrans({"ک": "ك", "ی": "ي", "ې": "ي", "ۍ": "ي", "ہ": "ه", "ە": "ه", "ۀ": "ه", "چ": "ج", "گ": "ك", "ڤ": "ف", "پ": "ب", "ڕ": "ر", "ڵ": "ل", "ۆ": "و", "ێ": "ي"})


def clean(name):
    name = unicodedata.normalize("NFKC", name)
    name = DROP.sub("", name).translate(LETTERS)
    name = re.sub(r"\s+", " ", name).strip()
    return unicodedata.normalize("NFC", name)


def coord(v):
    return f"{float(v):.5f}".rstrip("0").rstrip(".")


def main():
    rows = []
    with open(SRC, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        col = {h: i for i, h in enumerate(header)}
        for line in f:
            r = line.rstrip("\n").split("\t")
            if r[col["placetype"]] not in KEEP:
                continue
            name = clean(r[col["name_ar"]])
            if not name:
                continue
            variants = []
            for v in r[col["name_ar_variants"]].split("|"):
                v = clean(v)
                if v and v != name and v not in variants:
                    variants.append(v)
            pop = r[col["population"]].strip()
            rows.append((int(r[col["wof_id"]]), [
                r[col["wof_id"]], r[col["country"]], r[col["placetype"]], name, "|".join(variants),
                unicodedata.normalize("NFC", r[col["name_en"]].strip()), coord(r[col["lat"]]), coord(r[col["lon"]]),
                r[col["region_id"]].strip(), r[col["county_id"]].strip(),
                pop if pop not in ("", "0") else "", r[col["wikidata_id"]].strip()]))
    rows.sort(key=lambda x: x[0])
    with open(OUT, "w", encoding="utf-8", newline="\n") as o:
        o.write("# Places of Iraq and Syria with an Arabic name. Data from Who's On First "
                "(https://whosonfirst.org/docs/licenses/): CC0, some fields CC-BY (GeoNames, Quattroshapes, Zetashapes).\n")
        o.write("# Derived by data/gazetteer/build_wof_places.py from whosonfirst-data admin-iq @4c7a00f6 and admin-sy @2db0f03b;"
                " names are raw display forms (diacritics and tatweel removed), not normalized.\n")
        o.write("# columns: wof_id country placetype name_ar name_ar_variants(|) name_en lat lon region_id county_id population wikidata\n")
        for _, r in rows:
            o.write("\t".join(r) + "\n")
    print(f"{len(rows)} places -> {OUT}")


if __name__ == "__main__":
    main()
