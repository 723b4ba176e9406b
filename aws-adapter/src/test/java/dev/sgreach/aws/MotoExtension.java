package dev.sgreach.aws;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a running {@link MotoServer}: one per test run (started on first use, stopped when JUnit closes the
 * root store), reset before each test. Declare a {@code MotoServer} parameter to get it.
 */
final class MotoExtension implements BeforeEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MotoExtension.class);

  static MotoServer server(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE).computeIfAbsent(MotoServer.class, k -> MotoServer.start(),
        MotoServer.class);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    server(context).reset();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == MotoServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return server(context);
  }
}
