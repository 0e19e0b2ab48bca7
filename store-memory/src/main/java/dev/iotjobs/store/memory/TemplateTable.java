package dev.iotjobs.store.memory;

import dev.iotjobs.spi.JobTemplateListKey;
import dev.iotjobs.spi.JobTemplateRecord;
import dev.iotjobs.spi.Page;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The custom job templates (SPEC J14): by id, and by (createdAt, jobTemplateId) for the listing. Not thread-safe:
 * the repository's lock guards it.
 */
final class TemplateTable {
    private static final Comparator<JobTemplateListKey> ORDER =
            Comparator.comparing(JobTemplateListKey::createdAt).thenComparing(JobTemplateListKey::jobTemplateId);

    private final Map<String, JobTemplateRecord> byId = new HashMap<>();
    private final NavigableSet<JobTemplateListKey> listed = new TreeSet<>(ORDER);

    JobTemplateRecord get(String jobTemplateId) {
        return byId.get(jobTemplateId);
    }

    void put(JobTemplateRecord template) {
        JobTemplateRecord old = byId.put(template.jobTemplateId(), template);
        if (old != null) {
            listed.remove(old.listKey());
        }
        listed.add(template.listKey());
    }

    void remove(String jobTemplateId) {
        JobTemplateRecord old = byId.remove(jobTemplateId);
        if (old != null) {
            listed.remove(old.listKey());
        }
    }

    Page<JobTemplateRecord> list(JobTemplateListKey after, int limit) {
        Iterable<JobTemplateListKey> keys = after == null ? listed : listed.tailSet(after, false);
        return Pages.page(keys, key -> byId.get(key.jobTemplateId()), template -> true, limit);
    }
}
