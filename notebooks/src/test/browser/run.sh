#!/usr/bin/env bash
# Browser and console test: installs what it needs (Debian packages when run as root, npm packages with npm ci),
# then runs run.mjs. Without arguments it tests the dltips fixture notebook with the kernel jar of this checkout
# (built first when missing); with arguments it passes them to run.mjs (see `run.sh --help`).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../../.." && pwd)"
say() { printf 'browser test: %s\n' "$*"; }
die() { printf 'browser test: %s\n' "$*" >&2; exit 1; }
# shellcheck source=lib/setup.sh
. "$HERE/lib/setup.sh"

PYTHON="${DLTIPS_PYTHON:-/usr/bin/python3}"
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium chromium-driver)
"$PYTHON" -c 'import notebook' 2>/dev/null || missing+=(jupyter-notebook)
"$PYTHON" -c 'import jupyter_console' 2>/dev/null || missing+=(jupyter-console)
command -v tmux >/dev/null || missing+=(tmux)
# the notebooks name each idea's lecture term in Chinese: without a CJK font the screenshots show boxes
[ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto/NotoSansCJK* >/dev/null 2>&1 \
  || missing+=(fonts-noto-cjk)
command -v npm >/dev/null || missing+=(npm)
install_debian "${missing[@]}"
npm_ci_once "$HERE"

if [ $# -eq 0 ]; then
  JAR="$ROOT/kernel/target/dltips-kernel.jar"
  if [ ! -f "$JAR" ]; then
    say "no $JAR yet; building it (mvn package -DskipTests) ..."
    (cd "$ROOT" && mvn -B -q -ntp -pl kernel -am package -DskipTests </dev/null) || die "building the kernel jar failed"
  fi
  set -- --kernel dltips --kernel-jar "$JAR" --notebook "$HERE/fixtures/dltips-smoke.ipynb" \
         --out "$ROOT/notebooks/target/browser-test" --min-images 1 --min-tables 1 --progress 'epoch'
  # The training notebook and the first lecture notebook need the library's trainer; they join as soon as
  # the kernel's classpath has it.
  if "$PYTHON" - "$ROOT"/kernel/target/lib/dltips-lib*.jar <<'PY'
import sys, zipfile
sys.exit(0 if any('org/dltips/train/Trainer.class' in zipfile.ZipFile(j).namelist() for j in sys.argv[1:]) else 1)
PY
  then
    set -- "$@" --notebook "$HERE/fixtures/dltips-training.ipynb" --notebook "$ROOT/notebooks/00-the-recipe.ipynb"
  else
    say "this build has no org.dltips.train.Trainer; fixtures/dltips-training.ipynb is not run"
  fi
fi
exec node "$HERE/run.mjs" --python "$PYTHON" "$@"
