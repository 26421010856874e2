# shellcheck shell=bash
# The local LLM server's API key, shared by llm-server.sh (LLM_SERVER_API_KEY) and chat.sh (sent as
# OPENAI_API_KEY): $LLM_SERVER_API_KEY when set, else the one generated once into
# $SCS_STATE_DIR/app-secrets.env next to the stack's signing secrets (0600, never printed).
llm_server_api_key() {
  if [[ -n ${LLM_SERVER_API_KEY:-} ]]; then
    echo "$LLM_SERVER_API_KEY"
    return
  fi
  local file="$SCS_STATE_DIR/app-secrets.env"
  if ! grep -qs '^LLM_SERVER_API_KEY=' "$file"; then
    (umask 077 && mkdir -p "$SCS_STATE_DIR" && echo "LLM_SERVER_API_KEY=$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')" >>"$file")
  fi
  sed -n 's/^LLM_SERVER_API_KEY=//p' "$file" | head -n 1
}
