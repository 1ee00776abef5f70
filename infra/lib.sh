# Shared by infra/kafka/kafka.sh and infra/keycloak/keycloak.sh (sourced, not run): what both spell out the same
# way, fetching from Maven Central, pid files, waiting for readiness and stopping. Set LIB_NAME (the prefix of
# messages) and PID_FILE before calling.

log() { echo "$LIB_NAME: $*" >&2; }
die() { echo "$LIB_NAME: ERROR: $*" >&2; exit 1; }

# The version a pom pins in <$1>...</$1>.
pom_property() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$2" | head -n1; }

# Hash of a pom: a changed dependency list invalidates what was fetched with it.
pom_hash_of() { sha256sum "$1" | cut -d' ' -f1; }

# Runs Maven's dependency:copy-dependencies for a pom into a directory; -C (strict checksums) fails a download
# that does not match the checksum Maven Central publishes. Output is kept for failures only (Maven 3.8 prints
# ANSI resets even with -q).
#   maven_copy <pom> <output dir> <log file> [more mvn arguments]
maven_copy() {
  local pom="$1" out="$2" logfile="$3"
  shift 3
  command -v mvn >/dev/null || die "mvn not found (needed once to fetch from Maven Central)"
  mvn -B -q -C -f "$pom" -Dmaven.repo.local="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}" dependency:copy-dependencies \
    -DoutputDirectory="$out" "$@" >"$logfile" 2>&1 || { cat "$logfile" >&2; return 1; }
}

# Checks a downloaded file once more against the .sha1 Maven Central publishes beside it (in the local repository).
#   check_published_sha1 <file> <published .sha1 file>
check_published_sha1() {
  local file="$1" published="$2" want have
  [[ -f "$file" ]] || die "fetch incomplete: $file missing"
  [[ -f "$published" ]] || die "no published checksum at $published"
  want="$(cut -c1-40 "$published")"
  have="$(sha1sum "$file" | cut -d' ' -f1)"
  [[ "$want" == "$have" ]] || die "checksum mismatch: Maven Central publishes sha1 $want, $(basename "$file") has $have"
  log "sha1 $have matches the checksum Maven Central publishes"
}

read_pid() { [[ -f "$PID_FILE" ]] && cat "$PID_FILE" 2>/dev/null || true; }

# Alive AND our process (its command line matches the pattern): guards against pid reuse after a reboot.
#   pid_alive <pid> <command line pattern>
pid_alive() {
  local pid="$1" pattern="$2"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "$pattern"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Fails when a port we are about to listen on is taken.
ports_free() {
  local port
  for port in "$@"; do
    port_open "$port" && die "port $port is already in use by another process"
  done
  return 0
}

# Waits until `ready_fn` succeeds; fails (with the log's tail) when the process dies or the time is up.
#   wait_ready <pid> <timeout s> <ready_fn> <log file> <what is awaited, for messages>
wait_ready() {
  local pid="$1" timeout="$2" ready_fn="$3" logfile="$4" what="$5" t0=$SECONDS
  while ((SECONDS - t0 < timeout)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PID_FILE"
      echo "----- last 40 lines of $logfile -----" >&2
      tail -n 40 "$logfile" >&2 || true
      die "the process exited during startup"
    fi
    if "$ready_fn"; then
      WAITED=$((SECONDS - t0))
      return 0
    fi
    sleep 1
  done
  echo "----- last 40 lines of $logfile -----" >&2
  tail -n 40 "$logfile" >&2 || true
  die "pid $pid not $what after ${timeout}s; still running, see '$0 logs' or '$0 stop'"
}

# SIGTERM (a graceful shutdown), then SIGKILL to it and its children after the timeout.
#   stop_pid <pid> <timeout s>
stop_pid() {
  local pid="$1" timeout="$2" t0=$SECONDS child
  log "stopping pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS - t0 >= timeout)); then
      log "still alive after ${timeout}s, sending SIGKILL"
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

# Follows the log at a terminal; otherwise (CI) prints its tail.
show_log() {
  echo "$1" >&2
  [[ -f "$1" ]] || die "no log yet"
  if [[ -t 1 ]]; then tail -n 100 -F "$1"; else tail -n 200 "$1"; fi
}
