# Source before training on Debian's CPU torch: OpenBLAS instead of the reference BLAS, jemalloc, two threads.
export OPENBLAS_NUM_THREADS=1
export LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2
export MALLOC_CONF=dirty_decay_ms:-1,muzzy_decay_ms:-1
export PYTHONUNBUFFERED=1
