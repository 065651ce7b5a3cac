# Sourced by run.sh and lab-run.sh (which define say and die): installs what a browser test needs.

# install_debian PACKAGE...: installs the given Debian packages when run as root, else stops naming them.
install_debian() {
  [ $# -gt 0 ] || return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing $* with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" </dev/null \
      || die "apt-get install $* failed; the test needs these Debian packages"
  else
    die "missing Debian packages: $*; install them with: sudo apt-get install -y $*"
  fi
}

# npm_ci_once DIR: npm ci in DIR (playwright-core, never a browser download) unless its packages are current.
npm_ci_once() {
  local dir="$1"
  if [ ! -f "$dir/node_modules/playwright-core/package.json" ] \
     || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    say "installing npm packages (npm ci) ..."
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts </dev/null) \
      || die "npm ci in $dir failed; it needs the npm registry (playwright-core, see package-lock.json)"
  fi
}
