# shellcheck shell=bash
# Java helpers for the project's scripts (./ensemble, .ci/run, tools/kafka, tools/redis). Sourced, never run:
#   source "$(dirname "${BASH_SOURCE[0]}")/../lib/java.sh"
# Defines functions only; sets no shell options and exits nothing, so the caller keeps its own error handling.

# java_major JAVA_HOME: the major version of the Java there (21, 25, ...), or nothing when there is no java.
java_major() {
  local release="$1/release" v=""
  [[ -x "$1/bin/java" ]] || return 0
  if [[ -r "$release" ]]; then v="$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$release")"; fi
  [[ -n "$v" ]] || v="$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)"
  v="${v#1.}"
  echo "${v%%[.+-]*}"
}

# java_at_least MIN JAVA_HOME: is the Java there version MIN or newer?
java_at_least() {
  local major; major="$(java_major "$2")"
  [[ "$major" =~ ^[0-9]+$ ]] && ((major >= $1))
}

# find_jdk: prints a JDK 21+ and succeeds, or prints nothing and fails: $JAVA_HOME when it is Java 21+, else the
# newest JDK (one with javac, as Maven needs) among the java on PATH, /usr/lib/jvm/*, /opt/java/* and /usr/local/openjdk*.
find_jdk() {
  if [[ -n "${JAVA_HOME:-}" ]] && java_at_least 21 "$JAVA_HOME"; then
    echo "$JAVA_HOME"
    return 0
  fi
  local candidate major best="" best_major=0 candidates=()
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  candidates+=(/usr/lib/jvm/* /opt/java/* /usr/local/openjdk*)
  for candidate in "${candidates[@]}"; do
    [[ -d "$candidate" && -x "$candidate/bin/javac" ]] || continue
    major="$(java_major "$candidate")"
    [[ "$major" =~ ^[0-9]+$ ]] || continue
    if ((major >= 21 && major > best_major)); then best="$candidate"; best_major="$major"; fi
  done
  [[ -n "$best" ]] || return 1
  echo "$best"
}

# unsafe_access_flag JAVA_HOME: the flag that silences JDK 23+'s sun.misc.Unsafe warnings (JEP 471/498), printed by
# Maven's bundled guava and by Kafka; nothing for an older Java, which does not know the flag.
unsafe_access_flag() {
  if java_at_least 23 "$1"; then echo "--sun-misc-unsafe-memory-access=allow"; fi
}
