/**
 * The {@code sgreach} command line: {@code reach}, {@code ports}, {@code who-can-reach}, {@code exposure} and
 * {@code shell}, over a snapshot folder read by the snapshot module (offline commands load no AWS SDK class; only
 * {@code snapshot} uses the AWS adapter).
 *
 * <p>Most users need only {@link dev.sgreach.cli.Main}. Two small hooks let other packages extend it:
 * {@link dev.sgreach.cli.NetworkLoader} (where a network comes from) and {@link dev.sgreach.cli.EndpointParser}
 * (endpoint forms beyond ENI, instance, security group and address, such as EKS roles written {@code eks:...}).
 */
package dev.sgreach.cli;
