# shellcheck shell=bash
# shellcheck disable=SC2034  # SVC_* settings are read by lib/service.sh
# The chat subgraph. It answers with any OpenAI-compatible server: the local llm-server by default,
# or whatever OPENAI_BASE_URL / OPENAI_MODEL / OPENAI_API_KEY name (vLLM, llama.cpp, Ollama, OpenAI).
# Retrieval goes straight to the knowledge subgraph (KNOWLEDGE_SUBGRAPH_URL).
# shellcheck source=../lib/node-app.sh
source "$SCS_INFRA_DIR/lib/node-app.sh"
# shellcheck source=../lib/llm-api-key.sh
source "$SCS_INFRA_DIR/lib/llm-api-key.sh"
SVC_DESC="The chat subgraph (conversations, streaming answers)"
SVC_ORDER=70
node_app subgraphs/chat/dist/main.js CHAT_PORT "${CHAT_PORT:-4003}" postgres redis
SVC_ENV+=(
  "OPENAI_BASE_URL=${OPENAI_BASE_URL:-http://$SCS_HOST:${LLM_SERVER_PORT:-4020}/v1}"
  "KNOWLEDGE_SUBGRAPH_URL=${KNOWLEDGE_SUBGRAPH_URL:-http://$SCS_HOST:${KNOWLEDGE_PORT:-4002}/graphql}"
)
[[ -n ${OPENAI_MODEL:-} ]] && SVC_ENV+=("OPENAI_MODEL=$OPENAI_MODEL")
# The local LLM server's key unless another server (and its key) is named.
SVC_ENV+=("OPENAI_API_KEY=${OPENAI_API_KEY:-$(llm_server_api_key)}")
true
