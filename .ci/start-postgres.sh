#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for the tests on 127.0.0.1:55432 with the database
# usage_monitor_test owned by the role usage_monitor (password usage_monitor). Needs Debian's
# postgresql package. Safe to run twice: a running server is left alone.
set -euo pipefail
port=${MONITOR_TEST_POSTGRES_PORT:-55432}
data=${MONITOR_TEST_POSTGRES_DATA:-/tmp/usage-monitor-pg}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

if pg_isready -h 127.0.0.1 -p "$port" >/dev/null 2>&1; then
	echo "PostgreSQL already running on 127.0.0.1:$port"
	exit 0
fi
rm -rf "$data"
mkdir -p "$data"
chown postgres:postgres "$data"
su postgres -c "$bin/initdb -D $data -A trust -U postgres" >/dev/null
su postgres -c "$bin/pg_ctl -D $data -l $data/server.log -o '-p $port -k /tmp -c listen_addresses=127.0.0.1' -w start" >/dev/null
psql -h 127.0.0.1 -p "$port" -U postgres -q -c "CREATE ROLE usage_monitor LOGIN PASSWORD 'usage_monitor'"
psql -h 127.0.0.1 -p "$port" -U postgres -q -c "CREATE DATABASE usage_monitor_test OWNER usage_monitor"
echo "PostgreSQL running on 127.0.0.1:$port (database usage_monitor_test)"
