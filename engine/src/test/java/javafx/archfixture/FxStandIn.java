package javafx.archfixture;

/** Test-only stand-in in a package the engine must not use (see EngineArchitectureRulesTest). */
public final class FxStandIn {}
