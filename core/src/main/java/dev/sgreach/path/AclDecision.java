package dev.sgreach.path;

import dev.sgreach.model.NetworkAcl;
import java.util.List;

/**
 * What one direction of one network ACL did to a packet's destination-port keys: the keys that pass, and (when
 * explaining) which entry decided which keys, in rule order.
 */
record AclDecision(PortSet allowed, List<Part> parts) {
  /** One entry and the keys it decided. */
  record Part(NetworkAcl.Entry entry, PortSet keys) {}
}
