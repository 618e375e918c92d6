package org.tsestudio.training;

/** Test-only stand-in in a package the engine must not use (see EngineArchitectureRulesTest). */
public final class TrainingStandIn {}
