"""Benchmark of the fused Triton SSD scan against the pure-PyTorch scan (not a test; needs CUDA and triton).

    PYTHONPATH=training/python python3 -m tsestudio.kernels.bench_ssd [--steps 10] [--warmup 3]
        [--batch-sizes 8 32] [--graph-batch-sizes 8] [--segment-seconds 4] [--reference-seconds 4]
        [--skip-scan] [--skip-training] [--sweep] [--profile] [--json results.json]

Prints two markdown tables:
1. The scan alone at the shapes v8 runs it (4000, 2000 and 1000 frames with 4, 6 and 8 heads of 64 for
   batch 8 x 4 s at stride 16, state 64, chunk 64; bf16 x/B/C with float32 dt/A, as under autocast):
   forward and forward+backward time (median over CUDA-event timings, L2 flushed), the bandwidth that time
   means for the fewest bytes the scan must move (each input read once per pass, each output written once)
   against the H100's ~3.35 TB/s, the kernels' matmul rate against ~990 dense bf16 TFLOP/s, and the peak
   memory one forward+backward adds.
2. Whole v8 training steps (the trainer's recipe, see `bench_train_step.py`) with the pure-PyTorch scan, the
   kernel, and no scan at all (the bound for any scan), eagerly and as a replayed CUDA graph, in one process
   from the same weights and data: step time, audio-seconds trained per second and peak memory.
Options add the time of each kernel stage and registers/spills (always with the scan table), a launch-setting
sweep (--sweep) and a profile of a training step (--profile).
"""
import argparse
import copy
import cProfile
import io
import json
import pstats
import time

import torch
import triton
import triton.testing

from tsestudio.kernels import ssd_triton
from tsestudio.kernels import bench_train_step, launch
from tsestudio.losses import neg_si_sdr_loss
from tsestudio.models import ssd
from tsestudio.models.registry import build_model

H100_BANDWIDTH = 3.35e12  # bytes/s, datasheet
H100_BF16 = 990e12  # dense bf16 FLOP/s, datasheet


def scan_inputs(batch, length, heads, head_dim, state_dim):
    g = torch.Generator(device="cuda").manual_seed(length)
    x = torch.randn(batch, length, heads, head_dim, device="cuda", generator=g).bfloat16()
    dt = torch.nn.functional.softplus(torch.randn(batch, length, heads, device="cuda", generator=g) - 2)
    A = -(1 + 15 * torch.rand(heads, device="cuda", generator=g))
    B = torch.randn(batch, length, state_dim, device="cuda", generator=g).bfloat16()
    C = torch.randn(batch, length, state_dim, device="cuda", generator=g).bfloat16()
    return [t.requires_grad_(True) for t in (x, dt, A, B, C)]


def min_bytes(inputs):
    """Fewest bytes of a forward+backward: the forward reads x, dt, A, B, C and writes y; the backward reads
    them and dy and writes dx, ddt, dA, dB, dC (the size of the inputs again)."""
    inputs_size = sum(t.numel() * t.element_size() for t in inputs)
    y_size = inputs[0].numel() * inputs[0].element_size()
    return 3 * inputs_size + 2 * y_size


def matmul_flops(batch, length, heads, p, n, q):
    """2 x multiply-adds of the kernels' dots in a forward+backward, per (chunk, head): 8 of Q*p*n (2 forward,
    6 backward of which 2 recompute forward states), 4 of Q*Q*n (1 + 3) and 3 of Q*Q*p (1 + 2)."""
    chunks = -(-length // q)
    return batch * chunks * heads * 2 * q * (8 * p * n + 4 * q * n + 3 * q * p)


def peak_mib(fn, leaves):
    for t in leaves:
        t.grad = None
    torch.cuda.synchronize()
    torch.cuda.empty_cache()
    base = torch.cuda.memory_allocated()
    torch.cuda.reset_peak_memory_stats()
    fn()
    torch.cuda.synchronize()
    for t in leaves:
        t.grad = None
    return (torch.cuda.max_memory_allocated() - base) / 2**20


def bench_scan(batch, length, heads, p=64, n=64, q=64):
    inputs = scan_inputs(batch, length, heads, p, n)
    dy = torch.randn_like(inputs[0])
    rows = []
    for name, scan in (("triton", ssd_triton.ssd_scan_triton), ("pytorch", ssd.ssd_scan_ref)):
        def forward():
            with torch.no_grad():
                scan(*inputs, q)

        def forward_backward():
            scan(*inputs, q).backward(dy)

        fwd_ms = triton.testing.do_bench(forward, return_mode="median")
        both_ms = triton.testing.do_bench(forward_backward, grad_to_none=inputs, return_mode="median")
        rows.append({
            "path": name, "shape": f"b{batch} l{length} h{heads} p{p} n{n} q{q}",
            "fwd_ms": fwd_ms, "fwd_bwd_ms": both_ms,
            "fwd_bwd_tb_s": min_bytes(inputs) / (both_ms * 1e-3) / 1e12,
            "fwd_bwd_tflop_s": matmul_flops(batch, length, heads, p, n, q) / (both_ms * 1e-3) / 1e12,
            "peak_mib": peak_mib(forward_backward, inputs),
        })
    return rows


def stage_times(batch, length, heads, p=64, n=64, q=64):
    """Median ms of the kernel stages (forward: states + output; backward: states with G + chunk backward)."""
    x, dt, A, B, C = [t.detach() for t in scan_inputs(batch, length, heads, p, n)]
    dy = torch.randn_like(x)
    times = {
        "fwd states+pass": lambda: ssd_triton._chunk_states(x, dt, A, B, None, None, q, False),
        "fwd total": lambda: ssd_triton._forward(x, dt, A, B, C, q),
        "bwd states+G+pass": lambda: ssd_triton._chunk_states(x, dt, A, B, dy, C, q, True),
        "bwd total": lambda: ssd_triton._backward(x, dt, A, B, C, dy, q),
    }
    return {name: triton.testing.do_bench(fn, return_mode="median") for name, fn in times.items()}


SWEEP = [  # name, warps overrides, chunk length, state-passing block
    ("default", {}, 64, 256),
    ("pass block 128", {}, 64, 128),
    ("pass block 512", {}, 64, 512),
    ("pass 2 warps", {"state_pass": 2}, 64, 256),
    ("backward 8 warps", {"chunk_backward": 8}, 64, 256),
]


def sweep(batch, length, heads):
    """Stage times under other launch settings (each variant compiles its kernels once)."""
    warps, block = dict(ssd_triton.NUM_WARPS), ssd_triton.PASS_BLOCK["size"]
    rows = []
    try:
        for name, overrides, q, pass_block in SWEEP:
            ssd_triton.NUM_WARPS.update(overrides)
            ssd_triton.PASS_BLOCK["size"] = pass_block
            rows.append((name, stage_times(batch, length, heads, q=q)))
            ssd_triton.NUM_WARPS.update(warps)
            ssd_triton.PASS_BLOCK["size"] = block
    finally:
        ssd_triton.NUM_WARPS.update(warps)
        ssd_triton.PASS_BLOCK["size"] = block
    return rows


def host_costs(batch, length, heads, q=64, calls=50):
    """Host ms per scan call (time to enqueue it, no synchronisation) with the cached launch and with Triton's
    JIT launch, whether both give bit-identical results, and a cProfile of cached forward+backward calls."""
    inputs = scan_inputs(batch, length, heads, 64, 64)
    dy = torch.randn_like(inputs[0])

    def fwd():
        with torch.no_grad():
            return [ssd_triton.ssd_scan_triton(*inputs, q)]

    def fwd_bwd():
        for t in inputs:
            t.grad = None
        y = ssd_triton.ssd_scan_triton(*inputs, q)
        y.backward(dy)
        return [y.detach()] + [t.grad for t in inputs]

    costs, outputs = {}, {}
    try:
        for cached in (True, False):
            launch.FAST["on"] = cached
            outputs[cached] = [t.clone() for t in fwd_bwd()]
            for name, fn in (("fwd", fwd), ("fwd+bwd", fwd_bwd)):
                fn()
                torch.cuda.synchronize()
                started = time.perf_counter()
                for _ in range(calls):
                    fn()
                costs[f"{name} {'cached' if cached else 'jit'} launch"] = 1000 * (time.perf_counter() - started) / calls
                torch.cuda.synchronize()
    finally:
        launch.FAST["on"] = True
    same = all(torch.equal(a, b) for a, b in zip(outputs[True], outputs[False]))
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(20):
        fwd_bwd()
    profile.disable()
    torch.cuda.synchronize()
    text = io.StringIO()
    pstats.Stats(profile, stream=text).sort_stats("tottime").print_stats(16)
    return costs, same, text.getvalue()


def kernel_resources():
    rows = []
    for name, k in ssd_triton.LAUNCHED.items():
        meta = getattr(k, "metadata", None)
        rows.append(f"{name}: regs {getattr(k, 'n_regs', '?')}, spills {getattr(k, 'n_spills', '?')}, "
                    f"shared {getattr(meta, 'shared', '?')} B, warps {getattr(meta, 'num_warps', '?')}")
    return rows


def profile_step(model, data, path, rows=12):
    """The CUDA kernels that take the time of two eager training steps (torch.profiler, self CUDA time)."""
    with bench_train_step.ScanPath(path):
        optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.01)
        with torch.profiler.profile(activities=[torch.profiler.ProfilerActivity.CUDA]) as prof:
            for _ in range(2):
                with torch.autocast("cuda", dtype=torch.bfloat16):
                    loss = neg_si_sdr_loss(model(data[0], data[1]), data[2])
                optimizer.zero_grad(set_to_none=True)
                loss.backward()
                optimizer.step()
            torch.cuda.synchronize()
    return prof.key_averages().table(sort_by="self_cuda_time_total", row_limit=rows, max_name_column_width=50)


def training_table(args, model):
    """v8 training steps for each scan path, eager and as a CUDA graph, at each batch size asked for."""
    initial = copy.deepcopy(model.state_dict())
    rate = model.sample_rate
    rows = []
    for batch in args.batch_sizes:
        g = torch.Generator(device="cuda").manual_seed(7)
        data = [0.1 * torch.randn(batch, int(s * rate), device="cuda", generator=g)
                for s in (args.segment_seconds, args.reference_seconds, args.segment_seconds)]
        for graph in (False, True):
            if graph and batch not in args.graph_batch_sizes:
                continue
            for path in bench_train_step.PATHS:
                if path == "triton (jit launch)" and (graph or batch != args.batch_sizes[0]):
                    continue  # the launch path only matters to eager steps
                try:
                    row = bench_train_step.run(model, initial, data, path, graph, args.steps, args.warmup)
                except Exception as error:  # a capture that fails must not hide the other rows
                    print(f"batch {batch} {path} {'graph' if graph else 'eager'}: failed: {error!r}")
                    continue
                row.update(batch=batch, audio_s_per_s=batch * args.segment_seconds / row["step_s"])
                rows.append(row)
                print(f"| {batch} x {args.segment_seconds:g} s | {row['mode']} | {path} | {1000 * row['step_s']:.1f} | "
                      f"{row['audio_s_per_s']:.1f} | {row['peak_gib']:.2f} | {row['first_loss']:.4f} | "
                      f"{row['kernel_calls_per_step']:.0f} |", flush=True)
        del data
    return rows


def ratios(rows):
    """Throughput and peak-memory ratios of triton (and of the no-scan bound) over pytorch, per batch and mode."""
    lines = []
    keyed = {(r["batch"], r["mode"], r["path"]): r for r in rows}
    for (batch, mode, path), r in keyed.items():
        base = keyed.get((batch, mode, "pytorch"))
        if path == "pytorch" or base is None:
            continue
        lines.append(f"batch {batch}, {mode}, {path} vs pytorch: {base['step_s'] / r['step_s']:.2f}x throughput, "
                     f"{base['peak_gib'] / r['peak_gib']:.2f}x lower peak memory")
    for batch in sorted({r["batch"] for r in rows}):
        eager, graph = keyed.get((batch, "eager", "pytorch")), keyed.get((batch, "cuda graph", "triton"))
        if eager and graph:  # what the trainer runs today against the kernel with the step captured
            lines.append(f"batch {batch}, triton as a cuda graph vs pytorch eager: "
                         f"{eager['step_s'] / graph['step_s']:.2f}x throughput, "
                         f"{eager['peak_gib'] / graph['peak_gib']:.2f}x lower peak memory")
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=8, help="batch of the scan-alone shapes")
    parser.add_argument("--batch-sizes", type=int, nargs="+", default=[8, 32], help="training step batches")
    parser.add_argument("--graph-batch-sizes", type=int, nargs="*", default=[8],
                        help="batches also timed as a captured CUDA graph")
    parser.add_argument("--segment-seconds", type=float, default=4.0)
    parser.add_argument("--reference-seconds", type=float, default=4.0)
    parser.add_argument("--skip-scan", action="store_true", help="leave out the scan-alone table")
    parser.add_argument("--skip-training", action="store_true", help="leave out the training steps")
    parser.add_argument("--sweep", action="store_true", help="also time the kernels under other launch settings")
    parser.add_argument("--profile", action="store_true", help="also print where a training step spends time")
    parser.add_argument("--json", help="also write all figures to this file")
    args = parser.parse_args()
    results = {"device": torch.cuda.get_device_name(), "torch": torch.__version__, "triton": triton.__version__}
    print(f"{results['device']}, torch {results['torch']}, triton {results['triton']}")

    if not args.skip_scan:
        frames = int(args.segment_seconds * 1000)  # v8: 16 kHz, stride 16
        scans = [r for length, heads in ((frames, 4), (frames // 2, 6), (frames // 4, 8))
                 for r in bench_scan(args.batch_size, length, heads)]
        results["scan"] = scans
        print("\n| scan shape | path | fwd ms | fwd+bwd ms | fwd+bwd TB/s (% of 3.35) | fwd+bwd TFLOP/s "
              "(% of 990) | peak MiB |\n|---|---|---|---|---|---|---|")
        for r in scans:
            print(f"| {r['shape']} | {r['path']} | {r['fwd_ms']:.3f} | {r['fwd_bwd_ms']:.3f} | "
                  f"{r['fwd_bwd_tb_s']:.2f} ({100 * r['fwd_bwd_tb_s'] * 1e12 / H100_BANDWIDTH:.0f}%) | "
                  f"{r['fwd_bwd_tflop_s']:.1f} ({100 * r['fwd_bwd_tflop_s'] * 1e12 / H100_BF16:.1f}%) | "
                  f"{r['peak_mib']:.0f} |")
        for length, heads in ((frames, 4), (frames // 2, 6), (frames // 4, 8)):
            stages = stage_times(args.batch_size, length, heads)
            results.setdefault("stages", []).append(stages)
            print(f"stages l{length} h{heads} (ms): " + ", ".join(f"{k} {v:.3f}" for k, v in stages.items()))
        print("\n".join(kernel_resources()))
        costs, same, profile = host_costs(args.batch_size, frames, 4)
        results["host_ms_per_call"] = costs
        print(f"host ms per scan call (l{frames} h4): " + ", ".join(f"{k} {v:.3f}" for k, v in costs.items())
              + f"; cached launch bit-identical to JIT launch: {same}")
        print("cProfile of 20 forward+backward calls (cached launch), by own time:\n"
              + "\n".join(profile.splitlines()[:40]))

    if args.sweep:
        frames = int(args.segment_seconds * 1000)
        for name, stages in sweep(args.batch_size, frames, 4):
            results.setdefault("sweep", []).append({"variant": name, **stages})
            print(f"sweep l{frames} h4, {name} (ms): " + ", ".join(f"{k} {v:.3f}" for k, v in stages.items()))
    if args.skip_training:
        if args.json:
            with open(args.json, "w") as f:
                json.dump(results, f, indent=1)
        return
    torch.manual_seed(0)
    model = build_model("v8").cuda().train()
    print(f"\nv8 training steps ({sum(p.numel() for p in model.parameters()) / 1e6:.2f} M params, reference "
          f"{args.reference_seconds:g} s, bf16 autocast; median of {args.steps} steps after {args.warmup})\n"
          "| batch | mode | scan | step ms | audio-s/s | peak GiB | first loss | kernel calls/step |\n"
          "|---|---|---|---|---|---|---|---|", flush=True)
    results["training"] = training_table(args, model)
    results["ratios"] = ratios(results["training"])
    print("\n".join(results["ratios"]))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)
    if args.profile:
        g = torch.Generator(device="cuda").manual_seed(7)
        rate = model.sample_rate
        data = [0.1 * torch.randn(args.batch_sizes[0], int(s * rate), device="cuda", generator=g)
                for s in (args.segment_seconds, args.reference_seconds, args.segment_seconds)]
        for path in ("pytorch", "triton"):
            print(f"\nprofile, {path} scan, batch {args.batch_sizes[0]}:\n" + profile_step(model, data, path))


if __name__ == "__main__":
    main()
