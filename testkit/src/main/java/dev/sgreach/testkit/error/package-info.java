/**
 * The failure messages of sgreach's assertions, one factory class per message, in the manner of AssertJ's
 * {@code org.assertj.core.error}: each extends {@code BasicErrorMessageFactory}, has a private constructor and a
 * static factory method named after the expectation ({@code shouldReach(...)}), so a test can compare a failure
 * with {@code shouldReach(...).create()}.
 *
 * <p>Messages are laid out as Truth lays out facts: one fact a line, a fixed key and a runtime value, keys padded so
 * the colons line up, a blank line between groups. They say what was expected, what the engine found, its proof
 * (the rules that match, with security group ids and names, the side that blocks and the near misses), and the
 * rule to add as an {@code aws ec2 authorize-security-group-*} command.
 *
 * <p>The {@code *Finding} records carry what the engine found for one member pair, one ENI or one traffic, into the
 * factories that report on several.
 */
package dev.sgreach.testkit.error;
