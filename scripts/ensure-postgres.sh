#!/usr/bin/env bash
# Makes sure the local PostgreSQL 15 on 127.0.0.1:5432 answers, with the extensions the migrator's
# tests use: pg_stat_statements (preloaded) and HypoPG (from Debian's postgresql-15-hypopg).
set -euo pipefail
PGVER="$(ls /etc/postgresql 2>/dev/null | sort -n | tail -1)"
PGVER="${PGVER:-15}"
start_pg() { pg_ctlcluster --skip-systemctl-redirect "$PGVER" main start || true; }
wait_pg() {
  for _ in $(seq 1 60); do pg_isready -h 127.0.0.1 -p 5432 -q && return 0; sleep 1; done
  echo "PostgreSQL did not answer on 127.0.0.1:5432" >&2; return 1
}
psqlc() { psql -h 127.0.0.1 -U postgres -d postgres -Atqc "$1"; }

pg_isready -h 127.0.0.1 -p 5432 -q || start_pg
wait_pg

if [[ ! -f "/usr/share/postgresql/$PGVER/extension/hypopg.control" ]]; then
  echo "== installing postgresql-$PGVER-hypopg"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-$PGVER-hypopg" >/dev/null) \
    || echo "warning: could not install HypoPG; index suggestions will be tested as unverified" >&2
fi

if [[ "$(psqlc 'show shared_preload_libraries')" != *pg_stat_statements* ]]; then
  echo "== preloading pg_stat_statements (restarts PostgreSQL)"
  psqlc "alter system set shared_preload_libraries = 'pg_stat_statements'"
  pg_ctlcluster --skip-systemctl-redirect "$PGVER" main restart
  wait_pg
fi
echo "== PostgreSQL $(psqlc 'show server_version') on 127.0.0.1:5432, preload: $(psqlc 'show shared_preload_libraries')"
