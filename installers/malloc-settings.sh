# Sourced by ./tse and the test script: glibc malloc settings for processes that run libtorch on the CPU.
#
# libtorch allocates and frees tensors of tens of megabytes in every layer. By default glibc gives blocks
# that large back to the kernel at once (mmap/munmap), so the next one is page-faulted in afresh, and on a
# VM page faults are expensive. Measured 2026-12-07 on the 2-core build machine, 60 s of v8 in Python's
# libtorch (benchmarks/bench_shipped_torchscript.py): 55.0 s with 18.7 M minor page faults by default,
# 6.8 s with 1.1 M with these two settings; `tse bench` (DJL) 60 s: 19.1 s -> 9.0 s. The cost: memory a
# process has freed stays mapped to it, so its resident size stays near its peak (chunked extraction keeps
# that peak at 1.1-1.9 GB for any input length: `tse bench`, v7 and v8, 10 s to 10 min).
# glibc.malloc.hugetlb=1 (glibc 2.35+; older ones ignore it) asks for transparent huge pages where the kernel
# leaves them to madvise, as Debian 12's does: 60 s of v8 then took 5.9 s, not 6.2 s, with 32 K page faults
# instead of 539 K. Values already in the environment win.
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-17179869184}"  # 16 GiB: no tensor gets its own mmap
export MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-17179869184}"  # and freed memory is not trimmed
case ":${GLIBC_TUNABLES:-}:" in
  *:glibc.malloc.hugetlb=*) ;;
  *) export GLIBC_TUNABLES="${GLIBC_TUNABLES:+$GLIBC_TUNABLES:}glibc.malloc.hugetlb=1" ;;
esac
