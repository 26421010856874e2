# shellcheck shell=bash
# shellcheck disable=SC2034  # SVC_* settings are read by lib/service.sh
# shellcheck source=../lib/node-app.sh
source "$SCS_INFRA_DIR/lib/node-app.sh"
SVC_DESC="The chat subgraph (conversations, streaming answers)"
SVC_ORDER=70
node_app subgraphs/chat/dist/main.js CHAT_PORT "${CHAT_PORT:-4003}" postgres redis
