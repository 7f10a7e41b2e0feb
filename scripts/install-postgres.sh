#!/usr/bin/env bash
# Install a PostgreSQL server for the PostgreSQL project tests (tests/postgres.py starts a
# throwaway one with initdb and pg_ctl; nothing is left running and no system database used).
set -euo pipefail
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1; then
    exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
    echo "installing Debian's postgresql for the PostgreSQL project tests..."
    $SUDO apt-get update -qq
    # the package also makes a cluster of its own (started where services run); the tests never use it
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
else
    echo "note: no PostgreSQL and no apt-get; install PostgreSQL yourself or the PostgreSQL project tests are skipped" >&2
fi
