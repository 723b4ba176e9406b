package dev.sgreach.terraform;

import dev.sgreach.model.Network;
import dev.sgreach.planned.InputException;
import dev.sgreach.planned.InputNode;
import dev.sgreach.planned.PlannedNetwork;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A Terraform plan as {@code terraform show -json PLANFILE} prints it (format 0.1 to 1.x): the network it will leave
 * after {@code terraform apply}, over a snapshot of the network as it is ({@link #applyTo(Network)}) or alone
 * ({@link #apply()}, for plans that create what they need).
 *
 * <pre>{@code
 * PlannedNetwork after = TerraformPlan.read(Path.of("plan.json")).applyTo(snapshot);
 * after.network();                                    // query it like any snapshot
 * after.interfacesFor("module.eks.aws_security_group.node");   // what tf:ADDRESS means
 * after.unknowns();                                   // what the plan does not know yet
 * }</pre>
 *
 * <p>Resources read ({@code resource_changes[].change.after} with {@code after_unknown}; DOMAIN-CHANGE.md section 1):
 * {@code aws_security_group} (inline {@code ingress}/{@code egress}), {@code aws_default_security_group},
 * {@code aws_security_group_rule}, {@code aws_vpc_security_group_ingress_rule} / {@code _egress_rule},
 * {@code aws_network_interface}, {@code aws_network_interface_sg_attachment}, {@code aws_instance}
 * ({@code vpc_security_group_ids}, {@code security_groups} by name, {@code network_interface} blocks),
 * {@code aws_eks_cluster}, {@code aws_eks_node_group}, {@code aws_launch_template} (for node groups), {@code aws_vpc}
 * (its default group) and {@code aws_subnet} (blocks and VPC of the ENIs in it). Actions: create, update, delete,
 * replace (either order), no-op, read (data sources own nothing), forget (the object stays). Other resources that make
 * ENIs carrying groups are listed as {@link dev.sgreach.planned.Unknown.Kind#NOT_MODELLED} unknowns.
 *
 * <p>Decisions:
 * <ul>
 *   <li>Ids the plan does not know yet are placeholders {@code tf:<address>} ({@code tf:aws_instance.web/primary_
 *       network_interface} for objects a resource makes): a new group is distinct from every existing one, and a
 *       replaced group gets a new id, so rules outside the plan that name the old one no longer match.</li>
 *   <li>References between planned resources are resolved through the plan's {@code configuration}: across modules
 *       ({@code var.*} through the module call, {@code module.x.<output>} through the child's output), and for
 *       {@code count}/{@code for_each} instances ({@code [0]}, {@code ["k"]}, {@code [count.index]},
 *       {@code [each.key]}). A list of references is taken as the whole list (the plan drops the constant parts of an
 *       expression that has references); a reference through a local, a data source or a root variable does not
 *       resolve, and then the value is unknown.</li>
 *   <li>A group the provider creates has no egress unless the plan declares it (the provider revokes AWS's default
 *       allow-all egress); an ENI or instance with no group gets the VPC's default group; a new VPC's default group has
 *       AWS's rules (all from itself in, all out) until {@code aws_default_security_group} adopts it.</li>
 *   <li>Unknown values follow {@link dev.sgreach.planned.Unknown}: an unknown peer or rule is a rule to a prefix list
 *       whose entries are not known, unknown groups of an ENI are a group with unknown rules, a group outside the
 *       plan and the snapshot holds its planned rules plus unknown ones; addresses get stand-ins in their subnet.</li>
 * </ul>
 */
public final class TerraformPlan {
  private final String file;
  private final PlanReader.Plan plan;

  private TerraformPlan(String file, PlanReader.Plan plan) {
    this.file = file;
    this.plan = plan;
  }

  /**
   * Reads a plan file.
   *
   * @throws InputException when the file cannot be read, is not JSON, or is not a plan
   */
  public static TerraformPlan read(Path file) {
    return parse(file.toString(), InputNode.readText(file));
  }

  /**
   * Reads a plan from text.
   *
   * @param file the name to show in messages
   * @param json the output of {@code terraform show -json PLANFILE}
   * @throws InputException when the text is not JSON or not a plan
   */
  public static TerraformPlan parse(String file, String json) {
    return new TerraformPlan(file, PlanReader.read(file, json));
  }

  /** The plan's {@code format_version}. */
  public String formatVersion() {
    return plan.formatVersion();
  }

  /** The {@code terraform_version} that wrote it, when the plan says. */
  public Optional<String> terraformVersion() {
    return plan.terraformVersion();
  }

  /**
   * The network after {@code terraform apply} over this snapshot of the network as it is now.
   *
   * @throws InputException when a value in the plan is one AWS would refuse (a bad CIDR, an inverted port range)
   */
  public PlannedNetwork applyTo(Network base) {
    return new PlanApplier(file, plan, base).apply();
  }

  /** The network after {@code terraform apply} when nothing exists beforehand but what the plan holds. */
  public PlannedNetwork apply() {
    return applyTo(Network.builder().build());
  }
}
