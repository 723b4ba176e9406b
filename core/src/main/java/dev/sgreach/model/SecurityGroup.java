package dev.sgreach.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An AWS security group: its id ({@code sg-...}), name, VPC, owning account, description, tags, and its inbound and
 * outbound rules, one rule per peer.
 *
 * <p>A group only allows; every group on an ENI adds to the same union. A new group made by EC2 has no inbound
 * rules and one outbound rule allowing all traffic to {@code 0.0.0.0/0}; sgreach models exactly the rules it is given.
 *
 * <pre>{@code
 * SecurityGroup web = SecurityGroup.builder("sg-web").name("web").vpc("vpc-1")
 *     .allowIn(Ports.tcp(443), Peer.cidr("0.0.0.0/0"))
 *     .allowOut(Ports.allTraffic(), Peer.cidr("0.0.0.0/0"))
 *     .build();
 * }</pre>
 */
public record SecurityGroup(
    String id,
    String name,
    String vpcId,
    String ownerId,
    String description,
    ImmutableMap<String, String> tags,
    ImmutableList<Rule> ingress,
    ImmutableList<Rule> egress) {

  public SecurityGroup {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("security group needs a GroupId");
    }
    name = name == null ? "" : name;
    vpcId = vpcId == null ? "" : vpcId;
    ownerId = ownerId == null ? "" : ownerId;
    description = description == null ? "" : description;
    tags = tags == null ? ImmutableMap.of() : tags;
    ingress = ingress == null ? ImmutableList.of() : ingress;
    egress = egress == null ? ImmutableList.of() : egress;
    for (Rule r : ingress) {
      if (r.direction() != Direction.INGRESS) {
        throw new IllegalArgumentException(id + ": outbound rule '" + r + "' is listed among the inbound rules");
      }
    }
    for (Rule r : egress) {
      if (r.direction() != Direction.EGRESS) {
        throw new IllegalArgumentException(id + ": inbound rule '" + r + "' is listed among the outbound rules");
      }
    }
  }

  /** A builder for the group with this id. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** A builder that starts from this group, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder(id).name(name).vpc(vpcId).owner(ownerId).description(description);
    b.tags.putAll(tags);
    b.rules.addAll(ingress);
    b.rules.addAll(egress);
    return b;
  }

  /** The inbound or outbound rules. */
  public ImmutableList<Rule> rules(Direction direction) {
    return direction == Direction.INGRESS ? ingress : egress;
  }

  /** The value of tag {@code key}, if present. */
  public Optional<String> tag(String key) {
    return Optional.ofNullable(tags.get(key));
  }

  /** {@code sg-0a1 (web)} or just the id when the group has no name. */
  public String label() {
    return name.isEmpty() ? id : id + " (" + name + ")";
  }

  @Override
  public String toString() {
    return label();
  }

  /** Builds a {@link SecurityGroup}; rules keep the order they are added in. */
  public static final class Builder {
    private final String id;
    private String name = "";
    private String vpcId = "";
    private String ownerId = "";
    private String description = "";
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final List<Rule> rules = new ArrayList<>();

    private Builder(String id) {
      this.id = id;
    }

    /** The group name ({@code GroupName}). */
    public Builder name(String value) {
      this.name = value;
      return this;
    }

    /** The VPC the group belongs to. */
    public Builder vpc(String value) {
      this.vpcId = value;
      return this;
    }

    /** The owning account ({@code OwnerId}). */
    public Builder owner(String value) {
      this.ownerId = value;
      return this;
    }

    /** The group description. */
    public Builder description(String value) {
      this.description = value;
      return this;
    }

    /** Adds or replaces a tag. */
    public Builder tag(String key, String value) {
      tags.put(key, value);
      return this;
    }

    /** Adds a rule of either direction. */
    public Builder rule(Rule rule) {
      rules.add(rule);
      return this;
    }

    /** Adds an inbound rule. */
    public Builder allowIn(Ports ports, Peer from) {
      return rule(Rule.ingress(ports, from));
    }

    /** Adds an inbound rule with a description. */
    public Builder allowIn(Ports ports, Peer from, String description) {
      return rule(Rule.ingress(ports, from).withDescription(description));
    }

    /** Adds an outbound rule. */
    public Builder allowOut(Ports ports, Peer to) {
      return rule(Rule.egress(ports, to));
    }

    /** Adds an outbound rule with a description. */
    public Builder allowOut(Ports ports, Peer to, String description) {
      return rule(Rule.egress(ports, to).withDescription(description));
    }

    /** Removes every rule equal to {@code rule}. */
    public Builder removeRule(Rule rule) {
      rules.removeIf(rule::equals);
      return this;
    }

    /** Removes every rule. */
    public Builder clearRules() {
      rules.clear();
      return this;
    }

    /** The group. */
    public SecurityGroup build() {
      ImmutableList.Builder<Rule> in = ImmutableList.builder();
      ImmutableList.Builder<Rule> out = ImmutableList.builder();
      for (Rule r : rules) {
        (r.direction() == Direction.INGRESS ? in : out).add(r);
      }
      return new SecurityGroup(id, name, vpcId, ownerId, description, ImmutableMap.copyOf(tags), in.build(),
          out.build());
    }
  }
}
