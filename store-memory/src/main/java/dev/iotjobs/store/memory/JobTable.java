package dev.iotjobs.store.memory;

import dev.iotjobs.api.model.Job;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.api.model.TargetSelection;
import dev.iotjobs.spi.JobFilter;
import dev.iotjobs.spi.JobListKey;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The jobs and their indexes: by id; by (createdAt, jobId) overall, per status and per target ARN for listings;
 * by dueAt for the sweep. Not thread-safe: the repository's lock guards it.
 */
final class JobTable {
    private final Map<String, JobRecord> byId = new HashMap<>();
    private final NavigableSet<JobListKey> listed = new TreeSet<>(Keys.JOB_LIST);
    private final Map<JobStatus, NavigableSet<JobListKey>> byStatus = new EnumMap<>(JobStatus.class);
    private final Map<String, NavigableSet<JobListKey>> byTarget = new HashMap<>();
    private final NavigableSet<Keys.Due> due = new TreeSet<>();

    JobRecord get(String jobId) {
        return byId.get(jobId);
    }

    boolean contains(String jobId) {
        return byId.containsKey(jobId);
    }

    /** Stores the record as the job's current state, re-indexing it when an indexed member changed. */
    void put(JobRecord record) {
        JobRecord old = byId.put(record.jobId(), record);
        if (old != null && sameIndexedMembers(old, record)) {
            return; // the hot path: counter deltas and completions-free updates touch no index
        }
        if (old != null) {
            unindex(old);
        }
        index(record);
    }

    void remove(String jobId) {
        JobRecord old = byId.remove(jobId);
        if (old != null) {
            unindex(old);
        }
    }

    Page<JobRecord> list(JobFilter filter, JobListKey after, int limit) {
        NavigableSet<JobListKey> candidates = smallestIndex(filter);
        Iterable<JobListKey> keys = after == null ? candidates : candidates.tailSet(after, false);
        return Pages.page(keys, key -> byId.get(key.jobId()), job -> matches(job, filter), limit);
    }

    /** SPEC G2, G3: the live CONTINUOUS jobs targeting any of the ARNs, through the per-target index. */
    List<JobRecord> continuousTargeting(Collection<String> targetArns) {
        NavigableSet<JobListKey> keys = new TreeSet<>(Keys.JOB_LIST);
        for (String target : new HashSet<>(targetArns)) {
            for (JobListKey key : byTarget.getOrDefault(target, Collections.emptyNavigableSet())) {
                Job job = byId.get(key.jobId()).job();
                if (job.targetSelection() == TargetSelection.CONTINUOUS
                        && (job.status() == JobStatus.IN_PROGRESS || job.status() == JobStatus.SCHEDULED)) {
                    keys.add(key);
                }
            }
        }
        List<JobRecord> jobs = new ArrayList<>(keys.size());
        keys.forEach(key -> jobs.add(byId.get(key.jobId())));
        return jobs;
    }

    List<JobRecord> dueBy(Instant now, int limit) {
        Pages.checkLimit(limit);
        List<JobRecord> jobs = new ArrayList<>(Math.min(limit, 64));
        for (Keys.Due key : due) {
            if (jobs.size() == limit || key.at().isAfter(now)) {
                break;
            }
            jobs.add(byId.get(key.jobId()));
        }
        return jobs;
    }

    /** Picks the smallest index that the filter allows; the other members are filtered while walking it. */
    private NavigableSet<JobListKey> smallestIndex(JobFilter filter) {
        NavigableSet<JobListKey> smallest = listed;
        if (filter.status() != null) {
            smallest = smaller(smallest, byStatus.get(filter.status()));
        }
        if (filter.targetArn() != null) {
            smallest = smaller(smallest, byTarget.get(filter.targetArn()));
        }
        return smallest;
    }

    private static NavigableSet<JobListKey> smaller(NavigableSet<JobListKey> a, NavigableSet<JobListKey> b) {
        if (b == null) {
            return Collections.emptyNavigableSet();
        }
        return b.size() < a.size() ? b : a;
    }

    private static boolean matches(JobRecord record, JobFilter filter) {
        Job job = record.job();
        return (filter.status() == null || filter.status() == job.status())
                && (filter.targetSelection() == null || filter.targetSelection() == job.targetSelection())
                && (filter.targetArn() == null || job.targets().contains(filter.targetArn()));
    }

    private void index(JobRecord record) {
        JobListKey key = Keys.listKey(record);
        listed.add(key);
        Indexes.add(byStatus, record.job().status(), key, () -> new TreeSet<>(Keys.JOB_LIST));
        for (String target : new HashSet<>(record.job().targets())) {
            Indexes.add(byTarget, target, key, () -> new TreeSet<>(Keys.JOB_LIST));
        }
        if (record.dueAt() != null) {
            due.add(new Keys.Due(record.dueAt(), record.jobId()));
        }
    }

    private void unindex(JobRecord record) {
        JobListKey key = Keys.listKey(record);
        listed.remove(key);
        Indexes.remove(byStatus, record.job().status(), key);
        for (String target : record.job().targets()) {
            Indexes.remove(byTarget, target, key);
        }
        if (record.dueAt() != null) {
            due.remove(new Keys.Due(record.dueAt(), record.jobId()));
        }
    }

    private static boolean sameIndexedMembers(JobRecord a, JobRecord b) {
        return Objects.equals(a.job().createdAt(), b.job().createdAt())
                && a.job().status() == b.job().status()
                && a.job().targets().equals(b.job().targets())
                && Objects.equals(a.dueAt(), b.dueAt());
    }
}
