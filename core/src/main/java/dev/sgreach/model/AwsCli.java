package dev.sgreach.model;


/**
 * The {@code aws ec2} commands sgreach prints for security-group rules: {@link #authorize} adds a rule (a fix),
 * {@link #revoke} removes one (what admits an unwanted flow). The one place that writes a rule as the AWS CLI's
 * {@code --ip-permissions}; every value goes through {@link ShellWord}, and a command whose group, peer group or
 * prefix-list id is not an id's form is printed as a harmless shell comment instead ({@link ShellWord#notPrinted}).
 *
 * <p>A revoke names the rule by its {@code sgr-...} id when the snapshot has it
 * ({@code --security-group-rule-ids}), which removes exactly that rule; otherwise by its permission (protocol, ports
 * and peer), which AWS matches against the group's rules regardless of description.
 */
public final class AwsCli {
  /** What a rule description may hold (AWS: a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$*), brackets left out. */
  private static final String DESCRIPTION_PUNCTUATION = " ._:/()#,@+=&;{}!$*-";

  private AwsCli() {}

  /** The text with every character a rule description may not hold (or a shorthand value would misread) removed. */
  public static String description(String text) {
    StringBuilder b = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || DESCRIPTION_PUNCTUATION.indexOf(c) >= 0;
      if (!allowed && b == null) {
        b = new StringBuilder(text.length()).append(text, 0, i);
      } else if (allowed && b != null) {
        b.append(c);
      }
    }
    return b == null ? text : b.toString();
  }

  /** {@code aws ec2 authorize-security-group-ingress --group-id G --ip-permissions P}: adds the rule to the group. */
  public static String authorize(String groupId, Rule rule) {
    try {
      return "aws ec2 " + rule.direction().authorizeCommand() + " --group-id " + ShellWord.id(groupId)
          + " --ip-permissions " + ShellWord.quote(permission(rule, true));
    } catch (IllegalArgumentException e) {
      return ShellWord.notPrinted(e);
    }
  }

  /**
   * {@code aws ec2 revoke-security-group-ingress --group-id G --security-group-rule-ids sgr-...} (or
   * {@code --ip-permissions P} when the rule id is not known): removes the rule from the group.
   */
  public static String revoke(String groupId, Rule rule) {
    try {
      String what = rule.ruleId().isEmpty()
          ? " --ip-permissions " + ShellWord.quote(permission(rule, false))
          : " --security-group-rule-ids " + ShellWord.id(rule.ruleId());
      return "aws ec2 " + rule.direction().revokeCommand() + " --group-id " + ShellWord.id(groupId) + what;
    } catch (IllegalArgumentException e) {
      return ShellWord.notPrinted(e);
    }
  }

  /** The rule in the CLI's shorthand, e.g. {@code IpProtocol=tcp,FromPort=443,ToPort=443,UserIdGroupPairs=[...]}. */
  private static String permission(Rule rule, boolean withDescription) {
    Ports p = rule.ports();
    StringBuilder perm = new StringBuilder("IpProtocol=").append(p.protocol().awsName());
    if (p.protocol().hasPorts() || p.protocol().isIcmp()) {
      perm.append(",FromPort=").append(p.awsFromPort()).append(",ToPort=").append(p.awsToPort());
    }
    String text = withDescription ? description(rule.description()) : "";
    String desc = text.isEmpty() ? "" : ",Description=\"" + text + "\"";
    Peer peer = rule.peer();
    if (peer instanceof Peer.CidrPeer c) {
      if (c.cidr().isIpv4()) {
        perm.append(",IpRanges=[{CidrIp=").append(c.cidr().toCidrString()).append(desc).append("}]");
      } else {
        perm.append(",Ipv6Ranges=[{CidrIpv6=").append(c.cidr().toCidrString()).append(desc).append("}]");
      }
    } else if (peer instanceof Peer.GroupPeer g) {
      perm.append(",UserIdGroupPairs=[{GroupId=").append(checked(g.groupId()));
      if (g.userId() != null && !g.userId().isEmpty()) {
        perm.append(",UserId=").append(checked(g.userId()));
      }
      perm.append(desc).append("}]");
    } else if (peer instanceof Peer.PrefixListPeer pl) {
      perm.append(",PrefixListIds=[{PrefixListId=").append(checked(pl.prefixListId())).append(desc).append("}]");
    }
    return perm.toString();
  }

  /** An id inside the shorthand: checked, not quoted (the whole shorthand value is one quoted word). */
  private static String checked(String id) {
    ShellWord.id(id);
    return id;
  }
}
