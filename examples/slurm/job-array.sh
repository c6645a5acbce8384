#!/bin/bash
# One shard of the sweep per array task. Submit from the dismc checkout:
#   sbatch --array=0-15 examples/slurm/job-array.sh examples/slurm/sweep.properties runs/phase
# Requeued or killed tasks resume where they stopped: rerun the same array (or just the failed
# indices, e.g. sbatch --array=3,7 ...) and finished units are skipped.
#SBATCH --job-name=dismc
#SBATCH --cpus-per-task=8
#SBATCH --mem=16G
#SBATCH --time=04:00:00
#SBATCH --requeue
#SBATCH --output=logs/dismc-%A_%a.out
# For GPU nodes add:  #SBATCH --gres=gpu:1   (and see below for several GPUs per node)
set -euo pipefail
spec="${1:?usage: sbatch --array=0-N job-array.sh SPEC OUTPUT_PREFIX}"
prefix="${2:?usage: sbatch --array=0-N job-array.sh SPEC OUTPUT_PREFIX}"
i="${SLURM_ARRAY_TASK_ID:?run me with sbatch --array}"
n="${SLURM_ARRAY_TASK_COUNT:?run me with sbatch --array}"
dir="$prefix-shard$i-of$n"
experiment="$(sed -n 's/^[[:space:]]*experiment[[:space:]]*=[[:space:]]*\([^[:space:]#]*\).*/\1/p' "$spec")"
threads="${SLURM_CPUS_PER_TASK:-1}"
# One GPU per shard: Slurm exposes the allocated GPU as device 0 (CUDA_VISIBLE_DEVICES).
backend=auto

if [ -f "$dir/run.json" ]; then
  exec ./dismc run --resume "$dir" --threads "$threads" --backend "$backend"
else
  exec ./dismc run "$experiment" --spec "$spec" --shard "$i/$n" --out "$dir" --threads "$threads" --backend "$backend"
fi
