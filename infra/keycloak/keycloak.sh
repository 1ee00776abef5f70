#!/usr/bin/env bash
# Local Keycloak (the identity provider) for dev and CI, keeping its data in the project's Postgres.
# The distribution comes from Maven Central via ./pom.xml; no Docker. Runs in production mode: the
# build-time options are baked in once (`kc.sh build`), and each start is `kc.sh start --optimized`.
#
# Usage: infra/keycloak/keycloak.sh {fetch|start|stop|status|logs|reset}
#
# Env (defaults in ./defaults.env where marked *):
#   TITIPAN_CACHE             cache root (default: $HOME/.cache/titipan)
#   KEYCLOAK_DATA_DIR         pid, log, temp files, transaction logs (default: $TITIPAN_CACHE/keycloak-data)
#   KEYCLOAK_PORT *           HTTP port, on 127.0.0.1 (default: 8080)
#   KEYCLOAK_MANAGEMENT_PORT *  health endpoints (/health/ready) (default: 9000)
#   KEYCLOAK_HOSTNAME         the URL tokens name as issuer (default: http://127.0.0.1:$KEYCLOAK_PORT)
#   KEYCLOAK_DB *             database of its own, created when missing (default: titipan_keycloak)
#   KEYCLOAK_DB_USER          its login role, created when missing and owner of the database (default: $KEYCLOAK_DB)
#   KEYCLOAK_DB_PASSWORD      (default: the role's name, as the services' roles in development)
#   DB_ADMIN_URL              Postgres superuser connection for creating them (default: postgres://postgres@127.0.0.1:5432/postgres)
#   KEYCLOAK_BOOTSTRAP_CLIENT_ID, _SECRET *  the master realm's admin client, made on the first start only
#   KEYCLOAK_HEAP_OPTS        JVM heap flags (default: -Xms128m -Xmx768m)
#   KEYCLOAK_START_TIMEOUT    seconds to wait until ready (default: 300)
#   KEYCLOAK_STOP_TIMEOUT     seconds to wait after SIGTERM before SIGKILL (default: 30)
#   KEYCLOAK_JAVA_HOME        JDK to run it with; otherwise the newest of Java 25, 21, 17 under /usr/lib/jvm,
#                             then JAVA_HOME, then `java` on PATH (Keycloak 26.5 supports 17, 21 and 25)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
POM="$SCRIPT_DIR/pom.xml"

# Development defaults; anything already in the environment wins.
while IFS='=' read -r name value; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  [[ -n "${!name:-}" ]] || export "$name=$value"
done <"$SCRIPT_DIR/defaults.env"

KEYCLOAK_VERSION="$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$POM" | head -n1)"
[[ -n "$KEYCLOAK_VERSION" ]] || { echo "keycloak: cannot read <keycloak.version> from $POM" >&2; exit 1; }

TITIPAN_CACHE="${TITIPAN_CACHE:-$HOME/.cache/titipan}"
KC_HOME="$TITIPAN_CACHE/keycloak-$KEYCLOAK_VERSION"
FETCH_MARKER="$KC_HOME/.fetched"
BUILD_MARKER="$KC_HOME/.built"
M2_REPO="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"

KEYCLOAK_DATA_DIR="${KEYCLOAK_DATA_DIR:-$TITIPAN_CACHE/keycloak-data}"
KEYCLOAK_HOSTNAME="${KEYCLOAK_HOSTNAME:-http://127.0.0.1:$KEYCLOAK_PORT}"
KEYCLOAK_DB_USER="${KEYCLOAK_DB_USER:-$KEYCLOAK_DB}"
KEYCLOAK_DB_PASSWORD="${KEYCLOAK_DB_PASSWORD:-$KEYCLOAK_DB_USER}"
DB_ADMIN_URL="${DB_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
KEYCLOAK_HEAP_OPTS="${KEYCLOAK_HEAP_OPTS:--Xms128m -Xmx768m}"
KEYCLOAK_START_TIMEOUT="${KEYCLOAK_START_TIMEOUT:-300}"
KEYCLOAK_STOP_TIMEOUT="${KEYCLOAK_STOP_TIMEOUT:-30}"

PID_FILE="$KEYCLOAK_DATA_DIR/keycloak.pid"
LOG_FILE="$KEYCLOAK_DATA_DIR/keycloak.log"
READY_URL="http://127.0.0.1:$KEYCLOAK_MANAGEMENT_PORT/health/ready"

# Build-time options: baked into the distribution once by `kc.sh build`; every instance shares them.
BUILD_OPTIONS=(--db=postgres --health-enabled=true)

log() { echo "keycloak: $*" >&2; }
die() { echo "keycloak: ERROR: $*" >&2; exit 1; }

# The Java feature version of a JDK directory, from its `release` file (no JVM started).
java_version_of() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null; }

pick_java_home() {
  if [[ -n "${KEYCLOAK_JAVA_HOME:-}" ]]; then echo "$KEYCLOAK_JAVA_HOME"; return; fi
  local want dir
  for want in 25 21 17; do
    for dir in /usr/lib/jvm/*/; do
      dir="${dir%/}"
      [[ -x "$dir/bin/java" && "$(java_version_of "$dir")" == "$want" ]] && { echo "$dir"; return; }
    done
  done
  if [[ -n "${JAVA_HOME:-}" ]]; then echo "$JAVA_HOME"; return; fi
  local java
  java="$(command -v java)" || die "no Java found (Keycloak $KEYCLOAK_VERSION needs Java 17, 21 or 25)"
  dirname "$(dirname "$(readlink -f "$java")")"
}

KC_JAVA_HOME="$(pick_java_home)"
case "$(java_version_of "$KC_JAVA_HOME")" in
  17 | 21 | 25) ;;
  *) die "$KC_JAVA_HOME is Java $(java_version_of "$KC_JAVA_HOME"); Keycloak $KEYCLOAK_VERSION supports 17, 21 and 25 (set KEYCLOAK_JAVA_HOME)" ;;
esac

pom_hash() { sha256sum "$POM" | cut -d' ' -f1; }
is_fetched() { [[ -f "$FETCH_MARKER" && "$(cat "$FETCH_MARKER")" == "$(pom_hash)" ]]; }
build_hash() { echo "$KEYCLOAK_VERSION ${BUILD_OPTIONS[*]} $(java_version_of "$KC_JAVA_HOME")" | sha256sum | cut -d' ' -f1; }
is_built() { [[ -f "$BUILD_MARKER" && "$(cat "$BUILD_MARKER")" == "$(build_hash)" ]]; }

cmd_fetch() {
  if is_fetched; then
    log "Keycloak $KEYCLOAK_VERSION already in $KC_HOME"
    return 0
  fi
  command -v mvn >/dev/null || die "mvn not found (needed once to fetch Keycloak from Maven Central)"
  mkdir -p "$TITIPAN_CACHE"
  # Parallel CI steps may fetch at once: one fetches, the others reuse its result.
  exec 8>"$TITIPAN_CACHE/.keycloak-fetch.lock"
  flock -w 900 8 || die "timed out waiting for another fetch ($TITIPAN_CACHE/.keycloak-fetch.lock)"
  if is_fetched; then
    exec 8>&-
    return 0
  fi
  local tmp="$TITIPAN_CACHE/keycloak.tmp.$$"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  log "fetching Keycloak $KEYCLOAK_VERSION from Maven Central ..."
  local t0=$SECONDS
  # -C: strict checksums, a download that does not match its published checksum fails.
  if ! mvn -B -q -C -f "$POM" -Dmaven.repo.local="$M2_REPO" dependency:copy-dependencies \
        -DincludeTypes=tar.gz -DoutputDirectory="$tmp" >"$tmp/fetch.log" 2>&1; then
    cat "$tmp/fetch.log" >&2
    rm -rf "$tmp"
    die "maven fetch failed"
  fi
  local tarball="$tmp/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz"
  local published="$M2_REPO/org/keycloak/keycloak-quarkus-dist/$KEYCLOAK_VERSION/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz.sha1"
  [[ -f "$tarball" ]] || die "fetch incomplete: $tarball missing"
  [[ -f "$published" ]] || die "no published checksum at $published"
  local want have
  want="$(cut -c1-40 "$published")"
  have="$(sha1sum "$tarball" | cut -d' ' -f1)"
  [[ "$want" == "$have" ]] || { rm -rf "$tmp"; die "checksum mismatch: Maven Central publishes sha1 $want, the tarball has $have"; }
  log "sha1 $have matches the checksum Maven Central publishes"
  tar -xzf "$tarball" -C "$tmp"
  pom_hash >"$tmp/keycloak-$KEYCLOAK_VERSION/.fetched"
  # Rename into place, so an interrupted fetch never looks complete.
  rm -rf "$KC_HOME"
  mv "$tmp/keycloak-$KEYCLOAK_VERSION" "$KC_HOME"
  rm -rf "$tmp"
  log "fetched in $((SECONDS - t0))s"
  exec 8>&-
}

# Augments the distribution with the build-time options once (per options and Java version); starts then skip it.
cmd_build() {
  is_fetched || cmd_fetch
  is_built && return 0
  exec 7>"$KC_HOME/.build.lock"
  flock -w 900 7 || die "timed out waiting for another build ($KC_HOME/.build.lock)"
  if is_built; then
    exec 7>&-
    return 0
  fi
  log "building Keycloak with ${BUILD_OPTIONS[*]} on Java $(java_version_of "$KC_JAVA_HOME") ($KC_JAVA_HOME) ..."
  local t0=$SECONDS
  JAVA_HOME="$KC_JAVA_HOME" JAVA_OPTS_APPEND="-Djava.io.tmpdir=$TITIPAN_CACHE" \
    "$KC_HOME/bin/kc.sh" build "${BUILD_OPTIONS[@]}" >"$KC_HOME/build.log" 2>&1 7>&- ||
    { tail -n 40 "$KC_HOME/build.log" >&2; die "kc.sh build failed"; }
  build_hash >"$BUILD_MARKER"
  log "built in $((SECONDS - t0))s"
  exec 7>&-
}

psql_admin() { psql "$DB_ADMIN_URL" -v ON_ERROR_STOP=1 -Atq "$@"; }

# Its own login role and database in the project's Postgres, made once; Keycloak creates its tables in it.
ensure_database() {
  command -v psql >/dev/null || die "psql not found (needed to create the database $KEYCLOAK_DB)"
  psql_admin -c "select 1" >/dev/null 2>&1 || die "Postgres is not reachable at $DB_ADMIN_URL"
  if [[ -z "$(psql_admin -c "select 1 from pg_roles where rolname = '$KEYCLOAK_DB_USER'")" ]]; then
    psql_admin -c "create role \"$KEYCLOAK_DB_USER\" login password '$KEYCLOAK_DB_PASSWORD'" 2>/dev/null ||
      [[ -n "$(psql_admin -c "select 1 from pg_roles where rolname = '$KEYCLOAK_DB_USER'")" ]] || die "cannot create role $KEYCLOAK_DB_USER"
  fi
  if [[ -z "$(psql_admin -c "select 1 from pg_database where datname = '$KEYCLOAK_DB'")" ]]; then
    log "creating database $KEYCLOAK_DB (owner $KEYCLOAK_DB_USER)"
    psql_admin -c "create database \"$KEYCLOAK_DB\" owner \"$KEYCLOAK_DB_USER\"" 2>/dev/null ||
      [[ -n "$(psql_admin -c "select 1 from pg_database where datname = '$KEYCLOAK_DB'")" ]] || die "cannot create database $KEYCLOAK_DB"
  fi
}

jdbc_url() {
  # postgres://user@host:port/db -> host:port of the admin URL; Keycloak gets its own database and role.
  local hostport
  hostport="$(sed -E 's#^[a-z]+://([^@/]*@)?([^/?]+).*#\2#' <<<"$DB_ADMIN_URL")"
  echo "jdbc:postgresql://$hostport/$KEYCLOAK_DB"
}

read_pid() { [[ -f "$PID_FILE" ]] && cat "$PID_FILE" 2>/dev/null || true; }

# Alive AND our launcher (guards against pid reuse after a reboot).
pid_alive() {
  local pid="$1"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'kc\.sh start'
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

ready() { curl -fsS --max-time 5 "$READY_URL" >/dev/null 2>&1; }

cmd_start() {
  mkdir -p "$KEYCLOAK_DATA_DIR"
  exec 9>"$KEYCLOAK_DATA_DIR/.lock"
  flock -w 300 9 || die "another keycloak.sh is holding $KEYCLOAK_DATA_DIR/.lock"

  local pid
  pid="$(read_pid)"
  if pid_alive "$pid"; then
    if ready; then
      log "already running (pid $pid) on http://127.0.0.1:$KEYCLOAK_PORT"
      return 0
    fi
    log "process $pid exists but is not ready yet; waiting"
  else
    if [[ -n "$pid" ]]; then
      log "removing stale pid file (pid $pid is gone)"
      rm -f "$PID_FILE"
    fi
    port_open "$KEYCLOAK_PORT" && die "port $KEYCLOAK_PORT is already in use by another process"
    port_open "$KEYCLOAK_MANAGEMENT_PORT" && die "port $KEYCLOAK_MANAGEMENT_PORT is already in use by another process"
    cmd_build
    ensure_database
    mkdir -p "$KEYCLOAK_DATA_DIR/tmp"
    if [[ -f "$LOG_FILE" ]]; then mv -f "$LOG_FILE" "$LOG_FILE.1"; fi

    log "starting Keycloak $KEYCLOAK_VERSION on http://127.0.0.1:$KEYCLOAK_PORT, Java $(java_version_of "$KC_JAVA_HOME"), database $KEYCLOAK_DB (log: $LOG_FILE)"
    # A single node: local caches, no JGroups cluster (instances side by side never look for each other).
    # Secrets go through the environment, not the command line (ps shows that). The instance's own files
    # (temp, transaction logs) live in its data dir, so instances on one distribution never share them.
    # 9>&- : Keycloak must not inherit the start lock.
    JAVA_HOME="$KC_JAVA_HOME" \
      JAVA_OPTS_KC_HEAP="$KEYCLOAK_HEAP_OPTS" \
      JAVA_OPTS_APPEND="-Djava.io.tmpdir=$KEYCLOAK_DATA_DIR/tmp -Dquarkus.transaction-manager.object-store.directory=$KEYCLOAK_DATA_DIR/transaction-logs" \
      KC_DB_USERNAME="$KEYCLOAK_DB_USER" KC_DB_PASSWORD="$KEYCLOAK_DB_PASSWORD" \
      KC_BOOTSTRAP_ADMIN_CLIENT_ID="$KEYCLOAK_BOOTSTRAP_CLIENT_ID" KC_BOOTSTRAP_ADMIN_CLIENT_SECRET="$KEYCLOAK_BOOTSTRAP_CLIENT_SECRET" \
      nohup "$KC_HOME/bin/kc.sh" start --optimized \
      --db-url="$(jdbc_url)" \
      --http-enabled=true --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" \
      --http-management-port="$KEYCLOAK_MANAGEMENT_PORT" \
      --hostname="$KEYCLOAK_HOSTNAME" \
      --cache=local \
      --db-pool-min-size=1 --db-pool-max-size=20 \
      >>"$LOG_FILE" 2>&1 </dev/null 9>&- &
    pid=$!
    echo "$pid" >"$PID_FILE"
  fi

  local t0=$SECONDS
  while ((SECONDS - t0 < KEYCLOAK_START_TIMEOUT)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PID_FILE"
      echo "----- last 40 lines of $LOG_FILE -----" >&2
      tail -n 40 "$LOG_FILE" >&2 || true
      die "Keycloak exited during startup"
    fi
    if ready; then
      log "ready on http://127.0.0.1:$KEYCLOAK_PORT after $((SECONDS - t0))s (pid $pid)"
      return 0
    fi
    sleep 1
  done
  echo "----- last 40 lines of $LOG_FILE -----" >&2
  tail -n 40 "$LOG_FILE" >&2 || true
  die "Keycloak (pid $pid) not ready at $READY_URL after ${KEYCLOAK_START_TIMEOUT}s; still running, see 'keycloak.sh logs' or 'keycloak.sh stop'"
}

cmd_stop() {
  local pid
  pid="$(read_pid)"
  if ! pid_alive "$pid"; then
    rm -f "$PID_FILE"
    log "not running"
    return 0
  fi
  log "stopping pid $pid"
  # kc.sh forwards SIGTERM to the JVM, which shuts down gracefully.
  kill -TERM "$pid" 2>/dev/null || true
  local t0=$SECONDS
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS - t0 >= KEYCLOAK_STOP_TIMEOUT)); then
      log "still alive after ${KEYCLOAK_STOP_TIMEOUT}s, sending SIGKILL"
      for child in $(pgrep -P "$pid"); do kill -KILL "$child" 2>/dev/null || true; done
      kill -KILL "$pid" 2>/dev/null || true
      sleep 1
      break
    fi
    sleep 0.5
  done
  rm -f "$PID_FILE"
  log "stopped after $((SECONDS - t0))s"
}

cmd_status() {
  local pid
  pid="$(read_pid)"
  if pid_alive "$pid" && ready; then
    echo "running on http://127.0.0.1:$KEYCLOAK_PORT (pid $pid)"
    return 0
  fi
  if pid_alive "$pid"; then echo "process $pid alive but not ready at $READY_URL"; else echo "not running"; fi
  return 1
}

cmd_logs() {
  echo "$LOG_FILE" >&2
  [[ -f "$LOG_FILE" ]] || die "no log yet"
  if [[ -t 1 ]]; then tail -n 100 -F "$LOG_FILE"; else tail -n 200 "$LOG_FILE"; fi
}

# Stops it and deletes its data dir and its database: the next start is a first start (a new master realm).
cmd_reset() {
  cmd_stop
  [[ -n "$KEYCLOAK_DATA_DIR" && "$KEYCLOAK_DATA_DIR" != "/" && "$KEYCLOAK_DATA_DIR" != "$HOME" ]] ||
    die "refusing to delete KEYCLOAK_DATA_DIR=$KEYCLOAK_DATA_DIR"
  rm -rf "$KEYCLOAK_DATA_DIR"
  psql_admin -c "drop database if exists \"$KEYCLOAK_DB\" with (force)"
  log "deleted $KEYCLOAK_DATA_DIR and database $KEYCLOAK_DB (distribution kept in $KC_HOME)"
}

case "${1:-}" in
  fetch) cmd_fetch ;;
  build) cmd_build ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  logs) cmd_logs ;;
  reset) cmd_reset ;;
  *)
    echo "usage: $0 {fetch|build|start|stop|status|logs|reset}" >&2
    exit 2
    ;;
esac
