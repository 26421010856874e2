# shellcheck shell=bash
# shellcheck disable=SC2034  # SVC_* settings are read by lib/service.sh
# The web app, built into web/dist, served by `vite preview`, which forwards /graphql
# (HTTP and WebSocket) to the gateway.
SVC_DESC="Web app (Vue, served by vite preview)"
SVC_ORDER=90
SVC_DEPS=(gateway)
SVC_START_AFTER=()   # it only forwards /graphql: it can serve before the gateway is ready
WEB_PORT=${WEB_PORT:-5173}
SVC_CMD=(node "$SCS_REPO_ROOT/node_modules/vite/bin/vite.js" preview --port "$WEB_PORT" --strictPort)
SVC_CWD=$SCS_REPO_ROOT/web
SVC_ENV=("GATEWAY_URL=http://$SCS_HOST:${GATEWAY_PORT:-4000}")
SVC_PORTS=("$WEB_PORT")
SVC_HEALTH_URL="http://$SCS_HOST:$WEB_PORT/"
SVC_URL="http://$SCS_HOST:$WEB_PORT/"
SVC_TIMEOUT=30
SVC_CODE_STAMPED=1   # restarted by `stack up` when the build changed (lib/service.sh)

svc_provision() {
  [[ -f $SCS_REPO_ROOT/web/dist/index.html ]] || die "web: web/dist is missing; run 'npm run build -w @scs/web' (or 'npm run up')"
}
