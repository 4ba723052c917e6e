# Sourced by tools/demo and tools/bench: a Docker engine and the registry image, made locally.
# Starts dockerd only when no engine answers, and records its PID so the caller can stop exactly it.

TEST_DOCKER_DIR=${TEST_DOCKER_DIR:-/tmp/registryops-tests/docker}
REGISTRY_IMAGE=${REGISTRY_IMAGE:-registryops-test/registry:2.8}
STARTED_DOCKERD_PID=""

docker_answers() { timeout 5 docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

ensure_docker() {
  if [ -n "${DOCKER_HOST:-}" ] && docker_answers; then return 0; fi
  unset DOCKER_HOST
  if [ -S /var/run/docker.sock ] && docker_answers; then return 0; fi
  export DOCKER_HOST="unix://$TEST_DOCKER_DIR/docker.sock"
  docker_answers && return 0
  mkdir -p "$TEST_DOCKER_DIR"
  dockerd --storage-driver vfs --iptables=false --bridge=none \
    --data-root "$TEST_DOCKER_DIR/data" --exec-root "$TEST_DOCKER_DIR/exec" \
    --pidfile "$TEST_DOCKER_DIR/dockerd.pid" -H "$DOCKER_HOST" >"$TEST_DOCKER_DIR/dockerd.log" 2>&1 &
  STARTED_DOCKERD_PID=$!
  for _ in $(seq 1 60); do docker_answers && return 0; sleep 0.5; done
  echo "dockerd did not answer at $DOCKER_HOST; see $TEST_DOCKER_DIR/dockerd.log" >&2
  return 1
}

stop_started_docker() {
  [ -n "$STARTED_DOCKERD_PID" ] || return 0
  kill "$STARTED_DOCKERD_PID" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$STARTED_DOCKERD_PID" 2>/dev/null || return 0; sleep 0.25; done
  kill -9 "$STARTED_DOCKERD_PID" 2>/dev/null || true
}

# Builds the distribution registry image from Debian's docker-registry package (no pull).
ensure_registry_image() {
  docker image inspect "$REGISTRY_IMAGE" >/dev/null 2>&1 && return 0
  local dir
  dir=$(mktemp -d)
  mkdir -p "$dir/bin" "$dir/lib/x86_64-linux-gnu" "$dir/lib64" "$dir/etc/docker/registry" "$dir/var/lib/registry"
  cp /usr/bin/docker-registry "$dir/bin/registry"
  cp /lib/x86_64-linux-gnu/libc.so.6 "$dir/lib/x86_64-linux-gnu/"
  cp /lib64/ld-linux-x86-64.so.2 "$dir/lib64/"
  printf 'version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: /var/lib/registry\nhttp:\n  addr: 127.0.0.1:5000\n' \
    >"$dir/etc/docker/registry/config.yml"
  tar -C "$dir" -c . | docker import -c 'ENTRYPOINT ["/bin/registry"]' \
    -c 'CMD ["serve","/etc/docker/registry/config.yml"]' - "$REGISTRY_IMAGE" >/dev/null
  rm -rf "$dir"
}

# start_registry NAME PORT DATA_DIR: a registry with deletes enabled, storage in DATA_DIR.
start_registry() {
  local name=$1 port=$2 data=$3
  mkdir -p "$data/storage"
  cat >"$data/config.yml" <<YML
version: 0.1
storage:
  filesystem:
    rootdirectory: /var/lib/registry
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
YML
  docker rm -f "$name" >/dev/null 2>&1 || true
  docker run -d --name "$name" --network host -v "$data/storage:/var/lib/registry" \
    -v "$data/config.yml:/etc/docker/registry/config.yml:ro" "$REGISTRY_IMAGE" >/dev/null
  for _ in $(seq 1 40); do curl -fs "http://127.0.0.1:$port/v2/" >/dev/null && return 0; sleep 0.25; done
  echo "registry $name did not answer on 127.0.0.1:$port" >&2
  return 1
}
