"""NumPy's float32 GEMM on the same +-1 patterns size as dismc's Hebbian product, for `./dismc bench`.

usage: python3 hebbian_numpy.py N P REPEATS   ->  prints: seconds=<best of REPEATS> blas=<library>
"""
import sys
import time

import numpy as np

n, p, repeats = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rng = np.random.default_rng(0)
x = np.where(rng.random((n, p), dtype=np.float32) < 0.5, -1.0, 1.0).astype(np.float32)
y = np.ascontiguousarray(x.T)
best = float("inf")
for _ in range(repeats):
    t0 = time.perf_counter()
    j = x @ y  # N x N float32 GEMM
    best = min(best, time.perf_counter() - t0)
cfg = np.show_config(mode="dicts") if "mode" in np.show_config.__code__.co_varnames else {}
blas = cfg.get("Build Dependencies", {}).get("blas", {}).get("name", "unknown") if cfg else "unknown"
print(f"seconds={best:.4f} blas={blas}")
