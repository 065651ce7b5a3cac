#!/usr/bin/env bash
# Installs dltips once for every user of a JupyterHub on this machine, under one directory (default /srv/dltips):
#   kernel/     the kernel jar and its libraries
#   data/       MNIST and Fashion-MNIST, verified, read-only for the students
#   notebooks/  the course notebooks, read-only; each student gets a copy in ~/dltips on first login
#   share/jupyter/kernels/dltips   the kernelspec every user's server finds (the hub config sets JUPYTER_PATH)
# Run as root from a clone:  sudo deploy/jupyterhub/setup.sh [--root DIR] [--memory-mib N]
# then start the hub:        sudo DLTIPS_HUB_ROOT=DIR jupyterhub -f deploy/jupyterhub/jupyterhub_config.py
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROOT=/srv/dltips
MEMORY_MIB=1536

fail() { printf 'setup.sh: %s\n' "$*" >&2; exit 1; }
while [ $# -gt 0 ]; do
  case "$1" in
    --root) ROOT="${2:?--root needs a directory}"; shift 2 ;;
    --memory-mib) MEMORY_MIB="${2:?--memory-mib needs a number of MiB}"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) fail "unknown option '$1'; expected --root DIR or --memory-mib N" ;;
  esac
done
[ "$(id -u)" = 0 ] || fail "run as root (sudo): the files go where every student can read them and none can change them"
command -v java >/dev/null || fail "java is missing; install a JDK 17 or newer (apt-get install openjdk-17-jdk-headless)"

JAR="$REPO/kernel/target/dltips-kernel.jar"
if [ ! -f "$JAR" ]; then
  command -v mvn >/dev/null || fail "no built kernel at $JAR and no mvn to build it; install Maven or build first"
  echo "setup.sh: building the kernel ..."
  (cd "$REPO" && mvn -B -q -ntp -pl kernel -am package -DskipTests </dev/null)
fi

umask 022
mkdir -p "$ROOT"
# A new copy is made beside the old and swapped in, so a running kernel never sees half a jar.
rm -rf "$ROOT/kernel.new"
mkdir -p "$ROOT/kernel.new"
cp "$JAR" "$ROOT/kernel.new/"
cp -r "$REPO/kernel/target/lib" "$ROOT/kernel.new/lib"
rm -rf "$ROOT/kernel.old"
[ -d "$ROOT/kernel" ] && mv "$ROOT/kernel" "$ROOT/kernel.old"
mv "$ROOT/kernel.new" "$ROOT/kernel"
rm -rf "$ROOT/kernel.old"

echo "setup.sh: datasets into $ROOT/data (verified by checksum; a user's own cache is used first when it has them) ..."
DATA_FROM="${DLTIPS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dltips}"
mkdir -p "$ROOT/data"
for set in mnist fashion-mnist; do
  if [ -d "$DATA_FROM/$set" ] && [ ! -d "$ROOT/data/$set" ]; then cp -r "$DATA_FROM/$set" "$ROOT/data/$set"; fi
done
DLTIPS_CACHE="$ROOT/data" java -cp "$ROOT/kernel/dltips-kernel.jar" org.dltips.data.Datasets fetch mnist fashion-mnist \
  </dev/null || fail "could not fetch the datasets into $ROOT/data (see above)"

rm -rf "$ROOT/notebooks"
mkdir -p "$ROOT/notebooks"
cp "$REPO"/notebooks/[0-9][0-9]-*.ipynb "$ROOT/notebooks/"

java -jar "$ROOT/kernel/dltips-kernel.jar" install --prefix "$ROOT" --memory-mib "$MEMORY_MIB" --data "$ROOT/data" \
  </dev/null || fail "installing the kernelspec failed (see above)"

chown -R root:root "$ROOT"
chmod -R a+rX,go-w "$ROOT"
echo "setup.sh: done. Kernels: $MEMORY_MIB MiB each. Start the hub with:"
echo "  DLTIPS_HUB_ROOT=$ROOT jupyterhub -f $REPO/deploy/jupyterhub/jupyterhub_config.py"
