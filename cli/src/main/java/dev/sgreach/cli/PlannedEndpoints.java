package dev.sgreach.cli;

import dev.sgreach.engine.Endpoint;
import dev.sgreach.planned.PlannedNetwork;
import dev.sgreach.planned.PlannedResource;
import java.util.List;
import java.util.Optional;

/**
 * Endpoints named by a planned resource's address, {@code tf:ADDRESS} ({@code tf:aws_network_interface.db},
 * {@code tf:module.eks.aws_security_group.node}, and for eksctl the prediction's addresses): the planned ENIs, or
 * the ENIs that carry the planned group (see {@link PlannedNetwork#interfacesFor}).
 */
final class PlannedEndpoints {
  /** The prefix that marks a planned resource. */
  static final String PREFIX = "tf:";

  private PlannedEndpoints() {}

  /**
   * The ENIs the address stands for, as one named group.
   *
   * @throws BadInputException when no change was given, the address names no planned resource (listing some), or
   *     the resource has no ENIs after the change
   */
  static Endpoint parse(String text, Optional<PlannedNetwork> planned) {
    String address = text.substring(PREFIX.length());
    if (planned.isEmpty()) {
      throw new BadInputException("endpoint " + dev.sgreach.model.Echo.quote(text) + " names a planned resource: give the change "
          + "with --plan PLAN.json or --eksctl FILE");
    }
    PlannedNetwork p = planned.get();
    if (p.resource(address).isEmpty()) {
      List<String> known = p.resources().keySet().stream().limit(8).toList();
      throw new BadInputException("endpoint " + dev.sgreach.model.Echo.quote(text) + ": " + p.source()
          + " plans no resource at that address" + (known.isEmpty() ? "" : "; planned: " + String.join(", ", known)
          + (p.resources().size() > known.size() ? ", ..." : "")));
    }
    List<String> enis = p.interfacesFor(address);
    if (enis.isEmpty()) {
      PlannedResource r = p.resource(address).get();
      throw new BadInputException("endpoint " + dev.sgreach.model.Echo.quote(text) + ": the planned " + r.type() + " ("
          + r.action().word() + ") has no network interface after the change");
    }
    return Endpoint.group(text, enis.stream().map(Endpoint::eni).toList());
  }
}
