#!/bin/bash
# After the array: merge the shards and draw the phase diagram.
#   examples/slurm/merge.sh runs/phase
# Submit it to run after the array:  sbatch --dependency=afterany:<array job id> --wrap "examples/slurm/merge.sh runs/phase"
set -uo pipefail
prefix="${1:?usage: merge.sh OUTPUT_PREFIX}"
./dismc merge "$prefix"-shard* --out "$prefix-merged"
status=$?
if [ $status -ne 0 ]; then
  echo "merge.sh: some units are missing (listed above); resubmit the failed array indices, or finish here with" >&2
  echo "  ./dismc run --resume $prefix-merged" >&2
fi
exit $status
