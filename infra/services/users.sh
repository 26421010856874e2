# shellcheck shell=bash
# shellcheck disable=SC2034  # SVC_* settings are read by lib/service.sh
# shellcheck source=../lib/node-app.sh
source "$SCS_INFRA_DIR/lib/node-app.sh"
SVC_DESC="The users subgraph (identity, organizations, access)"
SVC_ORDER=70
node_app subgraphs/users/dist/main.js USERS_PORT "${USERS_PORT:-4001}" postgres
