#!/bin/sh
# Prints the part of a broker's server.properties that every Titipan broker shares, whoever runs it: the local
# broker and cluster (infra/kafka/kafka.sh) and docker-compose (infra/kafka/compose-kafka.sh). POSIX sh, so the
# Kafka image can run it. See docs/decisions/0024 (principals, ACLs, TLS) and 0025 (replication).
#
# Env:
#   BROKER_ADMIN_PASSWORD    the admin principal's password (inter-broker and broker-to-controller logins)
#   BROKER_SASL_LISTENERS    client listener names, lower case, space-separated (e.g. "client" or "client host")
#   BROKER_REPLICATION       copies of each internal topic's partitions: 1 (single node) or 3 (cluster)
#   BROKER_MIN_INSYNC        copies that must have a write: 1 (single node) or 2 (cluster)
#   BROKER_TLS_KEYSTORE      optional: PKCS12 key store of the client listeners' certificate (they become SASL_SSL)
#   BROKER_TLS_KEYSTORE_PASSWORD, BROKER_TLS_CA_FILE (PEM, trusted by the brokers talking to each other)
set -eu
: "${BROKER_ADMIN_PASSWORD:?the admin principal password}"
: "${BROKER_SASL_LISTENERS:?the client listener names}"
: "${BROKER_REPLICATION:=1}"
: "${BROKER_MIN_INSYNC:=1}"

cat <<EOF
# Every connection authenticates. Clients: SASL/SCRAM-SHA-512, whose credentials live in the cluster metadata
# (made when the storage is formatted). Controllers: SASL/PLAIN with the admin principal only, because a KRaft
# controller cannot check SCRAM (those credentials are in the metadata it serves).
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.controller.sasl.enabled.mechanisms=PLAIN
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$BROKER_ADMIN_PASSWORD" user_admin="$BROKER_ADMIN_PASSWORD";
EOF
for listener in $BROKER_SASL_LISTENERS; do
  echo "listener.name.$listener.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"$BROKER_ADMIN_PASSWORD\";"
  if [ -n "${BROKER_TLS_KEYSTORE:-}" ]; then
    echo "listener.name.$listener.ssl.keystore.type=PKCS12"
    echo "listener.name.$listener.ssl.keystore.location=$BROKER_TLS_KEYSTORE"
    echo "listener.name.$listener.ssl.keystore.password=${BROKER_TLS_KEYSTORE_PASSWORD:-}"
  fi
done
if [ -n "${BROKER_TLS_KEYSTORE:-}" ]; then
  echo "ssl.truststore.type=PEM"
  echo "ssl.truststore.location=${BROKER_TLS_CA_FILE:?BROKER_TLS_CA_FILE: the CA (PEM) that signed the listener certificate}"
fi

cat <<EOF

# Rights: nothing without an ACL. admin is the super-user that provisions topics and grants each principal its
# rights on them (libs/platform/src/kafka/topic-rights.ts, run by tools/setup.ts).
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin
allow.everyone.if.no.acl.found=false

# Internal topics: as many copies as there are nodes (1 or 3), and a write needs min.insync.replicas of them.
offsets.topic.replication.factor=$BROKER_REPLICATION
transaction.state.log.replication.factor=$BROKER_REPLICATION
transaction.state.log.min.isr=$BROKER_MIN_INSYNC
share.coordinator.state.topic.replication.factor=$BROKER_REPLICATION
share.coordinator.state.topic.min.isr=$BROKER_MIN_INSYNC
default.replication.factor=$BROKER_REPLICATION
min.insync.replicas=$BROKER_MIN_INSYNC

# Topics are created explicitly (tools/setup.ts); a typo must fail, not create a topic. Nothing expires by time:
# statements and replay read consignment.events from its first event (docs/decisions/0025).
auto.create.topics.enable=false
log.retention.ms=-1
EOF
