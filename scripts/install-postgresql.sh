#!/usr/bin/env bash
# Makes sure Debian's PostgreSQL server programs (initdb, pg_ctl) are installed, for the tests that run on PostgreSQL:
# they start a throw-away cluster of their own (tests/Shared/PostgresCluster.cs), never the system's. Installs the
# `postgresql` package with apt-get when missing (as root). Prints the folder of the programs.
set -euo pipefail
find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
bin=$(find_bin || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "PostgreSQL is not installed and installing it needs root: sudo apt-get install postgresql" >&2
    exit 1
  fi
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql
  bin=$(find_bin)
fi
echo "$bin"
