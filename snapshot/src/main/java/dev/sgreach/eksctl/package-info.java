/**
 * eksctl {@code ClusterConfig} files as input: {@link dev.sgreach.eksctl.EksctlConfig} reads one and predicts the
 * security groups, rules and ENIs eksctl and EKS create for it, alone or inside a snapshot of an existing VPC, as a
 * {@link dev.sgreach.planned.PlannedNetwork}.
 */
package dev.sgreach.eksctl;
