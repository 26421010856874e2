# shellcheck shell=bash
# shellcheck disable=SC2034  # SVC_* settings are read by lib/service.sh
# shellcheck source=../lib/node-app.sh
source "$SCS_INFRA_DIR/lib/node-app.sh"
SVC_DESC="The knowledge subgraph (sources, crawls, search)"
SVC_ORDER=70
node_app subgraphs/knowledge/dist/main.js KNOWLEDGE_PORT "${KNOWLEDGE_PORT:-4002}" postgres redis opensearch temporal
