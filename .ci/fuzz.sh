#!/usr/bin/env bash
# A bounded fuzzing session over the readers, the cleaner, the Arabic core and the time parser (fuzz/Marsad.Fuzz).
# Usage: .ci/fuzz.sh [TOTAL_SECONDS]   (default 100: with the build, CI stays under two minutes)
# With afl-fuzz and the sharpfuzz tool on the PATH (`apt-get install afl++`, `dotnet tool install -g SharpFuzz.CommandLine`),
# Marsad.dll is instrumented and each target runs under AFL; otherwise a seeded random-mutation loop runs the same
# targets in process. Findings land in fuzz/findings/<target>/; the script fails when there is any. Each crash becomes
# a regression test: copy the input to tests/Marsad.Tests/Fixtures/fuzz/<target>/ (FuzzRegressionTests replays them).
set -euo pipefail
cd "$(dirname "$0")/.."
total="${1:-100}"
targets=(reader cleaner arabic time)
per=$(( total / ${#targets[@]} ))
out="fuzz/findings"
rm -rf "$out"
mkdir -p "$out"

dotnet build fuzz/Marsad.Fuzz -c Release -o fuzz/bin --nologo -v quiet
harness="fuzz/bin/Marsad.Fuzz.dll"

status=0
if command -v afl-fuzz >/dev/null && command -v sharpfuzz >/dev/null; then
  echo "fuzz: AFL ($per s per target)"
  sharpfuzz fuzz/bin/Marsad.dll
  for t in "${targets[@]}"; do
    AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
      timeout $(( per + 15 )) afl-fuzz -V "$per" -t 10000 -m none -i "fuzz/seeds/$t" -o "$out/$t" -- dotnet "$harness" "$t" afl >/dev/null || true
    crashes=$(find "$out/$t" -path '*crashes/id*' 2>/dev/null | wc -l)
    echo "fuzz: $t: $crashes crashes"
    [ "$crashes" -eq 0 ] || status=1
  done
else
  echo "fuzz: no afl-fuzz/sharpfuzz here: random-mutation loop ($per s per target)"
  seed="${FUZZ_SEED:-$RANDOM}"
  for t in "${targets[@]}"; do
    dotnet "$harness" "$t" mutate "$per" "fuzz/seeds/$t" "$out/$t" "$seed" || status=1
  done
fi

if [ "$status" -ne 0 ]; then
  echo "fuzz: findings in $out — replay with: dotnet $harness TARGET replay FILE" >&2
fi
exit "$status"
