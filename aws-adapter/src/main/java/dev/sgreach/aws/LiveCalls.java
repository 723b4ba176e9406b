package dev.sgreach.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Makes the calls of one live load complete-or-fail: every paginator is consumed inside the try, so a page that
 * fails aborts the load, and every SDK error becomes a {@link LiveLoadException} naming the IAM action and region.
 * Retries (adaptive, bounded) happen inside the SDK client before an error reaches this class.
 */
final class LiveCalls {
  static final String DESCRIBE_SECURITY_GROUPS = "ec2:DescribeSecurityGroups";
  static final String DESCRIBE_SECURITY_GROUP_RULES = "ec2:DescribeSecurityGroupRules";
  static final String DESCRIBE_NETWORK_INTERFACES = "ec2:DescribeNetworkInterfaces";
  static final String DESCRIBE_VPCS = "ec2:DescribeVpcs";
  static final String DESCRIBE_VPC_PEERING_CONNECTIONS = "ec2:DescribeVpcPeeringConnections";
  static final String DESCRIBE_MANAGED_PREFIX_LISTS = "ec2:DescribeManagedPrefixLists";
  static final String GET_MANAGED_PREFIX_LIST_ENTRIES = "ec2:GetManagedPrefixListEntries";
  static final String LIST_CLUSTERS = "eks:ListClusters";
  static final String DESCRIBE_CLUSTER = "eks:DescribeCluster";
  static final String DESCRIBE_LOAD_BALANCERS = "elasticloadbalancing:DescribeLoadBalancers";
  static final String DESCRIBE_LISTENERS = "elasticloadbalancing:DescribeListeners";
  static final String DESCRIBE_TARGET_GROUPS = "elasticloadbalancing:DescribeTargetGroups";
  static final String DESCRIBE_TARGET_GROUP_ATTRIBUTES = "elasticloadbalancing:DescribeTargetGroupAttributes";
  static final String DESCRIBE_TARGET_HEALTH = "elasticloadbalancing:DescribeTargetHealth";
  static final String DESCRIBE_SUBNETS = "ec2:DescribeSubnets";
  static final String DESCRIBE_NETWORK_ACLS = "ec2:DescribeNetworkAcls";
  static final String DESCRIBE_ROUTE_TABLES = "ec2:DescribeRouteTables";
  static final String DESCRIBE_INTERNET_GATEWAYS = "ec2:DescribeInternetGateways";
  static final String DESCRIBE_EGRESS_ONLY_INTERNET_GATEWAYS = "ec2:DescribeEgressOnlyInternetGateways";
  static final String DESCRIBE_NAT_GATEWAYS = "ec2:DescribeNatGateways";
  static final String DESCRIBE_VPC_ENDPOINTS = "ec2:DescribeVpcEndpoints";
  static final String DESCRIBE_TRANSIT_GATEWAYS = "ec2:DescribeTransitGateways";
  static final String DESCRIBE_TRANSIT_GATEWAY_ATTACHMENTS = "ec2:DescribeTransitGatewayAttachments";
  static final String DESCRIBE_TRANSIT_GATEWAY_VPC_ATTACHMENTS = "ec2:DescribeTransitGatewayVpcAttachments";
  static final String DESCRIBE_TRANSIT_GATEWAY_ROUTE_TABLES = "ec2:DescribeTransitGatewayRouteTables";
  static final String GET_TRANSIT_GATEWAY_ROUTE_TABLE_PROPAGATIONS = "ec2:GetTransitGatewayRouteTablePropagations";
  static final String SEARCH_TRANSIT_GATEWAY_ROUTES = "ec2:SearchTransitGatewayRoutes";

  private static final Logger LOG = LoggerFactory.getLogger(LiveCalls.class);
  private static final Set<String> DENIED = Set.of("UnauthorizedOperation", "AccessDenied", "AccessDeniedException");
  private static final Set<String> BAD_CREDENTIALS = Set.of("AuthFailure", "InvalidClientTokenId",
      "UnrecognizedClientException", "ExpiredToken", "ExpiredTokenException", "SignatureDoesNotMatch",
      "InvalidSignatureException", "IncompleteSignature");
  private static final int MAX_MESSAGE = 300;

  private final String region;
  private final LoadListener listener;

  LiveCalls(String region, LoadListener listener) {
    this.region = region;
    this.listener = listener;
  }

  /** Follows a paginator to its last page and returns all items; any failure aborts the load. */
  <P, T> List<T> pages(String action, Supplier<? extends Iterable<P>> paginator, Function<P, List<T>> items) {
    LOG.debug("{} in {}", action, region);
    List<T> all = new ArrayList<>();
    int page = 0;
    try {
      for (P response : paginator.get()) {
        List<T> got = items.apply(response);
        all.addAll(got);
        listener.page(action, ++page, got.size(), all.size());
      }
    } catch (SdkException e) {
      throw failure(action, e);
    }
    listener.finished(action, page, all.size());
    LOG.debug("{} in {}: {} items in {} pages", action, region, all.size(), page);
    return all;
  }

  /** One call that has no pages. */
  <T> T call(String action, Supplier<T> call) {
    LOG.debug("{} in {}", action, region);
    T result;
    try {
      result = call.get();
    } catch (SdkException e) {
      throw failure(action, e);
    }
    listener.page(action, 1, 1, 1);
    listener.finished(action, 1, 1);
    return result;
  }

  /** The domain error for an SDK error: access denied names the IAM action to grant. */
  LiveLoadException failure(String action, SdkException e) {
    String code = null;
    String detail = e.getMessage();
    if (e instanceof AwsServiceException service) {
      AwsErrorDetails details = service.awsErrorDetails();
      code = details == null ? null : details.errorCode();
      String message = details == null ? null : details.errorMessage();
      detail = (code == null ? "error" : code) + " (HTTP " + service.statusCode() + ")"
          + (message == null || message.isBlank() ? "" : ": " + clean(message));
      if (code != null && DENIED.contains(code)) {
        return new LiveLoadException(action + " was denied in " + region + " (" + code + "): the credentials lack"
            + " the IAM permission " + action + "; grant it (docs/iam-policy.json lists every action sgreach"
            + " needs). Nothing was loaded.", action, region, code, true, e);
      }
      if (code != null && BAD_CREDENTIALS.contains(code)) {
        detail += "; AWS refused the credentials themselves (wrong, expired or for another partition)";
      }
    } else {
      detail = clean(detail == null ? e.getClass().getSimpleName() : detail);
    }
    Integer attempts = e.numAttempts();
    String after = attempts == null || attempts <= 1 ? "" : " after " + attempts + " attempts";
    return new LiveLoadException(action + " failed in " + region + after + ": " + detail + ". Nothing was loaded.",
        action, region, code, false, e);
  }

  /** AWS's message on one line, without the encoded authorization details, shortened. */
  private static String clean(String message) {
    int encoded = message.indexOf("Encoded authorization failure message");
    String text = (encoded < 0 ? message : message.substring(0, encoded)).replaceAll("\\s+", " ").trim();
    if (text.endsWith(".")) {
      text = text.substring(0, text.length() - 1);
    }
    return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "...";
  }
}
