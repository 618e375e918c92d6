"""Small configurations of the real models for fast CPU tests."""
from tsestudio.models.registry import build_model

BLOCK = {"d_state": 8, "head_dim": 16, "chunk_size": 16}

SMALL_ARGS = {
    "v7": dict(enc_filters=32, kernel_size=16, stride=8, dim=32, depth=2, ref_depth=1, attn_heads=2,
               attn_every=1, ref_pool=2, **BLOCK),
    "v8": dict(enc_filters=32, kernel_size=16, stride=8, stage_dims=[32, 48], stage_depths=[1, 1], ref_dim=32,
               ref_depth=1, **BLOCK),
}


def small_model(name, seed=0):
    import torch

    torch.manual_seed(seed)
    return build_model(name, **SMALL_ARGS[name]).eval()
