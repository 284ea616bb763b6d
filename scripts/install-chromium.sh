#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests (tests/Nlc.Web.Tests), which drive it with Playwright through its
# ExecutablePath. Playwright's own browser download does not work on these machines: never run `playwright install`.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
