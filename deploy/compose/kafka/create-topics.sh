#!/bin/sh
# Run once by the compose service `kafka-init` before any Jiguan service starts: creates the event topics as the
# permanent log CONTRACT.md asks for (unlimited retention, records up to max.message.bytes, replicated), and sets
# the same configuration on a topic that already exists. The partition count of an existing topic is never changed:
# records are partitioned by aggregate id, and more partitions would move an aggregate's later events elsewhere.
set -eu
bin=/opt/kafka/bin

for topic in $EVENT_TOPICS; do
  set --
  for entry in $(echo "$EVENT_TOPIC_CONFIG" | tr ',' ' '); do
    set -- "$@" --config "$entry"
  done
  "$bin/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP_SERVERS" --create --if-not-exists --topic "$topic" \
    --partitions "$EVENT_TOPIC_PARTITIONS" --replication-factor "$EVENT_TOPIC_REPLICATION_FACTOR" "$@"
  "$bin/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP_SERVERS" --alter --entity-type topics \
    --entity-name "$topic" --add-config "$EVENT_TOPIC_CONFIG"
  "$bin/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP_SERVERS" --describe --topic "$topic"
done
