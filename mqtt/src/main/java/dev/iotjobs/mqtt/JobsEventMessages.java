package dev.iotjobs.mqtt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotjobs.api.JobsControlPlane;
import dev.iotjobs.api.control.DescribeJobExecutionRequest;
import dev.iotjobs.api.control.DescribeJobRequest;
import dev.iotjobs.api.error.JobsException;
import dev.iotjobs.api.event.JobDeleted;
import dev.iotjobs.api.event.JobEvent;
import dev.iotjobs.api.event.JobExecutionDeleted;
import dev.iotjobs.api.event.JobExecutionStatusChanged;
import dev.iotjobs.api.event.JobStatusChanged;
import dev.iotjobs.api.model.Job;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobProcessDetails;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs events AWS IoT publishes on {@code $aws/events/job/{jobId}/{operation}} and
 * {@code $aws/events/jobExecution/{jobId}/{operation}} (SPEC E5): a view of the engine's job events, completed with
 * a read of the job or execution (its targets, description, counters, status details). No new state.
 *
 * <ul>
 *   <li>Jobs: {@code completed}, {@code canceled}, {@code deletion_in_progress}, {@code deleted}. The engine cancels
 *       a job at once (its executions follow in batches), so there is no {@code cancellation_in_progress}.</li>
 *   <li>Executions: {@code succeeded}, {@code failed}, {@code rejected}, {@code canceled}, {@code timed_out},
 *       {@code removed}, {@code deleted}.</li>
 * </ul>
 *
 * <p>Events are delivered at least once; {@code eventId} is derived from the event itself, so a redelivered event
 * carries the same id and subscribers can drop the repeat. Times are integer epoch seconds (SPEC W3).
 */
final class JobsEventMessages {
    private static final Logger LOG = LoggerFactory.getLogger(JobsEventMessages.class);

    private final JobsControlPlane controlPlane;
    /** {@code arn:aws:iot:{region}:{account}:}, learned from the first ARN read: an engine's never changes. */
    private volatile String arnPrefix;

    JobsEventMessages(JobsControlPlane controlPlane) {
        this.controlPlane = controlPlane;
    }

    /**
     * @param event a job event
     * @return its jobs event message, or empty for the events AWS publishes nothing for (creations, starts)
     */
    Optional<OutgoingMessage> of(JobEvent event) {
        if (event instanceof JobStatusChanged changed) {
            return jobOperation(changed).map(operation -> job(event, operation, changed.to().name()));
        }
        if (event instanceof JobDeleted) {
            return Optional.of(job(event, "deleted", null));
        }
        if (event instanceof JobExecutionStatusChanged changed) {
            return executionOperation(changed.to()).map(operation -> execution(event, operation,
                    changed.thingName(), changed.executionNumber(), changed.to().name()));
        }
        if (event instanceof JobExecutionDeleted deleted) {
            return Optional.of(execution(event, "deleted", deleted.thingName(), deleted.executionNumber(), null));
        }
        return Optional.empty();
    }

    private static Optional<String> jobOperation(JobStatusChanged changed) {
        if (changed.from() == changed.to()) {
            return Optional.empty(); // only forceCanceled changed: AWS publishes nothing new
        }
        return switch (changed.to()) {
            case COMPLETED -> Optional.of("completed");
            case CANCELED -> Optional.of("canceled");
            case DELETION_IN_PROGRESS -> Optional.of("deletion_in_progress");
            default -> Optional.empty();
        };
    }

    private static Optional<String> executionOperation(JobExecutionStatus to) {
        return switch (to) {
            case SUCCEEDED, FAILED, REJECTED, CANCELED, TIMED_OUT, REMOVED ->
                    Optional.of(to.name().toLowerCase(Locale.ROOT));
            default -> Optional.empty();
        };
    }

    private OutgoingMessage job(JobEvent event, String operation, String status) {
        ObjectNode payload = header(event, "JOB", operation);
        MqttJson.put(payload, "status", status);
        Job job = operation.equals("deleted") ? null : describeJob(event.jobId());
        if (job != null) {
            MqttJson.put(payload, "targetSelection", job.targetSelection() == null ? null
                    : job.targetSelection().name());
            payload.set("targets", payload.arrayNode().addAll(job.targets().stream()
                    .map(payload::textNode).toList()));
            MqttJson.put(payload, "description", job.description());
            MqttJson.put(payload, "comment", job.comment());
            MqttJson.put(payload, "reasonCode", job.reasonCode());
            MqttJson.put(payload, "createdAt", job.createdAt());
            MqttJson.put(payload, "lastUpdatedAt", job.lastUpdatedAt());
            MqttJson.put(payload, "completedAt", job.completedAt());
            if (job.jobProcessDetails() != null) {
                payload.set("jobProcessDetails", processDetails(job.jobProcessDetails()));
            }
        }
        return new OutgoingMessage(JobsTopics.jobEvent(event.jobId(), operation), MqttJson.bytes(payload));
    }

    private OutgoingMessage execution(JobEvent event, String operation, String thingName, long executionNumber,
                                      String status) {
        ObjectNode payload = header(event, "JOB_EXECUTION", operation);
        JobExecution execution = operation.equals("deleted") ? null
                : describeExecution(event.jobId(), thingName, executionNumber);
        String thingArn = execution != null && execution.thingArn() != null ? execution.thingArn()
                : thingArn(event.jobId(), thingName);
        MqttJson.put(payload, "thingArn", thingArn);
        MqttJson.put(payload, "status", status);
        if (execution != null) {
            MqttJson.put(payload, "statusDetails", execution.statusDetails());
        }
        return new OutgoingMessage(JobsTopics.jobExecutionEvent(event.jobId(), operation), MqttJson.bytes(payload));
    }

    private static ObjectNode header(JobEvent event, String eventType, String operation) {
        ObjectNode payload = MqttJson.object();
        payload.put("eventType", eventType);
        payload.put("eventId", eventId(event, operation));
        MqttJson.put(payload, "timestamp", event.occurredAt());
        payload.put("operation", operation);
        payload.put("jobId", event.jobId());
        return payload;
    }

    /** The same event delivered twice gets the same id: a name-based UUID of the event's own values. */
    private static String eventId(JobEvent event, String operation) {
        String key = operation + "|" + event;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static ObjectNode processDetails(JobProcessDetails details) {
        ObjectNode node = MqttJson.object();
        MqttJson.put(node, "numberOfCanceledThings", details.numberOfCanceledThings());
        MqttJson.put(node, "numberOfRejectedThings", details.numberOfRejectedThings());
        MqttJson.put(node, "numberOfFailedThings", details.numberOfFailedThings());
        MqttJson.put(node, "numberOfRemovedThings", details.numberOfRemovedThings());
        MqttJson.put(node, "numberOfSucceededThings", details.numberOfSucceededThings());
        MqttJson.put(node, "numberOfTimedOutThings", details.numberOfTimedOutThings());
        MqttJson.put(node, "numberOfQueuedThings", details.numberOfQueuedThings());
        MqttJson.put(node, "numberOfInProgressThings", details.numberOfInProgressThings());
        return node;
    }

    /** @return the job now, or null when it is gone (the event is published with what it carries) */
    private Job describeJob(String jobId) {
        try {
            Job job = controlPlane.describeJob(DescribeJobRequest.builder().jobId(jobId).build()).job();
            learnPrefix(job.jobArn());
            return job;
        } catch (JobsException e) {
            LOG.debug("jobs event of {} without the job's details: {}", jobId, e.getMessage());
            return null;
        }
    }

    private JobExecution describeExecution(String jobId, String thingName, long executionNumber) {
        try {
            JobExecution execution = controlPlane.describeJobExecution(DescribeJobExecutionRequest.builder()
                    .jobId(jobId).thingName(thingName).executionNumber(executionNumber).build()).execution();
            learnPrefix(execution.thingArn());
            return execution;
        } catch (JobsException e) {
            LOG.debug("jobs event of {} on {} without the execution's details: {}", jobId, thingName,
                    e.getMessage());
            return null;
        }
    }

    /**
     * A deleted execution can no longer be read: its thing's ARN is built from the engine's region and account, as
     * an earlier event or the job's ARN showed them. Null when neither is known (the job is gone too).
     */
    private String thingArn(String jobId, String thingName) {
        if (arnPrefix == null) {
            describeJob(jobId);
        }
        return arnPrefix == null ? null : arnPrefix + "thing/" + thingName;
    }

    private void learnPrefix(String arn) {
        if (arnPrefix == null && arn != null) {
            int resource = arn.indexOf(':', "arn:aws:iot:".length());
            int end = resource < 0 ? -1 : arn.indexOf(':', resource + 1);
            if (arn.startsWith("arn:aws:iot:") && end > 0) {
                arnPrefix = arn.substring(0, end + 1);
            }
        }
    }
}
