#!/usr/bin/env bash
# Debian packages the test suite talks to for real: nginx with ngx_lua (config oracle and runtime tests),
# lua-resty-redis and redis-server (runtime tests; ss from iproute2 counts TIME_WAIT), pre-commit, and
# chromium (the pools HTML report is checked in a real headless browser), and neovim (the language server runs
# under its built-in LSP client, a real editor).
# Never install Debian's `luajit`/`libluajit-5.1-2`: they conflict with libnginx-mod-http-lua.
set -euo pipefail
PACKAGES=(nginx libnginx-mod-http-lua lua-nginx-redis redis-server iproute2 pre-commit chromium neovim)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-system-deps: missing ${missing[*]}; run as root (or with sudo) to install them" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
