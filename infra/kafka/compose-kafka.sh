#!/bin/sh
# The broker of docker-compose.yml, in the apache/kafka image: the same security and settings as the local broker
# (infra/kafka/broker-security.sh), single node, the principals' SCRAM credentials from the environment
# (KAFKA_PASSWORD_ADMIN, _CATALOG, _CONSIGNMENT, _REPORTING, _NOTIFICATION, _TOOLS) written when the storage is first
# formatted. A storage formatted before a principal existed gets its credential once the broker serves (see below).
# KAFKA_HOST_PORT (docker-compose.host-ports.yml) adds a listener for this machine's loopback, SASL as well.
set -eu
for name in ADMIN CATALOG CONSIGNMENT REPORTING NOTIFICATION TOOLS; do
  eval "value=\${KAFKA_PASSWORD_$name:-}"
  [ -n "$value" ] || { echo "kafka: KAFKA_PASSWORD_$name is required" >&2; exit 1; }
done
DATA=/var/lib/kafka/data
CONFIG=/tmp/server.properties
mkdir -p "$DATA"
listeners="CLIENT://:9092,CONTROLLER://:9093"
advertised="CLIENT://kafka:9092"
protocols="CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT"
sasl_listeners="client"
if [ -n "${KAFKA_HOST_PORT:-}" ]; then
  listeners="$listeners,HOST://:$KAFKA_HOST_PORT"
  advertised="$advertised,HOST://127.0.0.1:$KAFKA_HOST_PORT"
  protocols="$protocols,HOST:SASL_PLAINTEXT"
  sasl_listeners="client host"
fi
umask 077
{
  cat <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:9093
listeners=$listeners
advertised.listeners=$advertised
controller.listener.names=CONTROLLER
inter.broker.listener.name=CLIENT
listener.security.protocol.map=$protocols
log.dirs=$DATA
group.initial.rebalance.delay.ms=0
EOF
  BROKER_ADMIN_PASSWORD="$KAFKA_PASSWORD_ADMIN" BROKER_SASL_LISTENERS="$sasl_listeners" BROKER_REPLICATION=1 BROKER_MIN_INSYNC=1 \
    sh /opt/titipan/broker-security.sh
} >"$CONFIG"
# the health check's login (admin)
cat >/tmp/admin.properties <<EOF
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$KAFKA_PASSWORD_ADMIN";
EOF
if [ ! -f "$DATA/meta.properties" ]; then
  /opt/kafka/bin/kafka-storage.sh format -t "$(/opt/kafka/bin/kafka-storage.sh random-uuid)" -c "$CONFIG" \
    --add-scram "SCRAM-SHA-512=[name=admin,password=$KAFKA_PASSWORD_ADMIN]" \
    --add-scram "SCRAM-SHA-512=[name=catalog,password=$KAFKA_PASSWORD_CATALOG]" \
    --add-scram "SCRAM-SHA-512=[name=consignment,password=$KAFKA_PASSWORD_CONSIGNMENT]" \
    --add-scram "SCRAM-SHA-512=[name=reporting,password=$KAFKA_PASSWORD_REPORTING]" \
    --add-scram "SCRAM-SHA-512=[name=notification,password=$KAFKA_PASSWORD_NOTIFICATION]" \
    --add-scram "SCRAM-SHA-512=[name=tools,password=$KAFKA_PASSWORD_TOOLS]"
  touch "$DATA/.titipan-notification"
fi
# Formatted before the notification principal existed: formatting cannot add it, so once the broker serves, the
# admin client does (in the background, while the broker below runs in the foreground), and a marker says it is done.
if [ ! -f "$DATA/.titipan-notification" ]; then
  (
    until /opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9092 --command-config /tmp/admin.properties >/dev/null 2>&1; do
      sleep 2
    done
    /opt/kafka/bin/kafka-configs.sh --bootstrap-server localhost:9092 --command-config /tmp/admin.properties --alter \
      --add-config "SCRAM-SHA-512=[password=$KAFKA_PASSWORD_NOTIFICATION]" --entity-type users --entity-name notification &&
      touch "$DATA/.titipan-notification"
  ) &
fi
exec /opt/kafka/bin/kafka-server-start.sh "$CONFIG"
