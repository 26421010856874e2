# shellcheck shell=bash
# shellcheck disable=SC2034  # SVC_* settings are read by lib/service.sh
# The analytics subgraph. It reads the analytics event stream in Redis (a consumer group), writes
# the events to its PostgreSQL schema and embeds questions with the local MiniLM model
# (EMBEDDING_MODELS_DIR from `stack env`) to group them by meaning.
# shellcheck source=../lib/node-app.sh
source "$SCS_INFRA_DIR/lib/node-app.sh"
SVC_DESC="The analytics subgraph (events, dashboards, content gaps)"
SVC_ORDER=70
node_app subgraphs/analytics/dist/main.js ANALYTICS_PORT "${ANALYTICS_PORT:-4004}" postgres redis
