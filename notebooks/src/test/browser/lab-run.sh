#!/usr/bin/env bash
# JupyterLab browser test: installs what it needs (Debian packages when run as root, npm packages with npm ci),
# builds the JupyterLab front end (lab/build.sh, cached), then runs lab-run.mjs. Without arguments it runs the
# live-demo notebooks (00 to 06), the homework, the widget playground and the training fixture with the kernel jar
# of this checkout, then the by-hand checks; with arguments it passes them to lab-run.mjs after --lab-build.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../../.." && pwd)"
say() { printf 'lab test: %s\n' "$*"; }
die() { printf 'lab test: %s\n' "$*" >&2; exit 1; }
# shellcheck source=lib/setup.sh
. "$HERE/lib/setup.sh"

PYTHON="${DLTIPS_PYTHON:-/usr/bin/python3}"
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
"$PYTHON" -c 'import jupyter_server' 2>/dev/null || missing+=(python3-jupyter-server)
"$PYTHON" -c 'import jupyterlab_server' 2>/dev/null || missing+=(python3-jupyterlab-server)
"$PYTHON" -c 'import jupyter_client' 2>/dev/null || missing+=(jupyter-client)
command -v npm >/dev/null || missing+=(npm)
install_debian "${missing[@]}"
npm_ci_once "$HERE"

started=$SECONDS
LAB="$("$ROOT/lab/build.sh" </dev/null | tail -n 1)" || die "building the JupyterLab front end failed (see above)"
say "JupyterLab front end ready in $(( SECONDS - started )) s: $LAB"

if [ $# -eq 0 ]; then
  JAR="$ROOT/kernel/target/dltips-kernel.jar"
  if [ ! -f "$JAR" ]; then
    say "no $JAR yet; building it (mvn package -DskipTests) ..."
    (cd "$ROOT" && mvn -B -q -ntp -pl kernel -am package -DskipTests </dev/null) || die "building the kernel jar failed"
  fi
  set -- --kernel dltips --kernel-jar "$JAR" --out "$ROOT/notebooks/target/lab-test" --progress 'epoch \d+/\d+' \
         --timeout-min 20 --notebook "$HERE/fixtures/dltips-training.ipynb"
  for nb in "$ROOT"/notebooks/0[0-6]-*.ipynb "$ROOT/notebooks/13-homework.ipynb" "$ROOT/notebooks/15-playground.ipynb"; do
    set -- "$@" --notebook "$nb"
  done
fi
exec node "$HERE/lab-run.mjs" --python "$PYTHON" --lab-build "$LAB" "$@"
