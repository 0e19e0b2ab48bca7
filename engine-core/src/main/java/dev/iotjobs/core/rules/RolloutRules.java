package dev.iotjobs.core.rules;

import dev.iotjobs.api.model.ExponentialRolloutRate;
import dev.iotjobs.api.model.Job;
import dev.iotjobs.api.model.JobExecutionsRolloutConfig;
import dev.iotjobs.api.model.RateIncreaseCriteria;
import dev.iotjobs.spi.RolloutState;
import dev.iotjobs.spi.RolloutTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pure rules of gradual rollout (SPEC T7).
 *
 * <p>A rollout creates executions window by window. A window opens when the previous one has used its allowance
 * and 60 seconds have passed since the previous window's last execution was created, so every 60-second span of
 * time holds the executions of at most one window, and no window creates more than the rate: that is "at most R
 * in any 60-second window". Rate increases are counted when a window opens, so a new rate applies from the next
 * window, never the current one.
 */
public final class RolloutRules {
    /** The length of a rollout window. */
    public static final Duration WINDOW = Duration.ofSeconds(60);
    /** SPEC T7: the cap of an exponential rate without {@code maximumPerMinute}. */
    public static final int DEFAULT_MAXIMUM_PER_MINUTE = 1000;

    private RolloutRules() {
    }

    /** @param job a job @return whether it rolls out gradually */
    public static boolean gradual(Job job) {
        return job.jobExecutionsRolloutConfig() != null;
    }

    /**
     * A rollout about to begin: nothing created yet, its first window not open.
     *
     * @param config the job's rollout configuration
     * @param targets the job's target ARNs
     * @param reach for each thing to roll out to, the positions of the targets that reach it
     * @param succeeded the job's SUCCEEDED count now
     * @return the state
     */
    public static RolloutState begin(JobExecutionsRolloutConfig config, List<String> targets,
                                     Collection<List<Integer>> reach, int succeeded) {
        Map<String, Integer> byTarget = new LinkedHashMap<>();
        targets.forEach(target -> byTarget.putIfAbsent(target, 0));
        RolloutState empty = new RolloutState(0, byTarget, 0, startRate(config), 0, succeeded, null, 0, 0, null);
        return heldBack(empty, targets, reach);
    }

    /**
     * More things held back (AssociateTargetsWithJob on a gradual job).
     *
     * @param state the rollout state
     * @param targets the job's target ARNs, the new ones included
     * @param reach for each new thing, the positions of the targets that reach it
     * @return the state holding them back too
     */
    public static RolloutState heldBack(RolloutState state, List<String> targets, Collection<List<Integer>> reach) {
        RolloutState counted = retargeted(state, targets, reach);
        return new RolloutState(state.remaining() + reach.size(), counted.remainingByTarget(), state.notified(),
                state.rate(), state.notifiedAtIncrease(), state.succeededAtIncrease(), state.windowStart(),
                state.windowAllowance(), state.createdInWindow(), state.lastCreatedAt());
    }

    /**
     * Things already held back that more targets reach now (AssociateTargetsWithJob): those targets are rolling out
     * too until the things are reached (SPEC X1).
     *
     * @param state the rollout state
     * @param targets the job's target ARNs, the new ones included
     * @param added for each such thing, the positions of the targets newly reaching it
     * @return the state counting them for those targets
     */
    public static RolloutState retargeted(RolloutState state, List<String> targets, Collection<List<Integer>> added) {
        Map<String, Integer> byTarget = new LinkedHashMap<>(state.remainingByTarget());
        targets.forEach(target -> byTarget.putIfAbsent(target, 0));
        added.forEach(indexes -> distinctTargets(targets, indexes).forEach(t -> byTarget.merge(t, 1, Integer::sum)));
        return new RolloutState(state.remaining(), byTarget, state.notified(), state.rate(),
                state.notifiedAtIncrease(), state.succeededAtIncrease(), state.windowStart(),
                state.windowAllowance(), state.createdInWindow(), state.lastCreatedAt());
    }

    /**
     * Opens the next window when it is time, after applying the rate increases earned since the last one.
     *
     * @param state the rollout state
     * @param config the job's rollout configuration
     * @param succeeded the job's SUCCEEDED count now
     * @param now the present
     * @return the state with room to create executions now, or null when nothing may be created before
     *     {@link #dueAt}
     */
    public static RolloutState open(RolloutState state, JobExecutionsRolloutConfig config, int succeeded,
                                    Instant now) {
        if (state.remaining() == 0) {
            return null;
        }
        if (room(state) > 0) {
            return state;
        }
        if (state.windowStart() != null && now.isBefore(nextWindowAt(state))) {
            return null;
        }
        double rate = state.rate();
        int notifiedBase = state.notifiedAtIncrease();
        int succeededBase = state.succeededAtIncrease();
        ExponentialRolloutRate exponential = config.exponentialRate();
        RateIncreaseCriteria criteria = exponential == null ? null : exponential.rateIncreaseCriteria();
        if (criteria != null) {
            int byNotified = increases(state.notified() - notifiedBase, criteria.numberOfNotifiedThings());
            int bySucceeded = increases(succeeded - succeededBase, criteria.numberOfSucceededThings());
            int increases = Math.max(byNotified, bySucceeded);
            if (increases > 0) {
                rate = Math.min(cap(config), rate * Math.pow(exponential.incrementFactor(), increases));
                // "Since the last increase": the criterion that earned them keeps its remainder, the other restarts.
                notifiedBase = byNotified == increases
                        ? notifiedBase + increases * criteria.numberOfNotifiedThings() : state.notified();
                succeededBase = bySucceeded == increases
                        ? succeededBase + increases * criteria.numberOfSucceededThings() : succeeded;
            }
        }
        int allowance = (int) Math.max(1, Math.floor(Math.min(rate, cap(config))));
        return new RolloutState(state.remaining(), state.remainingByTarget(), state.notified(), rate, notifiedBase,
                succeededBase, now, allowance, 0, null);
    }

    /** @param state a rollout state @return how many executions its current window may still create */
    public static int room(RolloutState state) {
        return state.windowStart() == null ? 0 : state.windowAllowance() - state.createdInWindow();
    }

    /**
     * @param state the state as {@link #open} left it
     * @param targets the job's target ARNs
     * @param released the held-back things the rollout reached
     * @param created how many of them got an execution (the others' things no longer exist)
     * @param now the present
     * @return the state after
     */
    public static RolloutState released(RolloutState state, List<String> targets, List<RolloutTarget> released,
                                        int created, Instant now) {
        Map<String, Integer> byTarget = new LinkedHashMap<>(state.remainingByTarget());
        for (RolloutTarget target : released) {
            distinctTargets(targets, target.targetIndexes()).forEach(t -> byTarget.computeIfPresent(t,
                    (key, count) -> Math.max(0, count - 1)));
        }
        return new RolloutState(Math.max(0, state.remaining() - released.size()), byTarget,
                state.notified() + created, state.rate(), state.notifiedAtIncrease(), state.succeededAtIncrease(),
                state.windowStart(), state.windowAllowance(), state.createdInWindow() + created,
                created > 0 ? now : state.lastCreatedAt());
    }

    /**
     * A rollout that creates nothing more (the job was canceled, or its scheduled end stopped the rollout).
     *
     * @param state the rollout state, or null
     * @return the state holding nothing back, or null for null
     */
    public static RolloutState stopped(RolloutState state) {
        if (state == null || state.remaining() == 0) {
            return state;
        }
        return new RolloutState(0, Map.of(), state.notified(), state.rate(), state.notifiedAtIncrease(),
                state.succeededAtIncrease(), state.windowStart(), state.windowAllowance(), state.createdInWindow(),
                state.lastCreatedAt());
    }

    /**
     * SPEC J6: a new configuration restarts the rate from its own start, from the next window on.
     *
     * @param state the rollout state
     * @param config the new configuration
     * @param succeeded the job's SUCCEEDED count now
     * @return the state going on with the new rate
     */
    public static RolloutState reconfigured(RolloutState state, JobExecutionsRolloutConfig config, int succeeded) {
        return new RolloutState(state.remaining(), state.remainingByTarget(), state.notified(), startRate(config),
                state.notified(), succeeded, state.windowStart(), state.windowAllowance(), state.createdInWindow(),
                state.lastCreatedAt());
    }

    /**
     * @param state the rollout state, or null
     * @param now the present
     * @return when the rollout can next create executions, or null when it holds nothing back
     */
    public static Instant dueAt(RolloutState state, Instant now) {
        if (state == null || state.remaining() == 0) {
            return null;
        }
        if (state.windowStart() == null || room(state) > 0) {
            return now;
        }
        Instant next = nextWindowAt(state);
        return next.isBefore(now) ? now : next;
    }

    /**
     * SPEC X1: the targets still rolling out.
     *
     * @param state the rollout state, or null
     * @return the targets that still hold things back, in the job's target order
     */
    public static List<String> processingTargets(RolloutState state) {
        List<String> processing = new ArrayList<>();
        if (state != null && state.remaining() > 0) {
            state.remainingByTarget().forEach((target, count) -> {
                if (count > 0) {
                    processing.add(target);
                }
            });
        }
        return processing;
    }

    /** The first rate: the exponential base, else the maximum, never above the maximum. */
    private static double startRate(JobExecutionsRolloutConfig config) {
        int cap = cap(config);
        ExponentialRolloutRate exponential = config.exponentialRate();
        return exponential == null || exponential.baseRatePerMinute() == null ? cap
                : Math.min(cap, exponential.baseRatePerMinute());
    }

    private static int cap(JobExecutionsRolloutConfig config) {
        return config.maximumPerMinute() == null ? DEFAULT_MAXIMUM_PER_MINUTE : config.maximumPerMinute();
    }

    private static int increases(int growth, Integer criterion) {
        return criterion == null || criterion < 1 || growth < criterion ? 0 : growth / criterion;
    }

    private static Instant nextWindowAt(RolloutState state) {
        return (state.lastCreatedAt() != null ? state.lastCreatedAt() : state.windowStart()).plus(WINDOW);
    }

    private static List<String> distinctTargets(List<String> targets, List<Integer> indexes) {
        List<String> distinct = new ArrayList<>();
        for (int index : indexes) {
            if (index >= 0 && index < targets.size() && !distinct.contains(targets.get(index))) {
                distinct.add(targets.get(index));
            }
        }
        return distinct;
    }
}
