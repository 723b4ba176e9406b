/**
 * JMH benchmarks of the reachability engine at the scale of one busy region (DESIGN.md, Performance), the seeded
 * {@link dev.sgreach.benchmarks.RegionGenerator} that makes the region, and the
 * {@link dev.sgreach.benchmarks.NaiveEvaluator} every figure is reported beside. See {@code benchmarks/RESULTS.md}.
 */
package dev.sgreach.benchmarks;
