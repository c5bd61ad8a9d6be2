#!/usr/bin/env bash
# healthcheck PORT: exit 0 when the service on PORT answers /actuator/health/readiness with UP.
# The JRE image has bash but neither curl nor wget is promised, so this speaks HTTP/1.0 over bash's /dev/tcp.
set -euo pipefail
port="${1:?usage: healthcheck PORT}"
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
reply="$(timeout 5 cat <&3)"
[[ "$reply" == "HTTP/1.1 200"* && "$reply" == *'"status":"UP"'* ]]
