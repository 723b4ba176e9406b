package dev.sgreach.testkit;

import dev.sgreach.eks.EksCluster;
import dev.sgreach.eksctl.EksctlConfig;
import dev.sgreach.planned.PlannedNetwork;
import dev.sgreach.planned.Unknown;
import dev.sgreach.terraform.TerraformPlan;
import dev.sgreach.engine.PodSecurityGroupMode;
import dev.sgreach.engine.Reachability;
import dev.sgreach.model.Network;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * The JUnit 5 extension behind {@link SgreachSnapshot}: injects a {@link Network}, a {@link Reachability} (the
 * engine compiled over it) or an {@link EksCluster} (one cluster of it, named by {@link SgreachSnapshot#cluster()})
 * into static and instance fields annotated {@code @SgreachSnapshot} and into test and lifecycle method parameters of
 * those types. Each folder is loaded once per test class, through {@link NetworkSource#lookup(String)}, and kept in
 * the class's extension store with the engine and the clusters recognised in it.
 *
 * <p>Works on JUnit Jupiter 5.10 and later, 5.x and 6.x alike: the testkit is compiled against the Jupiter API of
 * 5.10 and uses nothing added since (it keeps values with {@code Store.getOrComputeIfAbsent}, which 6.x still has,
 * deprecated in favour of {@code computeIfAbsent}, new in 6.0). The build runs a consumer project on 5.10, 5.14 and
 * 6.1 to keep it so.
 */
public final class SgreachExtension implements BeforeAllCallback, TestInstancePostProcessor, ParameterResolver,
    org.junit.jupiter.api.extension.AfterEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SgreachExtension.class);

  /** Made by JUnit through {@code @ExtendWith}. */
  public SgreachExtension() {}

  /** Fails the test when it left a {@code canReach(x)} or {@code cannotReach(x)} chain unfinished. */
  @Override
  public void afterEach(ExtensionContext context) {
    Unfinished.check();
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    injectFields(null, context);
  }

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
    injectFields(testInstance, context);
  }

  private void injectFields(Object instance, ExtensionContext context) throws IllegalAccessException {
    for (Class<?> c = context.getRequiredTestClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        SgreachSnapshot a = f.getAnnotation(SgreachSnapshot.class);
        if (a == null || Modifier.isStatic(f.getModifiers()) != (instance == null)) {
          continue;
        }
        if (!supports(f.getType())) {
          throw new ExtensionConfigurationException("@SgreachSnapshot field " + c.getSimpleName() + "." + f.getName()
              + " has type " + f.getType().getSimpleName() + "; use Network, Reachability, EksCluster or Change");
        }
        if (Modifier.isFinal(f.getModifiers())) {
          throw new ExtensionConfigurationException(
              "@SgreachSnapshot field " + c.getSimpleName() + "." + f.getName() + " must not be final");
        }
        f.setAccessible(true);
        f.set(instance, value(f.getType(), folder(a.value(), context), cluster(a.cluster(), context), context));
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return supports(parameter.getParameter().getType())
        && (parameter.isAnnotated(SgreachSnapshot.class) || classFolder(context).isPresent());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Optional<SgreachSnapshot> own = parameter.findAnnotation(SgreachSnapshot.class);
    return value(parameter.getParameter().getType(), folder(own.map(SgreachSnapshot::value).orElse(""), context),
        cluster(own.map(SgreachSnapshot::cluster).orElse(""), context), context);
  }

  private static boolean supports(Class<?> type) {
    return type == Network.class || type == Reachability.class || type == EksCluster.class || type == Change.class;
  }

  private static Optional<String> classFolder(ExtensionContext context) {
    return classAttribute(context, SgreachSnapshot::value);
  }

  /** An attribute of the nearest {@code @SgreachSnapshot} on the test class or an enclosing class that sets it. */
  private static Optional<String> classAttribute(ExtensionContext context, Function<SgreachSnapshot, String> attr) {
    for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
      SgreachSnapshot a = c.getAnnotation(SgreachSnapshot.class);
      if (a != null && !attr.apply(a).isEmpty()) {
        return Optional.of(attr.apply(a));
      }
    }
    return Optional.empty();
  }

  /** The cluster's name: the field's or parameter's, else the class's, else empty for the snapshot's only one. */
  private static String cluster(String own, ExtensionContext context) {
    return own.isEmpty() ? classAttribute(context, SgreachSnapshot::cluster).orElse("") : own;
  }

  private static String folder(String own, ExtensionContext context) {
    if (!own.isEmpty()) {
      return own;
    }
    return classFolder(context).orElseThrow(() -> new ExtensionConfigurationException(
        "no snapshot folder: annotate " + context.getRequiredTestClass().getSimpleName()
            + " with @SgreachSnapshot(\"examples/...\") or give the folder on the field or parameter"));
  }

  private static Object value(Class<?> type, String folder, String cluster, ExtensionContext context) {
    String plan = classAttribute(context, SgreachSnapshot::plan).orElse("");
    String eksctl = classAttribute(context, SgreachSnapshot::eksctl).orElse("");
    PodSecurityGroupMode pods = podMode(classAttribute(context, SgreachSnapshot::podSgMode).orElse(""));
    Loaded loaded = classContext(context).getStore(NAMESPACE)
        .getOrComputeIfAbsent(folder + "\n" + plan + "\n" + eksctl + "\n" + pods,
            f -> new Loaded(NetworkSource.lookup(folder), plan, eksctl, pods), Loaded.class);
    if (type == EksCluster.class) {
      return loaded.cluster(cluster, folder);
    }
    if (type == Change.class) {
      return loaded.change().orElseThrow(() -> new ExtensionConfigurationException("a Change needs a change: "
          + "name it with @SgreachSnapshot(value = ..., plan = \"plan.json\") or eksctl = \"cluster.yaml\""));
    }
    return type == Reachability.class ? loaded.reachability() : loaded.network();
  }

  /** The mode {@link SgreachSnapshot#podSgMode()} names; empty for the default. */
  static PodSecurityGroupMode podMode(String text) {
    if (text.isEmpty()) {
      return PodSecurityGroupMode.DEFAULT;
    }
    try {
      return PodSecurityGroupMode.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException("@SgreachSnapshot(podSgMode = \"" + text + "\"): write strict or"
          + " standard (the VPC CNI's POD_SECURITY_GROUP_ENFORCING_MODE)", e);
    }
  }

  /** The context of the test class, whose store lives as long as the class's tests. */
  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }

  /** One loaded source: the network, the engine over it, compiled once, and its clusters, each recognised once. */
  static final class Loaded {
    private final Network network;
    private final Reachability reachability;
    private final Map<String, EksCluster> clusters = new ConcurrentHashMap<>();
    private final PodSecurityGroupMode pods;

    private final Optional<Change> change;

    Loaded(NetworkSource source) {
      this(source, "", "", PodSecurityGroupMode.DEFAULT);
    }

    Loaded(NetworkSource source, String plan, String eksctl, PodSecurityGroupMode pods) {
      this.pods = pods;
      Network base;
      try {
        base = source.load();
      } catch (RuntimeException e) {
        throw new ExtensionConfigurationException("cannot load " + source.describe() + ": " + e.getMessage(), e);
      }
      if (!plan.isEmpty() && !eksctl.isEmpty()) {
        throw new ExtensionConfigurationException("@SgreachSnapshot names a plan and an eksctl file: give one");
      }
      String file = plan.isEmpty() ? eksctl : plan;
      if (file.isEmpty()) {
        this.network = base;
        this.change = Optional.empty();
      } else {
        PlannedNetwork planned;
        try {
          java.nio.file.Path path = SnapshotSource.findFile(file);
          planned = plan.isEmpty() ? EksctlConfig.read(path).over(base) : TerraformPlan.read(path).applyTo(base);
        } catch (RuntimeException e) {
          throw new ExtensionConfigurationException("cannot apply " + file + " to " + source.describe() + ": "
              + e.getMessage(), e);
        }
        this.network = planned.network();
        this.change = Optional.of(new Change(base, network, source.describe() + " with " + file
            + (planned.complete() ? "" : " (not placed completely: " + planned.unknowns(Unknown.Kind.UNPLACED).size()
            + " change(s) left out)")));
      }
      this.reachability = Engines.remember(Reachability.of(network, java.util.EnumSet.allOf(
          dev.sgreach.model.Layer.class), pods));
    }

    Optional<Change> change() {
      return change;
    }

    Network network() {
      return network;
    }

    Reachability reachability() {
      return reachability;
    }

    /** The cluster of this name; an empty name means the only cluster of the snapshot. */
    EksCluster cluster(String name, String folder) {
      String chosen = name;
      if (chosen.isEmpty()) {
        List<String> names = EksCluster.names(network);
        if (names.size() != 1) {
          throw new ExtensionConfigurationException("snapshot " + folder + (names.isEmpty()
              ? " shows no EKS cluster"
              : " has EKS clusters " + String.join(", ", names) + ": name one with @SgreachSnapshot(cluster = ...)"));
        }
        chosen = names.get(0);
      }
      return clusters.computeIfAbsent(chosen, n -> {
        try {
          return EksCluster.of(network, n).withPodSecurityGroupMode(pods);
        } catch (IllegalArgumentException e) {
          throw new ExtensionConfigurationException("snapshot " + folder + ": " + e.getMessage(), e);
        }
      });
    }
  }
}
