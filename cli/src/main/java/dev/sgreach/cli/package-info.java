/**
 * The {@code sgreach} command line: {@code reach}, {@code ports}, {@code who-can-reach}, {@code exposure} and
 * {@code shell}, over a snapshot folder read by the AWS adapter.
 *
 * <p>Most users need only {@link dev.sgreach.cli.Main}. Two small hooks let other packages extend it:
 * {@link dev.sgreach.cli.NetworkLoader} (where a network comes from) and {@link dev.sgreach.cli.EndpointParser}
 * (endpoint forms beyond ENI, instance, security group and address, such as EKS roles written {@code eks:...}).
 *
 * <p>Snapshot folders are read by the snapshot module ({@code sgreach-snapshot}), without the AWS SDK: offline
 * commands load no class of the SDK or of the AWS adapter, which only {@code snapshot} uses.
 */
package dev.sgreach.cli;
