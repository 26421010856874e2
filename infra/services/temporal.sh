# shellcheck shell=bash
# shellcheck disable=SC2034  # SVC_* settings are read by lib/service.sh
# Temporal dev server (temporal CLI v1.5.1 `server start-dev`, SQLite file) with its Web UI.
# Built once from the Go module into the cache dir. Namespace "default" and the custom
# search attributes are registered by start-dev itself.
SVC_DESC="Temporal dev server + UI"
SVC_ORDER=40
SVC_PORTS=("$TEMPORAL_PORT" "$TEMPORAL_UI_PORT" "$TEMPORAL_HTTP_PORT")
SVC_URL="http://$SCS_HOST:$TEMPORAL_UI_PORT (grpc $SCS_HOST:$TEMPORAL_PORT)"
SVC_TIMEOUT=90
SVC_STOP_TIMEOUT=30

TEMPORAL_CLI_VERSION=1.5.1
TEMPORAL_NAMESPACE=${TEMPORAL_NAMESPACE:-default}
TEMPORAL_SEARCH_ATTRIBUTES=(ScsOrgId=Keyword ScsSourceId=Keyword ScsCrawlStatus=Keyword)
# SCS_TEMPORAL_BIN: use an already-built binary instead of building one
_tp_bin=${SCS_TEMPORAL_BIN:-$SCS_CACHE_DIR/temporal/v$TEMPORAL_CLI_VERSION/bin/temporal}

SVC_CMD=("$_tp_bin" server start-dev --ip "$SCS_HOST" --port "$TEMPORAL_PORT"
  --ui-port "$TEMPORAL_UI_PORT" --http-port "$TEMPORAL_HTTP_PORT"
  --db-filename "$SVC_DIR/temporal.db" --log-format json --log-level warn
  --namespace "$TEMPORAL_NAMESPACE")
for _a in "${TEMPORAL_SEARCH_ATTRIBUTES[@]}"; do SVC_CMD+=(--search-attribute "$_a"); done
unset _a
SVC_ENV=("HOME=$SVC_DIR")

# Go builds the temporal CLI. v1.5.1 needs Go >= 1.23: a Go >= 1.21 on the machine fetches the
# right toolchain itself through the module proxy (GOTOOLCHAIN=auto); without one (or with Debian
# 12's 1.19) a pinned toolchain is downloaded from the module proxy into the cache.
TEMPORAL_GO_TOOLCHAIN=go1.24.11
TEMPORAL_GO_TOOLCHAIN_SHA256_amd64=8a9685c09d449928863152512648530dafde05e7d41fcbb21baba3a852e84ef4

_go_version_ok() { # GO_BINARY : true for Go >= 1.21
  local v
  v=$("$1" env GOVERSION 2>/dev/null) || return 1
  v=${v#go}
  local major=${v%%.*} rest=${v#*.}
  local minor=${rest%%[^0-9]*}
  ((major > 1 || (major == 1 && minor >= 21)))
}

_go() {
  local g
  for g in "$(command -v go 2>/dev/null)" /usr/local/go/bin/go /usr/lib/go/bin/go; do
    [[ -n $g && -x $g ]] && _go_version_ok "$g" && { echo "$g"; return 0; }
  done
  local arch; arch=$(dpkg --print-architecture 2>/dev/null || uname -m)
  [[ $arch == x86_64 ]] && arch=amd64
  local sha_var="TEMPORAL_GO_TOOLCHAIN_SHA256_$arch"
  local root="$SCS_CACHE_DIR/go/toolchain/$TEMPORAL_GO_TOOLCHAIN.linux-$arch"
  if [[ ! -x $root/bin/go ]]; then
    [[ -n ${!sha_var:-} ]] || die "temporal: no Go >= 1.21 found and no pinned toolchain for $arch: install Go >= 1.23 (https://go.dev/dl) or set SCS_TEMPORAL_BIN to a temporal CLI binary"
    info "temporal: no Go >= 1.21 on this machine; fetching $TEMPORAL_GO_TOOLCHAIN from the Go module proxy"
    local zip="$SCS_CACHE_DIR/downloads/go/$TEMPORAL_GO_TOOLCHAIN.linux-$arch.zip"
    download "${GOPROXY_URL:-https://proxy.golang.org}/golang.org/toolchain/@v/v0.0.1-$TEMPORAL_GO_TOOLCHAIN.linux-$arch.zip" "$zip" "${!sha_var}" >&2
    local tmp="$root.tmp.$$"
    rm -rf "$tmp" && mkdir -p "$tmp"
    unzip -q "$zip" -d "$tmp" || die "temporal: could not unpack $zip"
    rm -rf "$root"
    mv "$tmp/golang.org/toolchain@v0.0.1-$TEMPORAL_GO_TOOLCHAIN.linux-$arch" "$root"
    rm -rf "$tmp"
    chmod -R u+rwX,go+rX "$root"
  fi
  echo "$root/bin/go"
}

svc_provision() {
  apt_ensure curl unzip ca-certificates iproute2 procps
  [[ -x $_tp_bin ]] && return 0
  local go; go=$(_go) || exit 1
  local dest; dest=$(dirname "$_tp_bin")
  local tmp="$dest.tmp.$$" log="$SCS_CACHE_DIR/logs/temporal-go-install.log"
  mkdir -p "$SCS_CACHE_DIR/logs"
  rm -rf "$tmp"
  info "temporal: building github.com/temporalio/cli/cmd/temporal@v$TEMPORAL_CLI_VERSION with $("$go" env GOVERSION) (takes a few minutes; log: $log)"
  # Module and build caches live in the cache dir too; -modcacherw keeps them deletable. A stalled
  # module proxy or a runaway build ends after 20 minutes with the log, instead of hanging.
  if ! env GOBIN="$tmp" GOMODCACHE="$SCS_CACHE_DIR/go/mod" GOCACHE="$SCS_CACHE_DIR/go/build" \
    GOPATH="$SCS_CACHE_DIR/go/path" GOFLAGS="-modcacherw -trimpath" CGO_ENABLED=0 GOTOOLCHAIN=auto \
    timeout 1200 "$go" install -ldflags='-s -w' "github.com/temporalio/cli/cmd/temporal@v$TEMPORAL_CLI_VERSION" >>"$log" 2>&1; then
    tail -n 30 "$log" >&2
    rm -rf "$tmp"
    die "temporal: go install failed or took over 20 min (log: $log)"
  fi
  mkdir -p "$dest"
  mv -f "$tmp/temporal" "$_tp_bin"
  rm -rf "$tmp" "$SCS_CACHE_DIR/go/build"   # the build cache (~1.4 GB) is of no further use
}

svc_prepare() { ensure_dir "$SVC_DIR"; }

_tp() { timeout 10 "$_tp_bin" --address "$SCS_HOST:$TEMPORAL_PORT" --color never "$@"; }

svc_ready() { _tp operator cluster health 2>/dev/null | grep -q SERVING; }

svc_post_start() {
  local out a
  out=$(_tp operator search-attribute list --namespace "$TEMPORAL_NAMESPACE") || return 1
  for a in "${TEMPORAL_SEARCH_ATTRIBUTES[@]}"; do
    grep -Eq "^ *${a%%=*} +${a##*=}\b" <<<"$out" || { echo "search attribute $a missing:"; echo "$out"; return 1; }
  done
  echo "temporal: namespace '$TEMPORAL_NAMESPACE' with search attributes ${TEMPORAL_SEARCH_ATTRIBUTES[*]}"
}

svc_health() {
  svc_ready || return 1
  [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://$SCS_HOST:$TEMPORAL_UI_PORT/") == 200 ]]
}

svc_env() {
  echo "TEMPORAL_ADDRESS=$SCS_HOST:$TEMPORAL_PORT"
  echo "TEMPORAL_NAMESPACE=$TEMPORAL_NAMESPACE"
  echo "TEMPORAL_UI_URL=http://$SCS_HOST:$TEMPORAL_UI_PORT"
}
