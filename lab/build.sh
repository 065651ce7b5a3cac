#!/usr/bin/env bash
# Builds the dltips JupyterLab front end once into the user's cache and prints the folder to serve from
# (its last line of output); later calls with the same sources print the same folder at once.
#
#   lab/build.sh            -> .../dltips/lab/<key>   (serve with: python3 <key>/dltips_lab.py --port=...)
#
# The key is a hash of this folder's sources, so an edited package.json or webpack config builds anew. A build
# is made in a temporary folder and renamed into place only when it is complete: an interrupted build leaves
# nothing that a later call would reuse. Exit codes: 0 built or reused, 2 node/npm missing or too old,
# 3 cache not writable, 4 npm ci or webpack failed.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NODE_MAJOR=18
say() { printf 'dltips lab: %s\n' "$*" >&2; }
die() { local code="$1"; shift; printf 'dltips lab: %s\n' "$*" >&2; exit "$code"; }

command -v node >/dev/null || die 2 "node is missing; the JupyterLab front end is built with Node.js $NODE_MAJOR or newer and npm.
  Debian/Ubuntu: sudo apt-get install -y nodejs npm    conda: conda install -c conda-forge nodejs"
command -v npm >/dev/null || die 2 "npm is missing (node is $(node --version)); install npm, e.g. sudo apt-get install -y npm"
major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$major" -ge "$NODE_MAJOR" ] || die 2 "node $(node --version) is too old; the JupyterLab 3.6 build needs Node.js $NODE_MAJOR or newer"

SOURCES=(package.json package-lock.json webpack.config.js dltips_lab.py src templates settings)
key="$(cd "$HERE" && find "${SOURCES[@]}" -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)"
cache="${DLTIPS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dltips}/lab"
final="$cache/$key"
if [ -f "$final/.complete" ]; then
  printf '%s\n' "$final"
  exit 0
fi

mkdir -p "$cache" 2>/dev/null && [ -w "$cache" ] \
  || die 3 "cannot write to $cache, where the JupyterLab front end is built; make it writable or set DLTIPS_CACHE to a writable folder"
# Folders of builds that were killed outright (no trap ran) are removed once they are an hour old.
find "$cache" -maxdepth 1 -name '.building-*' -mmin +60 -exec rm -rf {} + 2>/dev/null || true
[ ! -e "$final" ] || rm -rf "$final"   # there without .complete: not ours to trust
# the trap is set before the folder exists: a build stopped right after creating it leaves nothing behind
work="$cache/.building-$key-$$-$RANDOM$RANDOM"
trap 'rm -rf "$work"' EXIT
mkdir -m 700 "$work" || die 3 "cannot create $work; make $cache writable or set DLTIPS_CACHE to a writable folder"
(cd "$HERE" && cp -R "${SOURCES[@]}" "$work/")
log="$work/build.log"

started=$SECONDS
say "building the JupyterLab 3.6 front end once into $final (about 2 minutes; log: $final/build.log)"
say "  1/2 npm ci: fetching the @jupyterlab packages ..."
if ! (cd "$work" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error) >>"$log" 2>&1 </dev/null; then
  tail -n 20 "$log" >&2
  die 4 "npm ci failed (above); it needs the npm registry. Nothing was kept; run again once it is reachable"
fi
say "  2/2 webpack: bundling ($(( SECONDS - started )) s so far) ..."
if ! (cd "$work" && node node_modules/webpack/bin/webpack.js --config webpack.config.js) >>"$log" 2>&1 </dev/null; then
  tail -n 30 "$log" >&2
  die 4 "webpack failed (above); nothing was kept"
fi
[ -f "$work/build/bundle.js" ] || die 4 "webpack finished without build/bundle.js; nothing was kept (log: $log)"
# The server needs only build/ (MathJax included, for LaTeX without the internet), not the 250 MB of packages.
mv "$work/node_modules/mathjax" "$work/build/mathjax"
rm -rf "$work/build/mathjax/unpacked"   # unminified copies of what MathJax loads minified
rm -rf "$work/node_modules"
touch "$work/.complete"
# Another build of the same sources may have finished meanwhile; either copy will do.
if mv -T "$work" "$final" 2>/dev/null; then
  trap - EXIT
else
  [ -f "$final/.complete" ] || die 4 "could not move the build into $final"
fi
for old in "$cache"/*; do
  [ "$old" = "$final" ] || [ ! -f "$old/.complete" ] || rm -rf "$old"
done
say "built in $(( SECONDS - started )) s"
printf '%s\n' "$final"
