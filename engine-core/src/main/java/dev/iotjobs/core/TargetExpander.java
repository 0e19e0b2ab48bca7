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
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Turns job targets into thing names (SPEC J3, V5): thing ARNs as they are, group ARNs into the things of the
 * group and of all its descendant groups, each thing once.
 */
final class TargetExpander {
    private final JobRepository repository;
    private final Scope scope;

    TargetExpander(JobRepository repository, Scope scope) {
        this.repository = repository;
        this.scope = scope;
    }

    /**
     * @param targets validated target ARNs
     * @return the things they reach, in name order
     * @throws ResourceNotFoundException naming the first target that does not exist
     */
    SortedSet<String> expand(Collection<String> targets) {
        return expand(targets, false);
    }

    /**
     * @param targets stored target ARNs
     * @return the things those that still exist reach, in name order
     */
    SortedSet<String> expandExisting(Collection<String> targets) {
        return expand(targets, true);
    }

    private SortedSet<String> expand(Collection<String> targets, boolean skipMissing) {
        SortedSet<String> things = new TreeSet<>();
        List<String> roots = new ArrayList<>();
        for (String arn : targets) {
            Scope.Target target = scope.parseTarget(arn).orElseThrow(
                    () -> new InvalidRequestException("targets: not a thing or thing-group ARN of this account: "
                            + arn));
            boolean exists = target.group() ? repository.findThingGroup(target.name()).isPresent()
                    : repository.findThing(target.name()).isPresent();
            if (!exists && !skipMissing) {
                throw new ResourceNotFoundException("targets: " + (target.group() ? "thing group " : "thing ")
                        + target.name() + " does not exist");
            }
            if (exists) {
                (target.group() ? roots : things).add(target.name());
            }
        }
        Set<String> groups = withDescendants(roots);
        if (!groups.isEmpty()) {
            things.addAll(AllPages.of((String after, int limit) -> repository.thingsInGroups(groups, after, limit),
                    thing -> thing));
        }
        return things;
    }

    /** @return the groups and all their descendants, each once */
    Set<String> withDescendants(Collection<String> roots) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String group = todo.pop();
            if (seen.add(group)) {
                todo.addAll(repository.childGroups(group));
            }
        }
        return seen;
    }
}
