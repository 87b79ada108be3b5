#!/usr/bin/env bash
# Point-in-time recovery, rehearsed end to end on a throwaway PostgreSQL cluster of this machine (never the
# shared one): WAL archiving on, the product seeded (DEMO=1, a short window), a base backup, a good write and
# then "the mistake", both through the product's API; the cluster is then destroyed and recovered from the base
# backup plus archived WAL to the instant between them, and the product is started on the recovered data.
# Needs root and Debian's PostgreSQL packages (pg_createcluster). Usage: bash scripts/ops/pitr-rehearsal.sh
# (docs/operations.md records a run). Cleans up after itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
VER=$(pg_lsclusters --no-header | awk 'NR==1 {print $1}')
PORT=5439
WORK=/tmp/lz-pitr
NAME=lzpitr
DATA=/var/lib/postgresql/$VER/$NAME
URL="postgres://lz:lz@127.0.0.1:$PORT/lz"
APP_PORT=3291
PASSWORD='Liuzhou@2019'

cleanup() {
  [ -n "${APP:-}" ] && kill "$APP" 2>/dev/null || true
  pg_dropcluster "$VER" "$NAME" --stop 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
cleanup
mkdir -p "$WORK/wal" && chown -R postgres: "$WORK"

say() { printf '\n== %s\n' "$*"; }
psqlq() { su postgres -c "psql -p $PORT -d lz -Atqc \"$1\""; }
start_app() {
  (cd server && DATABASE_URL="$URL" PORT=$APP_PORT HOST=127.0.0.1 DEMO=1 DEMO_DATE=2019-10-20T09:00:00+08:00 \
    PII_KEY_FILE="$WORK/pii.key" node --import tsx src/main.ts >"$WORK/app.log" 2>&1) &
  APP=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$APP_PORT/api/health" >/dev/null && return; sleep 1; done
  cat "$WORK/app.log"; exit 1
}
stop_app() { kill "$APP"; wait "$APP" 2>/dev/null || true; APP=; }
finding() { # $1: cookie jar, $2: the finding's text
  curl -sf -b "$1" -H 'content-type: application/json' -H "origin: http://127.0.0.1:$APP_PORT" \
    -d "{\"subjectKind\":\"county\",\"subject\":\"450226\",\"inspection\":\"quarterly\",\"period\":\"2019-Q3\",\
\"finding\":\"$2\",\"rectification\":\"加快进度\",\"dueDate\":\"2019-11-30\"}" \
    "http://127.0.0.1:$APP_PORT/api/findings" >/dev/null
}

say "a throwaway cluster on port $PORT with WAL archiving"
pg_createcluster "$VER" "$NAME" -p "$PORT" >/dev/null
cat >>"/etc/postgresql/$VER/$NAME/postgresql.conf" <<CONF
wal_level = replica
archive_mode = on
archive_command = 'test ! -f $WORK/wal/%f && cp %p $WORK/wal/%f'
CONF
pg_ctlcluster "$VER" "$NAME" start
su postgres -c "psql -p $PORT -q -c \"CREATE ROLE lz LOGIN PASSWORD 'lz'\" -c 'CREATE DATABASE lz OWNER lz'"

say "the product seeded on it (DEMO=1, played on 2019-10-20)"
start_app
stop_app
echo "report versions: $(psqlq 'SELECT COUNT(*) FROM report_versions')"

say "base backup"
su postgres -c "pg_basebackup -p $PORT -D $WORK/base -Ft -z -X stream" 2>&1 | tail -2

say "a good write, the instant to recover to, then the mistake (each through the API)"
start_app
curl -sf -c "$WORK/jar" -H 'content-type: application/json' -H "origin: http://127.0.0.1:$APP_PORT" \
  -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" "http://127.0.0.1:$APP_PORT/api/session" >/dev/null
finding "$WORK/jar" '良好记录：三江县培训进度滞后'
sleep 1
TARGET=$(psqlq "SELECT to_char(clock_timestamp(), 'YYYY-MM-DD HH24:MI:SS.US TZH')")
sleep 1
finding "$WORK/jar" '误操作：不应存在的记录'
stop_app
echo "findings before the disaster: $(psqlq 'SELECT COUNT(*) FROM findings'); recovery target: $TARGET"
psqlq 'SELECT pg_switch_wal()' >/dev/null
sleep 2

say "disaster: the cluster is stopped and its data directory destroyed"
pg_ctlcluster "$VER" "$NAME" stop
rm -rf "$DATA"

say "recovery: base backup + archived WAL up to $TARGET"
install -d -m 700 -o postgres -g postgres "$DATA" "$DATA/pg_wal"
su postgres -c "tar -xzf $WORK/base/base.tar.gz -C $DATA && tar -xzf $WORK/base/pg_wal.tar.gz -C $DATA/pg_wal"
cat >>"/etc/postgresql/$VER/$NAME/postgresql.conf" <<CONF
restore_command = 'cp $WORK/wal/%f %p'
recovery_target_time = '$TARGET'
recovery_target_action = 'promote'
CONF
su postgres -c "touch $DATA/recovery.signal"
pg_ctlcluster "$VER" "$NAME" start
for _ in $(seq 1 60); do [ "$(psqlq 'SELECT pg_is_in_recovery()' 2>/dev/null)" = f ] && break; sleep 1; done
grep -h "recovery stopping\|database system is ready" "/var/log/postgresql/postgresql-$VER-$NAME.log" | tail -2

say "after recovery"
FINDINGS=$(psqlq 'SELECT COUNT(*) FROM findings')
TEXTS=$(psqlq 'SELECT finding FROM findings ORDER BY id')
echo "findings: $FINDINGS ($TEXTS); report versions: $(psqlq 'SELECT COUNT(*) FROM report_versions')"
start_app
curl -sf "http://127.0.0.1:$APP_PORT/api/health" && echo
stop_app
if [ "$FINDINGS" = 1 ] && [ "$TEXTS" = '良好记录：三江县培训进度滞后' ]; then
  echo "PITR rehearsal OK: the good write kept, the mistake gone, the product starts on the recovered data"
else
  echo "PITR rehearsal FAILED"; exit 1
fi
