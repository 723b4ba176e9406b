/**
 * EKS as sgreach sees it: the security groups and ENIs that EKS, eksctl, the VPC CNI, the VPC resource controller and
 * the AWS Load Balancer Controller create, recognised in a {@link dev.sgreach.model.Network} and used as query
 * endpoints.
 *
 * <ul>
 *   <li>{@link dev.sgreach.eks.EksCluster}: one cluster's groups and ENIs in their roles
 *       ({@link dev.sgreach.eks.SecurityGroupRole}, {@link dev.sgreach.eks.InterfaceRole}), what could not be
 *       placed ({@link dev.sgreach.eks.Unrecognised}), and the roles as {@link dev.sgreach.engine.Endpoint}s;</li>
 *   <li>{@link dev.sgreach.eks.EksEndpoints}: the command line's {@code eks:<cluster>/<role>[:<name>]} syntax;</li>
 *   <li>{@link dev.sgreach.eks.EksTopology}: generates what eksctl + EKS + the LBC create for a cluster
 *       description, with {@link dev.sgreach.eks.NodeGroupConfig} for each nodegroup's settings;
 *       {@link dev.sgreach.eks.SeedClusters}: the seed article's two clusters;</li>
 *   <li>{@link dev.sgreach.eks.EksChecks}: the paths a healthy cluster needs and what it must not have, as a
 *       {@link dev.sgreach.eks.LintReport} of {@link dev.sgreach.eks.Finding}s with proofs and fixes.</li>
 * </ul>
 */
package dev.sgreach.eks;
