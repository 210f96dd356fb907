#!/usr/bin/env python3
"""Draw the linking-precision sample: linked entity mentions of one month of the multi-source corpus.

usage:
  linking_sample.py input  CORPUS.jsonl.gz YYYY-MM OUT.jsonl        the month's articles, for `marsad analyze`
  linking_sample.py draw   ANALYSIS.json N SEED OUT.tsv [OLD.tsv]    N linked mentions drawn at random with SEED
  linking_sample.py score  SAMPLE.tsv                                precision of the verdicts

A month's articles are those whose `time` field starts with YYYY-MM. A linked mention is one whose ref is a
catalogue actor or a gazetteer place (not an unknown-entity id, x-...). The draw sorts the mentions by document
id and offset and samples with Python's random.Random(SEED), so the same analysis gives the same sample.
With OLD.tsv, verdicts already given to the same (doc, offset, mention, linked id) are carried over.
Columns: doc, offset, mention, type, linked id, verdict (ok / wrong), reason, context (a few words around).
"""
import gzip, json, random, sys


def month_input(corpus, month, out):
    n = 0
    with gzip.open(corpus, "rt", encoding="utf-8") as f, open(out, "w", encoding="utf-8") as o:
        for line in f:
            r = json.loads(line)
            if not r.get("time", "").startswith(month):
                continue
            o.write(json.dumps({"id": r["id"], "title": r["title"], "text": r["text"], "outlet": r["source"],
                                "published": r["time"][:10], "url": r["url"]}, ensure_ascii=False) + "\n")
            n += 1
    print(f"{n} articles of {month} -> {out}")


def context(text, start, end, words=4):
    before = text[:start].split()[-words:]
    after = text[end:].split()[:words]
    return " ".join(before) + " [" + text[start:end] + "] " + " ".join(after)


def draw(analysis, n, seed, out, old=None):
    ana = json.load(open(analysis, encoding="utf-8"))
    pool = []
    for d in sorted(ana["documents"], key=lambda d: d["id"]):
        for e in sorted(d.get("entities", []), key=lambda e: e["start"]):
            ref = e.get("ref") or ""
            if ref and not ref.startswith("x-"):
                pool.append((d["id"], e["start"], e["text"], e["type"], ref, context(d["text"], e["start"], e["end"])))
    verdicts = {}
    if old:
        for line in (l for l in open(old, encoding="utf-8").read().splitlines() if not l.startswith("#")):
            c = line.split("\t")
            verdicts[(c[0], c[1], c[2], c[4])] = (c[5], c[6])
    sample = sorted(random.Random(seed).sample(pool, min(n, len(pool))), key=lambda r: (r[0], r[1]))
    with open(out, "w", encoding="utf-8") as o:
        o.write("# Linking precision sample: linked mentions drawn at random by linking_sample.py, each judged by hand (see\n"
                "# README.md). Key columns: 3 (doc, offset, mention).\n"
                "# Entries: verbatim (mentions and contexts quoted from the articles as found).\n"
                "# doc\toffset\tmention\ttype\tlinked_id\tverdict\treason\tcontext\n")
        for doc, start, text, typ, ref, ctx in sample:
            v, why = verdicts.get((doc, str(start), text, ref), ("", ""))
            o.write("\t".join([doc, str(start), text, typ, ref, v, why, ctx.replace("\t", " ").replace("\n", " ")]) + "\n")
    print(f"{len(sample)} of {len(pool)} linked mentions -> {out}")


def score(path):
    rows = [l.split("\t") for l in open(path, encoding="utf-8").read().splitlines() if not l.startswith("#")]
    judged = [r for r in rows if r[5] in ("ok", "wrong")]
    ok = sum(r[5] == "ok" for r in judged)
    print(f"{ok}/{len(judged)} linked mentions right: precision {ok / len(judged):.3f}" if judged else "no verdicts")


if __name__ == "__main__":
    a = sys.argv[1:]
    if a[:1] == ["input"] and len(a) == 4:
        month_input(a[1], a[2], a[3])
    elif a[:1] == ["draw"] and len(a) in (5, 6):
        draw(a[1], int(a[2]), int(a[3]), a[4], a[5] if len(a) == 6 else None)
    elif a[:1] == ["score"] and len(a) == 2:
        score(a[1])
    else:
        sys.exit(__doc__)
