# Sourced by the test and benchmark commands: starts the local Kafka when it is not running, and
# stops it again when the calling script exits (a Kafka that was already running is left alone).
started_kafka=0
if ! bash infra/kafka/kafka.sh status >/dev/null 2>&1; then
  bash infra/kafka/kafka.sh start
  started_kafka=1
else
  # already running: start only gives it the SCRAM credential of a principal it was formatted without
  bash infra/kafka/kafka.sh start
fi
stop_kafka() { if [[ $started_kafka == 1 ]]; then bash infra/kafka/kafka.sh stop; fi; }
trap stop_kafka EXIT
