"""The training loop and its parts: config, data order, schedule, checkpoints, logging, distributed helpers."""
