package dev.iotjobs.core.rules;

import dev.iotjobs.api.model.AbortConfig;
import dev.iotjobs.api.model.AbortCriteria;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.StatusCounts;
import java.util.Locale;
import java.util.Optional;

/**
 * SPEC T6: after a terminal transition, the job's abort criteria are checked in order; the first that is met cancels
 * the job as CancelJob(force=false) with reasonCode {@value #REASON_CODE}.
 */
public final class AbortRules {
    /** The reasonCode of a job canceled by its abort criteria. */
    public static final String REASON_CODE = "ABORTED_BY_CRITERIA";

    private AbortRules() {
    }

    /**
     * @param job a job, with its current counts
     * @return the comment of the cancel when a criterion is met (naming the criterion and the figures), else empty
     */
    public static Optional<String> triggered(JobRecord job) {
        AbortConfig config = job.job().abortConfig();
        if (config == null || job.job().status() != JobStatus.IN_PROGRESS) {
            return Optional.empty();
        }
        StatusCounts counts = job.counts();
        int executed = counts.succeeded() + counts.failed() + counts.timedOut() + counts.rejected()
                + counts.removed() + counts.canceled();
        for (AbortCriteria criterion : config.criteriaList()) {
            int failed = switch (criterion.failureType()) {
                case FAILED -> counts.failed();
                case REJECTED -> counts.rejected();
                case TIMED_OUT -> counts.timedOut();
                case ALL -> counts.failed() + counts.rejected() + counts.timedOut();
            };
            if (executed > 0 && executed >= criterion.minNumberOfExecutedThings()
                    && 100.0 * failed / executed >= criterion.thresholdPercentage()) {
                return Optional.of(String.format(Locale.ROOT, "Aborted by criterion %s: %d of %d executed things "
                                + "(%.1f%%) reached the threshold of %s%% with at least %d executed",
                        criterion.failureType(), failed, executed, 100.0 * failed / executed,
                        criterion.thresholdPercentage(), criterion.minNumberOfExecutedThings()));
            }
        }
        return Optional.empty();
    }
}
