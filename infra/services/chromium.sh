# shellcheck shell=bash
# shellcheck disable=SC2034  # SVC_* settings are read by lib/service.sh
# Chromium from Debian, for puppeteer (provision only, no daemon).
SVC_DESC="Chromium (headless, for puppeteer)"
SVC_KIND=oneshot
SVC_ORDER=90
CHROMIUM_BIN=${CHROMIUM_BIN:-/usr/bin/chromium}
SVC_URL=$CHROMIUM_BIN
# flags that keep it from calling home on a closed network
CHROMIUM_FLAGS=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage
  --disable-background-networking --disable-component-update --no-first-run
  --no-default-browser-check --disable-sync --disable-extensions)

svc_provision() {
  apt_ensure chromium fonts-liberation ca-certificates
  # the headless check runs once per installed chromium version
  local stamp
  stamp="$SVC_DIR/verified-$(dpkg-query -W -f='${Version}' chromium 2>/dev/null || echo unknown)"
  [[ -f $stamp ]] && return 0
  local profile out
  profile=$(mktemp -d)
  out=$(timeout 60 "$CHROMIUM_BIN" "${CHROMIUM_FLAGS[@]}" --user-data-dir="$profile" \
    --dump-dom about:blank 2>"$profile.err") || true
  if [[ $out != *"<html"* ]]; then
    tail -n 20 "$profile.err" >&2
    rm -rf "$profile" "$profile.err"
    die "chromium: headless --dump-dom about:blank did not work"
  fi
  rm -rf "$profile" "$profile.err"
  mkdir -p "$SVC_DIR"
  rm -f "$SVC_DIR"/verified-*
  touch "$stamp"
}

svc_health() { [[ -x $CHROMIUM_BIN ]]; }

svc_env() {
  echo "PUPPETEER_EXECUTABLE_PATH=$CHROMIUM_BIN"
  echo "PUPPETEER_SKIP_DOWNLOAD=true"
}
