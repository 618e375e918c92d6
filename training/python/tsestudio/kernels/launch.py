"""Kernel launches with less host time than Triton's JIT entry point.

`kernel[grid](...)` re-derives the specialization of every argument and builds a string cache key at each call;
with the ~40 arguments of these kernels and 6 launches a scan, that host time dominated eager training steps
(measured on the H100: about 1.2 ms of host time per scan forward+backward, the kernels themselves 0.5 ms).
Here a kernel's first launch goes through the JIT as usual; its compiled form is then kept under a key that
fixes everything that specialization depends on (dtype and 16-byte alignment of each tensor, the values of the
ints, the constexprs, the warps), and later launches with the same key go straight to `CompiledKernel[grid]`
(bit-identical results, measured). If that entry point ever fails (a triton whose internals differ), the JIT
path is used from then on.
"""
import inspect

import torch

FAST = {"on": True}  # the benchmark turns it off to measure the JIT path
_COMPILED = {}  # key -> (compiled kernel, constexpr values in parameter order)
_MAX_ENTRIES = 4096  # one entry per shape and layout seen; forget them all if inputs keep changing


def _key(kernel, grid_args, num_warps, constexprs):
    """Everything Triton specializes a launch on, as cheaply as host Python allows: the tensors (all leading
    parameters here) by dtype and 16-byte alignment, the integer arguments by value (finer than Triton's
    divisibility-by-16 and size classes, so never coarser), the constexprs and the warps."""
    tensors = 0
    while tensors < len(grid_args) and isinstance(grid_args[tensors], torch.Tensor):
        tensors += 1
    return (kernel, num_warps, tuple(constexprs.values()),
            tuple([(t.dtype, t.data_ptr() % 16 == 0) for t in grid_args[:tensors]]), grid_args[tensors:])


def launch(kernel, grid, args, num_warps, **constexprs):
    """kernel[grid](*args, **constexprs, num_warps=num_warps) for kernels whose leading parameters are the
    tensors, then plain ints, then the constexprs; returns the compiled kernel."""
    grid = tuple(grid) + (1,) * (3 - len(grid))
    if not FAST["on"]:
        return kernel[grid](*args, **constexprs, num_warps=num_warps)
    key = _key(kernel, args, num_warps, constexprs)
    entry = _COMPILED.get(key)
    if entry is not None:
        try:
            entry[0][grid](*args, *entry[1])
            return entry[0]
        except Exception:  # argument parsing fails before anything is launched
            FAST["on"] = False
    compiled = kernel[grid](*args, **constexprs, num_warps=num_warps)
    if FAST["on"]:
        if len(_COMPILED) >= _MAX_ENTRIES:
            _COMPILED.clear()
        names = list(inspect.signature(kernel.fn).parameters)[len(args):]
        _COMPILED[key] = (compiled, tuple(constexprs[name] for name in names))
    return compiled
