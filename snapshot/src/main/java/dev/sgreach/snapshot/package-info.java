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
 *   <li>what a file as a whole must be (one JSON object, its items field, nothing after it, a recording that is not
 *       an error): {@code ResponseFile};
 *   <li>what JSON type a field may have (strings, whole numbers, booleans, arrays, objects, null): {@code JsonIn};
 *   <li>which fields of each response are read, and in which order they become model values: {@code ResponseItems}
 *       (the live adapter maps AWS SDK objects the same way, in its own package);
 *   <li>what a single AWS value means (protocol and ports, address families, single addresses, group references):
 *       {@link dev.sgreach.snapshot.AwsValues}, shared with the live adapter;
 *   <li>how items combine into one network (the rules file as rule source, duplicates, prefix-list entries):
 *       {@link dev.sgreach.snapshot.NetworkAssembler}, shared with the live adapter;
 *   <li>how a network is written back: {@code SnapshotWriter}, grouping rules through
 *       {@link dev.sgreach.snapshot.GroupedPermission}.
 * </ul>
 * Every error is a {@link dev.sgreach.snapshot.SnapshotException} naming the file, the JSON path
 * ({@link dev.sgreach.snapshot.Location}) and the value.
 */
package dev.sgreach.snapshot;
