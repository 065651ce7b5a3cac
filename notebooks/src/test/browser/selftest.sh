#!/usr/bin/env bash
# Shows that the browser test fails when it should: runs it on the Python plumbing notebook (every check must pass)
# and on fixtures/python-broken.ipynb (exactly the checks listed below must fail). Needs only Debian's ipykernel.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="${1:-$HERE/../../../target/browser-selftest}"
failures=0
problem() { printf 'selftest: %s\n' "$*" >&2; failures=$((failures + 1)); }
mkdir -p "$OUT"

"$HERE/run.sh" --kernel python3 --notebook "$HERE/fixtures/python-smoke.ipynb" --out "$OUT/good" --progress 'epoch 5/5' \
  > "$OUT-good.log" 2>&1
status=$?
[ "$status" = 0 ] || problem "the good notebook exited with $status, expected 0; see $OUT-good.log"
grep -q '^FAIL' "$OUT-good.log" && problem "the good notebook has failed checks: $(grep '^FAIL' "$OUT-good.log" | head -3)"
good_failures=$failures

"$HERE/run.sh" --kernel python3 --notebook "$HERE/fixtures/python-broken.ipynb" --out "$OUT/broken" --progress 'epoch' \
  --no-console > "$OUT-broken.log" 2>&1
status=$?
[ "$status" = 1 ] || problem "the broken notebook exited with $status, expected 1; see $OUT-broken.log"
expected=('every non-empty code cell has an execution count' 'no error output (div.output_error)'
  'no stderr output mentioning an Exception' 'at least 1 rendered image output(s) (charts)'
  'at least 1 HTML table output(s) with data cells' 'a display updated in place ends with text matching /epoch/i'
  'the page shows the last update of that display, once')
for name in "${expected[@]}"; do
  grep -qF "FAIL - python-broken: $name:" "$OUT-broken.log" || problem "expected the check '$name' to fail on the broken notebook; see $OUT-broken.log"
done
actual=$(grep -c '^FAIL' "$OUT-broken.log")
[ "$actual" = "${#expected[@]}" ] || problem "the broken notebook failed $actual checks, expected ${#expected[@]}: $(grep '^FAIL' "$OUT-broken.log" | cut -c1-90)"
grep -q "^[0-9]* passed, ${#expected[@]} failed$" "$OUT-broken.log" || problem "no 'N passed, ${#expected[@]} failed' summary line in $OUT-broken.log"

broken_failures=$((failures - good_failures))
failed=$(( (good_failures > 0) + (broken_failures > 0) ))
echo "$((2 - failed)) passed, $failed failed"
[ "$failed" = 0 ]
