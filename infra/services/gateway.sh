# shellcheck shell=bash
# shellcheck disable=SC2034  # SVC_* settings are read by lib/service.sh
# shellcheck source=../lib/node-app.sh
source "$SCS_INFRA_DIR/lib/node-app.sh"
SVC_DESC="GraphQL gateway (queries, mutations, subscriptions)"
SVC_ORDER=80
node_app gateway/dist/main.js GATEWAY_PORT "${GATEWAY_PORT:-4000}" redis users knowledge chat analytics
# it boots beside the subgraphs: its /readyz answers 200 only once every subgraph does
SVC_START_AFTER=(redis)
