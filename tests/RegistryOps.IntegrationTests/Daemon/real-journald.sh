#!/bin/bash
# Runs the daemon against a real systemd-journald, inside the private mount namespace that the
# test opens with `unshare -m --propagation private`: /run and /var/log are fresh tmpfs mounts
# seen by nothing outside, so the machine's own /run and logs are never touched (-n: no utab
# entry either).
# Arguments: DOTNET DLL CONFIG OUTPUT_JSON
set -euo pipefail
dotnet_host=$1 dll=$2 config=$3 output=$4

mount -n -t tmpfs tmpfs /run
mount -n -t tmpfs tmpfs /var/log
mkdir -p /run/systemd/journal

/lib/systemd/systemd-journald &
journald=$!
trap 'kill "$journald" 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -S /run/systemd/journal/socket ] && break; sleep 0.1; done

# Default socket path on purpose: no REGISTRYOPS_JOURNAL_SOCKET.
REGISTRYOPS_TEST_JOBS=1 REGISTRYOPS_TEST_SLEEP_SECONDS=0 \
  "$dotnet_host" "$dll" run --config "$config" --log-target journald &
daemon=$!
echo "daemon pid $daemon"

for _ in $(seq 300); do
  if journalctl --directory=/run/log/journal --no-pager -q JOB=selftest-sleep 2>/dev/null | grep -q .; then
    break
  fi
  sleep 0.1
done

kill -TERM "$daemon"
wait "$daemon" || true
journalctl --directory=/run/log/journal --no-pager -o json SYSLOG_IDENTIFIER=registryops > "$output"
