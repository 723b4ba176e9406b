package dev.sgreach.testkit;

import dev.sgreach.engine.Endpoint;
import dev.sgreach.model.Traffic;
import java.util.Optional;

/**
 * A flow a change is expected to open, for {@link ChangeAssert#opensOnly(ExpectedFlow...)}: from an endpoint (or the
 * internet) to an endpoint, one traffic key. Made by {@link SgreachAssertions#flow} and
 * {@link SgreachAssertions#flowFromInternet}.
 *
 * @param from the sender, empty for the internet
 * @param to the receiver
 * @param traffic the traffic
 */
public record ExpectedFlow(Optional<Endpoint> from, Endpoint to, Traffic traffic) {
  public ExpectedFlow {
    if (from == null || to == null || traffic == null) {
      throw new IllegalArgumentException("an expected flow needs a sender (or the internet), a receiver and traffic");
    }
  }

  /** {@code sg-web -> sg-db on tcp/5432}, or {@code internet -> ...}. */
  @Override
  public String toString() {
    return from.map(Endpoint::label).orElse("internet") + " -> " + to.label() + " on " + traffic.spec();
  }
}
