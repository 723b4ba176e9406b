package dev.sgreach.testkit;

import dev.sgreach.model.Network;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * A live AWS account, loaded read-only through the AWS adapter ({@code LiveSnapshot.load}, over its
 * {@code LiveLoader}) with the default credential chain (or the named profile). {@code -Dsgreach.endpoint=URL} points
 * the clients at another endpoint (a local test server, like the AWS CLI's {@code --endpoint-url}).
 *
 * <p>The testkit does not depend on the adapter ({@code dev.sgreach:sgreach-aws}, which brings the AWS SDK): offline
 * tests never need it. The adapter is found on the class path by name when a live source is loaded, and without it
 * {@link #load()} fails with a message naming the dependency to add.
 */
record LiveSource(String region, String profile) implements NetworkSource {
  /** The adapter's entry point for live sources, {@code static Network load(String, String, String)}. */
  static final String ENTRY_CLASS = "dev.sgreach.aws.LiveSnapshot";
  /** What to add to a build for live sources. */
  static final String MISSING_ADAPTER = "live loading needs the AWS adapter on the test class path: add the"
      + " dependency dev.sgreach:sgreach-aws (Maven: <dependency><groupId>dev.sgreach</groupId><artifactId>sgreach-aws"
      + "</artifactId><scope>test</scope></dependency>; Gradle: testImplementation(\"dev.sgreach:sgreach-aws\")), or"
      + " leave -D" + REGION_PROPERTY + " and -D" + PROFILE_PROPERTY + " unset to read the snapshot folder";

  @Override
  public Network load() {
    Method entry = entry();
    try {
      return (Network) entry.invoke(null, region, profile, System.getProperty(ENDPOINT_PROPERTY, ""));
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof NoClassDefFoundError missing) {
        throw new IllegalStateException("the AWS adapter dev.sgreach:sgreach-aws is on the class path but a class it"
            + " needs is not (" + missing.getMessage() + "): add sgreach-aws with its dependencies (the AWS SDK v2"
            + " ec2, eks, elasticloadbalancingv2 and url-connection-client), not its jar alone", missing);
      }
      throw new IllegalStateException("live loading failed: " + e.getCause(), e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(ENTRY_CLASS + ".load is not accessible: " + e.getMessage(), e);
    }
  }

  /** The adapter's entry point, or a failure naming the dependency to add. */
  static Method entry() {
    try {
      return Class.forName(ENTRY_CLASS, true, LiveSource.class.getClassLoader())
          .getMethod("load", String.class, String.class, String.class);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(MISSING_ADAPTER, e);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("the sgreach-aws on the class path has no " + ENTRY_CLASS + ".load(String,"
          + " String, String): use the sgreach-aws of the same version as sgreach-testkit (the sgreach-bom aligns"
          + " them)", e);
    } catch (LinkageError e) {
      throw new IllegalStateException("the AWS adapter dev.sgreach:sgreach-aws is on the class path but cannot be"
          + " loaded (" + e + "): add sgreach-aws with its dependencies", e);
    }
  }

  @Override
  public String describe() {
    return "live AWS" + (region.isEmpty() ? "" : " region " + region) + (profile.isEmpty() ? "" : " profile " + profile);
  }
}
