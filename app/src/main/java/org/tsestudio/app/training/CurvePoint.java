package org.tsestudio.app.training;

/** One point of a training curve: the value of a metric at a training step. */
public record CurvePoint(long step, double value) {}
