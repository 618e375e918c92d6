"""Speech corpora, mixture generation, datasets and packing for TSE training."""
