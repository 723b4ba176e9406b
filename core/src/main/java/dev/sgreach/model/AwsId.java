package dev.sgreach.model;


/**
 * The forms of the AWS identifiers sgreach reads from snapshots and prints in commands: resource ids (a prefix such
 * as {@code sg}, a hyphen, then letters and digits: {@code sg-0a1b2c3d4e5f60718}), account ids and EKS cluster
 * names. The one place that decides whether a value is an identifier of a kind; readers refuse anything else, so that
 * no identifier taken from a snapshot can carry shell syntax ({@code sg-0a1b$(touch X)}), spaces, quotes or control
 * characters into a printed {@code aws ec2} command.
 *
 * <p>AWS documents a resource id as its prefix, a hyphen and "a unique combination of letters and numbers", 8 of them
 * before 2016 and 17 since ({@code i-1a2b3c4d}, {@code i-1234567890abcdef0}); the ones it makes are lowercase
 * hexadecimal. sgreach accepts 1 to 17 lowercase ASCII letters or digits after the prefix: every id AWS makes, and the
 * short hand-written ids of test snapshots ({@code sg-web}, {@code vpc-1}), but nothing longer, no upper case, no
 * second hyphen, and no other character. Account ids are 12 digits at AWS; owners such as {@code amazon-elb} (the
 * classic load balancer's group owner) appear too, so an owner is 1 to 64 ASCII letters, digits and hyphens, starting
 * with a letter or digit. EKS cluster names follow the EKS API: a letter or digit, then up to 99 letters, digits,
 * hyphens and underscores.
 */
public enum AwsId {
  /** {@code sg-}. */
  SECURITY_GROUP("security group", "sg"),
  /** {@code sgr-}: one rule of describe-security-group-rules. */
  SECURITY_GROUP_RULE("security group rule", "sgr"),
  /** {@code eni-}. */
  NETWORK_INTERFACE("network interface", "eni"),
  /** {@code i-}. */
  INSTANCE("instance", "i"),
  /** {@code vpc-}. */
  VPC("VPC", "vpc"),
  /** {@code subnet-}. */
  SUBNET("subnet", "subnet"),
  /** {@code pl-}: a managed or AWS-managed prefix list. */
  PREFIX_LIST("prefix list", "pl"),
  /** {@code pcx-}. */
  VPC_PEERING_CONNECTION("VPC peering connection", "pcx"),
  /** {@code acl-}. */
  NETWORK_ACL("network ACL", "acl"),
  /** {@code rtb-}. */
  ROUTE_TABLE("route table", "rtb"),
  /** {@code igw-}. */
  INTERNET_GATEWAY("internet gateway", "igw"),
  /** {@code eigw-}. */
  EGRESS_ONLY_INTERNET_GATEWAY("egress-only internet gateway", "eigw"),
  /** {@code nat-}. */
  NAT_GATEWAY("NAT gateway", "nat"),
  /** {@code vpce-}. */
  VPC_ENDPOINT("VPC endpoint", "vpce"),
  /** {@code vgw-}. */
  VPN_GATEWAY("virtual private gateway", "vgw"),
  /** {@code tgw-}. */
  TRANSIT_GATEWAY("transit gateway", "tgw"),
  /** {@code tgw-attach-}. */
  TRANSIT_GATEWAY_ATTACHMENT("transit gateway attachment", "tgw-attach"),
  /** {@code tgw-rtb-}. */
  TRANSIT_GATEWAY_ROUTE_TABLE("transit gateway route table", "tgw-rtb"),
  /** {@code cagw-}. */
  CARRIER_GATEWAY("carrier gateway", "cagw"),
  /** {@code lgw-}. */
  LOCAL_GATEWAY("local gateway", "lgw"),
  /** {@code eipalloc-}. */
  ELASTIC_IP_ALLOCATION("Elastic IP allocation", "eipalloc"),
  /** An AWS account id (12 digits) or an AWS service owner such as {@code amazon-elb}. */
  ACCOUNT("AWS account", "-", 64,
      "an account id (12 digits) or an owner such as amazon-elb"),
  /** An EKS cluster name. */
  EKS_CLUSTER_NAME("EKS cluster", "_-", 100,
      "a letter or digit, then up to 99 letters, digits, hyphens and underscores");

  private final String noun;
  private final String prefix;
  /** Besides ASCII letters and digits, the characters a name may hold after its first (none for resource ids). */
  private final String nameOthers;
  /** The longest name (0 for resource ids). */
  private final int nameLength;
  private final String form;

  AwsId(String noun, String prefix) {
    this(noun, prefix, "", 0, prefix + "- and up to 17 lowercase letters or digits");
  }

  AwsId(String noun, String nameOthers, int nameLength, String form) {
    this(noun, null, nameOthers, nameLength, form);
  }

  AwsId(String noun, String prefix, String nameOthers, int nameLength, String form) {
    this.noun = noun;
    this.prefix = prefix;
    this.nameOthers = nameOthers;
    this.nameLength = nameLength;
    this.form = form;
  }

  /** What the id names, e.g. {@code security group}. */
  public String noun() {
    return noun;
  }

  /** The prefix of a resource id without its hyphen ({@code sg}); empty for account ids and cluster names. */
  public String prefix() {
    return prefix == null ? "" : prefix;
  }

  /** True when {@code text} has this kind's form. */
  public boolean matches(String text) {
    if (text == null) {
      return false;
    }
    if (prefix == null) {
      return isName(text);
    }
    // the resource-id form read by hand: a snapshot holds hundreds of thousands of ids
    int n = prefix.length();
    int length = text.length() - n - 1;
    if (length < 1 || length > 17 || !text.startsWith(prefix) || text.charAt(n) != '-') {
      return false;
    }
    for (int i = n + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z')) {
        return false;
      }
    }
    return true;
  }

  /** An account id or cluster name: an ASCII letter or digit, then letters, digits or {@link #nameOthers}. */
  private boolean isName(String text) {
    if (text.isEmpty() || text.length() > nameLength) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
          || i > 0 && nameOthers.indexOf(c) >= 0)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The text, when it has this kind's form.
   *
   * @throws IllegalArgumentException {@code 'sg-0a1b$(touch X)' is not a security group id (sg- and up to 17
   *     lowercase letters or digits)}, the value escaped and shortened ({@link Echo#quote})
   */
  public String check(String text) {
    if (!matches(text)) {
      throw new IllegalArgumentException(Echo.quote(String.valueOf(text)) + " is not " + description());
    }
    return text;
  }

  /** {@code a security group id (sg- and up to 17 lowercase letters or digits)}, for messages. */
  public String description() {
    String what = this == ACCOUNT ? "an AWS account" : this == EKS_CLUSTER_NAME ? "an EKS cluster name"
        : (startsWithVowelSound(noun) ? "an " : "a ") + noun + " id";
    return what + " (" + form + ")";
  }

  private static boolean startsWithVowelSound(String word) {
    return "aeiouAEIOU".indexOf(word.charAt(0)) >= 0;
  }
}
