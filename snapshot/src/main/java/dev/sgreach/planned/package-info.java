/**
 * What a change will do, before it is made: the common result of reading a Terraform plan
 * ({@link dev.sgreach.terraform.TerraformPlan}) or an eksctl ClusterConfig ({@link dev.sgreach.eksctl.EksctlConfig}).
 *
 * <ul>
 *   <li>{@link dev.sgreach.planned.PlannedNetwork}: the network after the change, the planned resources by address
 *       ({@link dev.sgreach.planned.PlannedResource}) and what the change leaves unknown
 *       ({@link dev.sgreach.planned.Unknown});</li>
 *   <li>{@link dev.sgreach.planned.InputException}: a bad input file, as one line naming the file, the path inside it
 *       and the value; {@link dev.sgreach.planned.InputNode} is how the readers walk their input to say so.</li>
 * </ul>
 *
 * <p>Placeholders follow DOMAIN-CHANGE.md section 3: every object the change creates gets an identity of its own,
 * distinct from every existing one (a new group is a new group), and a value the change leaves unknown is expressed
 * through the model's own unknowns (a group that ENIs carry but that is absent, a prefix list whose entries are not
 * known), so that the engine answers <b>unknown</b> where such a value could decide, and never guesses. Addresses AWS
 * assigns at launch get stand-ins inside the block they will lie in, listed as unknowns.
 */
package dev.sgreach.planned;
