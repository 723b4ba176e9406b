package dev.sgreach.cli;

import dev.sgreach.engine.Endpoint;
import dev.sgreach.model.Network;
import java.util.Optional;

/**
 * Reads endpoint forms that {@link Endpoint#parse(String)} does not know (site-specific names, say), which may
 * need the network to find their members.
 *
 * <p>The command line asks every parser found with {@link java.util.ServiceLoader} (declared in
 * {@code META-INF/services/dev.sgreach.cli.EndpointParser}) before it falls back to {@link Endpoint#parse(String)}
 * (every built-in form: see {@link Endpoint#FORMS}).
 */
@FunctionalInterface
public interface EndpointParser {
  /**
   * The endpoint this text names, or empty when the form is not this parser's.
   *
   * @param text the endpoint as written on the command line or in a queries file
   * @param network the snapshot's network
   * @throws IllegalArgumentException when the form is this parser's but the text is malformed or names nothing in
   *     the network; the message is shown to the user as it is
   */
  Optional<Endpoint> parse(String text, Network network);
}
