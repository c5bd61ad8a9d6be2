#!/usr/bin/env bash
# Run one of Kafka's own CLI tools from the same Maven-resolved classpath as the broker.
#
# Usage: tools/kafka/kafka-tool.sh MAIN_CLASS [ARGS...]
#   e.g. tools/kafka/kafka-tool.sh org.apache.kafka.tools.TopicCommand \
#          --bootstrap-server localhost:9092 --create --if-not-exists --topic orders --partitions 3
#
# Useful classes (Kafka 4.2):
#   org.apache.kafka.tools.TopicCommand                           (kafka-topics.sh)
#   org.apache.kafka.tools.ConsoleProducer                        (kafka-console-producer.sh)
#   org.apache.kafka.tools.consumer.ConsoleConsumer               (kafka-console-consumer.sh)
#   org.apache.kafka.tools.consumer.ConsoleShareConsumer          (kafka-console-share-consumer.sh)
#   org.apache.kafka.tools.consumer.group.ConsumerGroupCommand    (kafka-consumer-groups.sh)
#   org.apache.kafka.tools.consumer.group.ShareGroupCommand       (kafka-share-groups.sh)
#   org.apache.kafka.tools.FeatureCommand                         (kafka-features.sh)
#   kafka.admin.ConfigCommand                                     (kafka-configs.sh)
#   kafka.tools.StorageTool                                       (kafka-storage.sh)
#
# Env: JAVA_HOME (required, JDK 21+), KAFKA_CLASSPATH_FILE (required: written by start-broker.sh,
# default DATA_DIR/kafka.classpath, or by `mvn -f tools/kafka/pom.xml dependency:build-classpath`),
# KAFKA_TOOL_LOG_LEVEL (default WARN).
set -euo pipefail

die() { echo "kafka-tool.sh: $*" >&2; exit 1; }

[[ $# -ge 1 ]] || die "usage: $0 MAIN_CLASS [ARGS...]"
[[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] || die "JAVA_HOME must point to a JDK 21+"
[[ -n "${KAFKA_CLASSPATH_FILE:-}" && -s "$KAFKA_CLASSPATH_FILE" ]] \
  || die "KAFKA_CLASSPATH_FILE must name the classpath file written by start-broker.sh"

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=tools/lib/java.sh
source "$SCRIPT_DIR/../lib/java.sh"
java_at_least 21 "$JAVA_HOME" || die "JAVA_HOME must point to a JDK 21+ ($JAVA_HOME is Java $(java_major "$JAVA_HOME"))"
opts=(--enable-native-access=ALL-UNNAMED -Dlog4j2.configurationFile="$SCRIPT_DIR/log4j2.properties")
unsafe="$(unsafe_access_flag "$JAVA_HOME")"
[[ -z "$unsafe" ]] || opts+=("$unsafe")
KAFKA_LOG_LEVEL="${KAFKA_TOOL_LOG_LEVEL:-WARN}" \
  exec "$JAVA_HOME/bin/java" -Xmx256m "${opts[@]}" -cp "$(cat "$KAFKA_CLASSPATH_FILE")" "$@"
