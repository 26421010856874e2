# shellcheck shell=bash
# shellcheck disable=SC2034  # SVC_* settings are read by lib/service.sh
# The project's own Node.js services, declared like the data services:
#   node_app ENTRY PORT_VARIABLE PORT [DEPENDENCY...]
# runs `node ENTRY` from the repository root with everything `stack env` prints plus
# PORT_VARIABLE=PORT, after the tracing preload (a no-op unless OTEL_EXPORTER_OTLP_ENDPOINT is set
# in the environment `stack` runs in). `status` reports it healthy only when its /readyz says every
# dependency answers. The code must be built first (`npm run build`; `npm run up` does it).
node_app() {
  local entry=$1 port_var=$2 port=$3
  shift 3
  node_app_secrets
  SVC_DEPS=("$@")
  SVC_ORDER=${SVC_ORDER:-70}
  SVC_CMD=(node --require ./subgraphs/shared/dist/observability/preload.js "$entry")
  SVC_ENV=("${SCS_ENV[@]}" "${NODE_APP_SECRETS[@]}" "NODE_ENV=${NODE_ENV:-development}" "$port_var=$port")
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

# Secrets shared by the services of this machine's stack (access-token and identity signing keys):
# generated once into the state directory, readable by root only, never printed by `stack env`.
# Set AUTH_JWT_SECRET / IDENTITY_SIGNING_SECRET in the environment to use your own.
node_app_secrets() {
  local file="$SCS_STATE_DIR/app-secrets.env" line
  if [[ ! -s $file ]]; then
    (umask 077 && mkdir -p "$SCS_STATE_DIR" && {
      echo "AUTH_JWT_SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')"
      echo "IDENTITY_SIGNING_SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')"
    } >"$file")
  fi
  NODE_APP_SECRETS=()
  while IFS= read -r line; do
    case $line in
      AUTH_JWT_SECRET=*) NODE_APP_SECRETS+=("AUTH_JWT_SECRET=${AUTH_JWT_SECRET:-${line#*=}}") ;;
      IDENTITY_SIGNING_SECRET=*) NODE_APP_SECRETS+=("IDENTITY_SIGNING_SECRET=${IDENTITY_SIGNING_SECRET:-${line#*=}}") ;;
    esac
  done <"$file"
}
