#!/usr/bin/env bash
# Local single-node Apache Kafka (KRaft, broker+controller in one JVM) for dev and CI.
# Jars come from Maven Central via ./pom.xml; no Docker, no tarball download.
#
# Usage: infra/kafka/kafka.sh {fetch|start|stop|status|logs|reset|peek <topic>}
#        infra/kafka/kafka.sh cluster {start|stop|status|reset|kill <n>|restart <n>}
#
# The client listener requires SASL/SCRAM-SHA-512 (docs/decisions/0024): the principals admin (super-user: the
# broker's own and set-up), catalog, consignment, reporting, notification and tools get SCRAM credentials when the
# storage is formatted; a principal added since a broker was formatted gets its credential at the next start. Their passwords come from KAFKA_PASSWORD_<PRINCIPAL> (e.g. KAFKA_PASSWORD_CATALOG), else from
# .local/kafka-passwords.json (git-ignored, mode 600, random passwords made by whoever needs it first).
# A checkout without that file takes the passwords an existing broker was formatted with (kept in its log dir).
# Development default: SASL_PLAINTEXT on 127.0.0.1. With KAFKA_TLS_KEYSTORE set the listener is SASL_SSL.
#
# Env:
#   TITIPAN_CACHE          cache root (default: $HOME/.cache/titipan)
#   KAFKA_DATA_DIR         broker state, config, pid, log (default: $TITIPAN_CACHE/kafka-data)
#   KAFKA_PORT             client listener port (default: 9092)
#   KAFKA_CONTROLLER_PORT  KRaft controller port (default: 9093)
#   KAFKA_HEAP_OPTS        JVM heap flags (default: -Xms256m -Xmx768m)
#   KAFKA_START_TIMEOUT    seconds to wait for the broker to serve (default: 90)
#   KAFKA_STOP_TIMEOUT     seconds to wait after SIGTERM before SIGKILL (default: 30)
#   JAVA_HOME              optional; otherwise `java` from PATH (needs Java 17+)
#   KAFKA_PASSWORDS_FILE   where generated passwords live (default: <checkout>/.local/kafka-passwords.json)
#   KAFKA_TLS_KEYSTORE     PKCS12 key store of the listener's certificate: the listener becomes SASL_SSL
#   KAFKA_TLS_KEYSTORE_PASSWORD  its password
#   KAFKA_TLS_CA_FILE      PEM CA the script's own admin tools trust (with KAFKA_TLS_KEYSTORE)
#   KAFKA_CLUSTER_BASE_PORT    cluster: node n listens for clients on base+n-1, its controller on base+10+n-1 (default 19092)
#   KAFKA_CLUSTER_DATA_DIR     cluster: node n keeps its state in <dir>/node<n> (default: $TITIPAN_CACHE/kafka-cluster)
#   KAFKA_CLUSTER_HEAP_OPTS    cluster: heap of each of the three JVMs (default: -Xms128m -Xmx384m)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
POM="$SCRIPT_DIR/pom.xml"
LIB_NAME="${KAFKA_LOG_NAME:-kafka}"
# shellcheck source=../lib.sh
source "$SCRIPT_DIR/../lib.sh"

# Single source of truth for the version: the pom.
KAFKA_VERSION="$(pom_property kafka.version "$POM")"
[[ -n "$KAFKA_VERSION" ]] || { echo "kafka: cannot read <kafka.version> from $POM" >&2; exit 1; }

TITIPAN_CACHE="${TITIPAN_CACHE:-$HOME/.cache/titipan}"
KAFKA_HOME="$TITIPAN_CACHE/kafka-$KAFKA_VERSION"
LIBS="$KAFKA_HOME/libs"
FETCH_MARKER="$LIBS/.fetched"

KAFKA_DATA_DIR="${KAFKA_DATA_DIR:-$TITIPAN_CACHE/kafka-data}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx768m}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"
KAFKA_STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"
KAFKA_PASSWORDS_FILE="${KAFKA_PASSWORDS_FILE:-$(cd "$SCRIPT_DIR/../.." && pwd)/.local/kafka-passwords.json}"
# Set by `cluster` for each node it runs; a single node is node 1 of a quorum of one.
KAFKA_NODE_ID="${KAFKA_NODE_ID:-1}"
KAFKA_QUORUM_VOTERS="${KAFKA_QUORUM_VOTERS:-}"
KAFKA_NODE_COUNT="${KAFKA_NODE_COUNT:-1}"
KAFKA_CLUSTER_ID="${KAFKA_CLUSTER_ID:-}"

BOOTSTRAP="127.0.0.1:$KAFKA_PORT"
PID_FILE="$KAFKA_DATA_DIR/kafka.pid"
LOG_FILE="$KAFKA_DATA_DIR/kafka.log"
SERVER_PROPS="$KAFKA_DATA_DIR/server.properties"
LOG4J_CONF="$KAFKA_DATA_DIR/log4j2.properties"
ADMIN_PROPS="$KAFKA_DATA_DIR/admin.properties"
LOG_DIRS="$KAFKA_DATA_DIR/kraft-logs" # topic partitions + __cluster_metadata

if [[ -n "${JAVA_HOME:-}" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA="java"; fi

pom_hash() { pom_hash_of "$POM"; }

is_fetched() { [[ -f "$FETCH_MARKER" && "$(cat "$FETCH_MARKER")" == "$(pom_hash)" ]]; }

cmd_fetch() {
  if is_fetched; then
    log "jars already in $LIBS"
    return 0
  fi
  mkdir -p "$KAFKA_HOME"
  # Parallel CI steps may fetch at once: one fetches, the others reuse its result.
  exec 8>"$KAFKA_HOME/.fetch.lock"
  flock -w 600 8 || die "timed out waiting for another fetch ($KAFKA_HOME/.fetch.lock)"
  if is_fetched; then
    exec 8>&-
    return 0
  fi
  # Copy into a temp dir and rename, so an interrupted fetch never looks complete.
  local tmp="$KAFKA_HOME/libs.tmp.$$"
  rm -rf "$tmp"
  log "fetching Kafka $KAFKA_VERSION jars from Maven Central into $LIBS ..."
  local t0=$SECONDS
  if ! maven_copy "$POM" "$tmp" "$KAFKA_HOME/fetch.log" -DincludeScope=runtime; then
    rm -rf "$tmp"
    die "maven fetch failed"
  fi
  ls "$tmp"/kafka_2.13-"$KAFKA_VERSION".jar >/dev/null 2>&1 || die "fetch incomplete: kafka_2.13-$KAFKA_VERSION.jar missing"
  pom_hash >"$tmp/.fetched"
  rm -rf "$LIBS"
  mv "$tmp" "$LIBS"
  log "fetched $(ls "$LIBS"/*.jar | wc -l) jars in $((SECONDS - t0))s"
  exec 8>&- # release the fetch lock (and keep it away from the broker)
}

# JVM for short-lived CLI tools: small heap and C1 only, so each call starts fast
# and doesn't compete with the broker on a 2-core box. `timeout` kills a hung call.
LOG4J_TOOLS_CONF="$KAFKA_DATA_DIR/log4j2-tools.properties"
run_tool() {
  timeout 60 "$JAVA" -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -Dlog4j2.configurationFile="$LOG4J_TOOLS_CONF" \
    -cp "$LIBS/*" "$@"
}

# Alive AND actually our broker.
broker_alive() { pid_alive "$1" 'kafka\.Kafka'; }

# Real readiness: an ApiVersions round-trip through the admin client, not just an open port.
# The broker only enables request processing after it has caught up on KRaft metadata
# and registered with the controller, so a reply means it can serve clients.
serving() {
  [[ -f "$ADMIN_PROPS" ]] && is_fetched || return 1
  port_open "$KAFKA_PORT" || return 1
  run_tool org.apache.kafka.tools.BrokerApiVersionsCommand \
    --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_PROPS" >/dev/null 2>&1
}

# Client port the running broker was started with (server.properties is only
# rewritten when a new broker process is launched).
running_port() { sed -n 's/^listeners=[A-Z_]*:\/\/[^:]*:\([0-9]*\).*/\1/p' "$SERVER_PROPS" 2>/dev/null; }

# ---- credentials --------------------------------------------------------------------------------------------
PRINCIPALS=(admin catalog consignment reporting notification tools)
# in the formatted log dir: marks a broker made with SASL, and keeps the passwords it was formatted with
SASL_MARKER_NAME=.titipan-sasl

# The passwords file, made once with random passwords (written aside and linked into place: of several
# starts racing, one wins and nobody reads half a file). The same file the TypeScript tools read and fill.
ensure_passwords_file() {
  if [[ -f "$KAFKA_PASSWORDS_FILE" ]]; then
    complete_passwords_file
    return 0
  fi
  mkdir -p "$(dirname "$KAFKA_PASSWORDS_FILE")"
  chmod 700 "$(dirname "$KAFKA_PASSWORDS_FILE")" 2>/dev/null || true
  # a broker formatted before this checkout existed keeps the passwords it was formatted with: take those
  if [[ -s "$LOG_DIRS/$SASL_MARKER_NAME" ]]; then
    (umask 077 && cp "$LOG_DIRS/$SASL_MARKER_NAME" "$KAFKA_PASSWORDS_FILE")
    log "took the passwords $KAFKA_DATA_DIR was formatted with into $KAFKA_PASSWORDS_FILE"
    complete_passwords_file
    return 0
  fi
  local tmp="$KAFKA_PASSWORDS_FILE.$$.$RANDOM"
  (
    umask 077
    node -e 'const c=require("crypto");const o={};for(const n of process.argv.slice(1))o[n]=c.randomBytes(24).toString("base64url");console.log(JSON.stringify(o,null,2))' \
      "${PRINCIPALS[@]}" >"$tmp"
  )
  ln "$tmp" "$KAFKA_PASSWORDS_FILE" 2>/dev/null || true
  rm -f "$tmp"
}

# A file made before a principal existed (notification) gets a random password for it; the others keep theirs.
# Written aside and renamed into place, as the TypeScript tools complete it (tools/db-passwords.ts).
complete_passwords_file() {
  node -e 'const f=require("fs"),c=require("crypto");const file=process.argv[1],o=JSON.parse(f.readFileSync(file,"utf8"));
    const missing=process.argv.slice(2).filter((n)=>!o[n]);if(!missing.length)process.exit(0);
    for(const n of missing)o[n]=c.randomBytes(24).toString("base64url");
    const tmp=file+"."+process.pid;f.writeFileSync(tmp,JSON.stringify(o,null,2)+"\n",{mode:0o600,flag:"wx"});f.renameSync(tmp,file);
    console.error("kafka: added a password for "+missing.join(", ")+" to "+file)' \
    "$KAFKA_PASSWORDS_FILE" "${PRINCIPALS[@]}"
}

# A principal's password: KAFKA_PASSWORD_<NAME> when set, else the passwords file's.
kafka_password() {
  local name="$1" var="KAFKA_PASSWORD_${1^^}" value
  value="${!var:-}"
  if [[ -z "$value" ]]; then
    ensure_passwords_file
    value="$(node -e 'const p=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"))[process.argv[2]];if(p)console.log(p)' \
      "$KAFKA_PASSWORDS_FILE" "$name")"
  fi
  [[ -n "$value" ]] || die "no password for Kafka principal $name (set $var, or remove $KAFKA_PASSWORDS_FILE to generate new ones)"
  # they go into JAAS strings and SCRAM specs: keep to characters that need no quoting there
  [[ "$value" =~ ^[A-Za-z0-9._~+/=-]+$ ]] || die "$var: use letters, digits and ._~+/=- only"
  printf '%s' "$value"
}

tls_enabled() { [[ -n "${KAFKA_TLS_KEYSTORE:-}" ]]; }
client_protocol() { if tls_enabled; then echo SASL_SSL; else echo SASL_PLAINTEXT; fi; }

write_configs() {
  mkdir -p "$KAFKA_DATA_DIR" "$LOG_DIRS"
  # Regenerated on every start so env overrides (ports) always apply. The quorum
  # is static (controller.quorum.voters) rather than 4.x dynamic bootstrap servers:
  # with a static quorum the controller endpoint is not persisted in the metadata
  # log, so changing KAFKA_CONTROLLER_PORT later doesn't break an existing data dir.
  local admin_password voters rf min_isr
  admin_password="$(kafka_password admin)"
  voters="${KAFKA_QUORUM_VOTERS:-$KAFKA_NODE_ID@127.0.0.1:$KAFKA_CONTROLLER_PORT}"
  # a single node keeps one copy of everything; the three-node cluster three, two of them in sync to accept a write
  if ((KAFKA_NODE_COUNT >= 3)); then rf=3 min_isr=2; else rf=1 min_isr=1; fi
  (umask 077 && : >"$SERVER_PROPS")
  {
    cat <<EOF
# Generated by infra/kafka/kafka.sh -- edits are overwritten on start. Holds the admin password: mode 600.
process.roles=broker,controller
node.id=$KAFKA_NODE_ID
controller.quorum.voters=$voters
listeners=CLIENT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=CLIENT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=CLIENT
listener.security.protocol.map=CLIENT:$(client_protocol),CONTROLLER:SASL_PLAINTEXT
log.dirs=$LOG_DIRS

EOF
    BROKER_ADMIN_PASSWORD="$admin_password" BROKER_SASL_LISTENERS=client BROKER_REPLICATION="$rf" BROKER_MIN_INSYNC="$min_isr" \
      BROKER_TLS_KEYSTORE="${KAFKA_TLS_KEYSTORE:-}" BROKER_TLS_KEYSTORE_PASSWORD="${KAFKA_TLS_KEYSTORE_PASSWORD:-}" \
      BROKER_TLS_CA_FILE="${KAFKA_TLS_CA_FILE:-}" sh "$SCRIPT_DIR/broker-security.sh"
    cat <<EOF

num.partitions=6
# Dev/CI: consumers join groups without the 3 s delay.
group.initial.rebalance.delay.ms=0
# Small footprint: fewer threads and smaller segments/indexes than the defaults.
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
log.segment.bytes=67108864
offsets.topic.num.partitions=6
transaction.state.log.num.partitions=6
EOF
  } >"$SERVER_PROPS"

  # Broker log: console appender (stdout goes to $LOG_FILE via nohup), INFO,
  # chatty internals turned down.
  cat >"$LOG4J_CONF" <<'EOF'
status = warn
appender.console.type = Console
appender.console.name = STDOUT
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d] %p %m (%c{1})%n
rootLogger.level = INFO
rootLogger.appenderRef.stdout.ref = STDOUT
logger.state.name = state.change.logger
logger.state.level = WARN
logger.request.name = kafka.request.logger
logger.request.level = WARN
logger.clients.name = org.apache.kafka.clients
logger.clients.level = WARN
logger.coordinator.name = org.apache.kafka.coordinator
logger.coordinator.level = WARN
logger.log.name = kafka.log
logger.log.level = WARN
logger.storage.name = org.apache.kafka.storage
logger.storage.level = WARN
logger.raft.name = org.apache.kafka.raft
logger.raft.level = WARN
logger.metadata.name = org.apache.kafka.metadata
logger.metadata.level = WARN
logger.image.name = org.apache.kafka.image
logger.image.level = WARN
logger.controller.name = org.apache.kafka.controller
logger.controller.level = WARN
logger.kcontroller.name = kafka.controller
logger.kcontroller.level = WARN
logger.authorizer.name = kafka.authorizer.logger
logger.authorizer.level = WARN
# Full config dumps (KafkaConfig, internal client configs): ~1000 lines per start.
logger.config.name = org.apache.kafka.common.config
logger.config.level = WARN
EOF

  # CLI tools: errors only, to stderr (their stdout is the useful output).
  cat >"$LOG4J_TOOLS_CONF" <<'EOF'
status = error
appender.console.type = Console
appender.console.name = STDERR
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %p %m (%c{1})%n
rootLogger.level = ERROR
rootLogger.appenderRef.stderr.ref = STDERR
EOF

  # Admin-client timeouts for the readiness probe: fail fast and retry from the
  # shell loop instead of hanging for the 60 s client default.
  # It logs in as admin, so it is readable by its owner only.
  (umask 077 && : >"$ADMIN_PROPS")
  cat >"$ADMIN_PROPS" <<EOF
request.timeout.ms=5000
default.api.timeout.ms=8000
reconnect.backoff.max.ms=1000
security.protocol=$(client_protocol)
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$admin_password";
EOF
  if tls_enabled; then
    printf 'ssl.truststore.type=PEM\nssl.truststore.location=%s\n' "$KAFKA_TLS_CA_FILE" >>"$ADMIN_PROPS"
  fi
}

# Format once: meta.properties marks a formatted log dir. Re-formatting would
# wipe the cluster identity, so never do it implicitly.
# Formatting also writes every principal's SCRAM credential into the initial metadata: the broker can
# authenticate its first client (admin) without any unauthenticated door.
format_if_needed() {
  if [[ -f "$LOG_DIRS/meta.properties" ]]; then
    [[ -f "$LOG_DIRS/$SASL_MARKER_NAME" ]] ||
      die "$LOG_DIRS was formatted before the broker required SASL and has no credentials; its data is development data: run '$0 reset' (then npm run setup) to start again with SASL"
    adopt_broker_passwords
    return 0
  fi
  local cluster_id="$KAFKA_CLUSTER_ID" scram=() name
  [[ -n "$cluster_id" ]] || cluster_id="$(run_tool kafka.tools.StorageTool random-uuid)"
  for name in "${PRINCIPALS[@]}"; do
    scram+=(--add-scram "SCRAM-SHA-512=[name=$name,password=$(kafka_password "$name")]")
  done
  log "formatting storage in $LOG_DIRS (cluster id $cluster_id, SCRAM credentials for ${PRINCIPALS[*]})"
  run_tool kafka.tools.StorageTool format -t "$cluster_id" -c "$SERVER_PROPS" "${scram[@]}" >>"$LOG_FILE" 2>&1 ||
    { tail -n 30 "$LOG_FILE" >&2; die "storage format failed"; }
  # the marker keeps the passwords the broker was formatted with, so a new checkout using this data adopts them
  (
    umask 077
    for name in "${PRINCIPALS[@]}"; do printf '%s\t%s\n' "$name" "$(kafka_password "$name")"; done |
      node -e 'const o={};for(const l of require("fs").readFileSync(0,"utf8").trim().split("\n")){const[n,p]=l.split("\t");o[n]=p}console.log(JSON.stringify(o,null,2))' \
        >"$LOG_DIRS/$SASL_MARKER_NAME"
  )
}

# A broker's SCRAM credentials are fixed when its storage is formatted. A checkout without a passwords file (a
# fresh clone using the same data directory) takes the broker's; one whose file disagrees is told so.
adopt_broker_passwords() {
  local marker="$LOG_DIRS/$SASL_MARKER_NAME"
  [[ -s "$marker" ]] || return 0
  ensure_passwords_file
  node -e 'const f=require("fs");const a=JSON.parse(f.readFileSync(process.argv[1],"utf8")),b=JSON.parse(f.readFileSync(process.argv[2],"utf8"));
    const env=(n)=>process.env["KAFKA_PASSWORD_"+n.toUpperCase()];
    const off=Object.keys(a).filter((n)=>(env(n)??b[n])!==a[n]);if(off.length){console.error(off.join(", "));process.exit(1)}' \
    "$marker" "$KAFKA_PASSWORDS_FILE" 2>/dev/null ||
    die "$KAFKA_DATA_DIR was formatted with other Kafka passwords than $KAFKA_PASSWORDS_FILE: delete that file to take the broker's, or run '$0 reset'"
}

# A broker formatted before a principal existed (four principals, before notification) has no SCRAM credential
# for it, and formatting cannot add one: the running broker gets it through the admin client (as admin), and the
# marker records it, so later starts do nothing. Idempotent: adding a credential again only re-salts it.
add_missing_principals() {
  local marker="$LOG_DIRS/$SASL_MARKER_NAME" name missing=()
  [[ -s "$marker" ]] || return 0
  for name in "${PRINCIPALS[@]}"; do
    node -e 'process.exit(JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"))[process.argv[2]]?0:1)' "$marker" "$name" ||
      missing+=("$name")
  done
  ((${#missing[@]} > 0)) || return 0
  for name in "${missing[@]}"; do
    log "adding the SCRAM credential of $name (the broker was formatted before it existed)"
    run_tool kafka.admin.ConfigCommand --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_PROPS" --alter \
      --add-config "SCRAM-SHA-512=[password=$(kafka_password "$name")]" --entity-type users --entity-name "$name" >/dev/null ||
      die "could not add the SCRAM credential of $name"
  done
  (
    umask 077
    local tmp="$marker.$$"
    for name in "${missing[@]}"; do printf '%s\t%s\n' "$name" "$(kafka_password "$name")"; done |
      node -e 'const f=require("fs");const o=JSON.parse(f.readFileSync(process.argv[1],"utf8"));
        for(const l of f.readFileSync(0,"utf8").trim().split("\n")){const[n,p]=l.split("\t");o[n]=p}console.log(JSON.stringify(o,null,2))' \
        "$marker" >"$tmp"
    mv -f "$tmp" "$marker"
  )
}

# Kafka creates __consumer_offsets / __transaction_state lazily on the first
# FindCoordinator, and clients then get "coordinator loading/not available" for
# a second or two (kafkajs logs those as ERROR while retrying). Trigger both once
# after a fresh format so the first test's consumer group / transactional producer
# finds a ready coordinator. (Not covered: the first InitProducerId after every
# broker start still gets one retriable COORDINATOR_LOAD_IN_PROGRESS while the
# broker fetches a producer-id block from the controller.)
# Best effort: the describe calls themselves are expected to report "not found".
warm_up_internal_topics() {
  [[ -d "$LOG_DIRS/__consumer_offsets-0" && -d "$LOG_DIRS/__transaction_state-0" ]] && return 0
  log "creating internal topics (__consumer_offsets, __transaction_state)"
  # Two independent JVMs: run them side by side to save ~1 s.
  run_tool org.apache.kafka.tools.consumer.group.ConsumerGroupCommand \
    --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_PROPS" \
    --describe --group titipan-warmup >/dev/null 2>&1 &
  local grp=$!
  run_tool org.apache.kafka.tools.TransactionsCommand \
    --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_PROPS" \
    describe --transactional-id titipan-warmup >/dev/null 2>&1 &
  local txn=$!
  # Wait for these two only: a bare `wait` would also wait for the broker itself.
  wait "$grp" "$txn" || true
}

cmd_start() {
  mkdir -p "$KAFKA_DATA_DIR"
  # Serialize concurrent starts (e.g. parallel CI steps) on the same data dir.
  exec 9>"$KAFKA_DATA_DIR/.lock"
  flock -w 120 9 || die "another kafka.sh is holding $KAFKA_DATA_DIR/.lock"

  local pid
  pid="$(read_pid)"
  if broker_alive "$pid"; then
    if [[ "${1:-}" == launch ]]; then return 0; fi
    if serving; then
      add_missing_principals
      log "already running (pid $pid) on $BOOTSTRAP"
      return 0
    fi
    local rport
    rport="$(running_port)"
    if [[ -n "$rport" && "$rport" != "$KAFKA_PORT" ]]; then
      die "a broker (pid $pid) from $KAFKA_DATA_DIR already runs on port $rport; stop it first or use another KAFKA_DATA_DIR"
    fi
    grep -q '^sasl.enabled.mechanisms=' "$SERVER_PROPS" 2>/dev/null ||
      die "the broker running as pid $pid was started before SASL was required (plaintext); stop it ($0 stop), then start again"
    # Alive but not answering yet: most likely still starting; wait for it below.
    log "process $pid exists but is not serving yet; waiting"
  else
    if [[ -n "$pid" ]]; then
      log "removing stale pid file (pid $pid is gone)"
      rm -f "$PID_FILE"
    fi
    ports_free "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"

    is_fetched || cmd_fetch
    write_configs
    # Keep the previous run's log for post-mortems, start the new one fresh.
    if [[ -f "$LOG_FILE" ]]; then mv -f "$LOG_FILE" "$LOG_FILE.1"; fi
    format_if_needed

    log "starting Kafka $KAFKA_VERSION on $BOOTSTRAP (log: $LOG_FILE)"
    # 9>&- : the broker must not inherit the start lock, or it would hold it forever.
    # shellcheck disable=SC2086 # KAFKA_HEAP_OPTS is intentionally word-split
    nohup "$JAVA" $KAFKA_HEAP_OPTS \
      -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
      -XX:+ExplicitGCInvokesConcurrent -XX:+ExitOnOutOfMemoryError \
      -Djava.awt.headless=true \
      -Dlog4j2.configurationFile="$LOG4J_CONF" \
      -cp "$LIBS/*" kafka.Kafka "$SERVER_PROPS" \
      >>"$LOG_FILE" 2>&1 </dev/null 9>&- &
    pid=$!
    echo "$pid" >"$PID_FILE"
  fi

  # launch: the cluster starts its three nodes before waiting for any (one alone has no quorum to serve)
  [[ "${1:-}" == launch ]] && return 0
  local t0=$SECONDS
  wait_ready "$pid" "$KAFKA_START_TIMEOUT" serving "$LOG_FILE" "serving on $BOOTSTRAP"
  add_missing_principals
  warm_up_internal_topics
  log "ready on $BOOTSTRAP after $((SECONDS - t0))s (pid $pid)"
}

cmd_stop() {
  local pid
  pid="$(read_pid)"
  if ! broker_alive "$pid"; then
    rm -f "$PID_FILE"
    log "not running"
    return 0
  fi
  # SIGTERM = controlled shutdown: flushes logs so the next start skips recovery.
  stop_pid "$pid" "$KAFKA_STOP_TIMEOUT"
}

cmd_status() {
  local pid
  pid="$(read_pid)"
  if broker_alive "$pid" && serving; then
    echo "running on $BOOTSTRAP (pid $pid)"
    return 0
  fi
  if broker_alive "$pid"; then
    echo "process $pid alive but not serving on $BOOTSTRAP (started with port $(running_port))"
  else
    echo "not running"
  fi
  return 1
}

cmd_logs() { show_log "$LOG_FILE"; }

cmd_reset() {
  cmd_stop
  # Guard against deleting something unexpected through a bad env value.
  [[ -n "$KAFKA_DATA_DIR" && "$KAFKA_DATA_DIR" != "/" && "$KAFKA_DATA_DIR" != "$HOME" ]] ||
    die "refusing to delete KAFKA_DATA_DIR=$KAFKA_DATA_DIR"
  rm -rf "$KAFKA_DATA_DIR"
  log "deleted $KAFKA_DATA_DIR (jars kept in $LIBS)"
}

# Prints what a topic holds, headers included (e.g. the dead letters of consignment.events), and exits.
cmd_peek() {
  local topic="${1:-}"
  [[ -n "$topic" ]] || die "usage: $0 peek <topic>   e.g. $0 peek consignment.events.dlq"
  is_fetched || die "Kafka jars not fetched yet (run: $0 fetch)"
  [[ -f "$ADMIN_PROPS" ]] || die "no $ADMIN_PROPS yet (start the broker first)"
  "$JAVA" -cp "$LIBS/*" org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "$BOOTSTRAP" --topic "$topic" \
    --consumer.config "$ADMIN_PROPS" \
    --from-beginning --timeout-ms 5000 --property print.headers=true --property print.key=true --property print.offset=true \
    --property print.partition=true 2>/dev/null |
    # the console consumer ends by timing out, and says so; that is not news
    grep -v -E '^[0-9:.]+ \[main\] (ERROR|WARN)|^org\.apache\.kafka\.common\.errors\.TimeoutException' || true
}

# ---- three-node cluster ---------------------------------------------------------------------------------------
# Three combined-mode KRaft nodes (broker + controller each) on this machine, with the same SASL principals and
# ACL rules as the single node. Each node is this script run with the node's own env (ports, data dir, id).
KAFKA_CLUSTER_BASE_PORT="${KAFKA_CLUSTER_BASE_PORT:-19092}"
KAFKA_CLUSTER_DATA_DIR="${KAFKA_CLUSTER_DATA_DIR:-$TITIPAN_CACHE/kafka-cluster}"
KAFKA_CLUSTER_HEAP_OPTS="${KAFKA_CLUSTER_HEAP_OPTS:--Xms128m -Xmx384m}"
CLUSTER_NODES=(1 2 3)

cluster_client_port() { echo $((KAFKA_CLUSTER_BASE_PORT + $1 - 1)); }
cluster_controller_port() { echo $((KAFKA_CLUSTER_BASE_PORT + 10 + $1 - 1)); }
cluster_voters() {
  local n voters=()
  for n in "${CLUSTER_NODES[@]}"; do voters+=("$n@127.0.0.1:$(cluster_controller_port "$n")"); done
  (IFS=,; echo "${voters[*]}")
}
cluster_bootstrap() {
  local n list=()
  for n in "${CLUSTER_NODES[@]}"; do list+=("127.0.0.1:$(cluster_client_port "$n")"); done
  (IFS=,; echo "${list[*]}")
}

# One id for the three nodes' storage, made once.
cluster_id() {
  local file="$KAFKA_CLUSTER_DATA_DIR/cluster.id"
  mkdir -p "$KAFKA_CLUSTER_DATA_DIR"
  if [[ ! -s "$file" ]]; then
    # what `kafka-storage random-uuid` prints (16 random bytes, base64url), without a JVM; not starting with '-'
    # so no command line takes it for an option
    local id='-'
    while [[ "$id" == -* ]]; do id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"; done
    echo "$id" >"$file"
  fi
  cat "$file"
}

# Runs this script for node n: `cluster_node n start|launch|stop|status|...`
cluster_node() {
  local n="$1"
  shift
  [[ " ${CLUSTER_NODES[*]} " == *" $n "* ]] || die "no node $n in the cluster (nodes: ${CLUSTER_NODES[*]})"
  KAFKA_NODE_ID="$n" KAFKA_NODE_COUNT="${#CLUSTER_NODES[@]}" KAFKA_QUORUM_VOTERS="$(cluster_voters)" \
    KAFKA_CLUSTER_ID="$(cluster_id)" KAFKA_PORT="$(cluster_client_port "$n")" \
    KAFKA_CONTROLLER_PORT="$(cluster_controller_port "$n")" KAFKA_DATA_DIR="$KAFKA_CLUSTER_DATA_DIR/node$n" \
    KAFKA_HEAP_OPTS="$KAFKA_CLUSTER_HEAP_OPTS" KAFKA_LOG_NAME="kafka node $n" bash "$SCRIPT_DIR/kafka.sh" "$@"
}

cmd_cluster() {
  local action="${1:-}" n pids=() failed=0
  case "$action" in
    start)
      is_fetched || cmd_fetch
      # launch all three first: a node serves only once a majority of the controllers is up
      for n in "${CLUSTER_NODES[@]}"; do cluster_node "$n" launch; done
      for n in "${CLUSTER_NODES[@]}"; do cluster_node "$n" start & pids+=($!); done
      for n in "${pids[@]}"; do wait "$n" || failed=1; done
      ((failed == 0)) || die "the cluster did not start (kafka.sh cluster status; logs in $KAFKA_CLUSTER_DATA_DIR/node<n>/kafka.log)"
      log "cluster ready: $(cluster_bootstrap)"
      ;;
    stop)
      # together: stopped one by one, the last ones wait for a quorum that is already gone
      for n in "${CLUSTER_NODES[@]}"; do cluster_node "$n" stop & pids+=($!); done
      for n in "${pids[@]}"; do wait "$n" || failed=1; done
      return "$failed"
      ;;
    status)
      local line
      for n in "${CLUSTER_NODES[@]}"; do
        line="$(cluster_node "$n" status)" || failed=1
        echo "node $n: $line"
      done
      return "$failed"
      ;;
    kill)
      n="${2:?usage: $0 cluster kill <n>}"
      local pid_file="$KAFKA_CLUSTER_DATA_DIR/node$n/kafka.pid" pid
      pid="$(cat "$pid_file" 2>/dev/null || true)"
      broker_alive "$pid" || die "node $n is not running"
      kill -KILL "$pid"
      log "node $n (pid $pid) killed with SIGKILL"
      ;;
    restart)
      n="${2:?usage: $0 cluster restart <n>}"
      cluster_node "$n" stop
      cluster_node "$n" start
      ;;
    reset)
      cmd_cluster stop || true
      [[ -n "$KAFKA_CLUSTER_DATA_DIR" && "$KAFKA_CLUSTER_DATA_DIR" != "/" && "$KAFKA_CLUSTER_DATA_DIR" != "$HOME" ]] ||
        die "refusing to delete KAFKA_CLUSTER_DATA_DIR=$KAFKA_CLUSTER_DATA_DIR"
      rm -rf "$KAFKA_CLUSTER_DATA_DIR"
      log "deleted $KAFKA_CLUSTER_DATA_DIR"
      ;;
    bootstrap) cluster_bootstrap ;;
    *)
      echo "usage: $0 cluster {start|stop|status|reset|bootstrap|kill <n>|restart <n>}" >&2
      exit 2
      ;;
  esac
}

case "${1:-}" in
  cluster) shift; cmd_cluster "$@" ;;
  launch) cmd_start launch ;;
  fetch) cmd_fetch ;;
  peek) shift; cmd_peek "$@" ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  logs) cmd_logs ;;
  reset) cmd_reset ;;
  *)
    echo "usage: $0 {fetch|start|stop|status|logs|reset|peek <topic>|cluster ...}" >&2
    exit 2
    ;;
esac
