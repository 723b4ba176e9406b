/**
 * Terraform plans as input: {@link dev.sgreach.terraform.TerraformPlan} reads {@code terraform show -json} output and
 * applies it to a snapshot, giving the network as it will be after {@code terraform apply} as a
 * {@link dev.sgreach.planned.PlannedNetwork}.
 */
package dev.sgreach.terraform;
