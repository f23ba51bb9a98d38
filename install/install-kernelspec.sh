#!/usr/bin/env bash
# Installs (or removes) the Jupyter kernelspec "jproc" (display name "Java (JProc)").
#
#   install/install-kernelspec.sh                 user-level install (no root), like `jupyter kernelspec install --user`
#   install/install-kernelspec.sh --sys-prefix    into the Python environment's prefix
#   install/install-kernelspec.sh --prefix DIR    into DIR/share/jupyter/kernels
#   install/install-kernelspec.sh --uninstall     removes it (add --prefix/--sys-prefix to match the install)
#
# Options: --jar PATH (default: install/target/jproc-kernel.jar, built by `mvn package`), --name NAME (default jproc),
#          --java PATH (java binary written into kernel.json; default: $JPROC_JAVA at run time, else `java` on PATH),
#          --java-opts "OPTS" (JVM options written into kernel.json as JPROC_JAVA_OPTS; without it the variable is
#          read from the kernel's environment at run time), --no-cds (skip the class-data-sharing archive: by default
#          a short training run of the kernel writes jproc.jsa next to the jar, for a faster start and first cell;
#          it is used only by the java it was made with).
# Uses `jupyter kernelspec` (JUPYTER, default /usr/bin/jupyter) or, where that subcommand is missing (Debian),
# `python3 -m jupyter_client.kernelspecapp`; without either, writes into $JUPYTER_DATA_DIR/kernels (user level,
# default ~/.local/share/jupyter). Both honour JUPYTER_DATA_DIR.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/jproc-kernel.jar"
name="jproc"
scope="--user"
prefix=""
uninstall=0
java_bin=""
java_opts=""
java_opts_set=0
cds=1

while [ $# -gt 0 ]; do
    case "$1" in
        --user) scope="--user" ;;
        --sys-prefix) scope="--sys-prefix" ;;
        --prefix) scope="--prefix"; prefix="${2:?--prefix needs a directory}"; shift ;;
        --uninstall) uninstall=1 ;;
        --jar) jar="${2:?--jar needs a path}"; shift ;;
        --name) name="${2:?--name needs a value}"; shift ;;
        --java) java_bin="${2:?--java needs a path}"; shift ;;
        --java-opts) java_opts="${2?--java-opts needs a value}"; java_opts_set=1; shift ;;
        --no-cds) cds=0 ;;
        -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
        *) echo "install-kernelspec.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

# How to run `jupyter kernelspec`: the jupyter command if it has the subcommand (Debian's does not ship it), else
# jupyter_client's module with a Python that has it; empty: write the files directly.
kernelspec=()
python=""
jupyter="${JUPYTER:-}"
if [ -z "$jupyter" ]; then
    if [ -x /usr/bin/jupyter ]; then jupyter=/usr/bin/jupyter
    elif command -v jupyter >/dev/null 2>&1; then jupyter="$(command -v jupyter)"
    fi
fi
if [ -n "$jupyter" ] && "$jupyter" kernelspec --version >/dev/null 2>&1; then
    kernelspec=("$jupyter" kernelspec)
else
    for py in /usr/bin/python3 python3; do
        if "$py" -c 'import jupyter_client.kernelspecapp' >/dev/null 2>&1; then
            python="$py"
            kernelspec=("$py" -m jupyter_client.kernelspecapp)
            break
        fi
    done
fi

data_dir() {
    case "$scope" in
        --prefix) echo "$prefix/share/jupyter" ;;
        --sys-prefix) echo "$("${python:-python3}" -c 'import sys; print(sys.prefix)')/share/jupyter" ;;
        *) echo "${JUPYTER_DATA_DIR:-$HOME/.local/share/jupyter}" ;;
    esac
}

if [ "$uninstall" -eq 1 ]; then
    # remove exactly the one this scope installed (`kernelspec remove` would take the first on JUPYTER_PATH)
    target="$(data_dir)/kernels/$name"
    if [ -d "$target" ]; then
        rm -rf "$target"
        echo "removed kernelspec $name from $target"
    else
        echo "no kernelspec $name in $target"
    fi
    exit 0
fi

if [ ! -f "$jar" ]; then
    echo "install-kernelspec.sh: kernel jar not found: $jar; build it first with: mvn -DskipTests package" >&2
    exit 1
fi

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
cp "$jar" "$staging/jproc-kernel.jar"

# JVM flags the kernel needs: javac's reusable compiler contexts for plain statements (a quarter of JShell's cost
# per cell); the C1 compiler only (javac, the bulk of a cell's work, reaches full speed after a few dozen cells
# instead of a thousand; children use C1 too; add -XX:TieredStopAtLevel=4 to JPROC_JAVA_OPTS for C2 in the kernel);
# a serial collector (lowest per-cell cost for javac's allocation pattern, small heap); headless AWT for rendering
# images; no perf-data file.
flags="--add-exports jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
flags="$flags -XX:-UsePerfData -Djava.awt.headless=true"
java_cmd="${java_bin:-${JPROC_JAVA:-java}}"
trained_java="$(command -v "$java_cmd" || true)"
# The launcher: $0 is the jar, $1 the connection file. The archive is used only with the java that made it.
launcher='d=${0%/*}; j=$(command -v "${JPROC_JAVA:-java}") || j=${JPROC_JAVA:-java}; cds=; '
launcher="$launcher"'if [ "$j" = '"'$trained_java'"' ] && [ -f "$d/jproc.jsa" ]; then '
launcher="$launcher"'cds="-XX:SharedArchiveFile=$d/jproc.jsa -Xlog:cds=off -Xlog:cds+dynamic=off"; fi; '
launcher="$launcher"'exec "$j" $cds '"$flags"' $JPROC_JAVA_OPTS -jar "$0" "$1"'

env_json=""
add_env() { env_json="${env_json:+$env_json, }\"$1\": \"$2\""; }
[ -n "$java_bin" ] && add_env JPROC_JAVA "$java_bin"
[ "$java_opts_set" -eq 1 ] && add_env JPROC_JAVA_OPTS "$java_opts"

python3 - "$staging/kernel.json" "$launcher" "$env_json" <<'PY'
import json, sys
path, launcher, env = sys.argv[1], sys.argv[2], sys.argv[3]
spec = {
    "argv": ["/bin/sh", "-c", launcher, "{resource_dir}/jproc-kernel.jar", "{connection_file}"],
    "display_name": "Java (JProc)",
    "language": "java",
    "interrupt_mode": "message",
    "env": json.loads("{" + env + "}"),
    "metadata": {"debugger": False},
}
with open(path, "w") as f:
    json.dump(spec, f, indent=2)
    f.write("\n")
PY

if [ "${#kernelspec[@]}" -gt 0 ]; then
    case "$scope" in
        --prefix) args=(install --prefix "$prefix" --name "$name" "$staging") ;;
        *) args=(install "$scope" --name "$name" "$staging") ;;
    esac
    if ! log="$("${kernelspec[@]}" "${args[@]}" 2>&1)"; then
        echo "$log" >&2
        echo "install-kernelspec.sh: ${kernelspec[*]} ${args[*]} failed" >&2
        exit 1
    fi
else
    dest="$(data_dir)/kernels/$name"
    mkdir -p "$dest"
    cp "$staging/kernel.json" "$staging/jproc-kernel.jar" "$dest/"
fi
dest="$(data_dir)/kernels/$name"
if [ "$cds" -eq 1 ] && [ -n "$trained_java" ] && [ -f "$dest/jproc-kernel.jar" ]; then
    rm -f "$dest/jproc.jsa"
    # shellcheck disable=SC2086
    if ! timeout 300 "$trained_java" -XX:ArchiveClassesAtExit="$dest/jproc.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
            $flags -cp "$dest/jproc-kernel.jar" jproc.kernel.jupyter.CdsTraining >"$staging/training.log" 2>&1 \
            || [ ! -s "$dest/jproc.jsa" ]; then
        rm -f "$dest/jproc.jsa"
        echo "install-kernelspec.sh: no class-data-sharing archive (the kernel starts slower); training log:" >&2
        tail -20 "$staging/training.log" >&2
    fi
fi
echo "installed kernelspec $name (Java (JProc)) into $dest"
