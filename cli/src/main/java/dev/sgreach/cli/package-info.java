/**
 * The {@code sgreach} command line: {@code reach}, {@code ports}, {@code who-can-reach}, {@code exposure},
 * {@code lint} (text, JSON or SARIF), {@code graph} (DOT, Mermaid, SVG through Graphviz), {@code snapshot} and
 * {@code shell}, over a snapshot folder read by the AWS adapter. Long work shows {@link dev.sgreach.cli.Progress} on
 * standard error when it is a terminal.
 *
 * <p>Most users need only {@link dev.sgreach.cli.Main}. Two small hooks let other packages extend it:
 * {@link dev.sgreach.cli.NetworkLoader} (where a network comes from) and {@link dev.sgreach.cli.EndpointParser}
 * (endpoint forms beyond ENI, instance, security group and address, such as EKS roles written {@code eks:...}).
 *
 * <p>Snapshot folders are read by the snapshot module ({@code sgreach-snapshot}), without the AWS SDK: offline
 * commands load no class of the SDK or of the AWS adapter, which only {@code snapshot} uses.
 *
 * <p>Failures reach the user through one class, {@code Errors}: one line on standard error, exit status 2 for bad
 * input, internal errors, exhausted memory or stack, and an answer that could not be written to standard output
 * (which {@code StandardOutput} keeps the reason for). Exit status 1 only ever means "denied" or "found" (a
 * {@code shell} script's own status aside).
 */
package dev.sgreach.cli;
