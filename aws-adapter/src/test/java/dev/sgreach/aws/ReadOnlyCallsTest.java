package dev.sgreach.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * The adapter only reads: its code calls no AWS operation but {@code Describe*}, {@code Get*}, {@code List*} and
 * {@code Search*} (paginators included), and {@code docs/iam-policy.json} grants exactly the actions it calls.
 */
class ReadOnlyCallsTest {
  /** The IAM service prefix of each client. */
  private static final Map<String, String> SERVICES = Map.of(
      Ec2Client.class.getName(), "ec2",
      EksClient.class.getName(), "eks",
      ElasticLoadBalancingV2Client.class.getName(), "elasticloadbalancing");
  /** Client methods that are not AWS operations: building, configuration, closing. */
  private static final Set<String> NOT_OPERATIONS = Set.of("builder", "create", "close", "serviceName",
      "serviceClientConfiguration");

  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.sgreach.aws");
  }

  private static Set<JavaMethodCall> clientCalls() {
    return main.stream().flatMap(c -> c.getMethodCallsFromSelf().stream())
        .filter(call -> SERVICES.containsKey(call.getTargetOwner().getName()))
        .filter(call -> !NOT_OPERATIONS.contains(call.getName()))
        .collect(Collectors.toSet());
  }

  /** {@code describeSecurityGroupsPaginator} on the EC2 client is {@code ec2:DescribeSecurityGroups}. */
  private static String action(JavaMethodCall call) {
    String name = call.getName().replaceFirst("Paginator$", "");
    return SERVICES.get(call.getTargetOwner().getName()) + ":" + Character.toUpperCase(name.charAt(0))
        + name.substring(1);
  }

  @Test
  void theAdapterCallsOnlyDescribeGetListAndSearchOperations() {
    Set<String> calls = clientCalls().stream().map(JavaMethodCall::getName).collect(Collectors.toSet());

    assertThat(calls).isNotEmpty().allMatch(name -> name.startsWith("describe") || name.startsWith("get")
        || name.startsWith("list") || name.startsWith("search"), "starts with describe, get, list or search");
  }

  @Test
  void theIamPolicyGrantsExactlyTheActionsTheCodeCalls() throws IOException {
    Set<String> called = clientCalls().stream().map(ReadOnlyCallsTest::action)
        .collect(Collectors.toCollection(TreeSet::new));
    JsonNode policy = new ObjectMapper().readTree(Files.readString(repositoryFile("docs/iam-policy.json")));
    Set<String> granted = new TreeSet<>();
    for (JsonNode statement : policy.get("Statement")) {
      assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
      statement.get("Action").forEach(a -> granted.add(a.asText()));
    }

    assertThat(granted).containsExactlyElementsOf(called);
    assertThat(called).contains(LiveCalls.DESCRIBE_SECURITY_GROUPS, LiveCalls.DESCRIBE_SECURITY_GROUP_RULES,
        LiveCalls.DESCRIBE_NETWORK_INTERFACES, LiveCalls.DESCRIBE_VPCS, LiveCalls.DESCRIBE_VPC_PEERING_CONNECTIONS,
        LiveCalls.DESCRIBE_MANAGED_PREFIX_LISTS, LiveCalls.GET_MANAGED_PREFIX_LIST_ENTRIES, LiveCalls.LIST_CLUSTERS,
        LiveCalls.DESCRIBE_CLUSTER, LiveCalls.DESCRIBE_LOAD_BALANCERS, LiveCalls.DESCRIBE_SUBNETS,
        LiveCalls.DESCRIBE_NETWORK_ACLS, LiveCalls.DESCRIBE_ROUTE_TABLES, LiveCalls.DESCRIBE_INTERNET_GATEWAYS,
        LiveCalls.DESCRIBE_EGRESS_ONLY_INTERNET_GATEWAYS, LiveCalls.DESCRIBE_NAT_GATEWAYS,
        LiveCalls.DESCRIBE_VPC_ENDPOINTS, LiveCalls.DESCRIBE_TRANSIT_GATEWAYS,
        LiveCalls.DESCRIBE_TRANSIT_GATEWAY_ATTACHMENTS, LiveCalls.DESCRIBE_TRANSIT_GATEWAY_VPC_ATTACHMENTS,
        LiveCalls.DESCRIBE_TRANSIT_GATEWAY_ROUTE_TABLES, LiveCalls.GET_TRANSIT_GATEWAY_ROUTE_TABLE_PROPAGATIONS,
        LiveCalls.SEARCH_TRANSIT_GATEWAY_ROUTES);
  }

  private static Path repositoryFile(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(name))) {
        return dir.resolve(name);
      }
    }
    throw new IllegalStateException(name + " not found above " + Path.of("").toAbsolutePath());
  }
}
