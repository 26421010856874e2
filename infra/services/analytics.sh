# shellcheck shell=bash
# shellcheck disable=SC2034  # SVC_* settings are read by lib/service.sh
# shellcheck source=../lib/node-app.sh
source "$SCS_INFRA_DIR/lib/node-app.sh"
SVC_DESC="The analytics subgraph"
SVC_ORDER=70
node_app subgraphs/analytics/dist/main.js ANALYTICS_PORT "${ANALYTICS_PORT:-4004}" postgres
