"""Optional fused GPU kernels. Importing this package needs nothing; `ssd_triton` needs triton and CUDA, and
`tsestudio.models.ssd.ssd_scan` falls back to the pure-PyTorch scan when it cannot be imported."""
