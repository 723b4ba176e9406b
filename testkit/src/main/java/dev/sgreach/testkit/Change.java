package dev.sgreach.testkit;

import dev.sgreach.model.Network;

/**
 * A change under test: the network before it (a snapshot) and after it (the snapshot with a Terraform plan or an
 * eksctl ClusterConfig applied, or a second snapshot). Injected by {@link SgreachExtension} when
 * {@link SgreachSnapshot#plan()} or {@link SgreachSnapshot#eksctl()} names a change, and asserted on with
 * {@link SgreachAssertions#assertThat(Change)}.
 *
 * @param before the network before the change
 * @param after the network after it
 * @param description what changed, as shown in failure messages ({@code examples/minimal with plan.json})
 */
public record Change(Network before, Network after, String description) {
  public Change {
    if (before == null || after == null) {
      throw new IllegalArgumentException("a change needs the network before it and after it");
    }
    description = description == null || description.isEmpty() ? "the change" : description;
  }
}
