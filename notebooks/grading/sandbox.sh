#!/bin/sh
# Runs a command where the grader's files cannot be reached: each --ro DIR is mounted read-only, each --hide PATH
# is covered (an empty directory, or /dev/null for a file). Uses a user and mount namespace (util-linux unshare);
# prints a warning and runs the command as it is when the system does not allow one.
#
#   sandbox.sh --ro /course/submissions --hide /course/graded -- java -jar dltips-kernel.jar kernel conn.json
set -eu

if [ "${DLTIPS_SANDBOXED:-}" != 1 ]; then
  if command -v unshare >/dev/null 2>&1 && unshare --user --map-root-user --mount true 2>/dev/null; then
    DLTIPS_SANDBOXED=1 exec unshare --user --map-root-user --mount -- "$0" "$@"
  fi
  echo "sandbox.sh: WARNING: no user namespace (unshare --user --mount is not allowed here); running without" \
       "protecting the grader's files" >&2
  while [ "$#" -gt 0 ] && [ "$1" != -- ]; do shift; done
  [ "$#" -gt 0 ] && shift
  exec "$@"
fi

while [ "$#" -gt 0 ]; do
  case "$1" in
    --ro)
      mount --bind "$2" "$2" && mount -o remount,bind,ro "$2" \
        || { echo "sandbox.sh: could not make $2 read-only" >&2; exit 70; }
      shift 2 ;;
    --hide)
      if [ -d "$2" ]; then
        mount -t tmpfs -o ro,size=4k,mode=555 dltips-hidden "$2"
      elif [ -e "$2" ]; then
        mount --bind /dev/null "$2"
      fi || { echo "sandbox.sh: could not hide $2" >&2; exit 70; }
      shift 2 ;;
    --) shift; break ;;
    *) echo "sandbox.sh: unknown option $1; expected --ro DIR, --hide PATH or --" >&2; exit 64 ;;
  esac
done
exec "$@"
