/**
 * The reachability engine: {@link dev.sgreach.engine.Reachability} compiles a {@link dev.sgreach.model.Network} once
 * and answers from the compiled index.
 *
 * <ul>
 *   <li>{@code reach(from, to, traffic)} gives a {@link dev.sgreach.engine.Verdict}: allowed, denied or unknown, with
 *       its proof (the egress and ingress rules that admit the flow; or the blocking side, the near misses and the
 *       {@link dev.sgreach.engine.Fix} that would open it; or the missing data);</li>
 *   <li>{@code openPorts(from, to)} gives the exact {@link dev.sgreach.engine.OpenPorts} per protocol;</li>
 *   <li>{@code whoCanReach(to, traffic)} and {@code whatCanBeReached(from, traffic)} give
 *       {@link dev.sgreach.engine.Reachers}: ENIs and outside address blocks;</li>
 *   <li>{@code exposure()} gives what the internet can open, per ENI ({@link dev.sgreach.engine.Exposure}).</li>
 * </ul>
 *
 * <p>Endpoints ({@link dev.sgreach.engine.Endpoint}) are ENIs, addresses, instances, security groups or named groups
 * (EKS roles); group-valued endpoints are answered per member ({@link dev.sgreach.engine.Member}) with a
 * {@link dev.sgreach.engine.Coverage}.
 */
package dev.sgreach.engine;
