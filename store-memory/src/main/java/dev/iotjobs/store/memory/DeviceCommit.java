package dev.iotjobs.store.memory;

import dev.iotjobs.spi.Changeset;
import dev.iotjobs.spi.Changeset.Versioned;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobCompletion;
import dev.iotjobs.spi.StatusCounts;
import dev.iotjobs.spi.ThingNotice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A changeset the store may commit beside others (see {@link CommitLocks}): one that only updates executions of one
 * job, checks that job's revision, moves its counters without raising its pending count, maybe completes it, and
 * appends events and thing notices. That is what a device's StartNext and UpdateJobExecution commit, and the
 * timeout sweep of one job. Such a changeset never writes the job row but through its counters and its completion,
 * nor a registry, template or rollout row, nor adds or removes a row of an index across things.
 *
 * @param jobId the one job it touches
 * @param thingNames the things whose executions it updates or whose queues its notices read
 */
record DeviceCommit(String jobId, List<String> thingNames) {

    /**
     * @param changes a changeset
     * @return it as a device commit, or null when it must commit alone
     */
    static DeviceCommit of(Changeset changes) {
        if (changes.executionUpdates().isEmpty() || !onlyDeviceParts(changes)) {
            return null;
        }
        String jobId = changes.executionUpdates().get(0).jobId();
        if (jobId == null) {
            return null;
        }
        List<String> things = new ArrayList<>(changes.executionUpdates().size() + changes.thingNotices().size());
        for (ExecutionRecord execution : changes.executionUpdates()) {
            if (!jobId.equals(execution.jobId()) || execution.thingName() == null) {
                return null;
            }
            things.add(execution.thingName());
        }
        for (ThingNotice notice : changes.thingNotices()) {
            if (notice.thingName() == null) {
                return null;
            }
            things.add(notice.thingName());
        }
        for (Versioned<String> check : changes.jobChecks()) {
            if (!jobId.equals(check.key())) {
                return null;
            }
        }
        for (JobCompletion completion : changes.completions()) {
            if (!jobId.equals(completion.jobId())) {
                return null;
            }
        }
        for (Map.Entry<String, StatusCounts> delta : changes.counterDeltas().entrySet()) {
            // A raised pending count could race with a completion of the job, which reads it as drained.
            if (!jobId.equals(delta.getKey()) || delta.getValue().pending() > 0) {
                return null;
            }
        }
        return new DeviceCommit(jobId, things);
    }

    private static boolean onlyDeviceParts(Changeset changes) {
        return changes.thingInserts().isEmpty() && changes.thingDeletes().isEmpty()
                && changes.groupInserts().isEmpty() && changes.groupDeletes().isEmpty()
                && changes.membershipAdds().isEmpty() && changes.membershipRemoves().isEmpty()
                && changes.templateInserts().isEmpty() && changes.templateDeletes().isEmpty()
                && changes.jobInserts().isEmpty() && changes.jobUpdates().isEmpty()
                && changes.executionInserts().isEmpty() && changes.executionDeletes().isEmpty()
                && changes.rolloutInserts().isEmpty() && changes.rolloutDeletes().isEmpty()
                && changes.jobDeletes().isEmpty()
                && changes.groupMembershipChecks().isEmpty() && changes.groupMembershipMoves().isEmpty()
                && changes.thingMembershipChecks().isEmpty();
    }
}
