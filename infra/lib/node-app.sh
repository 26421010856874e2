# shellcheck shell=bash
# shellcheck disable=SC2034  # SVC_* settings are read by lib/service.sh
# The project's own Node.js services, declared like the data services:
#   node_app ENTRY PORT_VARIABLE PORT [DEPENDENCY...]
# runs `node ENTRY` from the repository root with everything `stack env` prints plus
# PORT_VARIABLE=PORT. `status` reports it healthy only when its /readyz says every
# dependency answers. The code must be built first (`npm run build`; `npm run up` does it).
node_app() {
  local entry=$1 port_var=$2 port=$3
  shift 3
  SVC_DEPS=("$@")
  SVC_ORDER=${SVC_ORDER:-70}
  SVC_CMD=(node "$entry")
  SVC_ENV=("${SCS_ENV[@]}" "NODE_ENV=${NODE_ENV:-development}" "$port_var=$port")
  SVC_CWD=$SCS_REPO_ROOT
  SVC_PORTS=("$port")
  SVC_HEALTH_URL="http://$SCS_HOST:$port/readyz"
  SVC_URL="http://$SCS_HOST:$port/graphql"
  SVC_TIMEOUT=60
  NODE_APP_ENTRY=$entry
}

svc_provision() {
  [[ -f $SCS_REPO_ROOT/$NODE_APP_ENTRY ]] || die "$SVC_NAME: $NODE_APP_ENTRY is missing; run 'npm run build' (or 'npm run up')"
}
