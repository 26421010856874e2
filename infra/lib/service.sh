# shellcheck shell=bash
# shellcheck disable=SC2034,SC2154  # shares variables with lib/common.sh and the service files
# Service model. One service = one file infra/services/<name>.sh, sourced by svc_load into a
# clean slate. A service file may set (all optional unless noted):
#
#   SVC_DESC="PostgreSQL 15"     one-line description
#   SVC_KIND=daemon              daemon (default) | oneshot (provision only, e.g. chromium)
#   SVC_DEPS=(postgres redis)    started first by `up`
#   SVC_START_AFTER=(redis)      of those, the ones that must be healthy before it starts (default:
#                                all SVC_DEPS); the others start beside it, its readiness waits for them
#   SVC_ORDER=50                 position in "all" (default 50, ties by name)
#   SVC_CMD=(node dist/main.js)  the foreground command (required for daemons)
#   SVC_ENV=(KEY=VALUE ...)      extra environment ("${SCS_ENV[@]}" = everything `stack env` prints)
#   SVC_CWD=$SCS_REPO_ROOT       working directory
#   SVC_USER=scs                 run as this user when we are root ("" = invoking user)
#   SVC_PORTS=(4000)             ports it listens on (diagnostics, checked closed after stop)
#   SVC_HEALTH_URL=http://...    default health check: HTTP 2xx (else: all SVC_PORTS listening)
#   SVC_URL=...                  shown in the status table
#   SVC_TIMEOUT=60               seconds to wait for health after start
#   SVC_STOP_SIGNAL=TERM         first signal sent to the process group by `down`
#   SVC_STOP_TIMEOUT=30          seconds before SIGKILL
# and define hooks (all optional):
#   svc_provision   install what it needs; must be idempotent and quick when done
#   svc_prepare     before each start (config files, initdb, dirs)
#   svc_ready       "accepting connections" (default: svc_health); polled after start
#   svc_post_start  once after ready (create databases, smoke tests); failure = start failure
#   svc_health      full health check, used by `status` and at the end of `up`
#   svc_env         print KEY=VALUE lines for `stack env` (and the app services)
#   svc_secret_env  print KEY=VALUE lines holding secrets: given to the app services, never printed
# Available to service files: SVC_NAME, SVC_DIR (=$SCS_STATE_DIR/<name>), SVC_LOG,
# SCS_CACHE_DIR, SCS_STATE_DIR, SCS_REPO_ROOT, SCS_INFRA_DIR, SCS_HOST, the *_PORT variables
# and the helpers from lib/common.sh.

SCS_SERVICES_DIR="$SCS_INFRA_DIR/services"
_SVC_HOOKS=(svc_provision svc_prepare svc_ready svc_post_start svc_health svc_env svc_secret_env)

svc_exists() { [[ -f $SCS_SERVICES_DIR/$1.sh ]]; }

svc_load() {
  local name=$1
  svc_exists "$name" || die "unknown service '$name' (known: $(svc_all | tr '\n' ' '))"
  unset -f "${_SVC_HOOKS[@]}"
  SVC_NAME=$name
  SVC_DESC=$name
  SVC_KIND=daemon
  SVC_DEPS=()
  unset SVC_START_AFTER
  SVC_ORDER=''
  SVC_CMD=()
  SVC_ENV=()
  SVC_CWD=$SCS_REPO_ROOT
  SVC_USER=''
  SVC_PORTS=()
  SVC_HEALTH_URL=''
  SVC_URL=''
  SVC_TIMEOUT=60
  SVC_CODE_STAMPED=''
  SVC_STOP_SIGNAL=TERM
  SVC_STOP_TIMEOUT=30
  SVC_DIR="$SCS_STATE_DIR/$name"
  SVC_LOG="$SCS_LOG_DIR/$name.log"
  # shellcheck source=/dev/null
  source "$SCS_SERVICES_DIR/$name.sh"
}

svc_has() { declare -F "$1" >/dev/null; }

svc_do_health() {
  if svc_has svc_health; then svc_health; return; fi
  if [[ -n $SVC_HEALTH_URL ]]; then http_ok "$SVC_HEALTH_URL"; return; fi
  local p
  ((${#SVC_PORTS[@]})) || return 0
  for p in "${SVC_PORTS[@]}"; do port_in_use "$p" || return 1; done
}
svc_do_ready() { if svc_has svc_ready; then svc_ready; else svc_do_health; fi; }

# all service names, by SVC_ORDER (default 50) then name
svc_all() {
  local f n
  for f in "$SCS_SERVICES_DIR"/*.sh; do
    n=$(basename "$f" .sh)
    (svc_load "$n" >/dev/null 2>&1 && echo "${SVC_ORDER:-50} $n") || echo "50 $n"
  done | sort -k1,1n -k2,2 | cut -d' ' -f2
}

# svc_order_with_deps NAME... : sets SVC_ORDERED to the NAMEs plus their dependencies,
# dependencies first.
SVC_ORDERED=()
svc_order_with_deps() {
  local -A seen=() busy=()
  SVC_ORDERED=()
  _visit() {
    local n=$1 d deps
    [[ -n ${seen[$n]:-} ]] && return 0
    [[ -n ${busy[$n]:-} ]] && die "dependency cycle involving '$n'"
    svc_exists "$n" || die "unknown service '$n'"
    busy[$n]=1
    deps=$(svc_load "$n" && echo "${SVC_DEPS[*]}") || die "$n: cannot load infra/services/$n.sh"
    for d in $deps; do _visit "$d"; done
    seen[$n]=1
    SVC_ORDERED+=("$n")
  }
  local n
  for n in "$@"; do _visit "$n"; done
}

# Everything `stack env` prints, as an array usable in SVC_ENV of app services, and
# SCS_SECRET_ENV: the same kind of lines holding secrets (from svc_secret_env hooks, e.g. the Redis
# URL with its password), which the app services get and `stack env` never prints.
SCS_ENV=()
SCS_SECRET_ENV=()
scs_compute_env() {
  local line
  SCS_ENV=()
  SCS_SECRET_ENV=()
  while IFS= read -r line; do
    case $line in
      public:?*) SCS_ENV+=("${line#public:}") ;;
      secret:?*) SCS_SECRET_ENV+=("${line#secret:}") ;;
    esac
  done < <(
    for n in $(svc_all); do
      (
        svc_load "$n"
        if svc_has svc_env; then svc_env | sed 's/^/public:/'; fi
        if svc_has svc_secret_env; then svc_secret_env | sed 's/^/secret:/'; fi
      )
    done
  )
}

# ---------------------------------------------------------------- failure report
svc_fail() {
  local msg=$1 offset=${2:-0}
  err "$SVC_NAME: $msg"
  local p l
  for p in "${SVC_PORTS[@]}"; do
    l=$(port_listeners "$p" | tr '\n' ' ')
    [[ -n $l ]] && err "$SVC_NAME: port $p is in use by pid/command: $l"
  done
  if [[ -s $SVC_LOG ]]; then
    echo "----- last 30 lines of $SVC_LOG (this start) -----" >&2
    tail -c +"$((offset + 1))" "$SVC_LOG" | tail -n 30 >&2
    echo "----- end of $SVC_NAME log -----" >&2
  else
    err "$SVC_NAME: no log output ($SVC_LOG)"
  fi
}

# ---------------------------------------------------------------- actions (service loaded)
# Provisioning has a lock per service (not the stack's lock), so `stack provision temporal` can
# build in the background while another `stack` command starts services.
svc_act_provision() {
  local t0; t0=$(now_ms)
  if svc_has svc_provision; then
    mkdir -p "$SCS_CACHE_DIR/locks"
    (
      exec 8>"$SCS_CACHE_DIR/locks/provision-$SVC_NAME.lock"
      flock -w 1800 8 || die "$SVC_NAME: another provisioning held $SCS_CACHE_DIR/locks/provision-$SVC_NAME.lock for 30 min"
      svc_provision
    ) || { err "$SVC_NAME: provisioning failed"; return 1; }
  fi
  SVC_LAST_PROVISION_MS=$(($(now_ms) - t0))
}

svc_act_up() {
  local t0 pid state
  t0=$(now_ms)
  SVC_LAST_PROVISION_MS=0
  if [[ $SVC_KIND == oneshot ]]; then
    svc_act_provision || return 1
    ok "$SVC_NAME: provisioned ($(fmt_ms "$SVC_LAST_PROVISION_MS"))"
    return 0
  fi

  read -r state pid < <(sup_state "$SVC_NAME")
  # the state above may come from the snapshot `stack up` took for all services; from here on, live
  sup_snapshot_end
  if [[ $state == RUNNING || $state == STARTING || $state == BACKOFF ]] && ! _svc_code_current; then
    info "$SVC_NAME: running code or settings older than the current build: restarting it"
    sup_stop "$SVC_NAME" || true
    state=STOPPED
  fi
  if [[ $state == RUNNING || $state == STARTING || $state == BACKOFF ]]; then
    if svc_do_health; then
      ok "$SVC_NAME: already running and healthy (pid $pid), nothing to do"
      return 0
    fi
    info "$SVC_NAME: supervised ($state, pid $pid) but not healthy yet, waiting up to ${SVC_TIMEOUT}s"
    if _svc_wait svc_do_health "$SVC_TIMEOUT"; then
      ok "$SVC_NAME: healthy (pid $(sup_pid "$SVC_NAME" || echo "?"))"
      return 0
    fi
    svc_fail "supervised but not healthy after ${SVC_TIMEOUT}s; try: stack restart $SVC_NAME" "$(_log_offset_tail)"
    return 1
  fi

  svc_act_provision || return 1
  local tp=$SVC_LAST_PROVISION_MS

  local p l
  for p in "${SVC_PORTS[@]}"; do
    if port_in_use "$p"; then
      l=$(port_listeners "$p" | tr '\n' ' ')
      svc_fail "port $p is already in use${l:+ by pid/command $l}, not by this stack's $SVC_NAME: stop that process or choose another port" \
        "$(stat -c %s "$SVC_LOG" 2>/dev/null || echo 0)"
      return 1
    fi
  done

  ensure_dir "$SVC_DIR"
  local offset=0
  [[ -f $SVC_LOG ]] && offset=$(stat -c %s "$SVC_LOG")
  printf '===== %s: stack up %s =====\n' "$(date -Is)" "$SVC_NAME" >>"$SVC_LOG"

  local ts; ts=$(now_ms)
  if svc_has svc_prepare; then
    svc_prepare >>"$SVC_LOG" 2>&1 || { svc_fail "preparing the start failed" "$offset"; return 1; }
  fi
  ((${#SVC_CMD[@]})) || die "$SVC_NAME: SVC_CMD is empty"
  local user; user=$(effective_user "$SVC_USER")
  info "$SVC_NAME: starting under supervisord${SVC_USER:+ as $user}: ${SVC_CMD[*]}"
  sup_write_program
  # `start` returns once the process has stayed up for startsecs, or reports that it exited
  if ! sup_start "$SVC_NAME" >/dev/null 2>&1; then
    sup_stop "$SVC_NAME" || true
    svc_fail "exited during startup" "$offset"
    return 1
  fi
  if ! _svc_wait svc_do_ready "$SVC_TIMEOUT"; then
    sup_stop "$SVC_NAME" || true
    if [[ $_SVC_WAIT_RESULT == died ]]; then
      svc_fail "exited during startup (supervisord gave up or it keeps crashing)" "$offset"
    else
      svc_fail "not ready after ${SVC_TIMEOUT}s" "$offset"
    fi
    return 1
  fi
  pid=$(sup_pid "$SVC_NAME") || { svc_fail "exited right after it was ready" "$offset"; return 1; }
  # The ports must belong to our process, not to something that happened to be there.
  local owner mine
  mine=" $(proc_tree "$pid" | tr '\n' ' ') "
  for p in "${SVC_PORTS[@]}"; do
    owner=$(port_listeners "$p" | awk 'NR==1{print $1}')
    [[ -z $owner ]] && continue
    if [[ $mine != *" $owner "* ]]; then
      sup_stop "$SVC_NAME" || true
      svc_fail "port $p answers, but it belongs to pid $owner, not to this service (pid $pid)" "$offset"
      return 1
    fi
  done
  if svc_has svc_post_start; then
    # shown and logged
    if ! svc_post_start 2>&1 | tee -a "$SVC_LOG" >&2; then
      sup_stop "$SVC_NAME" || true
      svc_fail "post-start step failed" "$offset"
      return 1
    fi
  fi
  if ! _svc_wait svc_do_health 30; then
    sup_stop "$SVC_NAME" || true
    svc_fail "started but health check fails" "$offset"
    return 1
  fi
  _svc_code_record
  ok "$SVC_NAME: healthy (pid $pid) — provision $(fmt_ms "$tp"), start $(fmt_ms $(($(now_ms) - ts))), total $(fmt_ms $(($(now_ms) - t0)))"
}

# A service with SVC_CODE_STAMPED=1 (the project's own apps) is restarted by `stack up` when the
# built code (scs_code_stamp) or what it is launched with (command, environment) differs from
# what it was started with; otherwise a running, healthy one is left alone.
_svc_code_file() { echo "$SCS_RUN_DIR/$SVC_NAME.code"; }
_svc_code_now() { { scs_code_stamp; sup_launch_script; } | sha256sum | cut -d' ' -f1; }
_svc_code_current() {
  [[ ${SVC_CODE_STAMPED:-} == 1 ]] || return 0
  [[ -f $(_svc_code_file) && $(<"$(_svc_code_file)") == "$(_svc_code_now)" ]]
}
_svc_code_record() {
  [[ ${SVC_CODE_STAMPED:-} == 1 ]] || return 0
  _svc_code_now >"$(_svc_code_file)"
}

_log_offset_tail() {
  # offset of the last "stack up" header, so a failure shows that start's lines
  local n
  n=$(grep -b '^===== .*: stack up ' "$SVC_LOG" 2>/dev/null | tail -n1 | cut -d: -f1)
  echo "${n:-0}"
}

# _svc_wait CHECK TIMEOUT : poll CHECK until true; fail early when supervisord has given up on
# the service (FATAL) or it was stopped. supervisorctl (a Python program) is asked only when the
# process we know of is gone: polling it while several services start would take the CPU they need.
_SVC_WAIT_RESULT=''
_svc_wait() {
  local check=$1 timeout=$2 state pid=0
  local deadline=$(($(now_ms) + timeout * 1000))
  _SVC_WAIT_RESULT=''
  while :; do
    if [[ $pid == 0 ]] || ! kill -0 "$pid" 2>/dev/null; then
      read -r state pid < <(sup_state "$SVC_NAME")
      if [[ $state == FATAL || $state == STOPPED || $state == EXITED || $state == UNKNOWN ]]; then
        _SVC_WAIT_RESULT=died; return 1
      fi
      [[ $state == RUNNING ]] || pid=0
    fi
    if [[ $pid != 0 ]] && "$check" >/dev/null 2>&1; then _SVC_WAIT_RESULT=ok; return 0; fi
    if (($(now_ms) >= deadline)); then _SVC_WAIT_RESULT=timeout; return 1; fi
    sleep 0.3
  done
}

svc_act_down() {
  [[ $SVC_KIND == oneshot ]] && return 0
  local pid state t0; t0=$(now_ms)
  read -r state pid < <(sup_state "$SVC_NAME")
  case $state in
    # not ours to stop: whatever holds its ports belongs to something else
    UNKNOWN | STOPPED | EXITED | FATAL) info "$SVC_NAME: not running"; return 0 ;;
    *)
      # supervisord signals the process group, waits SVC_STOP_TIMEOUT, then SIGKILLs the group
      if ! sup_stop "$SVC_NAME"; then
        err "$SVC_NAME: supervisord could not stop it (pid $pid)"
        return 1
      fi
      ok "$SVC_NAME: stopped (pid $pid) in $(fmt_ms $(($(now_ms) - t0)))"
      ;;
  esac
  local p i l rc=0
  for p in "${SVC_PORTS[@]}"; do
    for ((i = 0; i < 25; i++)); do port_in_use "$p" || break; sleep 0.2; done
    if port_in_use "$p"; then
      l=$(port_listeners "$p" | tr '\n' ' ')
      warn "$SVC_NAME: port $p is still in use${l:+ by $l} (not a process of ours)"
      rc=1
    fi
  done
  return $rc
}

# prints one status row; returns 0 when healthy
svc_status_row() {
  local state pid='-' up='-' rc=0 ports
  ports=$(IFS=,; echo "${SVC_PORTS[*]:--}")
  if [[ $SVC_KIND == oneshot ]]; then
    if svc_do_health; then state=provisioned; else state=missing; rc=1; fi
  else
    local sup
    read -r sup pid < <(sup_state "$SVC_NAME")
    case $sup in
      RUNNING)
        up=$(proc_etime "$pid")
        # `stack up` has just seen the ones it lists in STATUS_JUST_HEALTHY healthy: not asked again
        if [[ " ${STATUS_JUST_HEALTHY:-} " == *" $SVC_NAME "* ]] || svc_do_health; then state=healthy; else state=unhealthy; rc=1; fi
        ;;
      STARTING | BACKOFF) state=restarting; rc=1 ;;
      FATAL) state=crashed; rc=1 ;;
      *) state=stopped; rc=1 ;;
    esac
    [[ $pid == 0 ]] && pid='-'
  fi
  local color=$_c_grn
  ((rc)) && color=$_c_red
  [[ -t 1 ]] || color=''
  printf '%-12s %s%-13s%s %-8s %-12s %-18s %s\n' "$SVC_NAME" "$color" "$state" "${color:+$_c_off}" \
    "$pid" "$up" "$ports" "${SVC_URL:-}"
  return $rc
}

status_table() {
  local n rc=0
  sup_snapshot
  printf '%-12s %-13s %-8s %-12s %-18s %s\n' SERVICE STATE PID UPTIME PORTS URL
  for n in "$@"; do
    svc_load "$n"
    svc_status_row || rc=1
  done
  sup_snapshot_end
  return $rc
}
