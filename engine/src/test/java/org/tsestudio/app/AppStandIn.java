package org.tsestudio.app;

/** Test-only stand-in in a package the engine must not use (see EngineArchitectureRulesTest). */
public final class AppStandIn {}
