#!/usr/bin/env bash
# Start a throw-away Virtuoso (Debian's virtuoso-opensource-7) on loopback for
# tests/test_virtuoso.py, installing it first if it is missing.
#
# Usage:
#   scripts/ci/start-virtuoso.sh [DBDIR]        start; prints VIRTUOSO_URL=… on the last line
#   scripts/ci/start-virtuoso.sh --stop DBDIR   stop the server started in DBDIR
#
# Environment: VIRTUOSO_HTTP_PORT (default 18890), VIRTUOSO_SQL_PORT (default 11111).
# The database lives in DBDIR (default: a new temporary directory); it listens on
# 127.0.0.1 only, with Virtuoso's default dba password, and the SPARQL user may
# update (so `kg load --endpoint …/sparql` works through SPARQL 1.1 Update).
# Then:  VIRTUOSO_URL=http://127.0.0.1:18890/sparql pytest tests/test_virtuoso.py
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
HTTP_PORT="${VIRTUOSO_HTTP_PORT:-18890}"
SQL_PORT="${VIRTUOSO_SQL_PORT:-11111}"

if [[ "${1:-}" == "--stop" ]]; then
    DBDIR="${2:?usage: $0 --stop DBDIR}"
    if [[ -f "$DBDIR/virtuoso.pid" ]]; then
        kill "$(cat "$DBDIR/virtuoso.pid")" 2>/dev/null || true
        rm -f "$DBDIR/virtuoso.pid"
    fi
    exit 0
fi

if ! command -v virtuoso-t >/dev/null 2>&1; then
    echo "installing virtuoso-opensource-7 …" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends virtuoso-opensource-7 >&2
fi

DBDIR="${1:-$(mktemp -d -t kg-virtuoso.XXXXXX)}"
mkdir -p "$DBDIR/vsp"
DBDIR="$(cd "$DBDIR" && pwd)"
sed -e "s|@DBDIR@|$DBDIR|g" -e "s|@SQL_PORT@|$SQL_PORT|g" -e "s|@HTTP_PORT@|$HTTP_PORT|g" \
    "$HERE/virtuoso.ini.in" > "$DBDIR/virtuoso.ini"

cd "$DBDIR"
virtuoso-t +foreground +configfile "$DBDIR/virtuoso.ini" > "$DBDIR/stdout.log" 2>&1 &
echo $! > "$DBDIR/virtuoso.pid"

# wait (bounded: 90 s) until the SPARQL endpoint answers
URL="http://127.0.0.1:$HTTP_PORT/sparql"
for _ in $(seq 1 90); do
    if curl -fsS -o /dev/null --max-time 2 "$URL?query=ASK%7B%7D" 2>/dev/null; then
        break
    fi
    if ! kill -0 "$(cat "$DBDIR/virtuoso.pid")" 2>/dev/null; then
        echo "virtuoso exited; see $DBDIR/virtuoso.log" >&2
        tail -20 "$DBDIR/virtuoso.log" >&2 || true
        exit 1
    fi
    sleep 1
done
if ! curl -fsS -o /dev/null --max-time 2 "$URL?query=ASK%7B%7D"; then
    echo "virtuoso did not answer on $URL within 90 s; see $DBDIR/virtuoso.log" >&2
    exit 1
fi

# let the anonymous SPARQL user update (loopback-only, throw-away database)
isql-vt "127.0.0.1:$SQL_PORT" dba dba \
    exec='GRANT SPARQL_UPDATE TO "SPARQL"; GRANT EXECUTE ON DB.DBA.SPARQL_INSERT_DICT_CONTENT TO "SPARQL"; GRANT EXECUTE ON DB.DBA.SPARQL_DELETE_DICT_CONTENT TO "SPARQL";' >&2

echo "VIRTUOSO_DBDIR=$DBDIR"
echo "VIRTUOSO_URL=$URL"
