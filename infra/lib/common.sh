# shellcheck shell=bash
# shellcheck disable=SC2034  # variables used by the files that source this one
# Shared settings and small helpers for infra/bin/stack. Sourced, not executed.

# ---------------------------------------------------------------- configuration
# One precedence rule for the stack and the services alike: the environment, then the repo's
# `.env`, then the defaults written in these scripts. The stack reads `.env` itself (with Node's
# own parser, the one the services use), so a default below never hides a `.env` line.
scs_load_dotenv() {
  local file=${SCS_DOTENV:-$_scs_repo_root/.env} line
  [[ -f $file ]] || return 0
  command -v node >/dev/null || { echo "[stack] WARN: node not found: $file is not read" >&2; return 0; }
  while IFS= read -r -d '' line; do
    local name=${line%%=*}
    [[ $name =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || continue
    [[ -n ${!name+set} ]] && continue
    declare -gx "$line"
  done < <(
    # shellcheck disable=SC2016  # JavaScript, not shell
    node -e '
    const vars = require("node:util").parseEnv(require("node:fs").readFileSync(process.argv[1], "utf8"));
    for (const [k, v] of Object.entries(vars)) process.stdout.write(`${k}=${v}\0`);' "$file")
}

_scs_repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
scs_load_dotenv

# ---------------------------------------------------------------- settings
: "${SCS_CACHE_DIR:=${HOME:-/root}/.cache/scs}"   # downloads, built binaries
: "${SCS_STATE_DIR:=/var/tmp/scs-stack}"          # data, logs, pidfiles
: "${SCS_RUN_USER:=scs}"                          # non-root user for daemons that refuse root
: "${SCS_HOST:=127.0.0.1}"                        # everything binds here only
: "${PG_PORT:=55432}"
: "${REDIS_PORT:=56379}"
: "${OPENSEARCH_PORT:=59200}"
: "${OPENSEARCH_TRANSPORT_PORT:=59300}"
: "${TEMPORAL_PORT:=57233}"
: "${TEMPORAL_UI_PORT:=58233}"
: "${TEMPORAL_HTTP_PORT:=$((TEMPORAL_PORT + 10))}"
export SCS_CACHE_DIR SCS_STATE_DIR SCS_RUN_USER SCS_HOST PG_PORT REDIS_PORT \
  OPENSEARCH_PORT OPENSEARCH_TRANSPORT_PORT TEMPORAL_PORT TEMPORAL_UI_PORT TEMPORAL_HTTP_PORT
# pip (the models' provisioning): a stalled index fails after its retries instead of hanging
: "${PIP_DEFAULT_TIMEOUT:=60}" "${PIP_RETRIES:=5}"
export PIP_DEFAULT_TIMEOUT PIP_RETRIES

SCS_LOG_DIR="$SCS_STATE_DIR/logs"
SCS_RUN_DIR="$SCS_STATE_DIR/run"

# Files the stack creates are read by the service user (scs) too, whatever umask the caller has
# (a clone made under umask 077 included); files holding secrets get 0600 explicitly.
umask 022

# The one place that creates the state and cache directories, with explicit modes: the state dir
# must be traversable by the service user (0755; its data directories are 0700 and owned by it),
# the cache dir is the invoking user's (0755 too: hard links of the OpenSearch build are shared).
scs_ensure_dirs() {
  local d
  for d in "$SCS_STATE_DIR" "$SCS_CACHE_DIR"; do
    mkdir -p "$d"
    chmod 755 "$d" 2>/dev/null || true
  done
  mkdir -p "$SCS_STATE_DIR/logs" "$SCS_STATE_DIR/run" "$SCS_CACHE_DIR/logs"
  chmod 755 "$SCS_STATE_DIR/logs" "$SCS_STATE_DIR/run"
  # PostgreSQL and OpenSearch run as the service user, inside the state dir: say so now, not
  # after minutes of provisioning, when a parent directory (e.g. one made under umask 077) bars it
  if is_root && id -u "$SCS_RUN_USER" >/dev/null 2>&1; then ensure_traversable "$SCS_RUN_USER" "$SCS_STATE_DIR"; fi
}

# The built code the project's apps run, as one stamp (path, size and time of every file the build
# and the install wrote); computed once per `stack` command and shared by the services it starts.
scs_code_stamp() {
  if [[ -z ${SCS_CODE_STAMP:-} ]]; then
    SCS_CODE_STAMP=$(cd "$_scs_repo_root" && find subgraphs/*/dist gateway/dist workflows/dist infra/llm-server/dist web/dist \
      node_modules/.package-lock.json -type f -printf '%p %s %T@\n' 2>/dev/null | LC_ALL=C sort | sha256sum | cut -d' ' -f1)
    export SCS_CODE_STAMP
  fi
  echo "$SCS_CODE_STAMP"
}

# The stack's secrets, minted once into $SCS_STATE_DIR/app-secrets.env (0600; call with the stack
# lock held): the signing keys the app services share, the Redis password, the LLM server key. Never printed.
scs_ensure_app_secrets() {
  local file="$SCS_STATE_DIR/app-secrets.env" name
  local names=(AUTH_JWT_SECRET IDENTITY_SIGNING_SECRET REDIS_PASSWORD LLM_SERVER_API_KEY)
  [[ -f $file ]] || (umask 077 && : >"$file")
  chmod 600 "$file"
  for name in "${names[@]}"; do
    grep -q "^$name=" "$file" && continue
    (umask 077 && echo "$name=$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')" >>"$file")
  done
}

# ---------------------------------------------------------------- output
if [[ -t 2 && -z "${NO_COLOR:-}" ]]; then
  _c_red=$'\e[31m' _c_grn=$'\e[32m' _c_yel=$'\e[33m' _c_dim=$'\e[2m' _c_off=$'\e[0m'
else
  _c_red='' _c_grn='' _c_yel='' _c_dim='' _c_off=''
fi
info() { printf '%s[stack]%s %s\n' "$_c_dim" "$_c_off" "$*" >&2; }
ok()   { printf '%s[stack]%s %s%s%s\n' "$_c_dim" "$_c_off" "$_c_grn" "$*" "$_c_off" >&2; }
warn() { printf '%s[stack] WARN:%s %s\n' "$_c_yel" "$_c_off" "$*" >&2; }
err()  { printf '%s[stack] ERROR:%s %s\n' "$_c_red" "$_c_off" "$*" >&2; }
die()  { err "$*"; exit 1; }

# ---------------------------------------------------------------- time
now_ms() { local t; t=$(date +%s%N); echo $((t / 1000000)); }
# fmt_ms 12345 -> 12.3s
fmt_ms() { local ms=$1; printf '%d.%ds' $((ms / 1000)) $(((ms % 1000) / 100)); }

# ---------------------------------------------------------------- users / dirs
is_root() { [[ $(id -u) -eq 0 ]]; }

# The user a service actually runs as: its SVC_USER when we are root, else ourselves.
effective_user() {
  local want=${1:-}
  if [[ -n $want ]] && is_root; then echo "$want"; else id -un; fi
}

ensure_system_user() {
  local name=$1
  id -u "$name" >/dev/null 2>&1 && return 0
  is_root || die "user '$name' does not exist and we are not root to create it"
  info "creating system user '$name'"
  useradd --system --user-group --no-create-home --home-dir /nonexistent \
    --shell /usr/sbin/nologin "$name"
}

# run_as USER CMD... : run CMD as USER (only switches when root and USER differs).
run_as() {
  local user=$1; shift
  if [[ -z $user ]] || ! is_root || [[ $user == "$(id -un)" ]]; then
    "$@"
  else
    setpriv --reuid="$user" --regid="$(id -g "$user")" --init-groups "$@"
  fi
}

# ensure_dir DIR [OWNER] [MODE]
ensure_dir() {
  local dir=$1 owner=${2:-} mode=${3:-}
  mkdir -p "$dir"
  if [[ -n $owner ]] && is_root; then chown "$owner:$(id -gn "$owner")" "$dir"; fi
  if [[ -n $mode ]]; then chmod "$mode" "$dir"; fi
}

# Fails when USER cannot traverse every component of DIR (e.g. a path under /root).
ensure_traversable() {
  local user=$1 dir=$2
  [[ -z $user ]] && return 0
  is_root || return 0
  if ! run_as "$user" test -x "$dir"; then
    local p=$dir bad=''
    while [[ $p != / && -n $p ]]; do
      run_as "$user" test -x "$p" 2>/dev/null || bad=$p
      p=$(dirname "$p")
    done
    die "user '$user' cannot traverse '$bad' (on the way to $dir); choose a SCS_STATE_DIR it can reach (default /var/tmp/scs-stack) or chmod o+x '$bad'"
  fi
}

# ---------------------------------------------------------------- packages
_apt_updated=0
pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# apt_ensure PKG... : install the missing ones (apt-get update once per run, only if needed).
apt_ensure() {
  local missing=() p
  for p in "$@"; do pkg_installed "$p" || missing+=("$p"); done
  ((${#missing[@]} == 0)) && return 0
  is_root || die "missing Debian packages: ${missing[*]} (run as root or install them)"
  mkdir -p "$SCS_CACHE_DIR/logs"
  local log="$SCS_CACHE_DIR/logs/apt.log"
  # a stalled mirror fails within minutes, naming what was asked, instead of hanging
  local opts=(-o Acquire::http::Timeout=30 -o Acquire::https::Timeout=30 -o Acquire::Retries=3
    -o DPkg::Lock::Timeout=300)
  if ((_apt_updated == 0)); then
    info "apt-get update (missing: ${missing[*]})"
    timeout 600 apt-get "${opts[@]}" update >>"$log" 2>&1 \
      || { tail -n 30 "$log" >&2; die "apt-get update failed or took over 10 min (log: $log)"; }
    _apt_updated=1
  fi
  info "apt-get install ${missing[*]}"
  # RUNLEVEL=1: keep Debian's init scripts from starting their own copies of the daemons
  # (redis, postgresql, supervisor) — the stack runs its own.
  if ! DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 timeout 1200 apt-get "${opts[@]}" install -y --no-install-recommends \
    "${missing[@]}" >>"$log" 2>&1; then
    tail -n 30 "$log" >&2
    die "apt-get install ${missing[*]} failed or took over 20 min (log: $log)"
  fi
}

# ---------------------------------------------------------------- downloads
# download URL DEST SHA256 : cached, checksum-verified download (no-op when DEST is valid).
download() {
  local url=$1 dest=$2 sha=$3
  if [[ -f $dest ]] && echo "$sha  $dest" | sha256sum -c --status 2>/dev/null; then return 0; fi
  mkdir -p "$(dirname "$dest")"
  info "downloading $url"
  # time limits: 20 s to connect, a stall (< 1 kB/s for 60 s) aborts, 15 min at most; 3 retries
  curl -fsSL --retry 3 --retry-delay 2 --retry-all-errors --connect-timeout 20 \
    --speed-limit 1024 --speed-time 60 --max-time 900 -o "$dest.part" "$url" \
    || { rm -f "$dest.part"; die "download failed (after 3 retries, time limits 20 s connect / 60 s stalled / 15 min): $url"; }
  if ! echo "$sha  $dest.part" | sha256sum -c --status; then
    local got; got=$(sha256sum "$dest.part" | cut -d' ' -f1)
    rm -f "$dest.part"
    die "checksum mismatch for $url: expected $sha, got $got"
  fi
  mv -f "$dest.part" "$dest"
}

# ---------------------------------------------------------------- network
# Listening TCP sockets on PORT as "pid comm" lines (empty when nothing listens).
port_listeners() {
  local port=$1
  ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'users:(.*)' \
    | grep -o '("[^"]*",pid=[0-9]*' | sed -E 's/\("([^"]*)",pid=([0-9]*)/\2 \1/' | sort -u
}
port_in_use() { [[ -n $(ss -Hltn "sport = :$1" 2>/dev/null) ]]; }

# http_ok URL : true on a 2xx answer within 5s.
http_ok() { curl -fsS -o /dev/null --max-time 5 "$1" 2>/dev/null; }
http_get() { curl -fsS --max-time "${2:-10}" "$1"; }

# scs_secret NAME : a secret of app-secrets.env (empty when not minted yet)
scs_secret() {
  local file="$SCS_STATE_DIR/app-secrets.env"
  [[ -r $file ]] || return 0
  sed -n "s/^$1=//p" "$file" | head -n1
}
