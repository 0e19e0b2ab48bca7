package dev.iotjobs.core.rules;

import static dev.iotjobs.core.rules.ValidationShapes.GROUP_ID;
import static dev.iotjobs.core.rules.ValidationShapes.ATTRIBUTE_KEY;
import static dev.iotjobs.core.rules.ValidationShapes.ATTRIBUTE_VALUE;
import static dev.iotjobs.core.rules.ValidationShapes.ATTRIBUTE_VALUE_MAX;
import static dev.iotjobs.core.rules.ValidationShapes.ID;
import static dev.iotjobs.core.rules.ValidationShapes.ID_OR_NEXT;
import static dev.iotjobs.core.rules.ValidationShapes.JOB_ID_MAX;
import static dev.iotjobs.core.rules.ValidationShapes.NAME_MAX;
import static dev.iotjobs.core.rules.ValidationShapes.PRINTABLE;
import static dev.iotjobs.core.rules.ValidationShapes.PRINTABLE_OR_EMPTY;
import static dev.iotjobs.core.rules.ValidationShapes.REASON_CODE;
import static dev.iotjobs.core.rules.ValidationShapes.TEMPLATE_ARN;
import static dev.iotjobs.core.rules.ValidationShapes.TEMPLATE_VERSION;
import static dev.iotjobs.core.rules.ValidationShapes.abortConfig;
import static dev.iotjobs.core.rules.ValidationShapes.attributePayload;
import static dev.iotjobs.core.rules.ValidationShapes.documentParameters;
import static dev.iotjobs.core.rules.ValidationShapes.freeText;
import static dev.iotjobs.core.rules.ValidationShapes.jobId;
import static dev.iotjobs.core.rules.ValidationShapes.jobTemplateId;
import static dev.iotjobs.core.rules.ValidationShapes.maxResults;
import static dev.iotjobs.core.rules.ValidationShapes.name;
import static dev.iotjobs.core.rules.ValidationShapes.nameOrArn;
import static dev.iotjobs.core.rules.ValidationShapes.namespaceId;
import static dev.iotjobs.core.rules.ValidationShapes.nextToken;
import static dev.iotjobs.core.rules.ValidationShapes.positive;
import static dev.iotjobs.core.rules.ValidationShapes.presignedUrlConfig;
import static dev.iotjobs.core.rules.ValidationShapes.requiredName;
import static dev.iotjobs.core.rules.ValidationShapes.retryConfig;
import static dev.iotjobs.core.rules.ValidationShapes.rolloutConfig;
import static dev.iotjobs.core.rules.ValidationShapes.schedulingConfig;
import static dev.iotjobs.core.rules.ValidationShapes.statusDetails;
import static dev.iotjobs.core.rules.ValidationShapes.tags;
import static dev.iotjobs.core.rules.ValidationShapes.targets;
import static dev.iotjobs.core.rules.ValidationShapes.thingGroupProperties;
import static dev.iotjobs.core.rules.ValidationShapes.timeoutConfig;

import dev.iotjobs.api.control.AddThingToThingGroupRequest;
import dev.iotjobs.api.control.AssociateTargetsWithJobRequest;
import dev.iotjobs.api.control.CancelJobExecutionRequest;
import dev.iotjobs.api.control.CancelJobRequest;
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateJobTemplateRequest;
import dev.iotjobs.api.control.CreateThingGroupRequest;
import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.api.control.DeleteJobExecutionRequest;
import dev.iotjobs.api.control.DeleteJobRequest;
import dev.iotjobs.api.control.DeleteJobTemplateRequest;
import dev.iotjobs.api.control.DeleteThingGroupRequest;
import dev.iotjobs.api.control.DeleteThingRequest;
import dev.iotjobs.api.control.DescribeJobRequest;
import dev.iotjobs.api.control.DescribeManagedJobTemplateRequest;
import dev.iotjobs.api.control.DescribeThingGroupRequest;
import dev.iotjobs.api.control.DescribeThingRequest;
import dev.iotjobs.api.control.DescribeJobTemplateRequest;
import dev.iotjobs.api.control.GetJobDocumentRequest;
import dev.iotjobs.api.control.ListJobExecutionsForJobRequest;
import dev.iotjobs.api.control.ListJobExecutionsForThingRequest;
import dev.iotjobs.api.control.ListJobTemplatesRequest;
import dev.iotjobs.api.control.ListJobsRequest;
import dev.iotjobs.api.control.ListManagedJobTemplatesRequest;
import dev.iotjobs.api.control.ListThingGroupsRequest;
import dev.iotjobs.api.control.ListThingsInThingGroupRequest;
import dev.iotjobs.api.control.ListThingsRequest;
import dev.iotjobs.api.control.RemoveThingFromThingGroupRequest;
import dev.iotjobs.api.control.UpdateJobRequest;
import dev.iotjobs.api.data.GetPendingJobExecutionsRequest;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.error.InvalidRequestException;
import dev.iotjobs.api.model.JobExecutionStatus;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * SPEC V1-V5: the validation of every request, before anything is read or changed. One method per request type
 * checks every member in the shape's member order and returns the first failure; none of them throws. A null
 * request is {@code request: is required}.
 */
public final class RequestValidation {
    /** SPEC X2: the statuses a device may set. */
    static final List<JobExecutionStatus> DEVICE_STATUSES = List.of(JobExecutionStatus.IN_PROGRESS,
            JobExecutionStatus.SUCCEEDED, JobExecutionStatus.FAILED, JobExecutionStatus.REJECTED);

    private RequestValidation() {
    }

    private static <R> Optional<InvalidRequestException> check(R request, BiConsumer<Checks, R> members) {
        Checks c = new Checks();
        if (c.present("request", request)) {
            members.accept(c, request);
        }
        return c.failure();
    }

    // ---------------------------------------------------------------- data plane

    /**
     * Data-plane DescribeJobExecution; {@code jobId} may be {@code $next}.
     *
     * @param r the request
     * @param limits the engine's limits
     * @return the first failure, or empty when the request is valid
     */
    public static Optional<InvalidRequestException> validate(dev.iotjobs.api.data.DescribeJobExecutionRequest r,
                                                             ValidationLimits limits) {
        return check(r, (c, x) -> {
            c.required("jobId", x.jobId()).length(1, JOB_ID_MAX).pattern(ID_OR_NEXT);
            requiredName(c, "thingName", x.thingName());
            positive(c, "executionNumber", x.executionNumber());
        });
    }

    /**
     * @param r the request
     * @param limits the engine's limits
     * @return the first failure, or empty when the request is valid
     */
    public static Optional<InvalidRequestException> validate(GetPendingJobExecutionsRequest r,
                                                             ValidationLimits limits) {
        return check(r, (c, x) -> requiredName(c, "thingName", x.thingName()));
    }

    /**
     * @param r the request
     * @param limits the engine's limits
     * @return the first failure, or empty when the request is valid
     */
    public static Optional<InvalidRequestException> validate(StartNextPendingJobExecutionRequest r,
                                                             ValidationLimits limits) {
        return check(r, (c, x) -> {
            requiredName(c, "thingName", x.thingName());
            statusDetails(c, x.statusDetails(), PRINTABLE_OR_EMPTY, limits);
            c.number("stepTimeoutInMinutes", x.stepTimeoutInMinutes()).range(1, limits.maxTimeoutMinutes());
        });
    }

    /**
     * SPEC X2: {@code status} is required and one a device may set; X9: {@code stepTimeoutInMinutes} may be -1.
     *
     * @param r the request
     * @param limits the engine's limits
     * @return the first failure, or empty when the request is valid
     */
    public static Optional<InvalidRequestException> validate(UpdateJobExecutionRequest r, ValidationLimits limits) {
        return check(r, (c, x) -> {
            jobId(c, x.jobId());
            requiredName(c, "thingName", x.thingName());
            c.present("status", x.status());
            c.oneOf("status", x.status(), DEVICE_STATUSES);
            statusDetails(c, x.statusDetails(), PRINTABLE_OR_EMPTY, limits);
            c.number("stepTimeoutInMinutes", x.stepTimeoutInMinutes()).rangeOr(-1, 1, limits.maxTimeoutMinutes());
            positive(c, "expectedVersion", x.expectedVersion());
            positive(c, "executionNumber", x.executionNumber());
        });
    }

    // ---------------------------------------------------------------- control plane: jobs

    /**
     * SPEC V3-V5 and T8: targets are 1..maxTargets ARNs of the engine's scope, exactly one of document or
     * documentSource (neither with a jobTemplateArn, J14), a document is a JSON object within maxDocumentBytes, the schedule parses and ends after it
     * starts.
     *
     * @param r the request
     * @param limits the engine's limits
     * @param scope the engine's region and account, which every target ARN must carry
     * @return the first failure, or empty when the request is valid
     */
    public static Optional<InvalidRequestException> validate(CreateJobRequest r, ValidationLimits limits, Scope scope) {
        return check(r, (c, x) -> {
            jobId(c, x.jobId());
            targets(c, x.targets(), limits, scope);
            c.text("documentSource", x.documentSource()).length(1, 1350);
            if (x.jobTemplateArn() == null && (x.document() == null) == (x.documentSource() == null)) {
                c.fail("document", "exactly one of document or documentSource is required");
            }
            c.text("document", x.document()).check(d -> JobDocumentCheck.problem(d, limits.maxDocumentBytes()));
            freeText(c, "description", x.description());
            presignedUrlConfig(c, x.presignedUrlConfig());
            rolloutConfig(c, x.jobExecutionsRolloutConfig(), limits);
            abortConfig(c, x.abortConfig());
            timeoutConfig(c, x.timeoutConfig(), limits);
            tags(c, x.tags());
            namespaceId(c, x.namespaceId());
            c.text("jobTemplateArn", x.jobTemplateArn()).length(1, 1600).pattern(TEMPLATE_ARN);
            if (x.jobTemplateArn() != null && (x.document() != null || x.documentSource() != null)) {
                // SPEC J14, J15: the template holds the document.
                c.fail(x.document() != null ? "document" : "documentSource",
                        "must not be given with jobTemplateArn: the job takes its template's document");
            }
            retryConfig(c, x.jobExecutionsRetryConfig(), limits);
            documentParameters(c, x.documentParameters());
            schedulingConfig(c, x.schedulingConfig());
        });
    }

    /**
     * SPEC V3: a job document, given at CreateJob or fetched from its {@code documentSource}, is a JSON object of
     * at most maxDocumentBytes UTF-8 bytes.
     *
     * @param member the member to name in the message ({@code document} or {@code documentSource})
     * @param document the document, null when a source resolved to nothing
     * @param limits the engine's limits
     * @return the failure, or empty when the document is fine
     */
    public static Optional<InvalidRequestException> document(String member, String document, ValidationLimits limits) {
        Optional<String> problem = document == null ? Optional.of("must resolve to a document, got none")
                : JobDocumentCheck.problem(document, limits.maxDocumentBytes());
        return problem.map(p -> new InvalidRequestException(member + ": " + p));
    }

    /**
     * @param r the request
     * @param limits the engine's limits
     * @return the first failure, or empty when the request is valid
     */
    public static Optional<InvalidRequestException> validate(DescribeJobRequest r, ValidationLimits limits) {
        return check(r, (c, x) -> jobId(c, x.jobId()));
    }

    /**
     * SPEC J15: an optional template name 1..64, and the page.
     *
     * @param r the request
     * @param limits the engine's limits
     * @return the first failure, or empty when the request is valid
     */
    public static Optional<InvalidRequestException> validate(ListManagedJobTemplatesRequest r,
                                                             ValidationLimits limits) {
        return check(r, (c, x) -> {
            c.text("templateName", x.templateName()).length(1, JOB_ID_MAX);
            maxResults(c, x.maxResults(), limits);
            nextToken(c, x.nextToken());
        });
    }

    /**
     * SPEC J15: a template name 1..64, and an optional version {@code ^[1-9]+.[0-9]+}.
     *
     * @param r the request
     * @param limits the engine's limits
     * @return the first failure, or empty when the request is valid
     */
    public static Optional<InvalidRequestException> validate(DescribeManagedJobTemplateRequest r,
                                                             ValidationLimits limits) {
        return check(r, (c, x) -> {
            c.required("templateName", x.templateName()).length(1, JOB_ID_MAX);
            c.text("templateVersion", x.templateVersion()).pattern(TEMPLATE_VERSION);
        });
    }

    /**
     * @param r the request
     * @param limits the engine's limits
     * @return the first failure, or empty when the request is valid
     */
    public static Optional<InvalidRequestException> validate(ListJobsRequest r, ValidationLimits limits) {
        return check(r, (c, x) -> {
            maxResults(c, x.maxResults(), limits);
            nextToken(c, x.nextToken());
            name(c, "thingGroupName", x.thingGroupName());
            c.text("thingGroupId", x.thingGroupId()).length(1, NAME_MAX).pattern(GROUP_ID);
            namespaceId(c, x.namespaceId());
        });
    }

    /**
     * @param r the request
     * @param limits the engine's limits
     * @return the first failure, or empty when the request is valid
     */
    public static Optional<InvalidRequestException> validate(UpdateJobRequest r, ValidationLimits limits) {
        return check(r, (c, x) -> {
            jobId(c, x.jobId());
            freeText(c, "description", x.description());
            presignedUrlConfig(c, x.presignedUrlConfig());
            rolloutConfig(c, x.jobExecutionsRolloutConfig(), limits);
            abortConfig(c, x.abortConfig());
            timeoutConfig(c, x.timeoutConfig(), limits);
            namespaceId(c, x.namespaceId());
            retryConfig(c, x.jobExecutionsRetryConfig(), limits);
        });
    }

    /**
     * @param r the request
     * @param limits the engine's limits
     * @return the first failure, or empty when the request is valid
     */
    public static Optional<InvalidRequestException> validate(CancelJobRequest r, ValidationLimits limits) {
        return check(r, (c, x) -> {
            jobId(c, x.jobId());
            c.text("reasonCode", x.reasonCode()).maxLength(128).pattern(REASON_CODE);
            freeText(c, "comment", x.comment());
        });
    }

    /**
     * @param r the request
     * @param limits the engine's limits
     * @return the first failure, or empty when the request is valid
     */
    public static Optional<InvalidRequestException> validate(DeleteJobRequest r, ValidationLimits limits) {
        return check(r, (c, x) -> {
            jobId(c, x.jobId());
            namespaceId(c, x.namespaceId());
        });
    }

    /**
     * SPEC V3, V5: as CreateJob's targets.
     *
     * @param r the request
     * @param limits the engine's limits
     * @param scope the engine's region and account, which every target ARN must carry
     * @return the first failure, or empty when the request is valid
     */
    public static Optional<InvalidRequestException> validate(AssociateTargetsWithJobRequest r, ValidationLimits limits,
                                                             Scope scope) {
        return check(r, (c, x) -> {
            targets(c, x.targets(), limits, scope);
            jobId(c, x.jobId());
            freeText(c, "comment", x.comment());
            namespaceId(c, x.namespaceId());
        });
    }

    /**
     * @param r the request
     * @param limits the engine's limits
     * @return the first failure, or empty when the request is valid
     */
    public static Optional<InvalidRequestException> validate(GetJobDocumentRequest r, ValidationLimits limits) {
        return check(r, (c, x) -> jobId(c, x.jobId()));
    }

    // ---------------------------------------------------------------- control plane: job templates

    /**
     * SPEC J14: a template id, a required description, exactly one of document, documentSource or jobArn (a job ARN
     * of the engine's scope), and the configurations as at CreateJob.
     *
     * @param r the request
     * @param limits the engine's limits
     * @param scope the engine's region and account, which {@code jobArn} must carry
     * @return the first failure, or empty when the request is valid
     */
    public static Optional<InvalidRequestException> validate(CreateJobTemplateRequest r, ValidationLimits limits,
                                                             Scope scope) {
        return check(r, (c, x) -> {
            jobTemplateId(c, x.jobTemplateId());
            c.text("jobArn", x.jobArn()).check(a -> Arns.idProblem(scope.region(), scope.accountId(), a, Arns.JOB));
            c.text("documentSource", x.documentSource()).length(1, 1350);
            int sources = (x.jobArn() == null ? 0 : 1) + (x.documentSource() == null ? 0 : 1)
                    + (x.document() == null ? 0 : 1);
            if (sources != 1) {
                c.fail("document", "exactly one of document, documentSource or jobArn is required, got " + sources);
            }
            c.text("document", x.document()).check(d -> JobDocumentCheck.problem(d, limits.maxDocumentBytes()));
            c.required("description", x.description());
            freeText(c, "description", x.description());
            presignedUrlConfig(c, x.presignedUrlConfig());
            rolloutConfig(c, x.jobExecutionsRolloutConfig(), limits);
            abortConfig(c, x.abortConfig());
            timeoutConfig(c, x.timeoutConfig(), limits);
            tags(c, x.tags());
            retryConfig(c, x.jobExecutionsRetryConfig(), limits);
        });
    }

    /**
     * @param r the request
     * @param limits the engine's limits
     * @return the first failure, or empty when the request is valid
     */
    public static Optional<InvalidRequestException> validate(DescribeJobTemplateRequest r, ValidationLimits limits) {
        return check(r, (c, x) -> jobTemplateId(c, x.jobTemplateId()));
    }

    /**
     * @param r the request
     * @param limits the engine's limits
     * @return the first failure, or empty when the request is valid
     */
    public static Optional<InvalidRequestException> validate(ListJobTemplatesRequest r, ValidationLimits limits) {
        return check(r, (c, x) -> {
            maxResults(c, x.maxResults(), limits);
            nextToken(c, x.nextToken());
        });
    }

    /**
     * @param r the request
     * @param limits the engine's limits
     * @return the first failure, or empty when the request is valid
     */
    public static Optional<InvalidRequestException> validate(DeleteJobTemplateRequest r, ValidationLimits limits) {
        return check(r, (c, x) -> jobTemplateId(c, x.jobTemplateId()));
    }

    // ---------------------------------------------------------------- control plane: executions

    /**
     * Control-plane DescribeJobExecution.
     *
     * @param r the request
     * @param limits the engine's limits
     * @return the first failure, or empty when the request is valid
     */
    public static Optional<InvalidRequestException> validate(
            dev.iotjobs.api.control.DescribeJobExecutionRequest r, ValidationLimits limits) {
        return check(r, (c, x) -> {
            jobId(c, x.jobId());
            requiredName(c, "thingName", x.thingName());
            positive(c, "executionNumber", x.executionNumber());
        });
    }

    /**
     * @param r the request
     * @param limits the engine's limits
     * @return the first failure, or empty when the request is valid
     */
    public static Optional<InvalidRequestException> validate(ListJobExecutionsForJobRequest r,
                                                             ValidationLimits limits) {
        return check(r, (c, x) -> {
            jobId(c, x.jobId());
            maxResults(c, x.maxResults(), limits);
            nextToken(c, x.nextToken());
        });
    }

    /**
     * @param r the request
     * @param limits the engine's limits
     * @return the first failure, or empty when the request is valid
     */
    public static Optional<InvalidRequestException> validate(ListJobExecutionsForThingRequest r,
                                                             ValidationLimits limits) {
        return check(r, (c, x) -> {
            requiredName(c, "thingName", x.thingName());
            namespaceId(c, x.namespaceId());
            maxResults(c, x.maxResults(), limits);
            nextToken(c, x.nextToken());
            c.text("jobId", x.jobId()).length(1, JOB_ID_MAX).pattern(ID);
        });
    }

    /**
     * {@code statusDetails} values are 1..1024 characters of {@code [^\p{C}]+} (the shape's pattern, with the
     * data plane's length so that devices can read them back).
     *
     * @param r the request
     * @param limits the engine's limits
     * @return the first failure, or empty when the request is valid
     */
    public static Optional<InvalidRequestException> validate(CancelJobExecutionRequest r, ValidationLimits limits) {
        return check(r, (c, x) -> {
            jobId(c, x.jobId());
            requiredName(c, "thingName", x.thingName());
            positive(c, "expectedVersion", x.expectedVersion());
            statusDetails(c, x.statusDetails(), PRINTABLE, limits);
        });
    }

    /**
     * {@code executionNumber} is required.
     *
     * @param r the request
     * @param limits the engine's limits
     * @return the first failure, or empty when the request is valid
     */
    public static Optional<InvalidRequestException> validate(DeleteJobExecutionRequest r, ValidationLimits limits) {
        return check(r, (c, x) -> {
            jobId(c, x.jobId());
            requiredName(c, "thingName", x.thingName());
            c.required("executionNumber", x.executionNumber()).atLeast(1);
            namespaceId(c, x.namespaceId());
        });
    }

    // ---------------------------------------------------------------- thing registry

    /**
     * @param r the request
     * @param limits the engine's limits
     * @return the first failure, or empty when the request is valid
     */
    public static Optional<InvalidRequestException> validate(CreateThingRequest r, ValidationLimits limits) {
        return check(r, (c, x) -> {
            requiredName(c, "thingName", x.thingName());
            name(c, "thingTypeName", x.thingTypeName());
            attributePayload(c, "attributePayload", x.attributePayload());
            name(c, "billingGroupName", x.billingGroupName());
        });
    }

    /**
     * @param r the request
     * @param limits the engine's limits
     * @return the first failure, or empty when the request is valid
     */
    public static Optional<InvalidRequestException> validate(DeleteThingRequest r, ValidationLimits limits) {
        return check(r, (c, x) -> {
            requiredName(c, "thingName", x.thingName());
            positive(c, "expectedVersion", x.expectedVersion());
        });
    }

    /**
     * @param r the request
     * @param limits the engine's limits
     * @return the first failure, or empty when the request is valid
     */
    public static Optional<InvalidRequestException> validate(CreateThingGroupRequest r, ValidationLimits limits) {
        return check(r, (c, x) -> {
            requiredName(c, "thingGroupName", x.thingGroupName());
            name(c, "parentGroupName", x.parentGroupName());
            thingGroupProperties(c, x.thingGroupProperties());
            tags(c, x.tags());
        });
    }

    /**
     * @param r the request
     * @param limits the engine's limits
     * @return the first failure, or empty when the request is valid
     */
    public static Optional<InvalidRequestException> validate(DeleteThingGroupRequest r, ValidationLimits limits) {
        return check(r, (c, x) -> {
            requiredName(c, "thingGroupName", x.thingGroupName());
            positive(c, "expectedVersion", x.expectedVersion());
        });
    }

    /**
     * A group and a thing are each required, by name or by ARN of the engine's scope.
     *
     * @param r the request
     * @param limits the engine's limits
     * @param scope the engine's region and account, which the ARNs must carry
     * @return the first failure, or empty when the request is valid
     */
    public static Optional<InvalidRequestException> validate(AddThingToThingGroupRequest r, ValidationLimits limits,
                                                             Scope scope) {
        return check(r, (c, x) -> {
            nameOrArn(c, "thingGroupName", x.thingGroupName(), "thingGroupArn", x.thingGroupArn(),
                    Arns.THING_GROUP, scope);
            nameOrArn(c, "thingName", x.thingName(), "thingArn", x.thingArn(), Arns.THING, scope);
        });
    }

    /**
     * A group and a thing are each required, by name or by ARN of the engine's scope.
     *
     * @param r the request
     * @param limits the engine's limits
     * @param scope the engine's region and account, which the ARNs must carry
     * @return the first failure, or empty when the request is valid
     */
    public static Optional<InvalidRequestException> validate(RemoveThingFromThingGroupRequest r,
                                                             ValidationLimits limits,
                                                             Scope scope) {
        return check(r, (c, x) -> {
            nameOrArn(c, "thingGroupName", x.thingGroupName(), "thingGroupArn", x.thingGroupArn(),
                    Arns.THING_GROUP, scope);
            nameOrArn(c, "thingName", x.thingName(), "thingArn", x.thingArn(), Arns.THING, scope);
        });
    }

    /**
     * @param r the request
     * @param limits the engine's limits
     * @return the first failure, or empty when the request is valid
     */
    public static Optional<InvalidRequestException> validate(ListThingsInThingGroupRequest r, ValidationLimits limits) {
        return check(r, (c, x) -> {
            requiredName(c, "thingGroupName", x.thingGroupName());
            nextToken(c, x.nextToken());
            maxResults(c, x.maxResults(), limits);
        });
    }

    /**
     * SPEC G6.
     *
     * @param r the request
     * @param limits the engine's limits
     * @return the first failure, or empty when the request is valid
     */
    public static Optional<InvalidRequestException> validate(DescribeThingRequest r, ValidationLimits limits) {
        return check(r, (c, x) -> requiredName(c, "thingName", x.thingName()));
    }

    /**
     * SPEC G6: an attribute filter is a name and a value together ({@code usePrefixAttributeValue} needs them), and
     * not with {@code thingTypeName}: AWS answers that "listing things by the combination of attribute and thing
     * type is not supported".
     *
     * @param r the request
     * @param limits the engine's limits
     * @return the first failure, or empty when the request is valid
     */
    public static Optional<InvalidRequestException> validate(ListThingsRequest r, ValidationLimits limits) {
        return check(r, (c, x) -> {
            nextToken(c, x.nextToken());
            maxResults(c, x.maxResults(), limits);
            c.text("attributeName", x.attributeName()).length(1, NAME_MAX).pattern(ATTRIBUTE_KEY);
            c.text("attributeValue", x.attributeValue()).maxLength(ATTRIBUTE_VALUE_MAX).pattern(ATTRIBUTE_VALUE);
            name(c, "thingTypeName", x.thingTypeName());
            if (x.attributeName() != null && x.attributeValue() == null) {
                c.fail("attributeValue", "is required with attributeName");
            } else if (x.attributeName() == null && x.attributeValue() != null) {
                c.fail("attributeName", "is required with attributeValue");
            } else if (x.attributeName() != null && x.thingTypeName() != null) {
                c.fail("thingTypeName", "cannot be combined with an attribute filter (attributeName "
                        + Checks.quote(x.attributeName()) + "), as on AWS");
            } else if (Boolean.TRUE.equals(x.usePrefixAttributeValue()) && x.attributeName() == null) {
                c.fail("usePrefixAttributeValue", "needs attributeName and attributeValue");
            }
        });
    }

    /**
     * SPEC G6.
     *
     * @param r the request
     * @param limits the engine's limits
     * @return the first failure, or empty when the request is valid
     */
    public static Optional<InvalidRequestException> validate(DescribeThingGroupRequest r, ValidationLimits limits) {
        return check(r, (c, x) -> requiredName(c, "thingGroupName", x.thingGroupName()));
    }

    /**
     * SPEC G6.
     *
     * @param r the request
     * @param limits the engine's limits
     * @return the first failure, or empty when the request is valid
     */
    public static Optional<InvalidRequestException> validate(ListThingGroupsRequest r, ValidationLimits limits) {
        return check(r, (c, x) -> {
            nextToken(c, x.nextToken());
            maxResults(c, x.maxResults(), limits);
            name(c, "parentGroup", x.parentGroup());
            name(c, "namePrefixFilter", x.namePrefixFilter());
        });
    }
}
