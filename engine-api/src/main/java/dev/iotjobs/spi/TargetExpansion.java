package dev.iotjobs.spi;

import java.util.List;

/**
 * Group targets a job still has to expand (SPEC J3, C4): a job whose groups reach more things than one batch holds
 * commits the first batch and owes the rest, which the engine's due work adds batch by batch, in thing-name order,
 * from the thing after {@code afterThing} on. While a job owes an expansion it is not complete (SPEC J8): a store
 * evaluating a {@link JobCompletion} treats it as holding targets back.
 *
 * @param targetIndexes the positions in the job's {@code targets} of the targets still being expanded, ascending
 * @param afterThing the last thing the expansion reached, or null when it starts from the first
 */
public record TargetExpansion(List<Integer> targetIndexes, String afterThing) {
    /** Normalizes absent values. */
    public TargetExpansion {
        targetIndexes = targetIndexes == null ? List.of() : List.copyOf(targetIndexes);
    }

    /**
     * @param thing the last thing the expansion reached now
     * @return the expansion going on after it
     */
    public TargetExpansion after(String thing) {
        return new TargetExpansion(targetIndexes, thing);
    }
}
