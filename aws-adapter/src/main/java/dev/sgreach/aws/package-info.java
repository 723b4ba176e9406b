/**
 * The AWS side of sgreach: reads saved AWS CLI JSON (snapshot folders in the sgreach / CloudMapper and Batfish
 * layouts, cloud-custodian recordings) into the core model, writes the model back as AWS CLI JSON, and loads live
 * accounts read-only through the AWS SDK v2.
 *
 * <p>Start at {@link dev.sgreach.aws.Snapshots} for files and {@link dev.sgreach.aws.LiveLoader} (or the one-call
 * {@link dev.sgreach.aws.LiveSnapshot}) for live accounts. All AWS-to-model mapping lives in one package-private class
 * over the AWS SDK v2 model types, so saved files and live SDK responses share it; {@link dev.sgreach.aws.SdkMapping}
 * opens it to callers holding SDK objects.
 */
package dev.sgreach.aws;
