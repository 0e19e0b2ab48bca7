package dev.iotjobs.core;

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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * Every operation of the engine with a valid baseline request against the fleet of {@link BadInputProperties},
 * and for each member of its request values that break that member's shape (SPEC V1, V3-V5): empty, too long,
 * off-pattern, out of range, unknown enum names, null where required, broken documents, broken elements of lists
 * and maps, broken nested structures. Each bad value is the only fault of its request, so the engine must name
 * exactly that member.
 *
 * <p>The shapes are restated here rather than taken from the validator, so that the two are checked against each
 * other.
 */
final class BadInputCatalog {
    static final String ARN = "arn:aws:iot:us-east-1:123456789012:";

    /** The weight in {@link #badRequests()} of an operation with fewer members. */
    private static final int LEAST_WEIGHT = 6;

    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9_-]+");
    private static final Pattern ID_OR_NEXT = Pattern.compile("[a-zA-Z0-9_-]+|\\$next");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9:_-]+");
    private static final Pattern PRINTABLE = Pattern.compile("[^\\p{C}]+");
    private static final Pattern REASON_CODE = Pattern.compile("[\\p{Upper}\\p{Digit}_]+");
    private static final Pattern GROUP_ID = Pattern.compile("[a-zA-Z0-9-]+");
    private static final Pattern TAG_KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    private static final Pattern ATTRIBUTE = Pattern.compile("[a-zA-Z0-9_.,@/:#-]*");
    private static final Pattern GRAPH_OR_SPACE = Pattern.compile("[\\p{Graph} ]*");
    private static final Pattern TEMPLATE_ARN = Pattern.compile("arn:[!-~]+");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9+/=_-]+");

    // Fillers made of characters the pattern allows, so that only the length or the one offender is wrong.
    private static final String ID_CHARS = "abcxyzABCXYZ0189_-";
    private static final String NAME_CHARS = ID_CHARS + ":";
    private static final String TEXT_CHARS = "abc XYZ 019 .,!?üé€";
    private static final String UPPER_CHARS = "ABCXYZ019_";
    private static final String TOKEN_CHARS = "abcXYZ019-_";

    /** Characters some pattern or other refuses: blanks, controls, format and private characters, non-ASCII. */
    private static final List<String> OFFENDERS = List.of(" ", "\t", "\n", "\r", "\u0000", "\u001b", "\u007f",
            "\u0085", "\u00a0", "\u200b", "\u2028", "\ufeff", "\ue000", "\ud800", "\udc00", "é", "€", "😀", "$",
            "/", ".", "*", "\"", "'", "\\", "%", "#", "!", "?", "&", "<", "{", "[", "=", "+", "@", ",", ":", "|");

    private BadInputCatalog() {
    }

    // ================================================================== the catalog

    /** One malformed request: the member at fault, the value it got, and how to send it to an engine. */
    record BadRequest(String operation, String member, String value, Consumer<JobsEngine> send) {
        @Override
        public String toString() {
            return operation + " with " + member + " = " + value;
        }
    }

    /**
     * An operation, its valid baseline request and the ways to break each member of it.
     *
     * @param <B> the builder type of its request
     */
    static final class Operation<B> {
        final String name;
        /** The operation given no request at all. */
        final BadRequest nullRequest;
        private final Supplier<B> baseline;
        private final BiConsumer<JobsEngine, B> send;
        private final List<Arbitrary<BadRequest>> members = new ArrayList<>();

        private Operation(String name, Supplier<B> baseline, BiConsumer<JobsEngine, B> send,
                          Consumer<JobsEngine> sendNull) {
            this.name = name;
            this.baseline = baseline;
            this.send = send;
            this.nullRequest = new BadRequest(name, "request", "null", sendNull);
        }

        /** Sends the baseline request unchanged. */
        void sendBaseline(JobsEngine engine) {
            send.accept(engine, baseline.get());
        }

        /** Bad values of one member, all named by the same path. */
        <T> Operation<B> member(String member, Arbitrary<T> values, BiConsumer<B, T> set) {
            return memberAt(value -> member, values, set);
        }

        /**
         * Bad values of one member whose path depends on the value ({@code targets[2]}).
         *
         * @param member the path the message must start with, for a value
         * @param values the bad values
         * @param set puts a value into a baseline builder; runs inside the attempt, because a builder's String
         *     overload of an enum member rejects an unknown name itself, and that counts as the answer
         * @param <T> the value type
         * @return this
         */
        <T> Operation<B> memberAt(Function<T, String> member, Arbitrary<T> values, BiConsumer<B, T> set) {
            members.add(values.map(value -> new BadRequest(name, member.apply(value), show(value), engine -> {
                B builder = baseline.get();
                set.accept(builder, value);
                send.accept(engine, builder);
            })));
            return this;
        }

        List<Arbitrary<BadRequest>> members() {
            return members;
        }
    }

    private static <B, R> Operation<B> operation(String name, Supplier<B> baseline, Function<B, R> build,
                                                 BiConsumer<JobsEngine, R> call) {
        return new Operation<>(name, baseline, (engine, builder) -> call.accept(engine, build.apply(builder)),
                engine -> call.accept(engine, null));
    }

    /** Every operation of the three APIs, named {@code control.*}, {@code data.*} and {@code registry.*}. */
    static final List<Operation<?>> OPERATIONS = List.of(
            createJob(), describeJob(), listJobs(), updateJob(), cancelJob(), deleteJob(), associateTargets(),
            getJobDocument(), createJobTemplate(), describeJobTemplate(), listJobTemplates(), deleteJobTemplate(),
            describeJobExecution(), listJobExecutionsForJob(), listJobExecutionsForThing(),
            cancelJobExecution(), deleteJobExecution(), listManagedJobTemplates(), describeManagedJobTemplate(),
            describeJobExecutionData(), getPendingJobExecutions(), startNextPendingJobExecution(),
            updateJobExecution(),
            createThing(), deleteThing(), createThingGroup(), deleteThingGroup(), addThingToThingGroup(),
            removeThingFromThingGroup(), listThingsInThingGroup(), describeThing(), listThings(),
            describeThingGroup(), listThingGroups());

    /**
     * @return any bad request of any operation: each operation weighted by its number of members, but at least
     *     {@link #LEAST_WEIGHT}, so that the operations with one or two members still get dozens of tries
     */
    static Arbitrary<BadRequest> badRequests() {
        List<Tuple2<Integer, Arbitrary<BadRequest>>> weighted = OPERATIONS.stream()
                .map(op -> Tuple.of(Math.max(op.members().size(), LEAST_WEIGHT), Arbitraries.oneOf(op.members())))
                .toList();
        return Arbitraries.frequencyOf(weighted);
    }

    // ------------------------------------------------------------------ control plane: jobs

    private static Operation<CreateJobRequest.Builder> createJob() {
        // A SCHEDULED job on existing targets, every member set: it would be created.
        Supplier<CreateJobRequest.Builder> baseline = () -> CreateJobRequest.builder()
                .jobId("j-new")
                .targets(thingArn("t4"), groupArn("g1"))
                .document("{\"firmware\":\"3.0\",\"url\":\"${aws:iot:s3-presigned-url:https://b/k}\"}")
                .description("Firmware 3.0 (ünïcode ok)")
                .presignedUrlConfig(presignedUrlConfig())
                .targetSelection(TargetSelection.SNAPSHOT)
                .jobExecutionsRolloutConfig(rolloutConfig())
                .abortConfig(abortConfig())
                .timeoutConfig(new TimeoutConfig(60L))
                .tags(new Tag("env", "prod"), new Tag("owner:team", ""))
                .namespaceId("ns_1")
                .jobExecutionsRetryConfig(retryConfig())
                .schedulingConfig(new SchedulingConfig("2026-03-01T12:00", "2026-03-02T12:00:30+02:00",
                        JobEndBehavior.STOP_ROLLOUT));
        Operation<CreateJobRequest.Builder> op = operation("control.createJob", baseline,
                CreateJobRequest.Builder::build, (engine, r) -> engine.controlPlane().createJob(r));
        op.member("jobId", badJobId(true), (b, v) -> b.jobId(v));
        targets(op, (b, v) -> b.targets(v));
        op.member("documentSource", Arbitraries.oneOf(Arbitraries.just(""), tooLong(TEXT_CHARS, 1350)),
                (b, v) -> b.documentSource(v));
        op.member("document", badDocument(), (b, v) -> b.document(v));
        // SPEC V4: exactly one of document and documentSource; a source needs a resolver, which this engine lacks.
        op.member("document", Arbitraries.of("s3://bucket/firmware.json", "x").map(SourceBesideDocument::new),
                (b, v) -> b.documentSource(v.documentSource()));
        op.member("documentSource", Arbitraries.of("s3://bucket/firmware.json", "x"),
                (b, v) -> b.document(null).documentSource(v));
        op.member("description", badFreeText(), (b, v) -> b.description(v));
        presignedUrlConfig(op, (b, v) -> b.presignedUrlConfig(v));
        op.member("targetSelection", unknownName(TargetSelection.class), (b, v) -> b.targetSelection(v));
        rolloutConfig(op, (b, v) -> b.jobExecutionsRolloutConfig(v));
        abortConfig(op, (b, v) -> b.abortConfig(v));
        timeoutConfig(op, (b, v) -> b.timeoutConfig(v));
        op.memberAt(Placed::path, placed("tags", new Tag("env", "prod"), badTag()), (b, v) -> b.tags(v.items()));
        op.member("namespaceId", badNamespaceId(), (b, v) -> b.namespaceId(v));
        // A job from a template takes its document (SPEC J14): the baseline's document goes.
        op.member("jobTemplateArn", badTemplateArn(), (b, v) -> b.document(null).jobTemplateArn(v));
        op.member("document", Arbitraries.just(ARN + "jobtemplate/tmpl"), (b, v) -> b.jobTemplateArn(v));
        op.member("documentSource", Arbitraries.of("s3://bucket/firmware.json", "x"),
                (b, v) -> b.document(null).documentSource(v).jobTemplateArn(ARN + "jobtemplate/tmpl"));
        retryConfig(op, (b, v) -> b.jobExecutionsRetryConfig(v));
        op.member("documentParameters", badMap(badKey(ID_CHARS, ID, 128),
                        Arbitraries.oneOf(nothing(), Arbitraries.just(""), tooLong(TEXT_CHARS, 512),
                                breaking(TEXT_CHARS, PRINTABLE)), 0),
                (b, v) -> b.documentParameters(v));
        schedulingConfig(op, (b, v) -> b.schedulingConfig(v));
        return op;
    }

    private static Operation<DescribeJobRequest.Builder> describeJob() {
        return operation("control.describeJob", () -> DescribeJobRequest.builder().jobId("j0"),
                DescribeJobRequest.Builder::build, (engine, r) -> engine.controlPlane().describeJob(r))
                .member("jobId", badJobId(true), (b, v) -> b.jobId(v));
    }

    private static Operation<ListJobsRequest.Builder> listJobs() {
        return operation("control.listJobs", () -> ListJobsRequest.builder().status(JobStatus.IN_PROGRESS)
                                .targetSelection(TargetSelection.SNAPSHOT).maxResults(10).thingGroupName("g0")
                                .thingGroupId("0f3e-42aa").namespaceId("ns"),
                        ListJobsRequest.Builder::build, (engine, r) -> engine.controlPlane().listJobs(r))
                .member("status", unknownName(JobStatus.class), (b, v) -> b.status(v))
                .member("targetSelection", unknownName(TargetSelection.class), (b, v) -> b.targetSelection(v))
                .member("maxResults", intsOutside(1, 250), (b, v) -> b.maxResults(v))
                .member("nextToken", badNextToken("jobs|1767225600000|j0"), (b, v) -> b.nextToken(v))
                .member("thingGroupName", badName(false), (b, v) -> b.thingGroupName(v))
                .member("thingGroupId", Arbitraries.oneOf(Arbitraries.just(""), tooLong("abc019-", 128),
                        breaking("abc019-", GROUP_ID)), (b, v) -> b.thingGroupId(v))
                .member("namespaceId", badNamespaceId(), (b, v) -> b.namespaceId(v));
    }

    private static Operation<UpdateJobRequest.Builder> updateJob() {
        // The fleet's j0 carries the same configurations, so lowering nothing, this update would succeed.
        Operation<UpdateJobRequest.Builder> op = operation("control.updateJob", () -> UpdateJobRequest.builder()
                        .jobId("j0").description("firmware 2.1").presignedUrlConfig(presignedUrlConfig())
                        .jobExecutionsRolloutConfig(rolloutConfig()).abortConfig(abortConfig())
                        .timeoutConfig(new TimeoutConfig(120L)).namespaceId("ns")
                        .jobExecutionsRetryConfig(retryConfig()),
                UpdateJobRequest.Builder::build, (engine, r) -> engine.controlPlane().updateJob(r));
        op.member("jobId", badJobId(true), (b, v) -> b.jobId(v));
        op.member("description", badFreeText(), (b, v) -> b.description(v));
        presignedUrlConfig(op, (b, v) -> b.presignedUrlConfig(v));
        rolloutConfig(op, (b, v) -> b.jobExecutionsRolloutConfig(v));
        abortConfig(op, (b, v) -> b.abortConfig(v));
        timeoutConfig(op, (b, v) -> b.timeoutConfig(v));
        op.member("namespaceId", badNamespaceId(), (b, v) -> b.namespaceId(v));
        retryConfig(op, (b, v) -> b.jobExecutionsRetryConfig(v));
        return op;
    }

    private static Operation<CancelJobRequest.Builder> cancelJob() {
        return operation("control.cancelJob", () -> CancelJobRequest.builder().jobId("j0")
                                .reasonCode("SECURITY_ISSUE_42").comment("bad build").force(true),
                        CancelJobRequest.Builder::build, (engine, r) -> engine.controlPlane().cancelJob(r))
                .member("jobId", badJobId(true), (b, v) -> b.jobId(v))
                .member("reasonCode", Arbitraries.oneOf(Arbitraries.just(""), tooLong(UPPER_CHARS, 128),
                        breaking(UPPER_CHARS, REASON_CODE), Arbitraries.of("security", "Security", "SÉCURITÉ")),
                        (b, v) -> b.reasonCode(v))
                .member("comment", badFreeText(), (b, v) -> b.comment(v));
    }

    private static Operation<DeleteJobRequest.Builder> deleteJob() {
        return operation("control.deleteJob", () -> DeleteJobRequest.builder().jobId("j0").force(true)
                                .namespaceId("ns"),
                        DeleteJobRequest.Builder::build, (engine, r) -> engine.controlPlane().deleteJob(r))
                .member("jobId", badJobId(true), (b, v) -> b.jobId(v))
                .member("namespaceId", badNamespaceId(), (b, v) -> b.namespaceId(v));
    }

    private static Operation<AssociateTargetsWithJobRequest.Builder> associateTargets() {
        // j1 is CONTINUOUS and IN_PROGRESS: t5 would be added.
        Operation<AssociateTargetsWithJobRequest.Builder> op = operation("control.associateTargetsWithJob",
                () -> AssociateTargetsWithJobRequest.builder().targets(thingArn("t5")).jobId("j1")
                        .comment("one more").namespaceId("ns"),
                AssociateTargetsWithJobRequest.Builder::build,
                (engine, r) -> engine.controlPlane().associateTargetsWithJob(r));
        targets(op, (b, v) -> b.targets(v));
        op.member("jobId", badJobId(true), (b, v) -> b.jobId(v));
        op.member("comment", badFreeText(), (b, v) -> b.comment(v));
        op.member("namespaceId", badNamespaceId(), (b, v) -> b.namespaceId(v));
        return op;
    }

    private static Operation<GetJobDocumentRequest.Builder> getJobDocument() {
        return operation("control.getJobDocument", () -> GetJobDocumentRequest.builder().jobId("j0"),
                        GetJobDocumentRequest.Builder::build, (engine, r) -> engine.controlPlane().getJobDocument(r))
                .member("jobId", badJobId(true), (b, v) -> b.jobId(v));
    }

    // ------------------------------------------------------------------ control plane: managed templates (J15)

    private static Operation<ListManagedJobTemplatesRequest.Builder> listManagedJobTemplates() {
        return operation("control.listManagedJobTemplates", () -> ListManagedJobTemplatesRequest.builder()
                                .templateName("AWS-Reboot").maxResults(10),
                        ListManagedJobTemplatesRequest.Builder::build,
                        (engine, r) -> engine.controlPlane().listManagedJobTemplates(r))
                .member("templateName", Arbitraries.oneOf(Arbitraries.just(""), tooLong(NAME_CHARS, 64)),
                        (b, v) -> b.templateName(v))
                .member("maxResults", intsOutside(1, 250), (b, v) -> b.maxResults(v))
                .member("nextToken", badNextToken("managed-job-templates|AWS-Reboot|1.0"), (b, v) -> b.nextToken(v));
    }

    private static Operation<DescribeManagedJobTemplateRequest.Builder> describeManagedJobTemplate() {
        return operation("control.describeManagedJobTemplate", () -> DescribeManagedJobTemplateRequest.builder()
                                .templateName("AWS-Download-File").templateVersion("1.0"),
                        DescribeManagedJobTemplateRequest.Builder::build,
                        (engine, r) -> engine.controlPlane().describeManagedJobTemplate(r))
                .member("templateName", Arbitraries.oneOf(nothing(), Arbitraries.just(""), tooLong(NAME_CHARS, 64)),
                        (b, v) -> b.templateName(v))
                .member("templateVersion", Arbitraries.of("", "1", "v1", "1.", ".1", "0.1", "1.x", "1.0.0", "01.0"),
                        (b, v) -> b.templateVersion(v));
    }

    // ------------------------------------------------------------------ control plane: job templates (SPEC J14)

    private static Operation<CreateJobTemplateRequest.Builder> createJobTemplate() {
        // Every member but the two other document sources set: it would be created.
        Supplier<CreateJobTemplateRequest.Builder> baseline = () -> CreateJobTemplateRequest.builder()
                .jobTemplateId("tmpl-new")
                .document("{\"firmware\":\"3.0\"}")
                .description("Firmware 3.0 (ünïcode ok)")
                .presignedUrlConfig(presignedUrlConfig())
                .jobExecutionsRolloutConfig(rolloutConfig())
                .abortConfig(abortConfig())
                .timeoutConfig(new TimeoutConfig(60L))
                .tags(new Tag("env", "prod"), new Tag("owner:team", ""))
                .jobExecutionsRetryConfig(retryConfig());
        Operation<CreateJobTemplateRequest.Builder> op = operation("control.createJobTemplate", baseline,
                CreateJobTemplateRequest.Builder::build, (engine, r) -> engine.controlPlane().createJobTemplate(r));
        op.member("jobTemplateId", badJobId(true), (b, v) -> b.jobTemplateId(v));
        op.member("jobArn", Arbitraries.oneOf(malformedArn().filter(arn -> !arn.equals(ARN + "job/j0")),
                        Arbitraries.of(ARN + "job/", ARN + "job/j 0",
                        ARN + "job/j:0", "arn:aws:iot:eu-west-1:123456789012:job/j0",
                        "arn:aws:iot:us-east-1:210987654321:job/j0", ARN + "jobtemplate/tmpl", ARN + "thing/t0"),
                        tooLong(ID_CHARS, 64).map(id -> ARN + "job/" + id)),
                (b, v) -> b.document(null).jobArn(v));
        op.member("documentSource", Arbitraries.oneOf(Arbitraries.just(""), tooLong(TEXT_CHARS, 1350)),
                (b, v) -> b.document(null).documentSource(v));
        // SPEC V4: a source needs a resolver, which this engine lacks.
        op.member("documentSource", Arbitraries.of("s3://bucket/firmware.json", "x"),
                (b, v) -> b.document(null).documentSource(v));
        op.member("document", badDocument(), (b, v) -> b.document(v));
        // SPEC J14: exactly one of document, documentSource and jobArn.
        op.member("document", Arbitraries.of("s3://bucket/firmware.json", "x").map(SourceBesideDocument::new),
                (b, v) -> b.documentSource(v.documentSource()));
        op.member("document", Arbitraries.of(ARN + "job/j0", ARN + "job/j2"), (b, v) -> b.jobArn(v));
        op.member("description", Arbitraries.oneOf(nothing(), badFreeText()), (b, v) -> b.description(v));
        presignedUrlConfig(op, (b, v) -> b.presignedUrlConfig(v));
        rolloutConfig(op, (b, v) -> b.jobExecutionsRolloutConfig(v));
        abortConfig(op, (b, v) -> b.abortConfig(v));
        timeoutConfig(op, (b, v) -> b.timeoutConfig(v));
        op.memberAt(Placed::path, placed("tags", new Tag("env", "prod"), badTag()), (b, v) -> b.tags(v.items()));
        retryConfig(op, (b, v) -> b.jobExecutionsRetryConfig(v));
        return op;
    }

    private static Operation<DescribeJobTemplateRequest.Builder> describeJobTemplate() {
        return operation("control.describeJobTemplate", () -> DescribeJobTemplateRequest.builder()
                                .jobTemplateId("tmpl"),
                        DescribeJobTemplateRequest.Builder::build,
                        (engine, r) -> engine.controlPlane().describeJobTemplate(r))
                .member("jobTemplateId", badJobId(true), (b, v) -> b.jobTemplateId(v));
    }

    private static Operation<ListJobTemplatesRequest.Builder> listJobTemplates() {
        return operation("control.listJobTemplates", () -> ListJobTemplatesRequest.builder().maxResults(10),
                        ListJobTemplatesRequest.Builder::build,
                        (engine, r) -> engine.controlPlane().listJobTemplates(r))
                .member("maxResults", intsOutside(1, 250), (b, v) -> b.maxResults(v))
                .member("nextToken", badNextToken("job-templates|1767225600000|tmpl"), (b, v) -> b.nextToken(v));
    }

    private static Operation<DeleteJobTemplateRequest.Builder> deleteJobTemplate() {
        return operation("control.deleteJobTemplate", () -> DeleteJobTemplateRequest.builder()
                                .jobTemplateId("tmpl"),
                        DeleteJobTemplateRequest.Builder::build,
                        (engine, r) -> engine.controlPlane().deleteJobTemplate(r))
                .member("jobTemplateId", badJobId(true), (b, v) -> b.jobTemplateId(v));
    }

    // ------------------------------------------------------------------ control plane: executions

    private static Operation<dev.iotjobs.api.control.DescribeJobExecutionRequest.Builder> describeJobExecution() {
        return operation("control.describeJobExecution",
                        () -> dev.iotjobs.api.control.DescribeJobExecutionRequest.builder().jobId("j0")
                                .thingName("t2").executionNumber(1L),
                        dev.iotjobs.api.control.DescribeJobExecutionRequest.Builder::build,
                        (engine, r) -> engine.controlPlane().describeJobExecution(r))
                .member("jobId", badJobId(true), (b, v) -> b.jobId(v))
                .member("thingName", badName(true), (b, v) -> b.thingName(v))
                .member("executionNumber", longsOutside(1, Long.MAX_VALUE), (b, v) -> b.executionNumber(v));
    }

    private static Operation<ListJobExecutionsForJobRequest.Builder> listJobExecutionsForJob() {
        return operation("control.listJobExecutionsForJob", () -> ListJobExecutionsForJobRequest.builder()
                                .jobId("j0").status(JobExecutionStatus.QUEUED).maxResults(10),
                        ListJobExecutionsForJobRequest.Builder::build,
                        (engine, r) -> engine.controlPlane().listJobExecutionsForJob(r))
                .member("jobId", badJobId(true), (b, v) -> b.jobId(v))
                .member("status", unknownName(JobExecutionStatus.class), (b, v) -> b.status(v))
                .member("maxResults", intsOutside(1, 250), (b, v) -> b.maxResults(v))
                .member("nextToken", badNextToken("job-executions|t0|1"), (b, v) -> b.nextToken(v));
    }

    private static Operation<ListJobExecutionsForThingRequest.Builder> listJobExecutionsForThing() {
        return operation("control.listJobExecutionsForThing", () -> ListJobExecutionsForThingRequest.builder()
                                .thingName("t2").status(JobExecutionStatus.FAILED).namespaceId("ns").maxResults(10)
                                .jobId("j0"),
                        ListJobExecutionsForThingRequest.Builder::build,
                        (engine, r) -> engine.controlPlane().listJobExecutionsForThing(r))
                .member("thingName", badName(true), (b, v) -> b.thingName(v))
                .member("status", unknownName(JobExecutionStatus.class), (b, v) -> b.status(v))
                .member("namespaceId", badNamespaceId(), (b, v) -> b.namespaceId(v))
                .member("maxResults", intsOutside(1, 250), (b, v) -> b.maxResults(v))
                .member("nextToken", badNextToken("thing-executions|1767225600000|j0|1"), (b, v) -> b.nextToken(v))
                .member("jobId", badJobId(false), (b, v) -> b.jobId(v));
    }

    private static Operation<CancelJobExecutionRequest.Builder> cancelJobExecution() {
        // t3's execution of j0 is QUEUED at version 1: it would be canceled.
        return operation("control.cancelJobExecution", () -> CancelJobExecutionRequest.builder().jobId("j0")
                                .thingName("t3").force(false).expectedVersion(1L)
                                .statusDetails(Map.of("reason", "operator: stop")),
                        CancelJobExecutionRequest.Builder::build,
                        (engine, r) -> engine.controlPlane().cancelJobExecution(r))
                .member("jobId", badJobId(true), (b, v) -> b.jobId(v))
                .member("thingName", badName(true), (b, v) -> b.thingName(v))
                .member("expectedVersion", longsOutside(1, Long.MAX_VALUE), (b, v) -> b.expectedVersion(v))
                .member("statusDetails", badStatusDetails(), (b, v) -> b.statusDetails(v));
    }

    private static Operation<DeleteJobExecutionRequest.Builder> deleteJobExecution() {
        // t1's execution of j0 has SUCCEEDED: it would be deleted.
        return operation("control.deleteJobExecution", () -> DeleteJobExecutionRequest.builder().jobId("j0")
                                .thingName("t1").executionNumber(1L).force(false).namespaceId("ns"),
                        DeleteJobExecutionRequest.Builder::build,
                        (engine, r) -> engine.controlPlane().deleteJobExecution(r))
                .member("jobId", badJobId(true), (b, v) -> b.jobId(v))
                .member("thingName", badName(true), (b, v) -> b.thingName(v))
                .member("executionNumber", Arbitraries.oneOf(nothing(), longsOutside(1, Long.MAX_VALUE)),
                        (b, v) -> b.executionNumber(v))
                .member("namespaceId", badNamespaceId(), (b, v) -> b.namespaceId(v));
    }

    // ------------------------------------------------------------------ data plane

    private static Operation<dev.iotjobs.api.data.DescribeJobExecutionRequest.Builder> describeJobExecutionData() {
        return operation("data.describeJobExecution",
                        () -> dev.iotjobs.api.data.DescribeJobExecutionRequest.builder().jobId("j0").thingName("t0")
                                .includeJobDocument(true).executionNumber(1L),
                        dev.iotjobs.api.data.DescribeJobExecutionRequest.Builder::build,
                        (engine, r) -> engine.dataPlane().describeJobExecution(r))
                .member("jobId", Arbitraries.oneOf(nothing(), Arbitraries.just(""), tooLong(ID_CHARS, 64),
                        breaking(ID_CHARS, ID_OR_NEXT),
                        Arbitraries.of("$NEXT", "$Next", "$next ", " $next", "$nextjob", "$$next", "next$", "$")),
                        (b, v) -> b.jobId(v))
                .member("thingName", badName(true), (b, v) -> b.thingName(v))
                .member("executionNumber", longsOutside(1, Long.MAX_VALUE), (b, v) -> b.executionNumber(v));
    }

    private static Operation<GetPendingJobExecutionsRequest.Builder> getPendingJobExecutions() {
        return operation("data.getPendingJobExecutions",
                        () -> GetPendingJobExecutionsRequest.builder().thingName("t3"),
                        GetPendingJobExecutionsRequest.Builder::build,
                        (engine, r) -> engine.dataPlane().getPendingJobExecutions(r))
                .member("thingName", badName(true), (b, v) -> b.thingName(v));
    }

    private static Operation<StartNextPendingJobExecutionRequest.Builder> startNextPendingJobExecution() {
        // t3's head is j0, QUEUED: it would start.
        return operation("data.startNextPendingJobExecution",
                        () -> StartNextPendingJobExecutionRequest.builder().thingName("t3")
                                .statusDetails(Map.of("step", "download", "note", "50% ünïcode"))
                                .stepTimeoutInMinutes(30L),
                        StartNextPendingJobExecutionRequest.Builder::build,
                        (engine, r) -> engine.dataPlane().startNextPendingJobExecution(r))
                .member("thingName", badName(true), (b, v) -> b.thingName(v))
                .member("statusDetails", badStatusDetails(), (b, v) -> b.statusDetails(v))
                .member("stepTimeoutInMinutes", longsOutside(1, EngineLimits.AWS_DEFAULTS.maxTimeoutMinutes()),
                        (b, v) -> b.stepTimeoutInMinutes(v));
    }

    private static Operation<UpdateJobExecutionRequest.Builder> updateJobExecution() {
        // t0's execution of j0 is IN_PROGRESS at version 2: it would succeed.
        long maxTimeout = EngineLimits.AWS_DEFAULTS.maxTimeoutMinutes();
        return operation("data.updateJobExecution", () -> UpdateJobExecutionRequest.builder().jobId("j0")
                                .thingName("t0").status(JobExecutionStatus.SUCCEEDED)
                                .statusDetails(Map.of("progress", "100%")).stepTimeoutInMinutes(-1L)
                                .expectedVersion(2L).includeJobExecutionState(true).includeJobDocument(false)
                                .executionNumber(1L),
                        UpdateJobExecutionRequest.Builder::build,
                        (engine, r) -> engine.dataPlane().updateJobExecution(r))
                .member("jobId", badJobId(true), (b, v) -> b.jobId(v))
                .member("thingName", badName(true), (b, v) -> b.thingName(v))
                // SPEC X2: statuses only the engine sets are out of range for a device.
                .member("status", Arbitraries.of(JobExecutionStatus.QUEUED, JobExecutionStatus.TIMED_OUT,
                        JobExecutionStatus.REMOVED, JobExecutionStatus.CANCELED).injectNull(0.2),
                        (b, v) -> b.status(v))
                .member("status", unknownName(JobExecutionStatus.class), (b, v) -> b.status(v))
                .member("statusDetails", badStatusDetails(), (b, v) -> b.statusDetails(v))
                .member("stepTimeoutInMinutes", longsOutside(1, maxTimeout).filter(v -> v != -1),
                        (b, v) -> b.stepTimeoutInMinutes(v))
                .member("expectedVersion", longsOutside(1, Long.MAX_VALUE), (b, v) -> b.expectedVersion(v))
                .member("executionNumber", longsOutside(1, Long.MAX_VALUE), (b, v) -> b.executionNumber(v));
    }

    // ------------------------------------------------------------------ thing registry

    private static Operation<CreateThingRequest.Builder> createThing() {
        return operation("registry.createThing", () -> CreateThingRequest.builder().thingName("t6")
                                .thingTypeName("Sensor")
                                .attributePayload(new AttributePayload(Map.of("model", "x-1", "empty", ""), true))
                                .billingGroupName("billing"),
                        CreateThingRequest.Builder::build, (engine, r) -> engine.things().createThing(r))
                .member("thingName", badName(true), (b, v) -> b.thingName(v))
                .member("thingTypeName", badName(false), (b, v) -> b.thingTypeName(v))
                .member("attributePayload.attributes", badAttributes(),
                        (b, v) -> b.attributePayload(new AttributePayload(v, true)))
                .member("billingGroupName", badName(false), (b, v) -> b.billingGroupName(v));
    }

    private static Operation<DeleteThingRequest.Builder> deleteThing() {
        return operation("registry.deleteThing", () -> DeleteThingRequest.builder().thingName("t5"),
                        DeleteThingRequest.Builder::build, (engine, r) -> engine.things().deleteThing(r))
                .member("thingName", badName(true), (b, v) -> b.thingName(v))
                .member("expectedVersion", longsOutside(1, Long.MAX_VALUE), (b, v) -> b.expectedVersion(v));
    }

    private static Operation<CreateThingGroupRequest.Builder> createThingGroup() {
        return operation("registry.createThingGroup", () -> CreateThingGroupRequest.builder()
                                .thingGroupName("g3").parentGroupName("g0")
                                .thingGroupProperties(new ThingGroupProperties("All EU sensors",
                                        new AttributePayload(Map.of("region", "eu"), false)))
                                .tags(new Tag("env", "prod")),
                        CreateThingGroupRequest.Builder::build, (engine, r) -> engine.things().createThingGroup(r))
                .member("thingGroupName", badName(true), (b, v) -> b.thingGroupName(v))
                .member("parentGroupName", badName(false), (b, v) -> b.parentGroupName(v))
                .member("thingGroupProperties.thingGroupDescription",
                        Arbitraries.oneOf(tooLong(TEXT_CHARS.replaceAll("[^ -~]", ""), 2028),
                                breaking("abc XYZ 019.,!?", GRAPH_OR_SPACE)),
                        (b, v) -> b.thingGroupProperties(new ThingGroupProperties(v, null)))
                .member("thingGroupProperties.attributePayload.attributes", badAttributes(),
                        (b, v) -> b.thingGroupProperties(new ThingGroupProperties("eu",
                                new AttributePayload(v, false))))
                .memberAt(Placed::path, placed("tags", new Tag("env", "prod"), badTag()),
                        (b, v) -> b.tags(v.items()));
    }

    private static Operation<DeleteThingGroupRequest.Builder> deleteThingGroup() {
        return operation("registry.deleteThingGroup", () -> DeleteThingGroupRequest.builder().thingGroupName("g2"),
                        DeleteThingGroupRequest.Builder::build, (engine, r) -> engine.things().deleteThingGroup(r))
                .member("thingGroupName", badName(true), (b, v) -> b.thingGroupName(v))
                .member("expectedVersion", longsOutside(1, Long.MAX_VALUE), (b, v) -> b.expectedVersion(v));
    }

    private static Operation<AddThingToThingGroupRequest.Builder> addThingToThingGroup() {
        return operation("registry.addThingToThingGroup", () -> AddThingToThingGroupRequest.builder()
                                .thingGroupName("g2").thingName("t4").overrideDynamicGroups(false),
                        AddThingToThingGroupRequest.Builder::build,
                        (engine, r) -> engine.things().addThingToThingGroup(r))
                // Without an ARN a null name is "one of thingGroupName or thingGroupArn is required".
                .member("thingGroupName", badName(true), (b, v) -> b.thingGroupName(v))
                .member("thingGroupArn", badMembershipArn("thinggroup", "g2"), (b, v) -> b.thingGroupArn(v))
                .member("thingName", badName(true), (b, v) -> b.thingName(v))
                .member("thingArn", badMembershipArn("thing", "t4"), (b, v) -> b.thingArn(v));
    }

    private static Operation<RemoveThingFromThingGroupRequest.Builder> removeThingFromThingGroup() {
        return operation("registry.removeThingFromThingGroup", () -> RemoveThingFromThingGroupRequest.builder()
                                .thingGroupName("g0").thingName("t0"),
                        RemoveThingFromThingGroupRequest.Builder::build,
                        (engine, r) -> engine.things().removeThingFromThingGroup(r))
                .member("thingGroupName", badName(true), (b, v) -> b.thingGroupName(v))
                .member("thingGroupArn", badMembershipArn("thinggroup", "g0"), (b, v) -> b.thingGroupArn(v))
                .member("thingName", badName(true), (b, v) -> b.thingName(v))
                .member("thingArn", badMembershipArn("thing", "t0"), (b, v) -> b.thingArn(v));
    }

    private static Operation<ListThingsInThingGroupRequest.Builder> listThingsInThingGroup() {
        return operation("registry.listThingsInThingGroup", () -> ListThingsInThingGroupRequest.builder()
                                .thingGroupName("g0").recursive(true).maxResults(10),
                        ListThingsInThingGroupRequest.Builder::build,
                        (engine, r) -> engine.things().listThingsInThingGroup(r))
                .member("thingGroupName", badName(true), (b, v) -> b.thingGroupName(v))
                .member("nextToken", badNextToken("things|t0"), (b, v) -> b.nextToken(v))
                .member("maxResults", intsOutside(1, 250), (b, v) -> b.maxResults(v));
    }

    // SPEC G6: the registry reads.

    private static Operation<DescribeThingRequest.Builder> describeThing() {
        return operation("registry.describeThing", () -> DescribeThingRequest.builder().thingName("t0"),
                        DescribeThingRequest.Builder::build, (engine, r) -> engine.things().describeThing(r))
                .member("thingName", badName(true), (b, v) -> b.thingName(v));
    }

    private static Operation<ListThingsRequest.Builder> listThings() {
        String chars = "abcXYZ019_.,@/:#-";
        return operation("registry.listThings", () -> ListThingsRequest.builder().maxResults(10)
                                .attributeName("model").attributeValue("x-").usePrefixAttributeValue(true),
                        ListThingsRequest.Builder::build, (engine, r) -> engine.things().listThings(r))
                .member("nextToken", badNextToken("registry-things|t0"), (b, v) -> b.nextToken(v))
                .member("maxResults", intsOutside(1, 250), (b, v) -> b.maxResults(v))
                // Null leaves attributeValue alone, which is the name's fault too.
                .member("attributeName", badKey(chars, ATTRIBUTE, 128), (b, v) -> b.attributeName(v))
                .member("attributeValue", Arbitraries.oneOf(nothing(), tooLong(chars, 800),
                        breaking(chars, ATTRIBUTE)), (b, v) -> b.attributeValue(v))
                // With the baseline's attribute filter a valid type is the fault of the combination: the type.
                .member("thingTypeName", Arbitraries.oneOf(badName(false), Arbitraries.just("Sensor")),
                        (b, v) -> b.thingTypeName(v));
    }

    private static Operation<DescribeThingGroupRequest.Builder> describeThingGroup() {
        return operation("registry.describeThingGroup", () -> DescribeThingGroupRequest.builder()
                                .thingGroupName("g1"),
                        DescribeThingGroupRequest.Builder::build,
                        (engine, r) -> engine.things().describeThingGroup(r))
                .member("thingGroupName", badName(true), (b, v) -> b.thingGroupName(v));
    }

    private static Operation<ListThingGroupsRequest.Builder> listThingGroups() {
        return operation("registry.listThingGroups", () -> ListThingGroupsRequest.builder().maxResults(10)
                                .parentGroup("g0").namePrefixFilter("g").recursive(true),
                        ListThingGroupsRequest.Builder::build, (engine, r) -> engine.things().listThingGroups(r))
                .member("nextToken", badNextToken("thing-groups|g1"), (b, v) -> b.nextToken(v))
                .member("maxResults", intsOutside(1, 250), (b, v) -> b.maxResults(v))
                .member("parentGroup", badName(false), (b, v) -> b.parentGroup(v))
                .member("namePrefixFilter", badName(false), (b, v) -> b.namePrefixFilter(v));
    }

    // ================================================================== valid structures

    static String thingArn(String thing) {
        return ARN + "thing/" + thing;
    }

    static String groupArn(String group) {
        return ARN + "thinggroup/" + group;
    }

    static PresignedUrlConfig presignedUrlConfig() {
        return new PresignedUrlConfig("arn:aws:iam::123456789012:role/jobs", 600L);
    }

    static JobExecutionsRolloutConfig rolloutConfig() {
        return new JobExecutionsRolloutConfig(100, exponentialRate());
    }

    private static ExponentialRolloutRate exponentialRate() {
        return new ExponentialRolloutRate(10, 2.0, new RateIncreaseCriteria(5, null));
    }

    /** Criteria that never abort the small fleet. */
    static AbortConfig abortConfig() {
        return new AbortConfig(List.of(abortCriteria()));
    }

    private static AbortCriteria abortCriteria() {
        return new AbortCriteria(JobExecutionFailureType.ALL, AbortAction.CANCEL, 100.0, 100);
    }

    static JobExecutionsRetryConfig retryConfig() {
        return new JobExecutionsRetryConfig(List.of(new RetryCriteria(RetryableFailureType.FAILED, 3),
                new RetryCriteria(RetryableFailureType.TIMED_OUT, 2)));
    }

    // ================================================================== broken structures

    private static <B> void targets(Operation<B> op, BiConsumer<B, List<String>> set) {
        int max = EngineLimits.AWS_DEFAULTS.maxTargets();
        Arbitrary<String> valid = Arbitraries.oneOf(Arbitraries.of(FleetWorld.THINGS).map(BadInputCatalog::thingArn),
                Arbitraries.of(FleetWorld.GROUPS).map(BadInputCatalog::groupArn));
        op.member("targets", Arbitraries.oneOf(Arbitraries.just(List.<String>of()), nothing(),
                        valid.list().ofMinSize(max + 1).ofMaxSize(max + 20)), set);
        op.memberAt(Placed::path, placed("targets", thingArn("t4"), badTargetArn()),
                (b, v) -> set.accept(b, v.items()));
    }

    private static <B> void presignedUrlConfig(Operation<B> op, BiConsumer<B, PresignedUrlConfig> set) {
        op.member("presignedUrlConfig.roleArn",
                Arbitraries.oneOf(Arbitraries.strings().withChars(NAME_CHARS).ofMaxLength(19),
                        tooLong(NAME_CHARS, 2048)).map(arn -> new PresignedUrlConfig(arn, 600L)), set);
        op.member("presignedUrlConfig.expiresInSec", longsOutside(60, 3600)
                .map(seconds -> new PresignedUrlConfig("arn:aws:iam::123456789012:role/jobs", seconds)), set);
    }

    private static <B> void rolloutConfig(Operation<B> op, BiConsumer<B, JobExecutionsRolloutConfig> set) {
        String at = "jobExecutionsRolloutConfig.";
        String rate = at + "exponentialRate.";
        op.member(at + "maximumPerMinute", intsOutside(1, EngineLimits.AWS_DEFAULTS.maxPerMinute())
                .map(max -> new JobExecutionsRolloutConfig(max, exponentialRate())), set);
        Function<ExponentialRolloutRate, JobExecutionsRolloutConfig> with = r -> new JobExecutionsRolloutConfig(100, r);
        op.member(rate + "baseRatePerMinute", Arbitraries.oneOf(nothing(), intsOutside(1, 1000))
                .map(base -> with.apply(new ExponentialRolloutRate(base, 2.0, new RateIncreaseCriteria(5, null)))),
                set);
        op.member(rate + "incrementFactor", Arbitraries.oneOf(nothing(), doublesOutside(1.1, 5.0))
                .map(factor -> with.apply(new ExponentialRolloutRate(10, factor, new RateIncreaseCriteria(5, 5)))),
                set);
        op.member(rate + "rateIncreaseCriteria", Arbitraries.just(with.apply(new ExponentialRolloutRate(10, 2.0,
                null))), set);
        op.member(rate + "rateIncreaseCriteria.numberOfNotifiedThings", Arbitraries.integers().lessOrEqual(0)
                .map(n -> with.apply(new ExponentialRolloutRate(10, 2.0, new RateIncreaseCriteria(n, 5)))), set);
        op.member(rate + "rateIncreaseCriteria.numberOfSucceededThings", Arbitraries.integers().lessOrEqual(0)
                .map(n -> with.apply(new ExponentialRolloutRate(10, 2.0, new RateIncreaseCriteria(5, n)))), set);
    }

    private static <B> void abortConfig(Operation<B> op, BiConsumer<B, AbortConfig> set) {
        String list = "abortConfig.criteriaList";
        op.member(list, Arbitraries.just(new AbortConfig(List.of())), set);
        Arbitrary<AbortCriteria> broken = Arbitraries.oneOf(
                nothing(),
                Arbitraries.just(new AbortCriteria(null, AbortAction.CANCEL, 50.0, 1)),
                Arbitraries.just(new AbortCriteria(JobExecutionFailureType.FAILED, null, 50.0, 1)),
                Arbitraries.oneOf(nothing(), doublesOutside(0, 100))
                        .map(p -> new AbortCriteria(JobExecutionFailureType.REJECTED, AbortAction.CANCEL, p, 1)),
                Arbitraries.oneOf(nothing(), Arbitraries.integers().lessOrEqual(0))
                        .map(n -> new AbortCriteria(JobExecutionFailureType.TIMED_OUT, AbortAction.CANCEL, 5.0, n)));
        op.memberAt(Placed::path, placed(list, abortCriteria(), broken),
                (b, v) -> set.accept(b, new AbortConfig(v.items())));
        // The nested builders' String overloads name their own member: they cannot know the path above them.
        op.member("failureType", unknownName(JobExecutionFailureType.class), (b, v) -> set.accept(b,
                new AbortConfig(List.of(AbortCriteria.builder().failureType(v).action(AbortAction.CANCEL)
                        .thresholdPercentage(50.0).minNumberOfExecutedThings(1).build()))));
        op.member("action", unknownName(AbortAction.class), (b, v) -> set.accept(b,
                new AbortConfig(List.of(AbortCriteria.builder().failureType(JobExecutionFailureType.ALL).action(v)
                        .thresholdPercentage(50.0).minNumberOfExecutedThings(1).build()))));
    }

    private static <B> void timeoutConfig(Operation<B> op, BiConsumer<B, TimeoutConfig> set) {
        op.member("timeoutConfig.inProgressTimeoutInMinutes",
                longsOutside(1, EngineLimits.AWS_DEFAULTS.maxTimeoutMinutes()).map(TimeoutConfig::new), set);
    }

    private static <B> void retryConfig(Operation<B> op, BiConsumer<B, JobExecutionsRetryConfig> set) {
        String list = "jobExecutionsRetryConfig.criteriaList";
        Arbitrary<RetryableFailureType> types = Arbitraries.of(RetryableFailureType.class);
        Arbitrary<Integer> retries = Arbitraries.integers().between(0, 10);
        op.member(list, Arbitraries.oneOf(
                Arbitraries.just(List.<RetryCriteria>of()),
                // More than two criteria.
                Arbitraries.of(RetryableFailureType.class).map(type -> new RetryCriteria(type, 1))
                        .list().ofMinSize(3).ofMaxSize(5),
                // Retries summed over the criteria above the limit of 10 (SPEC V3).
                Combinators.combine(retries, retries, Arbitraries.of(RetryableFailureType.ALL,
                                RetryableFailureType.TIMED_OUT))
                        .filter((failed, other, type) -> failed + other > EngineLimits.AWS_DEFAULTS.maxRetries())
                        .as((failed, other, type) -> List.of(new RetryCriteria(RetryableFailureType.FAILED, failed),
                                new RetryCriteria(type, other))))
                .map(JobExecutionsRetryConfig::new), set);
        Arbitrary<RetryCriteria> broken = Arbitraries.oneOf(nothing(),
                Arbitraries.just(new RetryCriteria(null, 1)),
                Arbitraries.oneOf(nothing(), intsOutside(0, 10)).map(n -> new RetryCriteria(
                        RetryableFailureType.TIMED_OUT, n)));
        op.memberAt(Placed::path, placed(list, new RetryCriteria(RetryableFailureType.FAILED, 1), broken, 2),
                (b, v) -> set.accept(b, new JobExecutionsRetryConfig(v.items())));
        // The same failure type twice: the second one is at fault.
        op.member(list + "[1].failureType", Combinators.combine(types, retries, retries)
                        .as((type, first, second) -> new JobExecutionsRetryConfig(List.of(
                                new RetryCriteria(type, first / 2), new RetryCriteria(type, second / 2)))),
                set);
        op.member("failureType", unknownName(RetryableFailureType.class), (b, v) -> set.accept(b,
                new JobExecutionsRetryConfig(List.of(RetryCriteria.builder().failureType(v).numberOfRetries(1)
                        .build()))));
    }

    private static <B> void schedulingConfig(Operation<B> op, BiConsumer<B, SchedulingConfig> set) {
        String start = "schedulingConfig.startTime";
        String end = "schedulingConfig.endTime";
        op.member(start, badTime().map(time -> new SchedulingConfig(time, null, null)), set);
        op.member(end, badTime().map(time -> new SchedulingConfig("2026-03-01T12:00", time,
                JobEndBehavior.CANCEL)), set);
        op.member(end, endNotAfterStart(), set);
        op.member("endBehavior", unknownName(JobEndBehavior.class), (b, v) -> set.accept(b,
                SchedulingConfig.builder().startTime("2026-03-01T12:00").endTime("2026-03-02T12:00")
                        .endBehavior(v).build()));
    }

    /** An end at or before the start, the end possibly written with another offset (SPEC T8). */
    private static Arbitrary<SchedulingConfig> endNotAfterStart() {
        DateTimeFormatter minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        return Combinators.combine(Arbitraries.longs().between(0, 5L * 365 * 24 * 60),
                        Arbitraries.longs().between(0, 100_000), Arbitraries.integers().between(0, 14))
                .as((startMinute, earlier, offsetHours) -> {
                    Instant from = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(startMinute * 60);
                    Instant to = from.minusSeconds(earlier * 60);
                    String endText = LocalDateTime.ofInstant(to, ZoneOffset.ofHours(offsetHours)).format(minutes)
                            + String.format("+%02d:00", offsetHours);
                    return new SchedulingConfig(LocalDateTime.ofInstant(from, ZoneOffset.UTC).format(minutes) + "Z",
                            endText, JobEndBehavior.STOP_ROLLOUT);
                });
    }

    // ================================================================== bad values

    /** A documentSource given beside the baseline's document (SPEC V4). */
    record SourceBesideDocument(String documentSource) {
        @Override
        public String toString() {
            return "the baseline's document and documentSource " + show(documentSource);
        }
    }

    /** A list of valid items with one broken item somewhere, and the path the message must name. */
    record Placed<T>(String member, List<T> items, int index) {
        String path() {
            return member + "[" + index + "]";
        }

        @Override
        public String toString() {
            return show(items) + " (bad at " + index + ")";
        }
    }

    private static <T> Arbitrary<Placed<T>> placed(String member, T valid, Arbitrary<T> broken) {
        return placed(member, valid, broken, 7);
    }

    /** Up to maxItems items, one of them broken, the others valid. */
    private static <T> Arbitrary<Placed<T>> placed(String member, T valid, Arbitrary<T> broken, int maxItems) {
        Arbitrary<Integer> others = Arbitraries.integers().between(0, maxItems - 1);
        return Combinators.combine(others, broken, others)
                .filter((before, bad, after) -> before + after < maxItems)
                .as((before, bad, after) -> {
                    List<T> items = new ArrayList<>();
                    for (int i = 0; i < before; i++) {
                        items.add(valid);
                    }
                    items.add(bad); // may be null: an ArrayList keeps it, as the API's records do
                    for (int i = 0; i < after; i++) {
                        items.add(valid);
                    }
                    return new Placed<>(member, items, before);
                });
    }

    /** Null, as an arbitrary of any type. */
    private static <T> Arbitrary<T> nothing() {
        return Arbitraries.just(null);
    }

    private static Arbitrary<String> tooLong(String chars, int max) {
        return Arbitraries.strings().withChars(chars).ofMinLength(max + 1).ofMaxLength(max + 64);
    }

    /** Allowed characters around one the pattern refuses. */
    private static Arbitrary<String> breaking(String chars, Pattern pattern) {
        Arbitrary<String> offender = Arbitraries.oneOf(Arbitraries.of(OFFENDERS),
                        Arbitraries.chars().all().map(String::valueOf))
                .filter(s -> !pattern.matcher(s).matches());
        Arbitrary<String> filler = Arbitraries.strings().withChars(chars).ofMaxLength(8);
        return Combinators.combine(filler, offender, filler).as((a, o, b) -> a + o + b)
                .filter(s -> !pattern.matcher(s).matches());
    }

    private static Arbitrary<String> badJobId(boolean required) {
        Arbitrary<String> bad = Arbitraries.oneOf(Arbitraries.just(""), tooLong(ID_CHARS, 64),
                breaking(ID_CHARS, ID), Arbitraries.of("$next", "j0 ", " j0", "j0\n", "j:0", "jöb"));
        return required ? Arbitraries.oneOf(nothing(), bad) : bad;
    }

    /** Thing, group, thing-type and billing-group names: 1..128 of {@code [a-zA-Z0-9:_-]}. */
    private static Arbitrary<String> badName(boolean required) {
        Arbitrary<String> bad = Arbitraries.oneOf(Arbitraries.just(""), tooLong(NAME_CHARS, 128),
                breaking(NAME_CHARS, NAME));
        return required ? Arbitraries.oneOf(nothing(), bad) : bad;
    }

    /** {@code description} and {@code comment}: at most 2028 printable characters, at least one. */
    private static Arbitrary<String> badFreeText() {
        return Arbitraries.oneOf(Arbitraries.just(""), tooLong(TEXT_CHARS, 2028), breaking(TEXT_CHARS, PRINTABLE));
    }

    private static Arbitrary<String> badNamespaceId() {
        return Arbitraries.oneOf(Arbitraries.just(""), breaking(ID_CHARS, ID));
    }

    private static Arbitrary<String> badTemplateArn() {
        return Arbitraries.oneOf(Arbitraries.of("", "arn:", "arn", "ARN:aws:iot", "jobtemplate/tmpl", " arn:x"),
                tooLong(NAME_CHARS, 1600 - 4).map(rest -> "arn:" + rest),
                breaking("abc:/019", Pattern.compile("[!-~]+")).map(rest -> "arn:" + rest))
                .filter(arn -> !TEMPLATE_ARN.matcher(arn).matches());
    }

    private static Arbitrary<Long> longsOutside(long min, long max) {
        List<Arbitrary<Long>> sides = new ArrayList<>();
        sides.add(Arbitraries.longs().lessOrEqual(min - 1));
        if (max < Long.MAX_VALUE) {
            sides.add(Arbitraries.longs().greaterOrEqual(max + 1));
        }
        return Arbitraries.oneOf(sides);
    }

    private static Arbitrary<Integer> intsOutside(int min, int max) {
        return Arbitraries.oneOf(Arbitraries.integers().lessOrEqual(min - 1),
                Arbitraries.integers().greaterOrEqual(max + 1));
    }

    private static Arbitrary<Double> doublesOutside(double min, double max) {
        return Arbitraries.oneOf(Arbitraries.doubles().lessThan(min), Arbitraries.doubles().greaterThan(max),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    }

    /** Names that are no constant of the enum, many of them near one. */
    private static <E extends Enum<E>> Arbitrary<String> unknownName(Class<E> type) {
        Set<String> names = Stream.of(type.getEnumConstants()).map(Enum::name).collect(Collectors.toSet());
        Arbitrary<String> constant = Arbitraries.of(names);
        return Arbitraries.oneOf(constant.map(String::toLowerCase), constant.map(n -> " " + n),
                        constant.map(n -> n + "\u0000"), constant.map(n -> n.substring(1)),
                        Arbitraries.just(""), Arbitraries.strings().ofMaxLength(12))
                .filter(name -> !names.contains(name));
    }

    /** A page token that is off-shape, or well-formed base64 but not one this listing issued. */
    private static Arbitrary<String> badNextToken(String ownKind) {
        String kind = ownKind.substring(0, ownKind.indexOf('|'));
        List<String> foreign = Stream.of("jobs|1767225600000|j0", "job-executions|t0|1",
                        "thing-executions|1767225600000|j0|1", "things|t0", "managed-job-templates|AWS-Reboot|1.0",
                        "registry-things|t0", "thing-groups|g1",
                        "job-templates|1767225600000|tmpl")
                .filter(plain -> !plain.equals(ownKind)).toList();
        // Wrong arity, an empty part, a numeric part that is no number (for "things" that leaves the token as
        // issued, a valid one, so it is dropped), another kind's spelling.
        Arbitrary<String> tampered = Arbitraries.of(Stream.of(kind, kind + "|", kind + "||", ownKind + "|x",
                        ownKind.replaceAll("\\|[^|]*$", "|"), ownKind.replaceAll("\\|\\d+(?=\\||$)", "|x"), "", "|",
                        ownKind.toUpperCase())
                .filter(plain -> !plain.equals(ownKind)).toList());
        return Arbitraries.oneOf(Arbitraries.just(""), tooLong(TOKEN_CHARS, 1024), breaking(TOKEN_CHARS, TOKEN),
                Arbitraries.oneOf(Arbitraries.of(foreign), tampered).map(BadInputCatalog::token),
                Arbitraries.strings().withChars(TOKEN_CHARS).ofMinLength(1).ofMaxLength(40));
    }

    private static String token(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Target ARNs that are not thing or thing-group ARNs of the engine's region and account (SPEC V5). */
    private static Arbitrary<String> badTargetArn() {
        return Arbitraries.oneOf(nothing(), malformedArn(),
                breaking(NAME_CHARS, NAME).map(name -> ARN + "thing/" + name),
                tooLong(NAME_CHARS, 128).map(name -> ARN + "thinggroup/" + name),
                tooLong(NAME_CHARS, 2048).map(name -> ARN + "thing/" + name));
    }

    private static Arbitrary<String> malformedArn() {
        return Arbitraries.oneOf(Arbitraries.of("", "t0", "thing/t0", ARN + "thing", ARN + "thing/",
                        ARN + "thinggroup/", ARN + "job/j0", ARN + "thingtype/t0", ARN + "Thing/t0",
                        ARN + "thing/t0/x", ARN + "thing/t0 ", " " + ARN + "thing/t0",
                        "arn:aws:iot:eu-west-1:123456789012:thing/t0", "arn:aws:iot:us-east-1:210987654321:thing/t0",
                        "arn:aws-cn:iot:us-east-1:123456789012:thing/t0", "arn:aws:s3:us-east-1:123456789012:thing/t0",
                        "ARN:aws:iot:us-east-1:123456789012:thing/t0", "arn:aws:iot:us-east-1::thing/t0",
                        "arn:aws:iot:::thing/t0", "arn:aws:iot:us-east-1:123456789012", "arn::::::"),
                Arbitraries.strings().ofMaxLength(30).filter(s -> !s.startsWith("arn:")));
    }

    /**
     * The ARN of AddThingToThingGroup or RemoveThingFromThingGroup beside a valid name: malformed, of the other
     * type, or naming another resource than the name does.
     */
    private static Arbitrary<String> badMembershipArn(String type, String name) {
        String otherType = type.equals("thing") ? "thinggroup" : "thing";
        Arbitrary<String> other = Arbitraries.oneOf(Arbitraries.of(FleetWorld.THINGS),
                Arbitraries.of(FleetWorld.GROUPS), Arbitraries.strings().withChars(NAME_CHARS).ofMinLength(1)
                        .ofMaxLength(10)).filter(n -> !n.equals(name));
        return Arbitraries.oneOf(malformedArn(), Arbitraries.just(ARN + otherType + "/" + name),
                other.map(n -> ARN + type + "/" + n));
    }

    /** A JSON document that is broken, not an object, or over 32768 UTF-8 bytes (SPEC V3); or none (V4). */
    private static Arbitrary<String> badDocument() {
        String object = "{\"a\":[1,2.5,{\"b\":\"c\"}],\"d\":null,\"e\":true}";
        int max = EngineLimits.AWS_DEFAULTS.maxDocumentBytes();
        return Arbitraries.oneOf(
                nothing(),
                Arbitraries.of("", " ", "{", "}", "{\"a\":}", "{\"a\" 1}", "{'a':1}", "{a:1}", "{\"a\":1,}",
                        "{} {}", "{}x", "{}}", "{\"a\":NaN}", "{\"a\":\"\\x\"}", "{\"a\":01}", "[]", "[{}]", "1",
                        "-0.5", "\"text\"", "null", "true", "/* */ {}", "{\"a\":1}\u0000"),
                // Every proper prefix of an object is broken.
                Arbitraries.integers().between(1, object.length() - 1).map(n -> object.substring(0, n)),
                // Deep nesting, within the size limit: not an object either way, and must not blow the stack.
                Arbitraries.integers().between(1_000, max / 2 - 1).map(n -> "[".repeat(n) + "]".repeat(n)),
                // Too big, counted in UTF-8 bytes: 3 bytes per euro sign, far fewer characters than bytes.
                Arbitraries.integers().between(0, 100).map(extra -> "{\"a\":\"" + "x".repeat(max + extra) + "\"}"),
                Arbitraries.integers().between(0, 100).map(extra -> "{\"a\":\"" + "€".repeat(max / 3 + extra)
                        + "\"}"),
                Arbitraries.strings().ofMaxLength(20).filter(s -> s.indexOf('{') < 0));
    }

    /** Schedule times that are empty, too long or no ISO-8601 date-time as AWS writes them (SPEC T8). */
    private static Arbitrary<String> badTime() {
        return Arbitraries.oneOf(Arbitraries.just(""), tooLong("0123456789-:T", 64),
                Arbitraries.of("tomorrow", "now", "2026-13-01T00:00", "2026-02-30T12:00", "2026-02-29T12:00",
                        "2026-03-01 12:00", "2026-03-01T24:00", "2026-03-01T12:60", "2026-03-01", "12:00",
                        "2026-03-01T12", "2026-03-01T12:00:60", "2026-03-01T12:00+25:00", "2026-03-01T12:00:00.5Z",
                        "2026-3-1T12:00", "2026-03-01T12:00Z[UTC]", " 2026-03-01T12:00", "2026-03-01T12:00 ",
                        "1772366400", "2026-03-01t12:00", "2026-03-01T12:00z", "２０２６-03-01T12:00"),
                Arbitraries.strings().ofMaxLength(20).filter(s -> !s.matches(".*\\d{4}-\\d\\d-\\d\\dT.*")));
    }

    private static Arbitrary<Tag> badTag() {
        String keyChars = "abcXYZ019_.:/=+-@ ";
        return Arbitraries.oneOf(nothing(),
                Arbitraries.oneOf(nothing(), Arbitraries.just(""), tooLong(keyChars, 128), breaking(keyChars,
                        TAG_KEY)).map(key -> new Tag(key, "v")),
                tooLong(TEXT_CHARS, 256).map(value -> new Tag("k", value)));
    }

    /** Bad keys of a map whose keys are 1..max characters of a pattern. */
    private static Arbitrary<String> badKey(String chars, Pattern pattern, int max) {
        return Arbitraries.oneOf(nothing(), Arbitraries.just(""), tooLong(chars, max), breaking(chars, pattern));
    }

    /** An execution's statusDetails: at most 10 entries, keys as names, values 1..1024 printable characters. */
    private static Arbitrary<Map<String, String>> badStatusDetails() {
        return badMap(badKey(NAME_CHARS, NAME, 128), Arbitraries.oneOf(nothing(), Arbitraries.just(""),
                tooLong(TEXT_CHARS, 1024), breaking(TEXT_CHARS, PRINTABLE)),
                EngineLimits.AWS_DEFAULTS.maxStatusDetails());
    }

    /** Thing and group attributes: keys 1..128, values 0..800 of {@code [a-zA-Z0-9_.,@/:#-]}. */
    private static Arbitrary<Map<String, String>> badAttributes() {
        String chars = "abcXYZ019_.,@/:#-";
        return badMap(badKey(chars, ATTRIBUTE, 128), Arbitraries.oneOf(nothing(), tooLong(chars, 800),
                breaking(chars, ATTRIBUTE)), 0);
    }

    /**
     * A map with one broken entry among valid ones, or (with a limit) too many valid entries.
     *
     * @param badKeys keys the map's shape refuses (null among them)
     * @param badValues values the map's shape refuses (null among them)
     * @param maxEntries the most entries allowed, 0 for no limit
     * @return the maps; LinkedHashMaps, which hold null keys and values
     */
    private static Arbitrary<Map<String, String>> badMap(Arbitrary<String> badKeys, Arbitrary<String> badValues,
                                                         int maxEntries) {
        Arbitrary<String[]> badEntry = Arbitraries.oneOf(badKeys.map(key -> new String[] {key, "v"}),
                badValues.map(value -> new String[] {"bad", value}));
        Arbitrary<Map<String, String>> oneBad = Combinators.combine(Arbitraries.integers().between(0, 4), badEntry,
                Arbitraries.integers().between(0, 4)).as((before, entry, after) -> {
                    Map<String, String> map = new LinkedHashMap<>();
                    for (int i = 0; i < before; i++) {
                        map.put("k" + i, "v");
                    }
                    map.put(entry[0], entry[1]);
                    for (int i = 0; i < after; i++) {
                        map.put("z" + i, "v");
                    }
                    return map;
                });
        if (maxEntries == 0) {
            return oneBad;
        }
        return Arbitraries.oneOf(oneBad, Arbitraries.integers().between(maxEntries + 1, maxEntries + 20).map(n -> {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                map.put("k" + i, "v" + i);
            }
            return map;
        }));
    }

    // ================================================================== showing values

    /** A value as a failure report shows it: invisible characters escaped, long values abbreviated. */
    static String show(Object value) {
        String text = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        StringBuilder shown = new StringBuilder();
        text.codePoints().limit(120).forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.SURROGATE || Character.getType(cp) == Character.PRIVATE_USE
                    || Character.getType(cp) == Character.LINE_SEPARATOR) {
                shown.append(String.format("\\u%04x", cp));
            } else {
                shown.appendCodePoint(cp);
            }
        });
        int length = text.codePointCount(0, text.length());
        return length > 120 ? shown + "... (" + length + " characters)" : shown.toString();
    }
}
