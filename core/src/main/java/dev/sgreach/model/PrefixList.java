package dev.sgreach.model;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;
import java.util.Optional;

/**
 * A managed prefix list ({@code pl-...}): a named set of CIDR blocks that a rule can name as its peer. AWS-managed
 * lists (S3, DynamoDB, CloudFront) and customer-managed lists behave the same for matching.
 *
 * <p>When the entries were not collected ({@code GetManagedPrefixListEntries} missing), {@link #entries()} is empty
 * and every rule naming the list makes the verdicts that depend on it <b>unknown</b>.
 *
 * @param id {@code pl-...}
 * @param name the list's name, e.g. {@code com.amazonaws.us-east-1.s3}
 * @param entries the CIDR blocks, or empty when not known
 */
public record PrefixList(String id, String name, Optional<ImmutableList<Cidr>> entries) {
  public PrefixList {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("prefix list needs a PrefixListId");
    }
    name = name == null ? "" : name;
    entries = entries == null ? Optional.empty() : entries;
  }

  /** A list with known entries. */
  public static PrefixList of(String id, String name, String... cidrs) {
    return new PrefixList(id, name,
        Optional.of(Arrays.stream(cidrs).map(Cidr::parse).collect(ImmutableList.toImmutableList())));
  }

  /** A list whose entries are known. */
  public static PrefixList of(String id, String name, Iterable<Cidr> cidrs) {
    return new PrefixList(id, name, Optional.of(ImmutableList.copyOf(cidrs)));
  }

  /** A list known by id and name only: its entries were not collected. */
  public static PrefixList withUnknownEntries(String id, String name) {
    return new PrefixList(id, name, Optional.empty());
  }

  /** True when the entries are known. */
  public boolean entriesKnown() {
    return entries.isPresent();
  }

  @Override
  public String toString() {
    return name.isEmpty() ? id : id + " (" + name + ")";
  }
}
