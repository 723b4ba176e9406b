package dev.sgreach.eks;

import dev.sgreach.model.NetworkInterface;
import dev.sgreach.model.SecurityGroup;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the AWS Load Balancer Controller decides about target groups (DOMAIN.md section 3): which group on a target
 * ENI receives the backend rule, and the names it gives its groups. Used by the builder to place rules and by the
 * checks to know where rules must be.
 */
final class Lbc {
  private Lbc() {}

  /**
   * The target group chosen on an ENI ({@code resolveEndpointSGForENI}): with exactly one group, that one (tags
   * ignored); otherwise the one group tagged {@code kubernetes.io/cluster/<cluster>}; none or several is the LBC's
   * reconcile error {@code expected exactly one securityGroup tagged with ...}.
   *
   * @param groupId the chosen group, empty on error
   * @param reason why this one, or the error
   */
  record Choice(Optional<String> groupId, String reason) {}

  static Choice targetGroup(NetworkInterface eni, Map<String, SecurityGroup> groups, String cluster) {
    List<String> ids = eni.securityGroupIds();
    if (ids.size() == 1) {
      return new Choice(Optional.of(ids.get(0)), "the only group on " + eni.id());
    }
    String key = EksTags.clusterTag(cluster);
    List<String> tagged = ids.stream()
        .filter(id -> groups.containsKey(id) && groups.get(id).tags().containsKey(key)).toList();
    if (tagged.size() == 1) {
      return new Choice(Optional.of(tagged.get(0)), "the one group on " + eni.id() + " tagged " + key);
    }
    return new Choice(Optional.empty(), "expected exactly one securityGroup tagged with " + key + " for eni "
        + eni.id() + ", got: " + tagged + " (groups " + ids + ")");
  }

  private static String alnum(String s, int max) {
    String t = s.replaceAll("[^A-Za-z0-9]", "");
    return t.length() > max ? t.substring(0, max) : t;
  }

  /** {@code k8s-<ns≤8>-<name≤8>-<hash10>}: the managed SG and ALB name of an implicit IngressGroup. */
  static String ingressName(String cluster, String namespace, String ingress) {
    return "k8s-" + alnum(namespace, 8) + "-" + alnum(ingress, 8) + "-"
        + Ids.hex(cluster + namespace + "/" + ingress, 10);
  }

  /** {@code k8s-traffic-<cluster≤232>-<hash10>}: the shared backend SG's name. */
  static String backendName(String cluster) {
    return "k8s-traffic-" + alnum(cluster, 232) + "-" + Ids.hex(cluster, 10);
  }
}
