#!/usr/bin/env bash
# How long the stack takes to heal itself: for each service named (default: all daemons), SIGKILL the
# main process `stack status` shows, then poll `stack status SVC` until it is healthy with a new pid.
# Runs against the stack of the current SCS_STATE_DIR (and port variables): point it at a stack of
# its own when tests use the main one. Prints one line per service; exits 1 if one is not back in 120 s.
#   bash bench/kill-recovery.sh [svc...]
set -euo pipefail
cd "$(dirname "$0")/.."
stack() { bash infra/bin/stack "$@"; }
row() { stack status "$1" 2>/dev/null | awk -v s="$1" '$1 == s { print $2, $3 }'; }
services=("$@")
if ((${#services[@]} == 0)); then
  mapfile -t services < <(stack status | awk 'NR > 1 && $3 ~ /^[0-9]+$/ { print $1 }')
fi
rc=0
for svc in "${services[@]}"; do
  read -r state pid < <(row "$svc") || true
  if [[ ${state:-} != healthy || ! ${pid:-} =~ ^[0-9]+$ ]]; then
    echo "$svc: not healthy before the kill (${state:-unknown}), skipped"; rc=1; continue
  fi
  start=$(date +%s%N)
  kill -9 "$pid"
  while :; do
    read -r now new < <(row "$svc") || true
    [[ ${now:-} == healthy && ${new:-} != "$pid" ]] && break
    if (($(date +%s%N) - start > 120000000000)); then echo "$svc: not back after 120 s"; rc=1; continue 2; fi
    sleep 0.5
  done
  printf '%s: healthy again after %.1f s (pid %s -> %s; load %s)\n' "$svc" \
    "$(awk -v ns="$(($(date +%s%N) - start))" 'BEGIN { print ns / 1e9 }')" "$pid" "$new" "$(cut -d' ' -f1 /proc/loadavg)"
done
exit $rc
