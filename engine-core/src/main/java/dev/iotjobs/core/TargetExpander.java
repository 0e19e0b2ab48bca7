package dev.iotjobs.core;

import dev.iotjobs.api.error.InvalidRequestException;
import dev.iotjobs.api.error.ResourceNotFoundException;
import dev.iotjobs.core.rules.Scope;
import dev.iotjobs.spi.JobRepository;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns job targets into thing names (SPEC J3, V5): thing ARNs as they are, group ARNs into the things of the
 * group and of all its descendant groups, each thing once, remembering which targets reach it (SPEC T7's
 * {@code processingTargets}); a slice of at most one batch at a time (C4), so that its cost does not grow with the
 * groups.
 */
final class TargetExpander {
    private final JobRepository repository;
    private final Scope scope;

    TargetExpander(JobRepository repository, Scope scope) {
        this.repository = repository;
        this.scope = scope;
    }

    /**
     * The things some of the targets reach, one slice of them in name order (SPEC J3, C4): those after
     * {@code afterThing}, at most {@code limit}. Each group reaches the things of the group and of all its descendant
     * groups; a thing reached through several targets is there once, with the positions of all of them.
     *
     * @param targets the job's target ARNs
     * @param indexes the positions in {@code targets} of those to expand
     * @param afterThing the last thing of the previous slice, or null for the first
     * @param limit the most things to return
     * @param skipMissing whether targets that no longer exist are left out (else ResourceNotFoundException)
     * @param revisions receives each expanded group's membership revision (SPEC G2), or null
     * @return the slice, and whether more things follow it
     */
    Slice slice(List<String> targets, List<Integer> indexes, String afterThing, int limit, boolean skipMissing,
                Map<String, Long> revisions) {
        SortedMap<String, List<Integer>> things = new TreeMap<>();
        for (int index : indexes) {
            String arn = targets.get(index);
            Scope.Target target = scope.parseTarget(arn).orElseThrow(
                    () -> new InvalidRequestException("targets: not a thing or thing-group ARN of this account: "
                            + arn));
            boolean exists = target.group() ? repository.findThingGroup(target.name()).isPresent()
                    : repository.findThing(target.name()).isPresent();
            if (!exists && !skipMissing) {
                throw new ResourceNotFoundException("targets: " + (target.group() ? "thing group " : "thing ")
                        + target.name() + " does not exist");
            }
            if (!exists) {
                continue;
            }
            if (!target.group()) {
                if (afterThing == null || target.name().compareTo(afterThing) > 0) {
                    reach(things, target.name(), index);
                }
                continue;
            }
            // Each group's first limit + 1 after the cursor: the first limit + 1 of the union are among them.
            Set<String> groups = withDescendants(List.of(target.name()), revisions);
            for (String thing : repository.thingsInGroups(groups, afterThing, limit + 1).items()) {
                reach(things, thing, index);
            }
        }
        boolean more = things.size() > limit;
        while (things.size() > limit) {
            things.remove(things.lastKey());
        }
        things.replaceAll((thing, reach) -> reach.stream().sorted().toList());
        return new Slice(things, more);
    }

    /**
     * One slice of an expansion.
     *
     * @param things the things, in name order, each with the positions of the targets reaching it, ascending
     * @param more whether more things follow the last of them
     */
    record Slice(SortedMap<String, List<Integer>> things, boolean more) {
        /** @return the last thing of the slice, or null when it is empty */
        String last() {
            return things.isEmpty() ? null : things.lastKey();
        }
    }

    private static void reach(SortedMap<String, List<Integer>> things, String thing, int index) {
        List<Integer> reach = things.computeIfAbsent(thing, t -> new ArrayList<>(1));
        if (!reach.contains(index)) {
            reach.add(index);
        }
    }

    /** @return the groups and all their descendants, each once */
    Set<String> withDescendants(Collection<String> roots) {
        return withDescendants(roots, null);
    }

    private Set<String> withDescendants(Collection<String> roots, Map<String, Long> revisions) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String group = todo.pop();
            if (seen.add(group)) {
                if (revisions != null && !revisions.containsKey(group)) {
                    revisions.putAll(repository.groupMembershipRevisions(List.of(group)));
                }
                todo.addAll(repository.childGroups(group));
            }
        }
        return seen;
    }
}
