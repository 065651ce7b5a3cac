#!/usr/bin/env bash
# Faults of the JupyterLab route, and the route itself: lab/build.sh without node, with a too old node, with a
# cache it cannot write, interrupted or failing; the server on a port already in use; and ./dltips start on a
# machine with node and jupyter_server but no JupyterLab, which must open this JupyterLab. Prints
# "N passed, M failed"; exits 1 on any failure. Needs a finished build (lab/build.sh, as lab-run.sh makes).
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../../.." && pwd)"
PYTHON="${DLTIPS_PYTHON:-/usr/bin/python3}"
BUILD="$ROOT/lab/build.sh"
TMP="$(mktemp -d /tmp/dltips-lab-faults-XXXXXX)"
children=()
cleanup() {
  for pid in "${children[@]}"; do kill -- -"$pid" 2>/dev/null || kill "$pid" 2>/dev/null; done
  sleep 1
  for pid in "${children[@]}"; do kill -9 -- -"$pid" 2>/dev/null; done
  rm -rf "$TMP"
}
trap cleanup EXIT
passed=0 failed=0
check() {  # check NAME OK DETAIL
  if [ "$2" = 0 ]; then passed=$((passed + 1)); echo "ok   - $1"; else failed=$((failed + 1)); echo "FAIL - $1: $3"; fi
}
contains() { grep -q -- "$2" <<<"$1"; }

# A PATH like this machine's but without node and npm.
mkdir -p "$TMP/no-node"
for tool in /usr/bin/* /usr/local/bin/*; do
  case "$(basename "$tool")" in node|nodejs|npm|npx) ;; *) ln -sf "$tool" "$TMP/no-node/" ;; esac
done
out="$(PATH="$TMP/no-node" DLTIPS_CACHE="$TMP/cache1" bash "$BUILD" 2>&1)"; code=$?
contains "$out" "node is missing" ; check "build without node: exit 2 and says node is missing" $(( code == 2 ? $? : 1 )) "exit $code: $out"
[ ! -e "$TMP/cache1/lab" ] || [ -z "$(ls -A "$TMP/cache1/lab")" ]; check "build without node leaves nothing in the cache" $? "$(ls -A "$TMP/cache1/lab" 2>&1)"

# A node 16 in front of the real one.
mkdir -p "$TMP/old-node"
printf '#!/bin/sh\ncase "$1" in -p) echo 16 ;; *) echo v16.20.2 ;; esac\n' >"$TMP/old-node/node"; chmod +x "$TMP/old-node/node"
out="$(PATH="$TMP/old-node:$PATH" DLTIPS_CACHE="$TMP/cache2" bash "$BUILD" 2>&1)"; code=$?
contains "$out" "too old"; check "build with node 16: exit 2 and says it is too old" $(( code == 2 ? $? : 1 )) "exit $code: $out"

# A cache folder that cannot be created (its parent is a file).
touch "$TMP/a-file"
out="$(DLTIPS_CACHE="$TMP/a-file/cache" bash "$BUILD" 2>&1)"; code=$?
contains "$out" "cannot write"; check "build with an unwritable cache: exit 3 and names the folder and DLTIPS_CACHE" $(( code == 3 ? $? : 1 )) "exit $code: $out"

# npm that hangs: the build is interrupted; nothing half-built stays or is taken for a build later.
mkdir -p "$TMP/slow-npm"
printf '#!/bin/sh\nsleep 60\n' >"$TMP/slow-npm/npm"; chmod +x "$TMP/slow-npm/npm"
PATH="$TMP/slow-npm:$PATH" DLTIPS_CACHE="$TMP/cache3" setsid bash "$BUILD" >"$TMP/interrupted.log" 2>&1 &
builder=$!; children+=("$builder")
for _ in $(seq 100); do compgen -G "$TMP/cache3/lab/.building-*" >/dev/null && break; sleep 0.1; done
compgen -G "$TMP/cache3/lab/.building-*" >/dev/null; started=$?
kill -TERM -- -"$builder" 2>/dev/null; wait "$builder" 2>/dev/null
left="$(ls -A "$TMP/cache3/lab" 2>/dev/null)"
[ "$started" = 0 ] && [ -z "$left" ]; check "an interrupted build leaves no folder behind" $? "started: $started; left: '$left'"

# npm that fails: exit 4, the reason shown, nothing kept.
mkdir -p "$TMP/bad-npm"
printf '#!/bin/sh\necho "npm ERR! network unreachable" >&2\nexit 1\n' >"$TMP/bad-npm/npm"; chmod +x "$TMP/bad-npm/npm"
out="$(PATH="$TMP/bad-npm:$PATH" DLTIPS_CACHE="$TMP/cache4" bash "$BUILD" 2>&1)"; code=$?
left="$(ls -A "$TMP/cache4/lab" 2>/dev/null)"
contains "$out" "network unreachable" && contains "$out" "npm ci failed" && [ -z "$left" ]
check "a failing npm ci: exit 4, npm's words shown, nothing kept" $(( code == 4 ? $? : 1 )) "exit $code, left '$left': $out"

# The real build, reused: a second call answers at once with the same folder.
lab="$(bash "$BUILD" 2>/dev/null | tail -n 1)"; first=$?
t0=$SECONDS; again="$(bash "$BUILD" 2>/dev/null | tail -n 1)"; took=$(( SECONDS - t0 ))
[ "$first" = 0 ] && [ -f "$lab/build/bundle.js" ] && [ "$again" = "$lab" ] && [ "$took" -le 2 ]
check "a finished build is reused ($lab)" $? "first '$lab' ($first), again '$again' after ${took} s"

# The server on a port that is taken picks another and says so.
port="$("$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
"$PYTHON" -c "import socket,time; s=socket.socket(); s.bind(('127.0.0.1',$port)); s.listen(); time.sleep(120)" &
children+=($!)
sleep 0.5
env JUPYTER_RUNTIME_DIR="$TMP/rt" DLTIPS_LAB_SETTINGS="$TMP/settings" setsid "$PYTHON" "$lab/dltips_lab.py" \
  --no-browser --ip=127.0.0.1 --port="$port" --ServerApp.token=faults --ServerApp.root_dir="$TMP" \
  $([ "$(id -u)" = 0 ] && echo --allow-root) >"$TMP/port.log" 2>&1 &
children+=($!)
url=""
for _ in $(seq 150); do
  url="$(grep -o 'http://127.0.0.1:[0-9]*/lab' "$TMP/port.log" 2>/dev/null | head -n 1)"; [ -n "$url" ] && break; sleep 0.2
done
page="$(curl -s "$url?token=faults" || true)"
grep -q "already in use" "$TMP/port.log" && [ -n "$url" ] && [ "${url#*:$port/}" = "$url" ] && contains "$page" "dltips_lab"
check "port $port in use: the server says so and serves JupyterLab on another port ($url)" $? "$(tail -n 5 "$TMP/port.log")"

# ./dltips start with node and jupyter_server but no JupyterLab opens this JupyterLab.
if "$PYTHON" -c 'import jupyterlab' 2>/dev/null; then
  echo "info - $PYTHON has JupyterLab installed; ./dltips start would open that one; route check skipped"
else
  printf '#!/bin/sh\necho "$@" >>"%s/opened"\n' "$TMP" >"$TMP/browser"; chmod +x "$TMP/browser"
  # Started directly (no subshell) so that its pid leads the process group the clean-up stops.
  BROWSER="$TMP/browser" DLTIPS_PYTHON="$PYTHON" JUPYTER_RUNTIME_DIR="$TMP/rt2" DLTIPS_LAB_SETTINGS="$TMP/settings2" \
    setsid "$ROOT/dltips" start >"$TMP/start.log" 2>&1 </dev/null &
  children+=($!)
  url=""
  for _ in $(seq 900); do
    url="$(grep -o 'http://127.0.0.1:[0-9]*/lab?token=[0-9a-f]*' "$TMP/start.log" 2>/dev/null | head -n 1)"
    [ -n "$url" ] && [ -s "$TMP/opened" ] && break
    sleep 0.2
  done
  page="$(curl -s "$url" || true)"
  grep -q "JupyterLab 3.6 built from npm" "$TMP/start.log" && contains "$page" '"appNamespace": "dltips_lab"' && [ -s "$TMP/opened" ]
  check "./dltips start opens JupyterLab built from npm, in the browser, at $url" $? "$(tail -n 8 "$TMP/start.log")"
fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
