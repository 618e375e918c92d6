"""Kernel launches with less host time than Triton's JIT entry point.

`kernel[grid](...)` re-derives the specialization of every argument and builds a string cache key at each call;
with the ~40 arguments of these kernels and 6 launches a scan, that host time dominated eager training steps
(measured on the H100: about 1.2 ms of host time per scan forward+backward, the kernels themselves 0.5 ms).
Here a kernel's first launch goes through the JIT as usual; its compiled form is then kept under a key made of
everything that specialization depends on (dtype and 16-byte alignment of each tensor; divisibility by 16,
value 1 and 32-bit range of each int; the constexprs; the warps), and later launches with the same key go
straight to `CompiledKernel[grid]`. If that entry point ever fails (a triton whose internals differ), the JIT
path is used from then on.
"""
import inspect

import torch

FAST = {"on": True}  # the benchmark turns it off to measure the JIT path
_COMPILED = {}
_CONSTEXPR_NAMES = {}


def _spec(arg):
    if isinstance(arg, torch.Tensor):
        return arg.dtype, arg.data_ptr() % 16 == 0
    if isinstance(arg, int) and not isinstance(arg, bool):
        return arg % 16 == 0, arg == 1, -2**31 <= arg < 2**31
    return type(arg), arg


def _constexpr_names(kernel, count):
    """Names of the parameters after the first `count` (the constexprs, last in every kernel here)."""
    names = _CONSTEXPR_NAMES.get(kernel)
    if names is None:
        names = _CONSTEXPR_NAMES[kernel] = list(inspect.signature(kernel.fn).parameters)[count:]
    return names


def launch(kernel, grid, args, num_warps, **constexprs):
    """kernel[grid](*args, **constexprs, num_warps=num_warps); returns the compiled kernel."""
    grid = tuple(grid) + (1,) * (3 - len(grid))
    if FAST["on"]:
        key = (kernel, num_warps, tuple(constexprs.items()), tuple(_spec(a) for a in args))
        compiled = _COMPILED.get(key)
        if compiled is not None:
            try:
                compiled[grid](*args, *[constexprs[name] for name in _constexpr_names(kernel, len(args))])
                return compiled
            except Exception:  # argument parsing fails before anything is launched
                FAST["on"] = False
        compiled = kernel[grid](*args, **constexprs, num_warps=num_warps)
        if FAST["on"]:
            _COMPILED[key] = compiled
        return compiled
    return kernel[grid](*args, **constexprs, num_warps=num_warps)
