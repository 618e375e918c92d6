"""Reference conditioning by a pooled speaker embedding and FiLM (feature-wise affine modulation).

Findings section 1: a reference joined to the mixture as extra frames was forgotten by the short-memory
Mamba heads (the model output the mixture), while a pooled reference embedding applied as FiLM before every
block learned. So every layer sees the speaker directly: x <- x * (1 + gamma(e)) + beta(e), then the layer.
"""
from torch import Tensor, nn

from tsestudio.models.mamba import MambaLayer, MambaStack, RMSNorm


class PooledReferenceEncoder(nn.Module):
    """Encoder features [B, N, Fr] -> speaker embedding [B, dim]: norm, project, bidirectional layers, time mean."""

    def __init__(self, filters: int, dim: int, depth: int, **block_args):
        super().__init__()
        self.in_norm = RMSNorm(filters)
        self.in_proj = nn.Linear(filters, dim)
        self.stack = MambaStack(dim, depth, True, **block_args)
        self.out_norm = RMSNorm(dim)

    def forward(self, ref_feats: Tensor) -> Tensor:
        h = self.stack(self.in_proj(self.in_norm(ref_feats.transpose(1, 2))))
        return self.out_norm(h.mean(dim=1))


class FiLMStack(nn.Module):
    """MambaLayers of one width, each preceded by FiLM from the speaker embedding."""

    def __init__(self, dim: int, depth: int, embed_dim: int, bidirectional: bool, **block_args):
        super().__init__()
        self.layers = nn.ModuleList([MambaLayer(dim, bidirectional, **block_args) for _ in range(depth)])
        self.films = nn.ModuleList([nn.Linear(embed_dim, 2 * dim) for _ in range(depth)])

    def forward(self, x: Tensor, embedding: Tensor) -> Tensor:
        for layer, film in zip(self.layers, self.films):
            scale_shift = film(embedding).unsqueeze(1)  # [B, 1, 2 * dim], the same for every frame
            scale, shift = scale_shift.chunk(2, dim=-1)
            x = layer(x * (1.0 + scale) + shift)
        return x
