# shellcheck shell=bash
# shellcheck disable=SC2034  # SVC_* settings are read by lib/service.sh
# The Temporal worker of the `embedding` task queue (text and CLIP embedding activities); its port
# serves only /healthz and /readyz (ready once Temporal answers and the models are loaded).
# Provisioning makes the models (infra/models/provision-models, into $SCS_CACHE_DIR/models).
# shellcheck source=../lib/node-app.sh
source "$SCS_INFRA_DIR/lib/node-app.sh"
SVC_DESC="Embedding worker (Temporal task queue embedding)"
SVC_ORDER=76
node_app workflows/dist/workers/embedding.worker.js EMBEDDING_WORKER_PORT "${EMBEDDING_WORKER_PORT:-4011}" redis opensearch temporal
SVC_URL="http://$SCS_HOST:${EMBEDDING_WORKER_PORT:-4011}/readyz"
SVC_TIMEOUT=120   # loads the models before it reports ready

svc_provision() {
  bash "$SCS_INFRA_DIR/models/provision-models" || return 1
  [[ -f $SCS_REPO_ROOT/$NODE_APP_ENTRY ]] || die "$SVC_NAME: $NODE_APP_ENTRY is missing; run 'npm run build' (or 'npm run up')"
}

svc_env() {
  echo "EMBEDDING_MODELS_DIR=$SCS_CACHE_DIR/models"
}
