"""TSE Studio training package: models, data, training and export for target speaker extraction."""
