package dev.iotjobs.core.rules;

import dev.iotjobs.api.control.AddThingToThingGroupRequest;
import dev.iotjobs.api.control.AssociateTargetsWithJobRequest;
import dev.iotjobs.api.control.CancelJobExecutionRequest;
import dev.iotjobs.api.control.CancelJobRequest;
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateThingGroupRequest;
import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.api.control.DeleteJobExecutionRequest;
import dev.iotjobs.api.control.DeleteJobRequest;
import dev.iotjobs.api.control.DeleteThingGroupRequest;
import dev.iotjobs.api.control.DeleteThingRequest;
import dev.iotjobs.api.control.DescribeJobRequest;
import dev.iotjobs.api.control.GetJobDocumentRequest;
import dev.iotjobs.api.control.ListJobExecutionsForJobRequest;
import dev.iotjobs.api.control.ListJobExecutionsForThingRequest;
import dev.iotjobs.api.control.ListJobsRequest;
import dev.iotjobs.api.control.ListThingsInThingGroupRequest;
import dev.iotjobs.api.control.RemoveThingFromThingGroupRequest;
import dev.iotjobs.api.control.UpdateJobRequest;
import dev.iotjobs.api.data.GetPendingJobExecutionsRequest;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.model.AbortAction;
import dev.iotjobs.api.model.AbortConfig;
import dev.iotjobs.api.model.AbortCriteria;
import dev.iotjobs.api.model.AttributePayload;
import dev.iotjobs.api.model.ExponentialRolloutRate;
import dev.iotjobs.api.model.JobEndBehavior;
import dev.iotjobs.api.model.JobExecutionFailureType;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.JobExecutionsRetryConfig;
import dev.iotjobs.api.model.JobExecutionsRolloutConfig;
import dev.iotjobs.api.model.JobStatus;
import dev.iotjobs.api.model.PresignedUrlConfig;
import dev.iotjobs.api.model.RateIncreaseCriteria;
import dev.iotjobs.api.model.RetryCriteria;
import dev.iotjobs.api.model.RetryableFailureType;
import dev.iotjobs.api.model.SchedulingConfig;
import dev.iotjobs.api.model.Tag;
import dev.iotjobs.api.model.TargetSelection;
import dev.iotjobs.api.model.ThingGroupProperties;
import dev.iotjobs.api.model.TimeoutConfig;
import dev.iotjobs.core.EngineLimits;
import dev.iotjobs.api.error.InvalidRequestException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Valid baseline requests, every member set, for the validation tests to break one member at a time. */
final class ValidationFixtures {
    static final EngineLimits LIMITS = EngineLimits.AWS_DEFAULTS;
    static final String REGION = "us-east-1";
    static final String ACCOUNT = "123456789012";
    static final Scope SCOPE = new Scope(REGION, ACCOUNT);
    static final String THING_ARN = "arn:aws:iot:us-east-1:123456789012:thing/sensor-1";
    static final String GROUP_ARN = "arn:aws:iot:us-east-1:123456789012:thinggroup/fleet:eu";

    private ValidationFixtures() {
    }

    static PresignedUrlConfig presignedUrlConfig() {
        return new PresignedUrlConfig("arn:aws:iam::123456789012:role/jobs", 600L);
    }

    static JobExecutionsRolloutConfig rolloutConfig() {
        return new JobExecutionsRolloutConfig(100,
                new ExponentialRolloutRate(10, 2.0, new RateIncreaseCriteria(5, null)));
    }

    static AbortConfig abortConfig() {
        return new AbortConfig(List.of(
                new AbortCriteria(JobExecutionFailureType.FAILED, AbortAction.CANCEL, 50.0, 10),
                new AbortCriteria(JobExecutionFailureType.ALL, AbortAction.CANCEL, 80.5, 1)));
    }

    static JobExecutionsRetryConfig retryConfig() {
        return new JobExecutionsRetryConfig(List.of(
                new RetryCriteria(RetryableFailureType.FAILED, 3),
                new RetryCriteria(RetryableFailureType.TIMED_OUT, 7)));
    }

    static SchedulingConfig schedulingConfig() {
        return new SchedulingConfig("2026-03-01T12:00", "2026-03-02T12:00:30+02:00", JobEndBehavior.STOP_ROLLOUT);
    }

    static CreateJobRequest.Builder createJob() {
        return CreateJobRequest.builder()
                .jobId("job-1")
                .targets(THING_ARN, GROUP_ARN)
                .document("{\"operation\":\"update\",\"url\":\"${aws:iot:s3-presigned-url:https://b/k}\"}")
                .description("Firmware update to 2.0 (ünïcode ok)")
                .presignedUrlConfig(presignedUrlConfig())
                .targetSelection(TargetSelection.SNAPSHOT)
                .jobExecutionsRolloutConfig(rolloutConfig())
                .abortConfig(abortConfig())
                .timeoutConfig(new TimeoutConfig(60L))
                .tags(List.of(new Tag("env", "prod"), new Tag("owner:team", "")))
                .namespaceId("ns_1")
                .jobExecutionsRetryConfig(retryConfig())
                .documentParameters(Map.of("version", "2.0"))
                .schedulingConfig(schedulingConfig());
    }

    static UpdateJobRequest.Builder updateJob() {
        return UpdateJobRequest.builder()
                .jobId("job-1")
                .description("new description")
                .presignedUrlConfig(presignedUrlConfig())
                .jobExecutionsRolloutConfig(rolloutConfig())
                .abortConfig(abortConfig())
                .timeoutConfig(new TimeoutConfig(10080L))
                .namespaceId("ns")
                .jobExecutionsRetryConfig(retryConfig());
    }

    static CancelJobRequest.Builder cancelJob() {
        return CancelJobRequest.builder().jobId("job-1").reasonCode("SECURITY_ISSUE_42").comment("bad build")
                .force(true);
    }

    static DeleteJobRequest.Builder deleteJob() {
        return DeleteJobRequest.builder().jobId("job-1").force(false).namespaceId("ns");
    }

    static AssociateTargetsWithJobRequest.Builder associateTargets() {
        return AssociateTargetsWithJobRequest.builder().targets(List.of(THING_ARN)).jobId("job-1")
                .comment("one more").namespaceId("ns");
    }

    static DescribeJobRequest.Builder describeJob() {
        return DescribeJobRequest.builder().jobId("job-1");
    }

    static GetJobDocumentRequest.Builder getJobDocument() {
        return GetJobDocumentRequest.builder().jobId("job-1");
    }

    static ListJobsRequest.Builder listJobs() {
        return ListJobsRequest.builder().status(JobStatus.IN_PROGRESS).targetSelection(TargetSelection.CONTINUOUS)
                .maxResults(250).nextToken("am9ic3wxNzAwMDAwMDAwMDAwfGpvYi0x").thingGroupName("fleet")
                .thingGroupId("0f3e-42aa").namespaceId("ns");
    }

    static dev.iotjobs.api.control.DescribeJobExecutionRequest.Builder describeExecution() {
        return dev.iotjobs.api.control.DescribeJobExecutionRequest.builder().jobId("job-1").thingName("sensor-1")
                .executionNumber(1L);
    }

    static ListJobExecutionsForJobRequest.Builder listForJob() {
        return ListJobExecutionsForJobRequest.builder().jobId("job-1").status(JobExecutionStatus.QUEUED)
                .maxResults(1).nextToken("dG9rZW4");
    }

    static ListJobExecutionsForThingRequest.Builder listForThing() {
        return ListJobExecutionsForThingRequest.builder().thingName("sensor-1").status(JobExecutionStatus.FAILED)
                .namespaceId("ns").maxResults(100).nextToken("dG9rZW4=").jobId("job-1");
    }

    static CancelJobExecutionRequest.Builder cancelExecution() {
        return CancelJobExecutionRequest.builder().jobId("job-1").thingName("sensor-1").force(true)
                .expectedVersion(3L).statusDetails(Map.of("reason", "operator: stop"));
    }

    static DeleteJobExecutionRequest.Builder deleteExecution() {
        return DeleteJobExecutionRequest.builder().jobId("job-1").thingName("sensor-1").executionNumber(2L)
                .force(true).namespaceId("ns");
    }

    static dev.iotjobs.api.data.DescribeJobExecutionRequest.Builder describeExecutionData() {
        return dev.iotjobs.api.data.DescribeJobExecutionRequest.builder().jobId("job-1").thingName("sensor-1")
                .includeJobDocument(true).executionNumber(1L);
    }

    static GetPendingJobExecutionsRequest.Builder getPending() {
        return GetPendingJobExecutionsRequest.builder().thingName("sensor-1");
    }

    static StartNextPendingJobExecutionRequest.Builder startNext() {
        return StartNextPendingJobExecutionRequest.builder().thingName("sensor-1")
                .statusDetails(Map.of("step", "download", "note", "50% ünïcode")).stepTimeoutInMinutes(30L);
    }

    static UpdateJobExecutionRequest.Builder updateExecution() {
        return UpdateJobExecutionRequest.builder().jobId("job-1").thingName("sensor-1")
                .status(JobExecutionStatus.SUCCEEDED).statusDetails(Map.of("progress", "100%"))
                .stepTimeoutInMinutes(-1L).expectedVersion(1L).includeJobExecutionState(true)
                .includeJobDocument(false).executionNumber(1L);
    }

    static CreateThingRequest.Builder createThing() {
        return CreateThingRequest.builder().thingName("sensor-1").thingTypeName("Sensor")
                .attributePayload(new AttributePayload(Map.of("model", "x-1", "empty", ""), true))
                .billingGroupName("billing");
    }

    static DeleteThingRequest.Builder deleteThing() {
        return DeleteThingRequest.builder().thingName("sensor-1").expectedVersion(1L);
    }

    static CreateThingGroupRequest.Builder createThingGroup() {
        return CreateThingGroupRequest.builder().thingGroupName("fleet:eu").parentGroupName("fleet")
                .thingGroupProperties(new ThingGroupProperties("All EU sensors",
                        new AttributePayload(Map.of("region", "eu"), false)))
                .tags(List.of(new Tag("env", "prod")));
    }

    static DeleteThingGroupRequest.Builder deleteThingGroup() {
        return DeleteThingGroupRequest.builder().thingGroupName("fleet:eu").expectedVersion(2L);
    }

    static AddThingToThingGroupRequest.Builder addThingToGroup() {
        return AddThingToThingGroupRequest.builder().thingGroupName("fleet:eu").thingArn(THING_ARN)
                .overrideDynamicGroups(false);
    }

    static RemoveThingFromThingGroupRequest.Builder removeThingFromGroup() {
        return RemoveThingFromThingGroupRequest.builder().thingGroupArn(GROUP_ARN).thingName("sensor-1");
    }

    static ListThingsInThingGroupRequest.Builder listThingsInGroup() {
        return ListThingsInThingGroupRequest.builder().thingGroupName("fleet").recursive(true)
                .nextToken("dGhpbmdzfGE").maxResults(10);
    }

    /** @return one valid request of every type */
    static Stream<Object> baselines() {
        return Stream.of(createJob().build(), updateJob().build(), cancelJob().build(), deleteJob().build(),
                associateTargets().build(), describeJob().build(), getJobDocument().build(), listJobs().build(),
                describeExecution().build(), listForJob().build(), listForThing().build(), cancelExecution().build(),
                deleteExecution().build(), describeExecutionData().build(), getPending().build(), startNext().build(),
                updateExecution().build(), createThing().build(), deleteThing().build(), createThingGroup().build(),
                deleteThingGroup().build(), addThingToGroup().build(), removeThingFromGroup().build(),
                listThingsInGroup().build());
    }

    /**
     * Validates a request of any type with {@link #LIMITS} and {@link #SCOPE}.
     *
     * @param request a request object, not null
     * @return the first failure, or empty
     */
    static Optional<InvalidRequestException> validate(Object request) {
        if (request instanceof CreateJobRequest r) {
            return RequestValidation.validate(r, LIMITS, SCOPE);
        } else if (request instanceof UpdateJobRequest r) {
            return RequestValidation.validate(r, LIMITS);
        } else if (request instanceof CancelJobRequest r) {
            return RequestValidation.validate(r, LIMITS);
        } else if (request instanceof DeleteJobRequest r) {
            return RequestValidation.validate(r, LIMITS);
        } else if (request instanceof AssociateTargetsWithJobRequest r) {
            return RequestValidation.validate(r, LIMITS, SCOPE);
        } else if (request instanceof DescribeJobRequest r) {
            return RequestValidation.validate(r, LIMITS);
        } else if (request instanceof GetJobDocumentRequest r) {
            return RequestValidation.validate(r, LIMITS);
        } else if (request instanceof ListJobsRequest r) {
            return RequestValidation.validate(r, LIMITS);
        } else if (request instanceof dev.iotjobs.api.control.DescribeJobExecutionRequest r) {
            return RequestValidation.validate(r, LIMITS);
        } else if (request instanceof ListJobExecutionsForJobRequest r) {
            return RequestValidation.validate(r, LIMITS);
        } else if (request instanceof ListJobExecutionsForThingRequest r) {
            return RequestValidation.validate(r, LIMITS);
        } else if (request instanceof CancelJobExecutionRequest r) {
            return RequestValidation.validate(r, LIMITS);
        } else if (request instanceof DeleteJobExecutionRequest r) {
            return RequestValidation.validate(r, LIMITS);
        } else if (request instanceof dev.iotjobs.api.data.DescribeJobExecutionRequest r) {
            return RequestValidation.validate(r, LIMITS);
        } else if (request instanceof GetPendingJobExecutionsRequest r) {
            return RequestValidation.validate(r, LIMITS);
        } else if (request instanceof StartNextPendingJobExecutionRequest r) {
            return RequestValidation.validate(r, LIMITS);
        } else if (request instanceof UpdateJobExecutionRequest r) {
            return RequestValidation.validate(r, LIMITS);
        } else if (request instanceof CreateThingRequest r) {
            return RequestValidation.validate(r, LIMITS);
        } else if (request instanceof DeleteThingRequest r) {
            return RequestValidation.validate(r, LIMITS);
        } else if (request instanceof CreateThingGroupRequest r) {
            return RequestValidation.validate(r, LIMITS);
        } else if (request instanceof DeleteThingGroupRequest r) {
            return RequestValidation.validate(r, LIMITS);
        } else if (request instanceof AddThingToThingGroupRequest r) {
            return RequestValidation.validate(r, LIMITS, SCOPE);
        } else if (request instanceof RemoveThingFromThingGroupRequest r) {
            return RequestValidation.validate(r, LIMITS, SCOPE);
        } else if (request instanceof ListThingsInThingGroupRequest r) {
            return RequestValidation.validate(r, LIMITS);
        }
        throw new IllegalArgumentException("not a request: " + request);
    }
}
