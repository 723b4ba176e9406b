/**
 * The live side of sgreach: loads one region of an AWS account read-only through the AWS SDK v2 into the core model,
 * and writes it as a snapshot folder through the snapshot module ({@code sgreach-snapshot}), which every offline
 * command and test then reads without the SDK.
 *
 * <p>Start at {@link dev.sgreach.aws.LiveLoader} (or the one-call {@link dev.sgreach.aws.LiveSnapshot}). The SDK
 * objects are mapped onto the model by one package-private class, taking every decision about a value from the
 * snapshot module's {@code AwsValues} and combining items through its {@code NetworkAssembler}, as the snapshot
 * reader does for JSON; {@link dev.sgreach.aws.SdkMapping} opens the mapping to callers holding SDK objects.
 */
package dev.sgreach.aws;
