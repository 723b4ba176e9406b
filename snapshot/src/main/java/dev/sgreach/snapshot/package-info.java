/**
 * Offline inputs, without the AWS SDK: snapshot folders of AWS CLI JSON (the CloudMapper/DESIGN layout, Batfish
 * {@code aws_configs} with its {@code accounts/<account>/<region>/} subfolders, cloud-custodian's recorded responses),
 * Terraform plan JSON and eksctl ClusterConfig YAML, each read straight into the core model.
 *
 * <p>Start at {@link dev.sgreach.snapshot.Snapshots}: {@code read(folder)}, {@code write(network, folder)}, and
 * {@code reader()} for single files. Reading is one streaming pass per file (Jackson's {@code JsonParser}, no tree, no
 * SDK type), files in parallel, assembled in a fixed order; writing streams each file with a {@code JsonGenerator}.
 *
 * <p>Where each decision lives, so that a new check has one obvious home:
 * <ul>
 *   <li>which files and subfolders a snapshot folder is (the documented layout only; both the groups and the ENIs in
 *       every folder that holds a response): {@link dev.sgreach.snapshot.SnapshotReader#folder};
 *   <li>what a file as a whole must be (one JSON object without a field twice, its items field a list, nothing after
 *       it, a recording that is not an error, a whole answer rather than a page with a {@code NextToken}):
 *       {@code ResponseFile};
 *   <li>what JSON type a field may have (strings, whole numbers, booleans, arrays, objects, null): {@code JsonIn};
 *   <li>which fields an item must hold, lists AWS always returns above all ({@code IpPermissions}, {@code Groups}):
 *       {@code Required}, declared once per shape in {@code ResponseItems} and enforced by
 *       {@code JsonIn.item}/{@code requiredObject}; the live adapter asks {@link dev.sgreach.snapshot.AwsValues#requireList};
 *   <li>which fields of each response are read, and in which order they become model values: {@code ResponseItems}
 *       (the live adapter maps AWS SDK objects the same way, in its own package);
 *   <li>what a single AWS value means (protocol and ports, address families, single addresses, group references,
 *       whether an id has its kind's form through {@link dev.sgreach.model.AwsId}):
 *       {@link dev.sgreach.snapshot.AwsValues}, shared with the live adapter;
 *   <li>how items combine into one network (the rules file as rule source and its agreement with the groups file,
 *       the same id from two sources, prefix-list entries): {@link dev.sgreach.snapshot.NetworkAssembler}, shared
 *       with the live adapter;
 *   <li>how a network is written back, whole or not at all: {@code SnapshotWriter}, grouping rules through
 *       {@link dev.sgreach.snapshot.GroupedPermission}.
 * </ul>
 * A reader of a new response (subnets, route tables, listeners) declares its {@code Required} lists, takes its ids
 * through {@code AwsValues.id}/{@code requiredId} with an {@link dev.sgreach.model.AwsId} kind, and feeds items to
 * the assembler with their {@link dev.sgreach.snapshot.Location}, whose {@code Unique} refuses one id described
 * twice differently.
 *
 * <p>Load balancing: {@code elbv2-describe-listeners.json} holds every load balancer's listeners in one
 * {@code Listeners} list (each names its {@code LoadBalancerArn}); its presence, even empty, makes every load
 * balancer's listeners known. {@code elbv2-describe-target-groups.json} is the call's answer. The two per-group calls
 * are kept one entry per group, each the call's own list beside the group's ARN:
 * {@code elbv2-describe-target-group-attributes.json} as {@code {"TargetGroupAttributes": [{"TargetGroupArn",
 * "Attributes"}]}} and {@code elbv2-describe-target-health.json} as {@code {"LoadBalancerTargetHealth":
 * [{"TargetGroupArn", "TargetHealthDescriptions"}]}} (Batfish's shape); a group without an entry has unknown
 * attributes or targets. {@code BalancerItems} reads them, {@code BalancerParts} joins them to their load balancers
 * and groups (refusing one that names a load balancer or group the snapshot lacks), {@code BalancerWriter} writes
 * them back.
 * Every error is a {@link dev.sgreach.snapshot.SnapshotException} naming the file, the JSON path
 * ({@link dev.sgreach.snapshot.Location}) and the value.
 */
package dev.sgreach.snapshot;
