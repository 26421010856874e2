# shellcheck shell=bash
# shellcheck disable=SC2034  # variables used by the files that source this one
# Process management: pidfiles, daemon start with logs, stop of a whole process group.
#
# A pidfile holds "PID STARTTIME" (STARTTIME = field 22 of /proc/PID/stat) so a recycled
# pid is never mistaken for our daemon. Every daemon is started as the leader of its own
# session (setsid), so PID is also its process-group and session id.

proc_starttime() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }            # drop "pid (comm) " – comm may contain spaces
  # shellcheck disable=SC2086
  set -- $stat
  echo "${20}"                 # field 22 overall = 20th after pid and comm
}

proc_sid() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  # shellcheck disable=SC2086
  set -- $stat
  echo "$4"                    # field 6 overall: session id
}

# pids of all processes in session SID
session_pids() {
  local sid=$1
  ps -e -o pid=,sid= | awk -v s="$sid" '$2 == s { print $1 }'
}

# daemon_pids PID : PID, the members of its session and all their descendants (some
# daemons, e.g. postgres, put each child in a session of its own).
daemon_pids() {
  ps -e -o pid=,ppid=,sid= | awk -v root="$1" '
    { pid[NR] = $1; ppid[NR] = $2; sid[NR] = $3 }
    END {
      keep[root] = 1
      for (i = 1; i <= NR; i++) if (sid[i] == root) keep[pid[i]] = 1
      do {
        changed = 0
        for (i = 1; i <= NR; i++)
          if (!(pid[i] in keep) && (ppid[i] in keep)) { keep[pid[i]] = 1; changed = 1 }
      } while (changed)
      for (i = 1; i <= NR; i++) if (pid[i] in keep) print pid[i]
    }'
}

# alive PIDS... : print those still alive (not zombies)
pids_alive() {
  local p st
  for p in "$@"; do
    st=$(ps -o stat= -p "$p" 2>/dev/null) || continue
    [[ $st == Z* ]] && continue
    echo "$p"
  done
}

pidfile_path() { echo "$SCS_RUN_DIR/$1.pid"; }

# pidfile_pid NAME : print the pid if the pidfile names a live process with the recorded
# start time; returns 1 otherwise (missing or stale pidfile).
pidfile_pid() {
  local f pid start cur
  f=$(pidfile_path "$1")
  [[ -s $f ]] || return 1
  read -r pid start <"$f" || true
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  cur=$(proc_starttime "$pid") || return 1
  [[ -z $start || $cur == "$start" ]] || return 1
  # a zombie is not alive
  [[ $(ps -o stat= -p "$pid" 2>/dev/null) != Z* ]] || return 1
  echo "$pid"
}

# pidfile_is_stale NAME : pidfile exists but its process is gone.
pidfile_is_stale() { [[ -e $(pidfile_path "$1") ]] && ! pidfile_pid "$1" >/dev/null; }

# daemon_start NAME LOG USER CWD -- ENV_ASSIGNMENTS... -- CMD...
# Starts CMD detached (new session, stdin /dev/null, stdout+stderr appended to LOG),
# as USER when we are root, writes the pidfile and sets DAEMON_PID.
daemon_start() {
  local name=$1 log=$2 user=$3 cwd=$4; shift 4
  [[ $1 == -- ]] && shift
  local envs=()
  while (($#)) && [[ $1 != -- ]]; do envs+=("$1"); shift; done
  [[ ${1:-} == -- ]] && shift
  (($#)) || die "$name: empty command"

  local pidfile; pidfile=$(pidfile_path "$name")
  mkdir -p "$SCS_RUN_DIR" "$(dirname "$log")"
  rm -f "$pidfile"

  local drop=()
  if [[ -n $user ]] && is_root && [[ $user != "$(id -un)" ]]; then
    drop=(setpriv --reuid="$user" --regid="$(id -g "$user")" --init-groups)
  fi

  # The inner bash records its own pid (it then execs into the daemon, keeping the pid),
  # so this works whether or not setsid had to fork.
  (
    exec 9>&-
    cd "$cwd" || exit 1
    # shellcheck disable=SC2016  # expanded by the inner bash
    exec setsid bash -c '
      pf=$1; shift
      st=$(cut -d" " -f22 /proc/$$/stat)
      echo "$$ $st" >"$pf.tmp" && mv -f "$pf.tmp" "$pf"
      exec "$@"' _ "$pidfile" "${drop[@]}" env "${envs[@]}" "$@"
  ) </dev/null >>"$log" 2>&1 &

  local i pid=''
  for ((i = 0; i < 100; i++)); do
    if [[ -s $pidfile ]]; then read -r pid _ <"$pidfile" || true; break; fi
    sleep 0.05
  done
  [[ -n $pid ]] || { err "$name: daemon did not write its pidfile"; return 1; }
  DAEMON_PID=$pid
}

# proc_stop NAME SIGNAL TIMEOUT_S : send SIGNAL to the daemon's process group, wait, then
# SIGKILL whatever is left of it (group, session and descendants). Removes the pidfile.
# Returns 0 when nothing is left.
proc_stop() {
  local name=$1 sig=${2:-TERM} timeout=${3:-20}
  local pid pidfile; pidfile=$(pidfile_path "$name")
  if ! pid=$(pidfile_pid "$name"); then
    rm -f "$pidfile"
    return 0
  fi
  local -a all=() left=()
  mapfile -t all < <(daemon_pids "$pid")
  kill -s "$sig" -- "-$pid" 2>/dev/null || kill -s "$sig" "$pid" 2>/dev/null || true
  local deadline=$(($(now_ms) + timeout * 1000))
  while :; do
    # children forked while stopping count too
    if kill -0 "$pid" 2>/dev/null; then
      mapfile -t -O "${#all[@]}" all < <(daemon_pids "$pid")
    fi
    mapfile -t left < <(pids_alive "${all[@]}")
    ((${#left[@]} == 0)) && break
    (($(now_ms) >= deadline)) && break
    sleep 0.2
  done
  if ((${#left[@]})); then
    warn "$name: ${#left[@]} process(es) still running after ${timeout}s, sending KILL"
    kill -s KILL -- "-$pid" 2>/dev/null || true
    kill -s KILL "${left[@]}" 2>/dev/null || true
    local i
    for ((i = 0; i < 50; i++)); do
      mapfile -t left < <(pids_alive "${all[@]}")
      ((${#left[@]} == 0)) && break
      sleep 0.1
    done
  fi
  rm -f "$pidfile"
  ((${#left[@]} == 0))
}

# uptime of a pid, as ps prints it ([[dd-]hh:]mm:ss)
proc_etime() { ps -o etime= -p "$1" 2>/dev/null | tr -d ' '; }
