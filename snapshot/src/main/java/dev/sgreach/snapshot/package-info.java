/**
 * Offline inputs, without the AWS SDK: snapshot folders of AWS CLI JSON (the CloudMapper/DESIGN layout, Batfish
 * {@code aws_configs}, cloud-custodian wrapped responses), Terraform plan JSON and eksctl ClusterConfig YAML, each read
 * straight into the core model.
 */
package dev.sgreach.snapshot;
