# shellcheck shell=bash
# shellcheck disable=SC2034  # SVC_* settings are read by lib/service.sh
# OpenSearch 2.19.1, single node, plain HTTP, with the k-NN, ML Commons, neural-search and
# job-scheduler plugins. Everything comes from Maven Central with pinned SHA-256s.
#
# The Maven "integ-test-zip" distribution carries no modules but transport-netty4, so the
# modules the plugins and apps need (lang-painless, which k-NN extends; analysis-common;
# mapper-extras; ingest-common; reindex) are assembled from their published jars.
# The built install lives in $SCS_CACHE_DIR/opensearch/<version>-<recipe>; the state dir
# gets a hard-linked copy (the run user may not be able to reach the cache, e.g. /root).
SVC_DESC="OpenSearch 2.19.1"
SVC_ORDER=30
SVC_USER=$SCS_RUN_USER
SVC_PORTS=("$OPENSEARCH_PORT" "$OPENSEARCH_TRANSPORT_PORT")
SVC_URL="http://$SCS_HOST:$OPENSEARCH_PORT"
SVC_TIMEOUT=240
SVC_STOP_TIMEOUT=60
SVC_CWD=$SVC_DIR

OS_VERSION=2.19.1
OS_HEAP=${OPENSEARCH_HEAP:-1g}
_os_maven=https://repo1.maven.org/maven2
# Resolved when used (after provisioning installed the JDK), never when this file is loaded.
_os_java_home() {
  if [[ -n ${OPENSEARCH_JAVA_HOME:-} ]]; then echo "$OPENSEARCH_JAVA_HOME"; return; fi
  local d java
  d=/usr/lib/jvm/java-17-openjdk-$(dpkg --print-architecture 2>/dev/null || echo amd64)
  if [[ ! -x $d/bin/java ]]; then
    java=$(command -v java) || die "opensearch: no Java found (openjdk-17-jre-headless is installed by 'stack provision opensearch'; or set OPENSEARCH_JAVA_HOME)"
    d=$(dirname "$(dirname "$(readlink -f "$java")")")
  fi
  echo "$d"
}

# "maven path|sha256"
_OS_ARTIFACTS=(
  "org/opensearch/distribution/integ-test-zip/opensearch/2.19.1/opensearch-2.19.1.zip|af7152d8b7f6f1cee09d47276b32b70479fe6dd8cdbb61213f84eb7f8098b261"
  "org/opensearch/plugin/opensearch-job-scheduler/2.19.1.0/opensearch-job-scheduler-2.19.1.0.zip|a54e12582b88a4c173d6e58b16fbc609df12a04eff010ae30396905a1a882bf6"
  "org/opensearch/plugin/opensearch-knn/2.19.1.0/opensearch-knn-2.19.1.0.zip|eab8c9818865bc035212eab5068cdacae164baa09d4c152f49b736d6f6b0e85c"
  "org/opensearch/plugin/opensearch-ml-plugin/2.19.1.0/opensearch-ml-plugin-2.19.1.0.zip|2324234d81109dcb2c488da5a6b2034cc0f78d9d08e40ce49ba59fc423a5df5f"
  "org/opensearch/plugin/neural-search/2.19.1.0/neural-search-2.19.1.0.zip|b17ca1d774692902c58cbae102bf463970740c31d81446866e8eabd336e285aa"
  "org/opensearch/plugin/lang-painless/2.19.1/lang-painless-2.19.1.jar|3cf5e02efa40ff5b88e74e1ab66a0bc462de3509fab4a6a4ffe90b8d13777a9a"
  "org/opensearch/plugin/opensearch-scripting-painless-spi/2.19.1/opensearch-scripting-painless-spi-2.19.1.jar|c2598797a5f6f897ce7e8d05f593ff96de3fbc56c52f299d63cddcae41556dda"
  "org/antlr/antlr4-runtime/4.13.1/antlr4-runtime-4.13.1.jar|54665d2838cc66458343468efc539e454fc95b46a8a04b13c6ac43fc9be63505"
  "org/ow2/asm/asm/9.7/asm-9.7.jar|adf46d5e34940bdf148ecdd26a9ee8eea94496a72034ff7141066b3eea5c4e9d"
  "org/ow2/asm/asm-analysis/9.7/asm-analysis-9.7.jar|7bc6bcbc21379948a0c8c467fb0f864206e5b818f6bc0b546872f5c9f941556f"
  "org/ow2/asm/asm-commons/9.7/asm-commons-9.7.jar|389bc247958e049fc9a0408d398c92c6d370c18035120395d4cba1d9d9304b7a"
  "org/ow2/asm/asm-tree/9.7/asm-tree-9.7.jar|62f4b3bc436045c1acb5c3ba2d8ec556ec3369093d7f5d06c747eb04b56d52b1"
  "org/ow2/asm/asm-util/9.7/asm-util-9.7.jar|37a6414d36641973f1af104937c95d6d921b2ddb4d612c66c5a9f2b13fc14211"
  "org/opensearch/plugin/analysis-common/2.19.1/analysis-common-2.19.1.jar|13fdc1071af42946b13153a62491a5e9b0ad214d44f7c8153d3afef60f558821"
  "org/opensearch/plugin/mapper-extras-client/2.19.1/mapper-extras-client-2.19.1.jar|93e85f305ddc3070fea5b83cc8d962bdcd30df20638352b02cf57276cc2bc5d5"
  "org/opensearch/plugin/ingest-common/2.19.1/ingest-common-2.19.1.jar|8baa5b133f3693265555fb6467deb105877d329e42d2c6a2d496239b8e406461"
  "org/opensearch/opensearch-grok/2.19.1/opensearch-grok-2.19.1.jar|33f7fb192c89ebdea39184f73a3edcab00419cac5e6c53c6f48d9028ac0e8647"
  "org/opensearch/opensearch-dissect/2.19.1/opensearch-dissect-2.19.1.jar|25cf8949ac696c389119fe6dd2039241f522abdd46955108f86952f99fced68d"
  "org/jruby/joni/joni/2.2.1/joni-2.2.1.jar|b3e4b657a3ed1d8f684114f6baa462d553a5932a865c1574695498dda8577748"
  "org/jruby/jcodings/jcodings/1.0.61/jcodings-1.0.61.jar|3238c68a2f86cec53cc184ad26df8352db87bb22a419bd17fb4acdfbb0bc40f0"
  "org/opensearch/plugin/reindex-client/2.19.1/reindex-client-2.19.1.jar|eb2056ee54ac367f8820d5c13fa5cea2d10bb492b01f4d1a15a6dce163bf82ce"
  "org/opensearch/client/opensearch-rest-client/2.19.1/opensearch-rest-client-2.19.1.jar|6ab691dc6cb2c12802bb9024df3379bd1779a2b626d3bd7b27ed5f974cbc1708"
  "org/opensearch/opensearch-ssl-config/2.19.1/opensearch-ssl-config-2.19.1.jar|30fe6a20a08004044be90abdf0e711313b7dfe2e5c7b12ac32498ae8e1cae927"
  "org/apache/httpcomponents/httpclient/4.5.14/httpclient-4.5.14.jar|c8bc7e1c51a6d4ce72f40d2ebbabf1c4b68bfe76e732104b04381b493478e9d6"
  "org/apache/httpcomponents/httpcore/4.4.16/httpcore-4.4.16.jar|6c9b3dd142a09dc468e23ad39aad6f75a0f2b85125104469f026e52a474e464f"
  "org/apache/httpcomponents/httpasyncclient/4.1.5/httpasyncclient-4.1.5.jar|0c1877489a9d1ba4fa50f6cfcab11d1123618858cb31d56afaab5afdd5064d99"
  "org/apache/httpcomponents/httpcore-nio/4.4.16/httpcore-nio-4.4.16.jar|4018736ede2d321034e8517ea90baefb31831a8608afccc446d8a699fb1d00d4"
  "commons-codec/commons-codec/1.16.1/commons-codec-1.16.1.jar|ec87bfb55f22cbd1b21e2190eeda28b2b312ed2a431ee49fbdcc01812d04a5e4"
  "commons-logging/commons-logging/1.2/commons-logging-1.2.jar|daddea1ea0be0f56978ab3006b8ac92834afeefbd9b7e4e6316fca57df0fa636"
)

# "module|classname|extended plugins|jar file names..."
_OS_MODULES=(
  "lang-painless|org.opensearch.painless.PainlessPlugin||lang-painless-2.19.1.jar opensearch-scripting-painless-spi-2.19.1.jar antlr4-runtime-4.13.1.jar asm-9.7.jar asm-analysis-9.7.jar asm-commons-9.7.jar asm-tree-9.7.jar asm-util-9.7.jar"
  "analysis-common|org.opensearch.analysis.common.CommonAnalysisPlugin|lang-painless|analysis-common-2.19.1.jar"
  "mapper-extras|org.opensearch.index.mapper.MapperExtrasPlugin||mapper-extras-client-2.19.1.jar"
  "ingest-common|org.opensearch.ingest.common.IngestCommonPlugin|lang-painless|ingest-common-2.19.1.jar opensearch-grok-2.19.1.jar opensearch-dissect-2.19.1.jar joni-2.2.1.jar jcodings-1.0.61.jar"
  "reindex|org.opensearch.index.reindex.ReindexPlugin||reindex-client-2.19.1.jar opensearch-rest-client-2.19.1.jar opensearch-ssl-config-2.19.1.jar httpclient-4.5.14.jar httpcore-4.4.16.jar httpasyncclient-4.1.5.jar httpcore-nio-4.4.16.jar commons-codec-1.16.1.jar commons-logging-1.2.jar"
)
# security policies of the modules that need one (from the OpenSearch sources)
_os_module_policy() {
  case $1 in
    lang-painless) cat <<'P'
grant {
  // needed to generate runtime classes
  permission java.lang.RuntimePermission "createClassLoader";
  // needed to find the classloader to load allowlisted classes from
  permission java.lang.RuntimePermission "getClassLoader";
};
P
      ;;
    reindex) cat <<'P'
grant {
  // reindex opens socket connections using the rest client
  permission java.net.SocketPermission "*", "connect";
};
grant codeBase "${codebase.opensearch-rest-client}" {
  permission java.net.NetPermission "getProxySelector";
};
grant codeBase "${codebase.httpasyncclient}" {
  permission java.net.NetPermission "getProxySelector";
};
P
      ;;
  esac
}
# install order matters: ml extends job-scheduler, neural-search extends k-NN
_OS_PLUGINS=(opensearch-job-scheduler-2.19.1.0.zip opensearch-knn-2.19.1.0.zip
  opensearch-ml-plugin-2.19.1.0.zip neural-search-2.19.1.0.zip)

_os_key() {
  local h
  h=$(printf '%s\n' "${_OS_ARTIFACTS[@]}" "${_OS_MODULES[@]}" "${_OS_PLUGINS[@]}" "$(_os_module_policy lang-painless)$(_os_module_policy reindex)" \
    | sha256sum | cut -c1-10)
  echo "$OS_VERSION-$h"
}
_os_dl_dir="$SCS_CACHE_DIR/downloads/maven"
_os_build_dir() { echo "$SCS_CACHE_DIR/opensearch/$(_os_key)"; }
_os_home="$SVC_DIR/home"
_os_conf="$SVC_DIR/config"

_os_download_all() {
  local a path sha
  for a in "${_OS_ARTIFACTS[@]}"; do
    path=${a%%|*} sha=${a##*|}
    download "$_os_maven/$path" "$_os_dl_dir/$(basename "$path")" "$sha"
  done
}

_os_build() {
  local dest; dest=$(_os_build_dir)
  [[ -f $dest/.scs-complete ]] && return 0
  _os_download_all
  local tmp="$dest.tmp.$$"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  info "opensearch: building $dest"
  local java_home; java_home=$(_os_java_home)
  unzip -q "$_os_dl_dir/opensearch-$OS_VERSION.zip" -d "$tmp"
  mv "$tmp/opensearch-$OS_VERSION" "$tmp/home"
  local m name cls ext jars j
  for m in "${_OS_MODULES[@]}"; do
    IFS='|' read -r name cls ext jars <<<"$m"
    mkdir -p "$tmp/home/modules/$name"
    for j in $jars; do cp "$_os_dl_dir/$j" "$tmp/home/modules/$name/"; done
    cat >"$tmp/home/modules/$name/plugin-descriptor.properties" <<PROPS
description=$name module (assembled by infra/services/opensearch.sh from Maven Central jars)
version=$OS_VERSION
name=$name
classname=$cls
java.version=11
opensearch.version=$OS_VERSION
custom.foldername=
extended.plugins=$ext
has.native.controller=false
PROPS
    _os_module_policy "$name" >"$tmp/home/modules/$name/plugin-security.policy"
    [[ -s $tmp/home/modules/$name/plugin-security.policy ]] || rm -f "$tmp/home/modules/$name/plugin-security.policy"
  done
  local p
  for p in "${_OS_PLUGINS[@]}"; do
    info "opensearch: installing plugin $p"
    OPENSEARCH_JAVA_HOME=$java_home "$tmp/home/bin/opensearch-plugin" install --batch \
      "file://$_os_dl_dir/$p" >>"$tmp/plugin-install.log" 2>&1 \
      || { tail -n 30 "$tmp/plugin-install.log" >&2; die "opensearch: installing plugin $p failed"; }
  done
  OPENSEARCH_JAVA_HOME=$java_home "$tmp/home/bin/opensearch-plugin" list >"$tmp/plugins.txt" 2>>"$tmp/plugin-install.log"
  _os_key >"$tmp/.scs-complete"
  chmod -R u+rwX,go+rX "$tmp"
  rm -rf "$dest"
  mv "$tmp" "$dest"
}

svc_provision() {
  apt_ensure curl unzip ca-certificates openjdk-17-jre-headless iproute2 procps
  if is_root; then ensure_system_user "$SCS_RUN_USER"; fi
  _os_build
}

svc_prepare() {
  local u key; u=$(effective_user "$SVC_USER"); key=$(_os_key)
  ensure_dir "$SVC_DIR" "$u" 755
  ensure_traversable "$u" "$SVC_DIR"
  if [[ $(cat "$_os_home/.scs-complete" 2>/dev/null) != "$key" ]]; then
    echo "installing $(_os_build_dir)/home -> $_os_home"
    rm -rf "$_os_home"
    # hard links when cache and state share a filesystem, a copy otherwise
    cp -al "$(_os_build_dir)/home" "$_os_home" 2>/dev/null || { rm -rf "$_os_home"; cp -a "$(_os_build_dir)/home" "$_os_home"; }
    echo "$key" >"$_os_home/.scs-complete"
  fi
  mkdir -p "$_os_conf/jvm.options.d" "$SVC_DIR/data" "$SVC_DIR/logs" "$SVC_DIR/tmp"
  cp -a "$_os_home/config/." "$_os_conf/"
  # bin/opensearch cds into the (read-only) install: make jvm.options' relative paths absolute
  sed -i -E -e "s#file=logs/#file=$SVC_DIR/logs/#" -e "s#ErrorFile=logs/#ErrorFile=$SVC_DIR/logs/#" \
    -e "s#HeapDumpPath=data\$#HeapDumpPath=$SVC_DIR/data#" "$_os_conf/jvm.options"
  cat >"$_os_conf/opensearch.yml" <<YML
# generated by infra/services/opensearch.sh on every start
cluster.name: scs-dev
node.name: scs-node-1
path.data: $SVC_DIR/data
path.logs: $SVC_DIR/logs
network.host: $SCS_HOST
http.port: $OPENSEARCH_PORT
transport.port: $OPENSEARCH_TRANSPORT_PORT
discovery.type: single-node
bootstrap.memory_lock: false
action.auto_create_index: true
# dev/test machines are often nearly full: never block writes or shard allocation on disk usage
cluster.routing.allocation.disk.threshold_enabled: false
# ML Commons on a single data node
plugins.ml_commons.only_run_on_ml_node: false
plugins.ml_commons.native_memory_threshold: 100
YML
  printf -- '-Xms%s\n-Xmx%s\n' "$OS_HEAP" "$OS_HEAP" >"$_os_conf/jvm.options.d/scs-heap.options"
  # the JDK is known only now, after provisioning
  SVC_ENV+=("OPENSEARCH_JAVA_HOME=$(_os_java_home)")
  # an install built or copied under a restrictive umask (077) is unreadable to the run user
  chmod -R u+rwX,go+rX "$_os_home" "$_os_conf"
  if is_root; then chown -R "$u:$(id -gn "$u")" "$_os_conf" "$SVC_DIR/data" "$SVC_DIR/logs" "$SVC_DIR/tmp"; fi
}

SVC_CMD=("$_os_home/bin/opensearch")
SVC_ENV=("OPENSEARCH_PATH_CONF=$_os_conf"
  "OPENSEARCH_TMPDIR=$SVC_DIR/tmp" "HOME=$SVC_DIR" "OPENSEARCH_JAVA_OPTS=${OPENSEARCH_JAVA_OPTS:-}")

_os() { curl -fsS --max-time 20 "$@"; }
_os_json() { _os -H 'Content-Type: application/json' "$@"; }

svc_health() {
  _os "$SVC_URL/_cluster/health?timeout=2s" 2>/dev/null | grep -Eq '"status":"(green|yellow)"'
}

# k-NN smoke test for one engine: index two vectors, query, delete.
_os_knn_check() {
  local engine=$1 space=$2 idx="scs-stack-knn-smoke-$1"
  _os -X DELETE "$SVC_URL/$idx" >/dev/null 2>&1 || true
  _os_json -X PUT "$SVC_URL/$idx" -d "{
    \"settings\": {\"index\": {\"knn\": true, \"number_of_shards\": 1, \"number_of_replicas\": 0}},
    \"mappings\": {\"properties\": {\"v\": {\"type\": \"knn_vector\", \"dimension\": 3,
      \"method\": {\"name\": \"hnsw\", \"space_type\": \"$space\", \"engine\": \"$engine\"}}}}}" >/dev/null \
    || return 1
  local rc=0 out
  out=$(_os -X POST "$SVC_URL/$idx/_bulk?refresh=true" -H 'Content-Type: application/x-ndjson' \
    --data-binary $'{"index":{"_id":"a"}}\n{"v":[1,0,0]}\n{"index":{"_id":"b"}}\n{"v":[0,1,0]}\n') || rc=1
  [[ $out == *'"errors":false'* ]] || rc=1
  if ((rc == 0)); then
    out=$(_os_json -X POST "$SVC_URL/$idx/_search" -d '{"size":1,"query":{"knn":{"v":{"vector":[0.9,0.1,0],"k":1}}}}') || rc=1
    [[ $out == *'"_id":"a"'* ]] || rc=1
  fi
  _os -X DELETE "$SVC_URL/$idx" >/dev/null 2>&1 || true
  return $rc
}

svc_post_start() {
  local plugins p
  plugins=$(_os "$SVC_URL/_cat/plugins?h=component")
  for p in opensearch-job-scheduler opensearch-knn opensearch-ml opensearch-neural-search; do
    grep -qx "$p" <<<"$plugins" || { echo "plugin $p is not loaded; loaded: $plugins"; return 1; }
  done
  echo "opensearch: plugins loaded: $(echo "$plugins" | tr '\n' ' ')"
  _os_knn_check lucene cosinesimil || { echo "k-NN smoke test (hnsw, cosinesimil, lucene) FAILED"; return 1; }
  # faiss and nmslib need the plugin's JNI libraries (libopensearchknn_*.so), which the Maven
  # k-NN zip does not ship. Using those engines without them kills the node
  # (UnsatisfiedLinkError), so they are only tried when the libraries are present.
  local native=no
  if compgen -G "$_os_home/plugins/opensearch-knn/lib/libopensearchknn_faiss*.so" >/dev/null; then native=yes; fi
  local works=(lucene) broken=() e
  for e in faiss nmslib; do
    if [[ $native == yes ]] && _os_knn_check "$e" l2 >/dev/null 2>&1; then works+=("$e"); else broken+=("$e"); fi
  done
  local msg="k-NN engines working: ${works[*]}; unavailable: ${broken[*]:-none}"
  [[ $native == no ]] && msg+=" (no JNI libs in the k-NN zip: do not use them, it crashes the node)"
  echo "opensearch: $msg"
  echo "$msg" >"$SVC_DIR/knn-engines.txt"
}

svc_env() { echo "OPENSEARCH_URL=http://$SCS_HOST:$OPENSEARCH_PORT"; }
