# shellcheck shell=bash
# The local LLM server's API key, shared by llm-server.sh (LLM_SERVER_API_KEY) and chat.sh (sent as
# OPENAI_API_KEY): $LLM_SERVER_API_KEY when set, else the one `stack up` mints once into
# $SCS_STATE_DIR/app-secrets.env under its lock (scs_ensure_app_secrets; 0600, never printed).
llm_server_api_key() { echo "${LLM_SERVER_API_KEY:-$(scs_secret LLM_SERVER_API_KEY)}"; }
