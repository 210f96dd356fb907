#!/usr/bin/env sh
# Rebuilds the word clusters of the entity tagger from the unlabeled news in ../shared/data/corpus
# (about 10 minutes on one core). Run from the repository root.
set -e
SHARED="${MARSAD_SHARED:-../shared}"
dotnet run --project src/Marsad.Cli -c Release -- train ner-clusters \
  --corpus "$SHARED/data/corpus/ant_v2.1_multisource.jsonl.gz" "$SHARED/data/corpus/ant_v1.1_jawharafm.jsonl.gz" \
  --vocab 60000 --classes 512 --max-tokens 14000000 --minutes 7 \
  --out data/clusters/ar-news-clusters.tsv
