# shellcheck shell=bash
# shellcheck disable=SC2034  # SVC_* settings are read by lib/service.sh
# The Temporal worker of the `ingestion` task queue (crawl workflows and their activities);
# its port serves only /healthz and /readyz.
# shellcheck source=../lib/node-app.sh
source "$SCS_INFRA_DIR/lib/node-app.sh"
SVC_DESC="Ingestion worker (Temporal task queue ingestion)"
SVC_ORDER=75
node_app workflows/dist/workers/ingestion.worker.js INGESTION_WORKER_PORT "${INGESTION_WORKER_PORT:-4010}" postgres redis opensearch temporal
SVC_URL="http://$SCS_HOST:${INGESTION_WORKER_PORT:-4010}/readyz"
