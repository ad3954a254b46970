#!/usr/bin/env bash
# The browser tests drive Debian's Chromium and Firefox ESR. Install them when
# missing (as root, through apt), or say how to, rather than fail later with a
# launcher error.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} for the browser tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "The browser tests need: ${missing[*]}. Install them, e.g. sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
