package org.tsestudio.cli;

/** Test-only stand-in in a package the engine must not use (see EngineArchitectureRulesTest). */
public final class CliStandIn {}
