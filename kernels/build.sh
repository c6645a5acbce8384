#!/usr/bin/env bash
# Builds kernels/*.cu into PTX (committed and shipped in the jar) and checks that every PTX file
# assembles for each architecture in native-config/cuda.properties.
#
#   kernels/build.sh            rebuild kernels/*.ptx in place, check, print registers/spills
#   kernels/build.sh OUTDIR     build into OUTDIR instead (the PTX consistency test uses this)
#   kernels/build.sh --check    only run ptxas on the committed PTX
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
props="$root/native-config/cuda.properties"
prop() { sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*\([^#]*\).*/\1/p" "$props" | head -1 | tr -d '[:space:]'; }

cuda="${CUDA_HOME:-/usr/local/cuda}"
nvcc="$cuda/bin/nvcc"; ptxas="$cuda/bin/ptxas"
[ -x "$nvcc" ] || nvcc="$(command -v nvcc || true)"
[ -x "$ptxas" ] || ptxas="$(command -v ptxas || true)"
target="$(prop ptx.target.arch)"; isa="$(prop ptx.isa.version)"; archs="$(prop ptx.check.archs)"

out="$here"; check_only=0
case "${1:-}" in
  --check) check_only=1 ;;
  "") ;;
  *) out="$1"; mkdir -p "$out" ;;
esac

if [ "$check_only" = 0 ]; then
  [ -n "$nvcc" ] || { echo "build.sh: nvcc not found (set CUDA_HOME)" >&2; exit 1; }
  for cu in "$here"/*.cu; do
    name="$(basename "${cu%.cu}")"
    # -fmad=false: no fused multiply-adds the Java mirrors would not do (Langevin step bit for bit)
    "$nvcc" -ptx -arch="$target" -fmad=false -I"$here" -o "$out/$name.ptx" "$cu"
    # lower the ISA header so that drivers older than the toolkit can JIT it (native-config explains)
    sed -i "s/^\.version .*/.version $isa/" "$out/$name.ptx"
  done
fi

[ -n "$ptxas" ] || { echo "build.sh: ptxas not found (set CUDA_HOME)" >&2; exit 1; }
printf '%-16s %-26s %-6s %10s %12s\n' file kernel arch registers spill-bytes
for ptx in "$out"/*.ptx; do
  for arch in ${archs//,/ }; do
    log="$("$ptxas" -arch="$arch" -v -o /dev/null "$ptx" 2>&1)" || { echo "$log" >&2; echo "build.sh: $ptx does not assemble for $arch" >&2; exit 1; }
    echo "$log" | awk -v f="$(basename "$ptx")" -v a="$arch" '
      /Compiling entry function/ { k = $0; sub(/.*function ./, "", k); sub(/. for .*/, "", k) }
      /bytes spill stores/ { spill = $5 }
      /Used [0-9]+ registers/ { for (i = 1; i <= NF; i++) if ($(i+1) ~ /^registers/) r = $i; printf "%-16s %-26s %-6s %10s %12s\n", f, k, a, r, spill }'
  done
done
