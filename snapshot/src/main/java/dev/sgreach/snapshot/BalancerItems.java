package dev.sgreach.snapshot;

import static dev.sgreach.snapshot.ResponseItems.set;
import static dev.sgreach.snapshot.ResponseItems.strings;

import com.google.common.collect.ImmutableList;
import dev.sgreach.model.AwsId;
import dev.sgreach.model.Listener;
import dev.sgreach.model.TargetGroup;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads one item of each Elastic Load Balancing v2 response beyond describe-load-balancers: listeners, target groups,
 * and sgreach's per-group wrappers of describe-target-group-attributes and describe-target-health (see
 * {@link ResponseKind#TARGET_GROUP_ATTRIBUTES}, {@link ResponseKind#TARGET_HEALTH}). How they join their load
 * balancers and groups is {@link BalancerParts}'.
 */
final class BalancerItems {
  private BalancerItems() {}

  /** The attribute that says whether an NLB's targets see the client's address. */
  static final String PRESERVE_CLIENT_IP = "preserve_client_ip.enabled";

  /** The item reader of an ELBv2 kind. */
  static ResponseItems.ItemReader of(ResponseKind kind) {
    return switch (kind) {
      case LISTENERS -> BalancerItems::listener;
      case BATFISH_LISTENERS -> BalancerItems::batfishListeners;
      case TARGET_GROUPS -> BalancerItems::targetGroup;
      case TARGET_GROUP_ATTRIBUTES -> BalancerItems::attributes;
      case TARGET_HEALTH -> BalancerItems::health;
      default -> throw new IllegalArgumentException(kind + " is not an ELBv2 response of BalancerItems");
    };
  }

  /** What describe-listeners always returns for a listener. */
  static final Required LISTENER = Required.lists("elbv2 describe-listeners")
      .values("ListenerArn", "LoadBalancerArn", "Port", "Protocol");

  private static Consumer<NetworkAssembler> listener(JsonIn in, Location at) throws IOException {
    String[] f = new String[3]; // ListenerArn, LoadBalancerArn, Protocol
    Integer[] port = new Integer[1];
    return in.item(at, LISTENER, name -> switch (name) {
      case "ListenerArn" -> set(f, 0, in.string(at, name));
      case "LoadBalancerArn" -> set(f, 1, in.string(at, name));
      case "Protocol" -> set(f, 2, in.string(at, name));
      case "Port" -> {
        port[0] = in.integer(at, name);
        yield true;
      }
      default -> false;
    }, () -> {
      if (port[0] == null) {
        throw Required.missing(at.field("Port"), "elbv2 describe-listeners", false);
      }
      Listener l = at.build(() -> new Listener(at.field("ListenerArn").require(f[0]),
          at.field("LoadBalancerArn").require(f[1]), at.field("Protocol").require(f[2]), port[0]));
      return a -> a.balancers().listener(l, at);
    });
  }

  /** An entry of Batfish's listeners wrapper: one load balancer's describe-listeners answer. */
  static final Required BATFISH_ENTRY = Required.lists("Batfish LoadBalancerListeners", "Listeners");

  private static Consumer<NetworkAssembler> batfishListeners(JsonIn in, Location at) throws IOException {
    List<Consumer<NetworkAssembler>> each = new ArrayList<>();
    return in.item(at, BATFISH_ENTRY, name -> {
      if (!name.equals("Listeners")) {
        return false;
      }
      in.array(at.field(name), (i, el) -> each.add(listener(in, el)));
      return true;
    }, () -> a -> each.forEach(c -> c.accept(a)));
  }

  /** What describe-target-groups always returns for a group (LoadBalancerArns empty when none forwards to it). */
  static final Required TARGET_GROUP = Required.lists("elbv2 describe-target-groups", "LoadBalancerArns")
      .values("TargetGroupArn");

  private static Consumer<NetworkAssembler> targetGroup(JsonIn in, Location at) throws IOException {
    String[] f = new String[5]; // TargetGroupArn, TargetGroupName, Protocol, TargetType, VpcId
    Integer[] port = new Integer[1];
    List<List<String>> lbs = new ArrayList<>(List.of(List.of()));
    return in.item(at, TARGET_GROUP, name -> switch (name) {
      case "TargetGroupArn" -> set(f, 0, in.string(at, name));
      case "TargetGroupName" -> set(f, 1, in.string(at, name));
      case "Protocol" -> set(f, 2, in.string(at, name));
      case "TargetType" -> set(f, 3, in.string(at, name));
      case "VpcId" -> set(f, 4, in.string(at, name));
      case "Port" -> {
        port[0] = in.integer(at, name);
        yield true;
      }
      case "LoadBalancerArns" -> {
        lbs.set(0, strings(in, at.field(name)));
        yield true;
      }
      default -> false;
    }, () -> {
      String arn = at.field("TargetGroupArn").require(f[0]);
      String vpc = AwsValues.id(AwsId.VPC, f[4], at, "VpcId");
      TargetGroup g = at.build(() -> new TargetGroup(arn, f[1], f[2], port[0] == null ? 0 : port[0], f[3], vpc,
          ImmutableList.copyOf(lbs.get(0))));
      return a -> a.balancers().targetGroup(g, at);
    });
  }

  /** An entry of the attributes wrapper: the group's ARN and describe-target-group-attributes' list. */
  static final Required ATTRIBUTES = Required.lists("elbv2 describe-target-group-attributes", "Attributes")
      .values("TargetGroupArn");

  private static Consumer<NetworkAssembler> attributes(JsonIn in, Location at) throws IOException {
    String[] arn = new String[1];
    Optional<?>[] preserve = {Optional.empty()};
    return in.item(at, ATTRIBUTES, name -> switch (name) {
      case "TargetGroupArn" -> set(arn, 0, in.string(at, name));
      case "Attributes" -> {
        java.util.Map<String, String> kv = new java.util.LinkedHashMap<>();
        Location list = at.field(name);
        ResponseItems.tags(in, list, kv);
        String v = kv.get(PRESERVE_CLIENT_IP);
        if (v != null) {
          if (!v.equals("true") && !v.equals("false")) {
            throw list.fail(v, PRESERVE_CLIENT_IP + " is neither true nor false");
          }
          preserve[0] = Optional.of(Boolean.parseBoolean(v));
        }
        yield true;
      }
      default -> false;
    }, () -> {
      String group = at.field("TargetGroupArn").require(arn[0]);
      Optional<Boolean> value = preserve[0].map(Boolean.class::cast);
      return a -> a.balancers().attributes(group, value, at);
    });
  }

  /** An entry of the target-health wrapper: the group's ARN and describe-target-health's list. */
  static final Required HEALTH = Required.lists("elbv2 describe-target-health", "TargetHealthDescriptions")
      .values("TargetGroupArn");

  private static Consumer<NetworkAssembler> health(JsonIn in, Location at) throws IOException {
    String[] arn = new String[1];
    List<Object[]> targets = new ArrayList<>(); // Id, Port (may be null), location
    return in.item(at, HEALTH, name -> switch (name) {
      case "TargetGroupArn" -> set(arn, 0, in.string(at, name));
      case "TargetHealthDescriptions" -> {
        in.array(at.field(name), (i, el) -> {
          int before = targets.size();
          in.requiredObject(el, n -> {
            if (!n.equals("Target")) {
              return false;
            }
            Location t = el.field(n);
            String[] id = new String[1];
            Integer[] port = new Integer[1];
            in.requiredObject(t, m -> switch (m) {
              case "Id" -> set(id, 0, in.string(t, m));
              case "Port" -> {
                port[0] = in.integer(t, m);
                yield true;
              }
              default -> false;
            });
            targets.add(new Object[] {t.field("Id").require(id[0]), port[0], t});
            return true;
          });
          if (targets.size() == before) {
            throw Required.missing(el.field("Target"), "elbv2 describe-target-health", false);
          }
        });
        yield true;
      }
      default -> false;
    }, () -> {
      String group = at.field("TargetGroupArn").require(arn[0]);
      return a -> a.balancers().targets(group, List.copyOf(targets), at);
    });
  }
}
