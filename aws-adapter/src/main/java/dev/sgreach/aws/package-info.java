/**
 * The AWS side of sgreach: reads saved AWS CLI JSON (snapshot folders in the sgreach / CloudMapper and Batfish
 * layouts, cloud-custodian recordings) into the core model, and writes the model back as AWS CLI JSON.
 *
 * <p>Start at {@link dev.sgreach.aws.Snapshots}. All AWS-to-model mapping lives in one package-private class over
 * the AWS SDK v2 model types, so saved files and live SDK responses share it.
 */
package dev.sgreach.aws;
