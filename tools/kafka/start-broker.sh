#!/usr/bin/env bash
# Start a real single-node KRaft Apache Kafka broker (broker+controller in one JVM) from
# Kafka's own jars on Maven Central -- no Docker, no tarball.
#
# Usage: tools/kafka/start-broker.sh DATA_DIR
#
# Env:
#   JAVA_HOME               required, JDK 21+
#   KAFKA_PORT              PLAINTEXT client port            (default 9092)
#   KAFKA_CONTROLLER_PORT   KRaft controller port            (default 9093)
#   KAFKA_CLASSPATH_FILE    output of `mvn dependency:build-classpath` for tools/kafka/pom.xml
#                           (default DATA_DIR/kafka.classpath; built with ${MVN:-mvn} if missing/stale)
#   MVN                     maven command                    (default mvn)
#   KAFKA_HEAP_OPTS         JVM heap flags                   (default "-Xms256m -Xmx512m")
#   KAFKA_JVM_OPTS          extra JVM flags                  (default empty)
#   KAFKA_LOG_LEVEL         root log level for log4j2        (default INFO)
#   KAFKA_CLUSTER_ID        cluster id used when formatting  (default fixed dev id)
#   KAFKA_EXTRA_CONFIG      extra server.properties lines appended verbatim (newline separated)
#
# Formats DATA_DIR once (skipped when already formatted), writes DATA_DIR/server.properties, then
# `exec`s the broker JVM in the foreground: the caller backgrounds this script and its pid IS the
# JVM's pid. Logs go to stdout. The broker is up when the log shows "Kafka Server started" or when
# KAFKA_PORT accepts connections.
set -euo pipefail

die() { echo "start-broker.sh: $*" >&2; exit 1; }

[[ $# -eq 1 && -n "$1" ]] || die "usage: $0 DATA_DIR"

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$1"
DATA_DIR="$(cd "$1" && pwd)"

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_BIND_HOST="127.0.0.1"
KAFKA_ADVERTISED_HOST="localhost"
KAFKA_CLUSTER_ID="${KAFKA_CLUSTER_ID:-bXBlbnNlbWJsZS1rYWZrYQ}"   # base64url("mpensemble-kafka")
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
KAFKA_CLASSPATH_FILE="${KAFKA_CLASSPATH_FILE:-$DATA_DIR/kafka.classpath}"
LOG_DIR="$DATA_DIR/kraft-logs"
PROPS="$DATA_DIR/server.properties"

# ---- Java -------------------------------------------------------------------------------
# shellcheck source=tools/lib/java.sh
source "$SCRIPT_DIR/../lib/java.sh"
[[ -n "${JAVA_HOME:-}" ]] || die "JAVA_HOME must be set (JDK 21+)"
JAVA="$JAVA_HOME/bin/java"
[[ -x "$JAVA" ]] || die "no java at $JAVA"
JAVA_MAJOR="$(java_major "$JAVA_HOME")"
[[ "$JAVA_MAJOR" =~ ^[0-9]+$ ]] || die "cannot determine the Java version of $JAVA_HOME"
(( JAVA_MAJOR >= 21 )) || die "JDK 21+ required, JAVA_HOME=$JAVA_HOME is Java $JAVA_MAJOR"
UNSAFE_FLAG="$(unsafe_access_flag "$JAVA_HOME")"

for p in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
  [[ "$p" =~ ^[0-9]+$ ]] || die "invalid port: $p"
  if (exec 3<>"/dev/tcp/$KAFKA_BIND_HOST/$p") 2>/dev/null; then
    die "port $p on $KAFKA_BIND_HOST is already in use"
  fi
done

# ---- Classpath ---------------------------------------------------------------------------
classpath_ok() {
  local f="$1" jar
  [[ -s "$f" ]] || return 1
  [[ "$f" -nt "$SCRIPT_DIR/pom.xml" ]] || return 1
  local -a jars
  IFS=':' read -r -a jars < "$f"
  (( ${#jars[@]} > 0 )) || return 1
  for jar in "${jars[@]}"; do
    [[ -f "$jar" ]] || return 1
  done
}
if ! classpath_ok "$KAFKA_CLASSPATH_FILE"; then
  echo "start-broker.sh: resolving Kafka classpath into $KAFKA_CLASSPATH_FILE" >&2
  mkdir -p "$(dirname "$KAFKA_CLASSPATH_FILE")"
  tmp_cp="$KAFKA_CLASSPATH_FILE.tmp.$$"
  mvn_opts="${MAVEN_OPTS:-}"
  # Maven 3.8/3.9's bundled guava prints sun.misc.Unsafe warnings on JDK 24+.
  mvn_opts="$mvn_opts $UNSAFE_FLAG"
  MAVEN_OPTS="$mvn_opts" "${MVN:-mvn}" -q -B -f "$SCRIPT_DIR/pom.xml" dependency:build-classpath \
    -Dmdep.outputFile="$tmp_cp" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2 \
    || { rm -f "$tmp_cp"; die "maven could not resolve the Kafka classpath"; }
  mv -f "$tmp_cp" "$KAFKA_CLASSPATH_FILE"
  classpath_ok "$KAFKA_CLASSPATH_FILE" || die "classpath file $KAFKA_CLASSPATH_FILE is unusable"
fi
CLASSPATH_VALUE="$(cat "$KAFKA_CLASSPATH_FILE")"

# ---- JVM flags ---------------------------------------------------------------------------
read -r -a HEAP_OPTS <<< "$KAFKA_HEAP_OPTS"
read -r -a EXTRA_JVM_OPTS <<< "${KAFKA_JVM_OPTS:-}"
JVM_OPTS=(
  "${HEAP_OPTS[@]}"
  -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35
  -XX:+ExplicitGCInvokesConcurrent -XX:+ExitOnOutOfMemoryError
  -Djava.awt.headless=true
  -Dlog4j2.configurationFile="$SCRIPT_DIR/log4j2.properties"
  # zstd-jni / snappy load native code from the classpath (JDK 22+ warns otherwise).
  --enable-native-access=ALL-UNNAMED
)
# Silences the JDK 24+ "sun.misc.Unsafe::... has been called" warnings (JEP 471/498).
[[ -z "$UNSAFE_FLAG" ]] || JVM_OPTS+=("$UNSAFE_FLAG")
JVM_OPTS+=("${EXTRA_JVM_OPTS[@]}")

# ---- server.properties -------------------------------------------------------------------
mkdir -p "$LOG_DIR"
sed -e "s|@KAFKA_PORT@|$KAFKA_PORT|g" \
    -e "s|@KAFKA_CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" \
    -e "s|@KAFKA_BIND_HOST@|$KAFKA_BIND_HOST|g" \
    -e "s|@KAFKA_ADVERTISED_HOST@|$KAFKA_ADVERTISED_HOST|g" \
    -e "s|@LOG_DIR@|$LOG_DIR|g" \
    "$SCRIPT_DIR/server.properties.template" > "$PROPS.tmp"
if [[ -n "${KAFKA_EXTRA_CONFIG:-}" ]]; then
  printf '\n# KAFKA_EXTRA_CONFIG\n%s\n' "$KAFKA_EXTRA_CONFIG" >> "$PROPS.tmp"
fi
mv -f "$PROPS.tmp" "$PROPS"

# ---- Format once -------------------------------------------------------------------------
if [[ ! -f "$LOG_DIR/meta.properties" ]]; then
  echo "start-broker.sh: formatting KRaft storage in $LOG_DIR (cluster id $KAFKA_CLUSTER_ID)" >&2
  "$JAVA" "${JVM_OPTS[@]}" -cp "$CLASSPATH_VALUE" kafka.tools.StorageTool format \
    --config "$PROPS" --cluster-id "$KAFKA_CLUSTER_ID" --standalone \
    --feature share.version=1 --ignore-formatted >&2
fi

# ---- Run (foreground, pid = JVM) ---------------------------------------------------------
cd "$DATA_DIR"
exec "$JAVA" "${JVM_OPTS[@]}" -cp "$CLASSPATH_VALUE" kafka.Kafka "$PROPS"
