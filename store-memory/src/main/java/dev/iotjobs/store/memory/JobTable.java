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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The jobs and their indexes: by id; by (createdAt, jobId) overall, per status and per target ARN for listings;
 * by dueAt for the sweep.
 *
 * <p>Thread-safety: reads by id may run at any time. Commits on different jobs may {@link #put} at the same time as
 * long as they change no indexed member but the status (the device path: counter deltas and completions); any other
 * write, and the listings and due queries, run alone (the repository's gate, held exclusively).
 */
final class JobTable {
    private final Map<String, JobRecord> byId = new ConcurrentHashMap<>();
    private final NavigableSet<JobListKey> listed = new TreeSet<>(Keys.JOB_LIST);
    /** One concurrent set per status, never dropped: completions on different jobs move keys in parallel. */
    private final Map<JobStatus, NavigableSet<JobListKey>> byStatus = new EnumMap<>(JobStatus.class);
    private final AtomicIntegerArray statusSizes = new AtomicIntegerArray(JobStatus.values().length);
    private final Map<String, NavigableSet<JobListKey>> byTarget = new HashMap<>();
    private final NavigableSet<Keys.Due> due = new TreeSet<>();

    JobTable() {
        for (JobStatus status : JobStatus.values()) {
            byStatus.put(status, new ConcurrentSkipListSet<>(Keys.JOB_LIST));
        }
    }

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
            if (old.job().status() != record.job().status()) {
                // A completion: only the status index moves, so completions of different jobs run in parallel.
                JobListKey key = Keys.listKey(record);
                removeFromStatus(old.job().status(), key);
                addToStatus(record.job().status(), key);
            }
            return; // the hot path: counter deltas touch no index
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
        int smallestSize = listed.size();
        if (filter.status() != null) {
            // A concurrent set counts its elements by walking them: its size is kept aside.
            int size = statusSizes.get(filter.status().ordinal());
            if (size < smallestSize) {
                smallest = byStatus.get(filter.status());
                smallestSize = size;
            }
        }
        if (filter.targetArn() != null) {
            NavigableSet<JobListKey> targeting = byTarget.get(filter.targetArn());
            if (targeting == null) {
                return Collections.emptyNavigableSet();
            }
            if (targeting.size() < smallestSize) {
                smallest = targeting;
            }
        }
        return smallest;
    }

    private void addToStatus(JobStatus status, JobListKey key) {
        if (byStatus.get(status).add(key)) {
            statusSizes.incrementAndGet(status.ordinal());
        }
    }

    private void removeFromStatus(JobStatus status, JobListKey key) {
        if (byStatus.get(status).remove(key)) {
            statusSizes.decrementAndGet(status.ordinal());
        }
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
        addToStatus(record.job().status(), key);
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
        removeFromStatus(record.job().status(), key);
        for (String target : record.job().targets()) {
            Indexes.remove(byTarget, target, key);
        }
        if (record.dueAt() != null) {
            due.remove(new Keys.Due(record.dueAt(), record.jobId()));
        }
    }

    /** @return whether the two states have the same index entries, but maybe the status */
    private static boolean sameIndexedMembers(JobRecord a, JobRecord b) {
        return Objects.equals(a.job().createdAt(), b.job().createdAt())
                && a.job().targets().equals(b.job().targets())
                && Objects.equals(a.dueAt(), b.dueAt());
    }
}
