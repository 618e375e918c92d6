"""The training objective named by ``config.loss``, built from ``tsestudio.losses`` (computed in float32)."""

from typing import Callable

import torch

Objective = Callable[[torch.Tensor, torch.Tensor], torch.Tensor]


def make_objective(name: str, stft_weight: float) -> Objective:
    from tsestudio import losses

    def negative_si_sdr(estimate, target):
        return losses.neg_si_sdr_loss(estimate.float(), target.float())

    def negative_sdr(estimate, target):
        return -losses.sdr(estimate.float(), target.float()).mean()

    def spectral(estimate, target):
        return losses.multi_res_stft_loss(estimate.float(), target.float())

    def combined(estimate, target):
        return negative_si_sdr(estimate, target) + stft_weight * spectral(estimate, target)

    return {"si_sdr": negative_si_sdr, "sdr": negative_sdr, "mrstft": spectral, "si_sdr+mrstft": combined}[name]
