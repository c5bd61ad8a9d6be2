#!/usr/bin/env bash
# Print the path of a runnable redis-server (and nothing else on stdout).
#
# Usage: tools/redis/redis-binary.sh OUT_DIR
#
#   1. $REDIS_SERVER, if set and executable;
#   2. else `redis-server` on PATH;
#   3. else the prebuilt binary shipped inside the Maven Central jar
#      com.github.codemonstur:embedded-redis (version in tools/redis/pom.xml), extracted to
#      OUT_DIR/redis-server (cached: later calls only re-check it with --version).
#
# Env: JAVA_HOME (for mvn, only needed on the first extraction), MVN (default mvn).
# Needs libssl.so.3/libcrypto.so.3 (Debian bookworm+/Ubuntu 22.04+) for the linux binaries.
#
# The binary is a real Redis 6.2 server, e.g.:
#   "$(tools/redis/redis-binary.sh .ensemble/redis)" --port 6379 --bind 127.0.0.1 \
#       --dir DATA_DIR --appendonly yes --save ''
set -euo pipefail

die() { echo "redis-binary.sh: $*" >&2; exit 1; }

[[ $# -eq 1 && -n "$1" ]] || die "usage: $0 OUT_DIR"

runs() { "$1" --version >/dev/null 2>&1; }

if [[ -n "${REDIS_SERVER:-}" ]]; then
  if [[ ! -x "$REDIS_SERVER" ]] || ! runs "$REDIS_SERVER"; then
    die "REDIS_SERVER=$REDIS_SERVER is not a runnable redis-server"
  fi
  echo "$REDIS_SERVER"
  exit 0
fi

if on_path="$(command -v redis-server 2>/dev/null)" && runs "$on_path"; then
  echo "$on_path"
  exit 0
fi

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$1"
OUT_DIR="$(cd "$1" && pwd)"
BIN="$OUT_DIR/redis-server"
STAMP="$OUT_DIR/redis-server.source"

VERSION="$(sed -n 's:.*<embedded-redis.version>\(.*\)</embedded-redis.version>.*:\1:p' "$SCRIPT_DIR/pom.xml")"
[[ -n "$VERSION" ]] || die "cannot read embedded-redis.version from $SCRIPT_DIR/pom.xml"

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=darwin ;;
  *) die "unsupported OS $(uname -s)" ;;
esac
case "$(uname -m)" in
  x86_64|amd64) arch=amd64 ;;
  aarch64|arm64) arch=arm64 ;;
  i?86) arch=386 ;;
  *) die "unsupported CPU $(uname -m)" ;;
esac
WANT="embedded-redis-$VERSION $os-$arch"

# Cached and still good?
if [[ -x "$BIN" && -f "$STAMP" && "$(cat "$STAMP")" == "$WANT" ]] && runs "$BIN"; then
  echo "$BIN"
  exit 0
fi

# Fetch the jar (from ~/.m2 or Maven Central) into a scratch dir under OUT_DIR.
JAR_DIR="$OUT_DIR/.jar"
rm -rf "$JAR_DIR"
mkdir -p "$JAR_DIR"
trap 'rm -rf "$JAR_DIR"' EXIT
# shellcheck source=tools/lib/java.sh
source "$SCRIPT_DIR/../lib/java.sh"
mvn_opts="${MAVEN_OPTS:-}"
if [[ -n "${JAVA_HOME:-}" ]]; then
  mvn_opts="$mvn_opts $(unsafe_access_flag "$JAVA_HOME")"   # quiet Maven's guava on JDK 24+
fi
MAVEN_OPTS="$mvn_opts" "${MVN:-mvn}" -q -B -f "$SCRIPT_DIR/pom.xml" dependency:copy \
  -DoutputDirectory="$JAR_DIR" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2 \
  || die "maven could not fetch embedded-redis $VERSION"
JAR="$JAR_DIR/embedded-redis-$VERSION.jar"
[[ -f "$JAR" ]] || die "expected $JAR after mvn dependency:copy"

# List entries; pick redis-server-<ver>-<os>-<arch> (the version in the name varies by platform).
list_entries() {
  if command -v unzip >/dev/null 2>&1; then
    unzip -Z1 "$JAR"
  elif [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/jar" ]]; then
    "$JAVA_HOME/bin/jar" tf "$JAR"
  else
    python3 -c 'import sys,zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$JAR"
  fi
}
ENTRY="$(list_entries | grep -E "^redis-server-[^/]*-$os-$arch\$" | sort -V | tail -n1 || true)"
[[ -n "$ENTRY" ]] || die "no redis-server for $os-$arch in $JAR"

tmp="$BIN.tmp.$$"
if command -v unzip >/dev/null 2>&1; then
  unzip -p "$JAR" "$ENTRY" > "$tmp"
elif [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/jar" ]]; then
  (cd "$JAR_DIR" && "$JAVA_HOME/bin/jar" xf "$JAR" "$ENTRY")
  mv -f "$JAR_DIR/$ENTRY" "$tmp"
else
  python3 -c 'import sys,zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))' \
    "$JAR" "$ENTRY" > "$tmp"
fi
chmod 755 "$tmp"
if ! out="$("$tmp" --version 2>&1)"; then
  rm -f "$tmp"
  die "extracted $ENTRY does not run here: $out (linux builds need libssl.so.3 / libcrypto.so.3)"
fi
mv -f "$tmp" "$BIN"
echo "$WANT" > "$STAMP"
echo "redis-binary.sh: extracted $ENTRY from embedded-redis $VERSION: $out" >&2
echo "$BIN"
