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
  SVC_CMD=(node --require ./packages/runtime/dist/observability/preload.js "$entry")
  SVC_ENV=("${SCS_ENV[@]}" "${SCS_SECRET_ENV[@]}" "${NODE_APP_SECRETS[@]}" "NODE_ENV=$(node_app_mode)" "$port_var=$port")
  SVC_CWD=$SCS_REPO_ROOT
  SVC_PORTS=("$port")
  SVC_HEALTH_URL="http://$SCS_HOST:$port/readyz"
  SVC_URL="http://$SCS_HOST:$port/graphql"
  SVC_TIMEOUT=60
  SVC_CODE_STAMPED=1   # restarted by `stack up` when the build changed (lib/service.sh)
  NODE_APP_ENTRY=$entry
}

# What `npm run up` starts is what people deploy: production unless development is asked for
# (SCS_DEV=1, or NODE_ENV set in the environment or .env).
node_app_mode() {
  if [[ -n ${NODE_ENV:-} ]]; then echo "$NODE_ENV"
  elif [[ ${SCS_DEV:-} == 1 || ${SCS_DEV:-} == true ]]; then echo development
  else echo production
  fi
}

svc_provision() {
  [[ -f $SCS_REPO_ROOT/$NODE_APP_ENTRY ]] || die "$SVC_NAME: $NODE_APP_ENTRY is missing; run 'npm run build' (or 'npm run up')"
}

# Secrets shared by the services of this machine's stack (access-token and identity signing keys):
# generated once into the state directory by `stack up` under its lock (so two concurrent runs can
# never mint different ones), readable by root only, never printed by `stack env`.
# Set AUTH_JWT_SECRET / IDENTITY_SIGNING_SECRET in the environment to use your own.
NODE_APP_SECRET_NAMES=(AUTH_JWT_SECRET IDENTITY_SIGNING_SECRET)
node_app_secrets() {
  local file="$SCS_STATE_DIR/app-secrets.env" line name n
  NODE_APP_SECRETS=()
  [[ -r $file ]] || return 0
  while IFS= read -r line; do
    name=${line%%=*}
    for n in "${NODE_APP_SECRET_NAMES[@]}"; do
      if [[ $name == "$n" ]]; then NODE_APP_SECRETS+=("$name=${!name:-${line#*=}}"); fi
    done
  done <"$file"
}
