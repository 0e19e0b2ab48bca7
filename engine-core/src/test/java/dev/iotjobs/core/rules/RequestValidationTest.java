package dev.iotjobs.core.rules;

import static dev.iotjobs.core.rules.ValidationFixtures.ACCOUNT;
import static dev.iotjobs.core.rules.ValidationFixtures.GROUP_ARN;
import static dev.iotjobs.core.rules.ValidationFixtures.LIMITS;
import static dev.iotjobs.core.rules.ValidationFixtures.REGION;
import static dev.iotjobs.core.rules.ValidationFixtures.SCOPE;
import static dev.iotjobs.core.rules.ValidationFixtures.THING_ARN;
import static dev.iotjobs.core.rules.ValidationFixtures.abortConfig;
import static dev.iotjobs.core.rules.ValidationFixtures.addThingToGroup;
import static dev.iotjobs.core.rules.ValidationFixtures.associateTargets;
import static dev.iotjobs.core.rules.ValidationFixtures.cancelExecution;
import static dev.iotjobs.core.rules.ValidationFixtures.cancelJob;
import static dev.iotjobs.core.rules.ValidationFixtures.createJob;
import static dev.iotjobs.core.rules.ValidationFixtures.createThing;
import static dev.iotjobs.core.rules.ValidationFixtures.createThingGroup;
import static dev.iotjobs.core.rules.ValidationFixtures.deleteExecution;
import static dev.iotjobs.core.rules.ValidationFixtures.deleteJob;
import static dev.iotjobs.core.rules.ValidationFixtures.deleteThing;
import static dev.iotjobs.core.rules.ValidationFixtures.deleteThingGroup;
import static dev.iotjobs.core.rules.ValidationFixtures.describeExecution;
import static dev.iotjobs.core.rules.ValidationFixtures.describeExecutionData;
import static dev.iotjobs.core.rules.ValidationFixtures.describeJob;
import static dev.iotjobs.core.rules.ValidationFixtures.getJobDocument;
import static dev.iotjobs.core.rules.ValidationFixtures.getPending;
import static dev.iotjobs.core.rules.ValidationFixtures.listForJob;
import static dev.iotjobs.core.rules.ValidationFixtures.listForThing;
import static dev.iotjobs.core.rules.ValidationFixtures.listJobs;
import static dev.iotjobs.core.rules.ValidationFixtures.listThingsInGroup;
import static dev.iotjobs.core.rules.ValidationFixtures.removeThingFromGroup;
import static dev.iotjobs.core.rules.ValidationFixtures.startNext;
import static dev.iotjobs.core.rules.ValidationFixtures.updateExecution;
import static dev.iotjobs.core.rules.ValidationFixtures.updateJob;
import static dev.iotjobs.core.rules.ValidationFixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;

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
import dev.iotjobs.api.error.InvalidRequestException;
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
import dev.iotjobs.api.model.PresignedUrlConfig;
import dev.iotjobs.api.model.RateIncreaseCriteria;
import dev.iotjobs.api.model.RetryCriteria;
import dev.iotjobs.api.model.RetryableFailureType;
import dev.iotjobs.api.model.SchedulingConfig;
import dev.iotjobs.api.model.Tag;
import dev.iotjobs.api.model.ThingGroupProperties;
import dev.iotjobs.api.model.TimeoutConfig;
import dev.iotjobs.core.EngineLimits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC V1-V5, X2, X9, T8: the validation of every request. Each request type has a table of broken requests, one
 * member broken at a time, with the member the message must start with and the exact message.
 */
class RequestValidationTest {
    private static final String PRINTABLE = "[^\\p{C}]+";
    private static final String ID = "[a-zA-Z0-9_-]+";
    private static final String NAME = "[a-zA-Z0-9:_-]+";
    private static final String FOREIGN_REGION_ARN = "arn:aws:iot:eu-west-1:123456789012:thing/sensor-1";
    private static final String FOREIGN_ACCOUNT_ARN = "arn:aws:iot:us-east-1:999999999999:thinggroup/fleet";
    /** Small limits, to show that V3's limits come from EngineLimits. */
    private static final EngineLimits SMALL = new EngineLimits(2, 1, 64, 60, 5, 20, 50, 5, 10, 10, 64);

    /**
     * One broken request.
     *
     * @param name what is broken, with its SPEC rule id
     * @param run validates the request
     * @param member the member (path) the message must start with
     * @param problem the rest of the exact message, or its start when {@code prefixOnly}
     * @param prefixOnly whether only the start of the problem is known
     */
    record Case(String name, Supplier<Optional<InvalidRequestException>> run, String member, String problem,
                boolean prefixOnly) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case rejects(String name, Object request, String member, String problem) {
        return new Case(name, () -> validate(request), member, problem, false);
    }

    private static Case rejects(String name, Supplier<Optional<InvalidRequestException>> run, String member,
                                String problem) {
        return new Case(name, run, member, problem, false);
    }

    private static Case rejectsStartingWith(String name, Object request, String member, String problemStart) {
        return new Case(name, () -> validate(request), member, problemStart, true);
    }

    private static void assertRejected(Case c) {
        Optional<InvalidRequestException> failure = c.run().get();
        assertThat(failure).as(c.name()).isPresent();
        String message = failure.get().getMessage();
        assertThat(message).as(c.name()).startsWith(c.member() + ": ");
        if (c.prefixOnly()) {
            assertThat(message).as(c.name()).startsWith(c.member() + ": " + c.problem());
        } else {
            assertThat(message).as(c.name()).isEqualTo(c.member() + ": " + c.problem());
        }
    }

    private static String chars(int n) {
        return "a".repeat(n);
    }

    private static <T> List<T> listOf(T... items) {
        return Arrays.asList(items); // keeps null elements, unlike List.of
    }

    private static Map<String, String> mapOf(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, String> entries(int n) {
        Map<String, String> map = new LinkedHashMap<>();
        IntStream.range(0, n).forEach(i -> map.put("k" + i, "v"));
        return map;
    }

    // ------------------------------------------------------------------ baselines and null requests

    static Stream<Object> baselines() {
        return ValidationFixtures.baselines();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("baselines")
    void v1_validBaselineRequestsPass(Object request) {
        assertThat(validate(request)).isEmpty();
    }

    @Test
    void v1_aNullRequestIsRequired() {
        List<Optional<InvalidRequestException>> results = List.of(
                RequestValidation.validate((CreateJobRequest) null, LIMITS, SCOPE),
                RequestValidation.validate((UpdateJobRequest) null, LIMITS),
                RequestValidation.validate((CancelJobRequest) null, LIMITS),
                RequestValidation.validate((DeleteJobRequest) null, LIMITS),
                RequestValidation.validate((AssociateTargetsWithJobRequest) null, LIMITS, SCOPE),
                RequestValidation.validate((DescribeJobRequest) null, LIMITS),
                RequestValidation.validate((GetJobDocumentRequest) null, LIMITS),
                RequestValidation.validate((ListJobsRequest) null, LIMITS),
                RequestValidation.validate((dev.iotjobs.api.control.DescribeJobExecutionRequest) null, LIMITS),
                RequestValidation.validate((ListJobExecutionsForJobRequest) null, LIMITS),
                RequestValidation.validate((ListJobExecutionsForThingRequest) null, LIMITS),
                RequestValidation.validate((CancelJobExecutionRequest) null, LIMITS),
                RequestValidation.validate((DeleteJobExecutionRequest) null, LIMITS),
                RequestValidation.validate((dev.iotjobs.api.data.DescribeJobExecutionRequest) null, LIMITS),
                RequestValidation.validate((GetPendingJobExecutionsRequest) null, LIMITS),
                RequestValidation.validate((StartNextPendingJobExecutionRequest) null, LIMITS),
                RequestValidation.validate((UpdateJobExecutionRequest) null, LIMITS),
                RequestValidation.validate((CreateThingRequest) null, LIMITS),
                RequestValidation.validate((DeleteThingRequest) null, LIMITS),
                RequestValidation.validate((CreateThingGroupRequest) null, LIMITS),
                RequestValidation.validate((DeleteThingGroupRequest) null, LIMITS),
                RequestValidation.validate((AddThingToThingGroupRequest) null, LIMITS, SCOPE),
                RequestValidation.validate((RemoveThingFromThingGroupRequest) null, LIMITS, SCOPE),
                RequestValidation.validate((ListThingsInThingGroupRequest) null, LIMITS));
        assertThat(results).allSatisfy(result ->
                assertThat(result).hasValueSatisfying(e -> assertThat(e).hasMessage("request: is required")));
    }

    // ------------------------------------------------------------------ named examples

    @Test
    void v1_jobIdPatternIsNamed() {
        assertThat(validate(createJob().jobId("a b").build()))
                .hasValueSatisfying(e -> assertThat(e).hasMessage("jobId: must match [a-zA-Z0-9_-]+, got \"a b\""));
    }

    @Test
    void v1_firstFailureInMemberOrderWins() {
        CreateJobRequest twoFailures = createJob().description("a\u0000b").jobId("").build();
        assertThat(validate(twoFailures))
                .hasValueSatisfying(e -> assertThat(e).hasMessage("jobId: must be at least 1 character, got \"\""));
    }

    @Test
    void v1_longValuesAreAbbreviatedAndControlCharactersEscaped() {
        String message = validate(createJob().jobId("\u0007" + "x".repeat(63) + " tail").build())
                .orElseThrow().getMessage();
        assertThat(message).startsWith("jobId: must be at most 64 characters, got 69");
        String pattern = validate(createJob().jobId("\u0007" + "x".repeat(50)).build()).orElseThrow().getMessage();
        assertThat(pattern).isEqualTo("jobId: must match [a-zA-Z0-9_-]+, got \"\\u0007" + "x".repeat(50) + "\"");
        String abbreviated = validate(createJob().namespaceId("é".repeat(5000)).build()).orElseThrow().getMessage();
        assertThat(abbreviated).startsWith("namespaceId: must match [a-zA-Z0-9_-]+, got \"ééé").endsWith("...\"");
        assertThat(abbreviated.length()).isLessThan(120);
        assertThat(Checks.quote("a\u2028b\ud800")).isEqualTo("\"a\\u2028b\\ud800\"");
        assertThat(Checks.quote("\uD83D\uDE00\"\\")).isEqualTo("\"\uD83D\uDE00\\\"\\\\\"");
    }

    @Test
    void v3_tooManyTargets() {
        List<String> targets = IntStream.range(0, 101).mapToObj(i -> THING_ARN + i).toList();
        assertThat(validate(createJob().targets(targets).build())).hasValueSatisfying(e ->
                assertThat(e).hasMessage("targets: must have between 1 and 100 items, got 101"));
        assertThat(validate(createJob().targets(targets.subList(0, 100)).build())).isEmpty();
    }

    @Test
    void v3_limitsComeFromEngineLimits() {
        CreateJobRequest threeTargets = createJob().targets(THING_ARN, GROUP_ARN, THING_ARN + "2").build();
        assertThat(RequestValidation.validate(threeTargets, SMALL, SCOPE)).hasValueSatisfying(e ->
                assertThat(e).hasMessage("targets: must have between 1 and 2 items, got 3"));
    }

    @Test
    void v4_documentAndSourceBothGiven() {
        assertThat(validate(createJob().documentSource("https://bucket/doc.json").build())).hasValueSatisfying(e ->
                assertThat(e).hasMessage("document: exactly one of document or documentSource is required"));
    }

    @Test
    void v4_documentCheckIsReusableForResolvedSources() {
        assertThat(RequestValidation.document("documentSource", "[1]", LIMITS)).hasValueSatisfying(e ->
                assertThat(e).hasMessage("documentSource: must be a JSON object"));
        assertThat(RequestValidation.document("documentSource", "{\"a\":1}", LIMITS)).isEmpty();
        assertThat(JobDocumentCheck.problem("{\"a\":", 100)).hasValueSatisfying(p ->
                assertThat(p).startsWith("is not valid JSON: "));
        assertThat(JobDocumentCheck.problem(null, 100)).contains("is required");
        assertThat(RequestValidation.document("documentSource", null, LIMITS)).hasValueSatisfying(e ->
                assertThat(e).hasMessage("documentSource: must resolve to a document, got none"));
    }

    @Test
    void v5_foreignRegionArn() {
        assertThat(validate(createJob().targets(THING_ARN, FOREIGN_REGION_ARN).build())).hasValueSatisfying(e ->
                assertThat(e).hasMessage("targets[1]: must be an ARN in region us-east-1, got \""
                        + FOREIGN_REGION_ARN + "\""));
    }

    @Test
    void v5_arnsAreBuiltAndParsed() {
        assertThat(Arns.thing(REGION, ACCOUNT, "sensor-1")).isEqualTo(THING_ARN);
        assertThat(Arns.thingGroup(REGION, ACCOUNT, "fleet:eu")).isEqualTo(GROUP_ARN);
        assertThat(Arns.job(REGION, ACCOUNT, "job-1")).isEqualTo("arn:aws:iot:us-east-1:123456789012:job/job-1");
        assertThat(Arns.parseTarget(REGION, ACCOUNT, THING_ARN)).contains(new Scope.Target(false, "sensor-1"));
        assertThat(Arns.parseTarget(REGION, ACCOUNT, GROUP_ARN)).contains(new Scope.Target(true, "fleet:eu"));
        assertThat(Stream.of(null, "", "arn", "sensor-1", FOREIGN_REGION_ARN, FOREIGN_ACCOUNT_ARN,
                "arn:aws:iot:us-east-1:123456789012:job/job-1", "arn:aws:iot:us-east-1:123456789012:thing/",
                "arn:aws:iot:us-east-1:123456789012:thing/a/b", "arn:aws-cn:iot:us-east-1:123456789012:thing/a",
                "arn:aws:iot:us-east-1:123456789012:thing/" + chars(129)))
                .allSatisfy(arn -> assertThat(Arns.parseTarget(REGION, ACCOUNT, arn)).as(arn).isEmpty());
        assertThat(Arns.parseTarget(REGION, ACCOUNT, "arn:aws:iot:us-east-1:123456789012:thing/" + chars(128)))
                .isPresent();
    }

    @Test
    void x2_deviceCannotSetQueued() {
        assertThat(validate(updateExecution().status(JobExecutionStatus.QUEUED).build())).hasValueSatisfying(e ->
                assertThat(e).hasMessage(
                        "status: must be one of IN_PROGRESS, SUCCEEDED, FAILED, REJECTED, got QUEUED"));
    }

    @Test
    void x2_deviceSettableStatusesPass() {
        assertThat(Stream.of(JobExecutionStatus.IN_PROGRESS, JobExecutionStatus.SUCCEEDED,
                JobExecutionStatus.FAILED, JobExecutionStatus.REJECTED))
                .allSatisfy(s -> assertThat(validate(updateExecution().status(s).build())).isEmpty());
    }

    @Test
    void x9_updateAcceptsMinusOneStepTimeoutButStartNextDoesNot() {
        assertThat(validate(updateExecution().stepTimeoutInMinutes(-1L).build())).isEmpty();
        assertThat(validate(startNext().stepTimeoutInMinutes(-1L).build())).hasValueSatisfying(e ->
                assertThat(e).hasMessage("stepTimeoutInMinutes: must be between 1 and 10080, got -1"));
    }

    @Test
    void t8_scheduleTimesParseAsAwsWritesThem() {
        Instant noon = Instant.parse("2026-03-01T12:00:00Z");
        assertThat(ScheduleTimes.parse("2026-03-01T12:00")).contains(noon);
        assertThat(ScheduleTimes.parse("2026-03-01T12:00:30")).contains(noon.plusSeconds(30));
        assertThat(ScheduleTimes.parse("2026-03-01T12:00Z")).contains(noon);
        assertThat(ScheduleTimes.parse("2026-03-01T12:00+02:00")).contains(noon.minusSeconds(7200));
        assertThat(ScheduleTimes.parse("2026-03-01T12:00:30-05:30")).contains(noon.plusSeconds(30 + 5 * 3600 + 1800));
        assertThat(Stream.of(null, "", "2026-03-01", "2026-03-01 12:00", "2026-02-30T12:00", "2026-03-01T24:00",
                "2026-03-01T12", "2026-03-01T12:00:60", "2026-03-01T12:00+2", "tomorrow", "2026-03-01T12:00Zx"))
                .allSatisfy(text -> assertThat(ScheduleTimes.parse(text)).as(text).isEmpty());
    }

    // ------------------------------------------------------------------ data plane

    static Stream<Case> v1_describeJobExecutionDataRejects() {
        return Stream.of(
                rejects("v1 jobId required", describeExecutionData().jobId(null).build(), "jobId", "is required"),
                rejects("v1 jobId pattern allows only $next besides ids", describeExecutionData().jobId("$nex").build(),
                        "jobId", "must match [a-zA-Z0-9_-]+|^\\$next, got \"$nex\""),
                rejects("v1 jobId length", describeExecutionData().jobId(chars(65)).build(), "jobId",
                        "must be at most 64 characters, got 65"),
                rejects("v1 thingName required", describeExecutionData().thingName(null).build(), "thingName",
                        "is required"),
                rejects("v1 thingName pattern", describeExecutionData().thingName("a/b").build(), "thingName",
                        "must match " + NAME + ", got \"a/b\""),
                rejects("v1 executionNumber at least 1", describeExecutionData().executionNumber(0L).build(),
                        "executionNumber", "must be at least 1, got 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void v1_describeJobExecutionDataRejects(Case c) {
        assertRejected(c);
    }

    @Test
    void v1_describeJobExecutionDataAcceptsNext() {
        assertThat(validate(describeExecutionData().jobId("$next").build())).isEmpty();
    }

    static Stream<Case> v1_getPendingJobExecutionsRejects() {
        return Stream.of(
                rejects("v1 thingName required", getPending().thingName(null).build(), "thingName", "is required"),
                rejects("v1 thingName empty", getPending().thingName("").build(), "thingName",
                        "must be at least 1 character, got \"\""),
                rejects("v1 thingName too long", getPending().thingName(chars(129)).build(), "thingName",
                        "must be at most 128 characters, got 129"),
                rejects("v1 thingName pattern", getPending().thingName("a b").build(), "thingName",
                        "must match " + NAME + ", got \"a b\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void v1_getPendingJobExecutionsRejects(Case c) {
        assertRejected(c);
    }

    static Stream<Case> v1_startNextPendingJobExecutionRejects() {
        return Stream.of(
                rejects("v1 thingName required", startNext().thingName(null).build(), "thingName", "is required"),
                rejects("v1 thingName pattern", startNext().thingName("a\tb").build(), "thingName",
                        "must match " + NAME + ", got \"a\\tb\""),
                rejects("v3 statusDetails at most 10 entries", startNext().statusDetails(entries(11)).build(),
                        "statusDetails", "must have at most 10 entries, got 11"),
                rejects("v3 statusDetails limit from EngineLimits",
                        () -> RequestValidation.validate(startNext().statusDetails(entries(2)).build(), SMALL),
                        "statusDetails", "must have at most 1 entry, got 2"),
                rejects("v1 statusDetails null key", startNext().statusDetails(mapOf(null, "v")).build(),
                        "statusDetails", "keys must not be null"),
                rejects("v1 statusDetails key empty", startNext().statusDetails(mapOf("", "v")).build(),
                        "statusDetails", "key must be at least 1 character, got \"\""),
                rejects("v1 statusDetails key pattern", startNext().statusDetails(mapOf("a b", "v")).build(),
                        "statusDetails", "key must match " + NAME + ", got \"a b\""),
                rejects("v1 statusDetails null value", startNext().statusDetails(mapOf("k", null)).build(),
                        "statusDetails[\"k\"]", "must not be null"),
                rejects("v1 statusDetails value too long", startNext().statusDetails(mapOf("k", chars(1025))).build(),
                        "statusDetails[\"k\"]", "must be at most 1024 characters, got 1025"),
                rejects("v1 statusDetails value pattern", startNext().statusDetails(mapOf("k", "a\u0001")).build(),
                        "statusDetails[\"k\"]", "must match [^\\p{C}]*+, got \"a\\u0001\""),
                rejects("v3 stepTimeoutInMinutes at least 1", startNext().stepTimeoutInMinutes(0L).build(),
                        "stepTimeoutInMinutes", "must be between 1 and 10080, got 0"),
                rejects("v3 stepTimeoutInMinutes at most 10080", startNext().stepTimeoutInMinutes(10081L).build(),
                        "stepTimeoutInMinutes", "must be between 1 and 10080, got 10081"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void v1_startNextPendingJobExecutionRejects(Case c) {
        assertRejected(c);
    }

    static Stream<Case> v1_updateJobExecutionRejects() {
        return Stream.of(
                rejects("v1 jobId required", updateExecution().jobId(null).build(), "jobId", "is required"),
                rejects("v1 jobId $next is not an update target", updateExecution().jobId("$next").build(), "jobId",
                        "must match " + ID + ", got \"$next\""),
                rejects("v1 thingName required", updateExecution().thingName(null).build(), "thingName",
                        "is required"),
                rejects("x2 status required", updateExecution().status((JobExecutionStatus) null).build(), "status",
                        "is required"),
                rejects("x2 TIMED_OUT is not device-settable",
                        updateExecution().status(JobExecutionStatus.TIMED_OUT).build(), "status",
                        "must be one of IN_PROGRESS, SUCCEEDED, FAILED, REJECTED, got TIMED_OUT"),
                rejects("x2 REMOVED is not device-settable",
                        updateExecution().status(JobExecutionStatus.REMOVED).build(), "status",
                        "must be one of IN_PROGRESS, SUCCEEDED, FAILED, REJECTED, got REMOVED"),
                rejects("x2 CANCELED is not device-settable",
                        updateExecution().status(JobExecutionStatus.CANCELED).build(), "status",
                        "must be one of IN_PROGRESS, SUCCEEDED, FAILED, REJECTED, got CANCELED"),
                rejects("v3 statusDetails entries", updateExecution().statusDetails(entries(11)).build(),
                        "statusDetails", "must have at most 10 entries, got 11"),
                rejects("v1 statusDetails key too long",
                        updateExecution().statusDetails(mapOf(chars(129), "v")).build(), "statusDetails",
                        "key must be at most 128 characters, got 129"),
                rejects("v1 statusDetails value empty", updateExecution().statusDetails(mapOf("k", "")).build(),
                        "statusDetails[\"k\"]", "must be at least 1 character, got \"\""),
                rejects("x9 stepTimeoutInMinutes 0", updateExecution().stepTimeoutInMinutes(0L).build(),
                        "stepTimeoutInMinutes", "must be -1 or between 1 and 10080, got 0"),
                rejects("x9 stepTimeoutInMinutes -2", updateExecution().stepTimeoutInMinutes(-2L).build(),
                        "stepTimeoutInMinutes", "must be -1 or between 1 and 10080, got -2"),
                rejects("v3 stepTimeoutInMinutes too large", updateExecution().stepTimeoutInMinutes(10081L).build(),
                        "stepTimeoutInMinutes", "must be -1 or between 1 and 10080, got 10081"),
                rejects("v1 expectedVersion at least 1", updateExecution().expectedVersion(0L).build(),
                        "expectedVersion", "must be at least 1, got 0"),
                rejects("v1 executionNumber at least 1", updateExecution().executionNumber(-5L).build(),
                        "executionNumber", "must be at least 1, got -5"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void v1_updateJobExecutionRejects(Case c) {
        assertRejected(c);
    }

    // ------------------------------------------------------------------ control plane: CreateJob

    static Stream<Case> v1_createJobMembersRejected() {
        String doc = "{\"a\":\"x" + "é".repeat(16380) + "\"}"; // 32769 UTF-8 bytes in 16389 characters
        return Stream.of(
                rejects("v1 jobId required", createJob().jobId(null).build(), "jobId", "is required"),
                rejects("v1 jobId empty", createJob().jobId("").build(), "jobId",
                        "must be at least 1 character, got \"\""),
                rejects("v1 jobId too long", createJob().jobId(chars(65)).build(), "jobId",
                        "must be at most 64 characters, got 65"),
                rejects("v1 jobId pattern", createJob().jobId("job.1").build(), "jobId",
                        "must match " + ID + ", got \"job.1\""),
                rejects("v3 targets required", createJob().targets(List.of()).build(), "targets",
                        "must have between 1 and 100 items, got 0"),
                rejects("v1 targets null element", createJob().targets(listOf(THING_ARN, null)).build(),
                        "targets[1]", "must not be null"),
                rejects("v1 target too long", createJob().targets(THING_ARN + chars(2049 - THING_ARN.length()))
                        .build(), "targets[0]", "must be at most 2048 characters, got 2049"),
                rejects("v5 target not an ARN", createJob().targets("sensor-1").build(), "targets[0]",
                        "must be an ARN arn:aws:iot:us-east-1:123456789012:thing/{name} or "
                                + "arn:aws:iot:us-east-1:123456789012:thinggroup/{name}, got \"sensor-1\""),
                rejects("v5 target of another partition",
                        createJob().targets("arn:aws-cn:iot:us-east-1:123456789012:thing/a").build(), "targets[0]",
                        "must be an ARN arn:aws:iot:us-east-1:123456789012:thing/{name} or "
                                + "arn:aws:iot:us-east-1:123456789012:thinggroup/{name}, "
                                + "got \"arn:aws-cn:iot:us-east-1:123456789012:thing/a\""),
                rejects("v5 target of another account", createJob().targets(FOREIGN_ACCOUNT_ARN).build(),
                        "targets[0]", "must be an ARN in account 123456789012, got \"" + FOREIGN_ACCOUNT_ARN + "\""),
                rejects("v5 target of another resource type",
                        createJob().targets("arn:aws:iot:us-east-1:123456789012:job/job-1").build(), "targets[0]",
                        "must be a thing or thinggroup ARN, got \"arn:aws:iot:us-east-1:123456789012:job/job-1\""),
                rejects("v5 target with an invalid name",
                        createJob().targets("arn:aws:iot:us-east-1:123456789012:thing/a b").build(), "targets[0]",
                        "must end in a name of 1 to 128 characters matching " + NAME
                                + ", got \"arn:aws:iot:us-east-1:123456789012:thing/a b\""),
                rejects("v5 target without a name",
                        createJob().targets("arn:aws:iot:us-east-1:123456789012:thinggroup/").build(), "targets[0]",
                        "must end in a name of 1 to 128 characters matching " + NAME
                                + ", got \"arn:aws:iot:us-east-1:123456789012:thinggroup/\""),
                rejects("v1 documentSource empty", createJob().document(null).documentSource("").build(),
                        "documentSource", "must be at least 1 character, got \"\""),
                rejects("v1 documentSource too long", createJob().document(null).documentSource(chars(1351)).build(),
                        "documentSource", "must be at most 1350 characters, got 1351"),
                rejects("v4 neither document nor documentSource", createJob().document(null).build(), "document",
                        "exactly one of document or documentSource is required"),
                rejects("v3 document too large in UTF-8 bytes", createJob().document(doc).build(), "document",
                        "must be at most 32768 UTF-8 bytes, got 32769"),
                rejects("v3 document limit from EngineLimits",
                        () -> RequestValidation.validate(createJob().document("{\"a\":\"" + chars(60) + "\"}").build(),
                                SMALL, SCOPE), "document", "must be at most 64 UTF-8 bytes, got 68"),
                rejects("v3 document must be an object", createJob().document("[1,2]").build(), "document",
                        "must be a JSON object"),
                rejects("v3 document must not be a string", createJob().document("\"{}\"").build(), "document",
                        "must be a JSON object"),
                rejects("v3 empty document", createJob().document("").build(), "document", "must be a JSON object"),
                rejectsStartingWith("v3 document must be JSON", createJob().document("{op: 1}").build(), "document",
                        "is not valid JSON: "),
                rejectsStartingWith("v3 document with trailing content", createJob().document("{} {}").build(),
                        "document", "is not valid JSON: "),
                rejects("v1 description too long", createJob().description(chars(2029)).build(), "description",
                        "must be at most 2028 characters, got 2029"),
                rejects("v1 description pattern", createJob().description("line\nbreak").build(), "description",
                        "must match " + PRINTABLE + ", got \"line\\nbreak\""),
                rejects("v1 description empty", createJob().description("").build(), "description",
                        "must match " + PRINTABLE + ", got \"\""),
                rejects("v1 presignedUrlConfig.roleArn too short",
                        createJob().presignedUrlConfig(new PresignedUrlConfig("arn:aws:iam::1:r", 600L)).build(),
                        "presignedUrlConfig.roleArn", "must be at least 20 characters, got \"arn:aws:iam::1:r\""),
                rejects("v1 presignedUrlConfig.expiresInSec too small",
                        createJob().presignedUrlConfig(new PresignedUrlConfig(null, 59L)).build(),
                        "presignedUrlConfig.expiresInSec", "must be between 60 and 3600, got 59"),
                rejects("v1 presignedUrlConfig.expiresInSec too large",
                        createJob().presignedUrlConfig(new PresignedUrlConfig(null, 3601L)).build(),
                        "presignedUrlConfig.expiresInSec", "must be between 60 and 3600, got 3601"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void v1_createJobMembersRejected(Case c) {
        assertRejected(c);
    }

    static Stream<Case> v1_createJobStructuresRejected() {
        String rate = "jobExecutionsRolloutConfig.exponentialRate.";
        String abort = "abortConfig.criteriaList";
        String retry = "jobExecutionsRetryConfig.criteriaList";
        return Stream.of(
                rejects("v3 maximumPerMinute too large",
                        createJob().jobExecutionsRolloutConfig(new JobExecutionsRolloutConfig(1001, null)).build(),
                        "jobExecutionsRolloutConfig.maximumPerMinute", "must be between 1 and 1000, got 1001"),
                rejects("v3 maximumPerMinute from EngineLimits", () -> RequestValidation.validate(
                        createJob().document("{}").jobExecutionsRolloutConfig(new JobExecutionsRolloutConfig(51, null))
                                .build(),
                        SMALL, SCOPE), "jobExecutionsRolloutConfig.maximumPerMinute",
                        "must be between 1 and 50, got 51"),
                rejects("v1 maximumPerMinute at least 1",
                        createJob().jobExecutionsRolloutConfig(new JobExecutionsRolloutConfig(0, null)).build(),
                        "jobExecutionsRolloutConfig.maximumPerMinute", "must be between 1 and 1000, got 0"),
                rejects("v1 baseRatePerMinute required", createJob().jobExecutionsRolloutConfig(
                        new JobExecutionsRolloutConfig(null, new ExponentialRolloutRate(null, 2.0,
                                new RateIncreaseCriteria(1, 1)))).build(), rate + "baseRatePerMinute", "is required"),
                rejects("v1 baseRatePerMinute at most 1000", createJob().jobExecutionsRolloutConfig(
                        new JobExecutionsRolloutConfig(null, new ExponentialRolloutRate(1001, 2.0,
                                new RateIncreaseCriteria(1, 1)))).build(), rate + "baseRatePerMinute",
                        "must be between 1 and 1000, got 1001"),
                rejects("v1 incrementFactor required", createJob().jobExecutionsRolloutConfig(
                        new JobExecutionsRolloutConfig(null, new ExponentialRolloutRate(10, null,
                                new RateIncreaseCriteria(1, 1)))).build(), rate + "incrementFactor", "is required"),
                rejects("v1 incrementFactor at least 1.1", createJob().jobExecutionsRolloutConfig(
                        new JobExecutionsRolloutConfig(null, new ExponentialRolloutRate(10, 1.0,
                                new RateIncreaseCriteria(1, 1)))).build(), rate + "incrementFactor",
                        "must be between 1.1 and 5, got 1"),
                rejects("v1 incrementFactor NaN", createJob().jobExecutionsRolloutConfig(
                        new JobExecutionsRolloutConfig(null, new ExponentialRolloutRate(10, Double.NaN,
                                new RateIncreaseCriteria(1, 1)))).build(), rate + "incrementFactor",
                        "must be between 1.1 and 5, got NaN"),
                rejects("v1 incrementFactor at most 5", createJob().jobExecutionsRolloutConfig(
                        new JobExecutionsRolloutConfig(null, new ExponentialRolloutRate(10, 5.01,
                                new RateIncreaseCriteria(1, 1)))).build(), rate + "incrementFactor",
                        "must be between 1.1 and 5, got 5.01"),
                rejects("v1 rateIncreaseCriteria required", createJob().jobExecutionsRolloutConfig(
                        new JobExecutionsRolloutConfig(null, new ExponentialRolloutRate(10, 2.0, null))).build(),
                        rate + "rateIncreaseCriteria", "is required"),
                rejects("v1 numberOfNotifiedThings at least 1", createJob().jobExecutionsRolloutConfig(
                        new JobExecutionsRolloutConfig(null, new ExponentialRolloutRate(10, 2.0,
                                new RateIncreaseCriteria(0, null)))).build(),
                        rate + "rateIncreaseCriteria.numberOfNotifiedThings", "must be at least 1, got 0"),
                rejects("v1 numberOfSucceededThings at least 1", createJob().jobExecutionsRolloutConfig(
                        new JobExecutionsRolloutConfig(null, new ExponentialRolloutRate(10, 2.0,
                                new RateIncreaseCriteria(null, -1)))).build(),
                        rate + "rateIncreaseCriteria.numberOfSucceededThings", "must be at least 1, got -1"),
                rejects("v1 abort criteriaList required", createJob().abortConfig(new AbortConfig(List.of())).build(),
                        abort, "must have at least 1 item, got 0"),
                rejects("v1 abort criteria null element",
                        createJob().abortConfig(new AbortConfig(listOf((AbortCriteria) null))).build(),
                        abort + "[0]", "must not be null"),
                rejects("v1 abort failureType required", createJob().abortConfig(new AbortConfig(List.of(
                        abortConfig().criteriaList().get(0),
                        new AbortCriteria(null, AbortAction.CANCEL, 1.0, 1)))).build(),
                        abort + "[1].failureType", "is required"),
                rejects("v1 abort action required", createJob().abortConfig(new AbortConfig(List.of(
                        new AbortCriteria(JobExecutionFailureType.ALL, null, 1.0, 1)))).build(),
                        abort + "[0].action", "is required"),
                rejects("v1 abort thresholdPercentage required", createJob().abortConfig(new AbortConfig(List.of(
                        new AbortCriteria(JobExecutionFailureType.ALL, AbortAction.CANCEL, null, 1)))).build(),
                        abort + "[0].thresholdPercentage", "is required"),
                rejects("v1 abort thresholdPercentage above 100", createJob().abortConfig(new AbortConfig(List.of(
                        new AbortCriteria(JobExecutionFailureType.ALL, AbortAction.CANCEL, 100.5, 1)))).build(),
                        abort + "[0].thresholdPercentage", "must be between 0 and 100, got 100.5"),
                rejects("v1 abort thresholdPercentage NaN", createJob().abortConfig(new AbortConfig(List.of(
                        new AbortCriteria(JobExecutionFailureType.ALL, AbortAction.CANCEL, Double.NaN, 1)))).build(),
                        abort + "[0].thresholdPercentage", "must be between 0 and 100, got NaN"),
                rejects("v1 abort minNumberOfExecutedThings at least 1", createJob().abortConfig(new AbortConfig(
                        List.of(new AbortCriteria(JobExecutionFailureType.ALL, AbortAction.CANCEL, 10.0, 0))))
                        .build(), abort + "[0].minNumberOfExecutedThings", "must be at least 1, got 0"),
                rejects("v3 inProgressTimeoutInMinutes at least 1",
                        createJob().timeoutConfig(new TimeoutConfig(0L)).build(),
                        "timeoutConfig.inProgressTimeoutInMinutes", "must be between 1 and 10080, got 0"),
                rejects("v3 inProgressTimeoutInMinutes at most 10080",
                        createJob().timeoutConfig(new TimeoutConfig(10081L)).build(),
                        "timeoutConfig.inProgressTimeoutInMinutes", "must be between 1 and 10080, got 10081"),
                rejects("v1 tags null element", createJob().tags(listOf((Tag) null)).build(), "tags[0]",
                        "must not be null"),
                rejects("v1 tag key required", createJob().tags(List.of(new Tag(null, "v"))).build(), "tags[0].key",
                        "is required"),
                rejects("v1 tag key too long", createJob().tags(List.of(new Tag(chars(129), "v"))).build(),
                        "tags[0].key", "must be at most 128 characters, got 129"),
                rejects("v1 tag key pattern", createJob().tags(List.of(new Tag("a", ""), new Tag("a*b", "v")))
                        .build(), "tags[1].key",
                        "must match ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$, got \"a*b\""),
                rejects("v1 tag value too long", createJob().tags(List.of(new Tag("k", chars(257)))).build(),
                        "tags[0].value", "must be at most 256 characters, got 257"),
                rejects("v1 namespaceId pattern", createJob().namespaceId("a.b").build(), "namespaceId",
                        "must match " + ID + ", got \"a.b\""),
                rejects("v1 jobTemplateArn pattern", createJob().document(null).jobTemplateArn("template").build(),
                        "jobTemplateArn", "must match ^arn:[!-~]+$, got \"template\""),
                rejects("v1 jobTemplateArn too long",
                        createJob().document(null).jobTemplateArn("arn:" + chars(1597)).build(),
                        "jobTemplateArn", "must be at most 1600 characters, got 1601"),
                rejects("j14 document with a template",
                        createJob().jobTemplateArn("arn:aws:iot:us-east-1:123456789012:jobtemplate/t").build(),
                        "document", "must not be given with jobTemplateArn: the job takes its template's document"),
                rejects("j14 documentSource with a template", createJob().document(null).documentSource("s3://b/k")
                                .jobTemplateArn("arn:aws:iot:us-east-1:123456789012:jobtemplate/t").build(),
                        "documentSource",
                        "must not be given with jobTemplateArn: the job takes its template's document"),
                rejects("v1 retry criteriaList required",
                        createJob().jobExecutionsRetryConfig(new JobExecutionsRetryConfig(List.of())).build(), retry,
                        "must have between 1 and 2 items, got 0"),
                rejects("v1 retry criteriaList at most 2", createJob().jobExecutionsRetryConfig(
                        new JobExecutionsRetryConfig(List.of(new RetryCriteria(RetryableFailureType.FAILED, 1),
                                new RetryCriteria(RetryableFailureType.TIMED_OUT, 1),
                                new RetryCriteria(RetryableFailureType.ALL, 1)))).build(), retry,
                        "must have between 1 and 2 items, got 3"),
                rejects("v1 retry criteria null element", createJob().jobExecutionsRetryConfig(
                        new JobExecutionsRetryConfig(listOf((RetryCriteria) null))).build(), retry + "[0]",
                        "must not be null"),
                rejects("v1 retry failureType required", createJob().jobExecutionsRetryConfig(
                        new JobExecutionsRetryConfig(List.of(new RetryCriteria(null, 1)))).build(),
                        retry + "[0].failureType", "is required"),
                rejects("v1 retry numberOfRetries required", createJob().jobExecutionsRetryConfig(
                        new JobExecutionsRetryConfig(List.of(new RetryCriteria(RetryableFailureType.ALL, null))))
                        .build(), retry + "[0].numberOfRetries", "is required"),
                rejects("v1 retry numberOfRetries at most 10", createJob().jobExecutionsRetryConfig(
                        new JobExecutionsRetryConfig(List.of(new RetryCriteria(RetryableFailureType.ALL, 11))))
                        .build(), retry + "[0].numberOfRetries", "must be between 0 and 10, got 11"),
                rejects("v1 retry numberOfRetries not negative", createJob().jobExecutionsRetryConfig(
                        new JobExecutionsRetryConfig(List.of(new RetryCriteria(RetryableFailureType.ALL, -1))))
                        .build(), retry + "[0].numberOfRetries", "must be between 0 and 10, got -1"),
                rejects("v1 retry one criterion per failure type", createJob().jobExecutionsRetryConfig(
                        new JobExecutionsRetryConfig(List.of(new RetryCriteria(RetryableFailureType.FAILED, 1),
                                new RetryCriteria(RetryableFailureType.FAILED, 2)))).build(),
                        retry + "[1].failureType", "must differ from the other criteria's, got FAILED twice"),
                rejects("v3 retries summed at most 10", createJob().jobExecutionsRetryConfig(
                        new JobExecutionsRetryConfig(List.of(new RetryCriteria(RetryableFailureType.FAILED, 6),
                                new RetryCriteria(RetryableFailureType.TIMED_OUT, 5)))).build(), retry,
                        "retries must sum to at most 10, got 11"),
                rejects("v3 retries sum limit from EngineLimits", () -> RequestValidation.validate(
                        createJob().document("{}").jobExecutionsRolloutConfig(null).build(), SMALL, SCOPE),
                        retry, "retries must sum to at most 5, got 10"),
                rejects("v1 documentParameters null key", createJob().documentParameters(mapOf(null, "v")).build(),
                        "documentParameters", "keys must not be null"),
                rejects("v1 documentParameters key pattern", createJob().documentParameters(mapOf("a:b", "v"))
                        .build(), "documentParameters", "key must match " + ID + ", got \"a:b\""),
                rejects("v1 documentParameters null value", createJob().documentParameters(mapOf("k", null)).build(),
                        "documentParameters[\"k\"]", "must not be null"),
                rejects("v1 documentParameters value empty", createJob().documentParameters(mapOf("k", "")).build(),
                        "documentParameters[\"k\"]", "must be at least 1 character, got \"\""),
                rejects("v1 documentParameters value too long",
                        createJob().documentParameters(mapOf("k", chars(513))).build(), "documentParameters[\"k\"]",
                        "must be at most 512 characters, got 513"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void v1_createJobStructuresRejected(Case c) {
        assertRejected(c);
    }

    static Stream<Case> t8_createJobSchedulingRejected() {
        String start = "schedulingConfig.startTime";
        String end = "schedulingConfig.endTime";
        String expected = "must be an ISO-8601 date-time such as 2026-03-01T12:00 (seconds and offset optional), ";
        return Stream.of(
                rejects("t8 startTime empty", createJob().schedulingConfig(new SchedulingConfig("", null, null))
                        .build(), start, "must be at least 1 character, got \"\""),
                rejects("t8 startTime too long", createJob().schedulingConfig(
                        new SchedulingConfig(chars(65), null, null)).build(), start,
                        "must be at most 64 characters, got 65"),
                rejects("t8 startTime unparsable", createJob().schedulingConfig(
                        new SchedulingConfig("tomorrow", null, null)).build(), start, expected + "got \"tomorrow\""),
                rejects("t8 endTime unparsable", createJob().schedulingConfig(
                        new SchedulingConfig("2026-03-01T12:00", "2026-03-01 13:00", JobEndBehavior.CANCEL)).build(),
                        end, expected + "got \"2026-03-01 13:00\""),
                rejects("t8 end before start", createJob().schedulingConfig(
                        new SchedulingConfig("2026-03-01T12:00", "2026-03-01T11:59:59", null)).build(), end,
                        "must be after schedulingConfig.startTime \"2026-03-01T12:00\", got \"2026-03-01T11:59:59\""),
                rejects("t8 end equal to start across offsets", createJob().schedulingConfig(
                        new SchedulingConfig("2026-03-01T12:00Z", "2026-03-01T14:00+02:00", null)).build(), end,
                        "must be after schedulingConfig.startTime \"2026-03-01T12:00Z\", "
                                + "got \"2026-03-01T14:00+02:00\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void t8_createJobSchedulingRejected(Case c) {
        assertRejected(c);
    }

    @Test
    void t8_scheduleWithOnlyOneTimeIsFine() {
        assertThat(validate(createJob().schedulingConfig(new SchedulingConfig("2026-03-01T12:00", null, null))
                .build())).isEmpty();
        assertThat(validate(createJob().schedulingConfig(new SchedulingConfig(null, null, null)).build())).isEmpty();
    }

    // ------------------------------------------------------------------ control plane: other job requests

    static Stream<Case> v1_updateJobRejects() {
        return Stream.of(
                rejects("v1 jobId required", updateJob().jobId(null).build(), "jobId", "is required"),
                rejects("v1 jobId pattern", updateJob().jobId("a/b").build(), "jobId",
                        "must match " + ID + ", got \"a/b\""),
                rejects("v1 description pattern", updateJob().description("\u200b").build(), "description",
                        "must match " + PRINTABLE + ", got \"\\u200b\""),
                rejects("v1 presignedUrlConfig nested", updateJob().presignedUrlConfig(
                        new PresignedUrlConfig(chars(2049), null)).build(), "presignedUrlConfig.roleArn",
                        "must be at most 2048 characters, got 2049"),
                rejects("v3 rollout maximumPerMinute", updateJob().jobExecutionsRolloutConfig(
                        new JobExecutionsRolloutConfig(-1, null)).build(),
                        "jobExecutionsRolloutConfig.maximumPerMinute", "must be between 1 and 1000, got -1"),
                rejects("v1 abortConfig nested", updateJob().abortConfig(new AbortConfig(List.of())).build(),
                        "abortConfig.criteriaList", "must have at least 1 item, got 0"),
                rejects("v3 timeout from EngineLimits", () -> RequestValidation.validate(
                        updateJob().jobExecutionsRolloutConfig(null).timeoutConfig(new TimeoutConfig(61L)).build(),
                        SMALL),
                        "timeoutConfig.inProgressTimeoutInMinutes", "must be between 1 and 60, got 61"),
                rejects("v1 namespaceId empty", updateJob().namespaceId("").build(), "namespaceId",
                        "must match " + ID + ", got \"\""),
                rejects("v3 retries summed", updateJob().jobExecutionsRetryConfig(new JobExecutionsRetryConfig(
                        List.of(new RetryCriteria(RetryableFailureType.ALL, 10),
                                new RetryCriteria(RetryableFailureType.TIMED_OUT, 1)))).build(),
                        "jobExecutionsRetryConfig.criteriaList", "retries must sum to at most 10, got 11"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void v1_updateJobRejects(Case c) {
        assertRejected(c);
    }

    static Stream<Case> v1_cancelJobRejects() {
        return Stream.of(
                rejects("v1 jobId required", cancelJob().jobId(null).build(), "jobId", "is required"),
                rejects("v1 reasonCode pattern", cancelJob().reasonCode("bad").build(), "reasonCode",
                        "must match [\\p{Upper}\\p{Digit}_]+, got \"bad\""),
                rejects("v1 reasonCode too long", cancelJob().reasonCode("A".repeat(129)).build(), "reasonCode",
                        "must be at most 128 characters, got 129"),
                rejects("v1 comment too long", cancelJob().comment(chars(2029)).build(), "comment",
                        "must be at most 2028 characters, got 2029"),
                rejects("v1 comment pattern", cancelJob().comment("a\rb").build(), "comment",
                        "must match " + PRINTABLE + ", got \"a\\u000db\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void v1_cancelJobRejects(Case c) {
        assertRejected(c);
    }

    static Stream<Case> v1_deleteJobRejects() {
        return Stream.of(
                rejects("v1 jobId required", deleteJob().jobId(null).build(), "jobId", "is required"),
                rejects("v1 jobId too long", deleteJob().jobId(chars(100)).build(), "jobId",
                        "must be at most 64 characters, got 100"),
                rejects("v1 namespaceId pattern", deleteJob().namespaceId("n s").build(), "namespaceId",
                        "must match " + ID + ", got \"n s\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void v1_deleteJobRejects(Case c) {
        assertRejected(c);
    }

    static Stream<Case> v1_associateTargetsWithJobRejects() {
        return Stream.of(
                rejects("v3 targets required", associateTargets().targets(List.of()).build(), "targets",
                        "must have between 1 and 100 items, got 0"),
                rejects("v1 targets come before jobId", associateTargets().jobId(null).targets(listOf((String) null))
                        .build(), "targets[0]", "must not be null"),
                rejects("v5 foreign account", associateTargets().targets(List.of(FOREIGN_ACCOUNT_ARN)).build(),
                        "targets[0]", "must be an ARN in account 123456789012, got \"" + FOREIGN_ACCOUNT_ARN + "\""),
                rejects("v3 targets limit from EngineLimits", () -> RequestValidation.validate(
                        associateTargets().targets(List.of(THING_ARN, THING_ARN, THING_ARN)).build(), SMALL, SCOPE),
                        "targets", "must have between 1 and 2 items, got 3"),
                rejects("v1 jobId required", associateTargets().jobId(null).build(), "jobId", "is required"),
                rejects("v1 comment pattern", associateTargets().comment("\u0000").build(), "comment",
                        "must match " + PRINTABLE + ", got \"\\u0000\""),
                rejects("v1 namespaceId pattern", associateTargets().namespaceId("$").build(), "namespaceId",
                        "must match " + ID + ", got \"$\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void v1_associateTargetsWithJobRejects(Case c) {
        assertRejected(c);
    }

    static Stream<Case> v1_describeJobAndGetJobDocumentReject() {
        return Stream.of(
                rejects("v1 describeJob jobId required", describeJob().jobId(null).build(), "jobId", "is required"),
                rejects("v1 describeJob jobId pattern", describeJob().jobId("é").build(), "jobId",
                        "must match " + ID + ", got \"é\""),
                rejects("v1 getJobDocument jobId required", getJobDocument().jobId(null).build(), "jobId",
                        "is required"),
                rejects("v1 getJobDocument jobId empty", getJobDocument().jobId("").build(), "jobId",
                        "must be at least 1 character, got \"\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void v1_describeJobAndGetJobDocumentReject(Case c) {
        assertRejected(c);
    }

    static Stream<Case> v1_listJobsRejects() {
        return Stream.of(
                rejects("v3 maxResults at least 1", listJobs().maxResults(0).build(), "maxResults",
                        "must be between 1 and 250, got 0"),
                rejects("v3 maxResults at most 250", listJobs().maxResults(251).build(), "maxResults",
                        "must be between 1 and 250, got 251"),
                rejects("v3 maxResults from EngineLimits", () -> RequestValidation.validate(
                        listJobs().maxResults(21).build(), SMALL), "maxResults", "must be between 1 and 20, got 21"),
                rejects("v1 nextToken empty", listJobs().nextToken("").build(), "nextToken",
                        "must be at least 1 character, got \"\""),
                rejects("v1 nextToken too long", listJobs().nextToken(chars(1025)).build(), "nextToken",
                        "must be at most 1024 characters, got 1025"),
                rejects("v1 nextToken charset", listJobs().nextToken("a b").build(), "nextToken",
                        "must match [A-Za-z0-9+/=_-]+, got \"a b\""),
                rejects("v1 thingGroupName pattern", listJobs().thingGroupName("a b").build(), "thingGroupName",
                        "must match " + NAME + ", got \"a b\""),
                rejects("v1 thingGroupId pattern", listJobs().thingGroupId("a_b").build(), "thingGroupId",
                        "must match [a-zA-Z0-9\\-]+, got \"a_b\""),
                rejects("v1 thingGroupId too long", listJobs().thingGroupId(chars(129)).build(), "thingGroupId",
                        "must be at most 128 characters, got 129"),
                rejects("v1 namespaceId pattern", listJobs().namespaceId("a:b").build(), "namespaceId",
                        "must match " + ID + ", got \"a:b\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void v1_listJobsRejects(Case c) {
        assertRejected(c);
    }

    // ------------------------------------------------------------------ control plane: executions

    static Stream<Case> v1_describeJobExecutionControlRejects() {
        return Stream.of(
                rejects("v1 jobId required", describeExecution().jobId(null).build(), "jobId", "is required"),
                rejects("v1 jobId $next is data plane only", describeExecution().jobId("$next").build(), "jobId",
                        "must match " + ID + ", got \"$next\""),
                rejects("v1 thingName required", describeExecution().thingName(null).build(), "thingName",
                        "is required"),
                rejects("v1 thingName too long", describeExecution().thingName(chars(129)).build(), "thingName",
                        "must be at most 128 characters, got 129"),
                rejects("v1 executionNumber at least 1", describeExecution().executionNumber(0L).build(),
                        "executionNumber", "must be at least 1, got 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void v1_describeJobExecutionControlRejects(Case c) {
        assertRejected(c);
    }

    static Stream<Case> v1_listJobExecutionsForJobRejects() {
        return Stream.of(
                rejects("v1 jobId required", listForJob().jobId(null).build(), "jobId", "is required"),
                rejects("v3 maxResults", listForJob().maxResults(-1).build(), "maxResults",
                        "must be between 1 and 250, got -1"),
                rejects("v1 nextToken charset", listForJob().nextToken("tok\u0000").build(), "nextToken",
                        "must match [A-Za-z0-9+/=_-]+, got \"tok\\u0000\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void v1_listJobExecutionsForJobRejects(Case c) {
        assertRejected(c);
    }

    static Stream<Case> v1_listJobExecutionsForThingRejects() {
        return Stream.of(
                rejects("v1 thingName required", listForThing().thingName(null).build(), "thingName", "is required"),
                rejects("v1 thingName pattern", listForThing().thingName("a.b").build(), "thingName",
                        "must match " + NAME + ", got \"a.b\""),
                rejects("v1 namespaceId pattern", listForThing().namespaceId("a b").build(), "namespaceId",
                        "must match " + ID + ", got \"a b\""),
                rejects("v3 maxResults", listForThing().maxResults(1000).build(), "maxResults",
                        "must be between 1 and 250, got 1000"),
                rejects("v1 nextToken too long", listForThing().nextToken(chars(2000)).build(), "nextToken",
                        "must be at most 1024 characters, got 2000"),
                rejects("v1 jobId filter pattern", listForThing().jobId("a b").build(), "jobId",
                        "must match " + ID + ", got \"a b\""),
                rejects("v1 jobId filter empty", listForThing().jobId("").build(), "jobId",
                        "must be at least 1 character, got \"\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void v1_listJobExecutionsForThingRejects(Case c) {
        assertRejected(c);
    }

    static Stream<Case> v1_cancelJobExecutionRejects() {
        return Stream.of(
                rejects("v1 jobId required", cancelExecution().jobId(null).build(), "jobId", "is required"),
                rejects("v1 thingName required", cancelExecution().thingName(null).build(), "thingName",
                        "is required"),
                rejects("v1 expectedVersion at least 1", cancelExecution().expectedVersion(0L).build(),
                        "expectedVersion", "must be at least 1, got 0"),
                rejects("v3 statusDetails entries", cancelExecution().statusDetails(entries(11)).build(),
                        "statusDetails", "must have at most 10 entries, got 11"),
                rejects("v1 statusDetails key pattern", cancelExecution().statusDetails(mapOf("k/1", "v")).build(),
                        "statusDetails", "key must match " + NAME + ", got \"k/1\""),
                rejects("v1 statusDetails value empty", cancelExecution().statusDetails(mapOf("k", "")).build(),
                        "statusDetails[\"k\"]", "must be at least 1 character, got \"\""),
                rejects("v1 statusDetails value pattern", cancelExecution().statusDetails(mapOf("k", "\u0085"))
                        .build(), "statusDetails[\"k\"]", "must match " + PRINTABLE + ", got \"\\u0085\""),
                rejects("v1 statusDetails null value", cancelExecution().statusDetails(mapOf("k", null)).build(),
                        "statusDetails[\"k\"]", "must not be null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void v1_cancelJobExecutionRejects(Case c) {
        assertRejected(c);
    }

    static Stream<Case> v1_deleteJobExecutionRejects() {
        return Stream.of(
                rejects("v1 jobId required", deleteExecution().jobId(null).build(), "jobId", "is required"),
                rejects("v1 thingName pattern", deleteExecution().thingName("#").build(), "thingName",
                        "must match " + NAME + ", got \"#\""),
                rejects("v1 executionNumber required", deleteExecution().executionNumber(null).build(),
                        "executionNumber", "is required"),
                rejects("v1 executionNumber at least 1", deleteExecution().executionNumber(0L).build(),
                        "executionNumber", "must be at least 1, got 0"),
                rejects("v1 namespaceId pattern", deleteExecution().namespaceId("").build(), "namespaceId",
                        "must match " + ID + ", got \"\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void v1_deleteJobExecutionRejects(Case c) {
        assertRejected(c);
    }

    // ------------------------------------------------------------------ thing registry

    static Stream<Case> v1_createThingRejects() {
        return Stream.of(
                rejects("v1 thingName required", createThing().thingName(null).build(), "thingName", "is required"),
                rejects("v1 thingName pattern", createThing().thingName("a b").build(), "thingName",
                        "must match " + NAME + ", got \"a b\""),
                rejects("v1 thingTypeName empty", createThing().thingTypeName("").build(), "thingTypeName",
                        "must be at least 1 character, got \"\""),
                rejects("v1 attribute key pattern", createThing().attributePayload(
                        new AttributePayload(mapOf("a b", "v"), null)).build(), "attributePayload.attributes",
                        "key must match [a-zA-Z0-9_.,@/:#-]+, got \"a b\""),
                rejects("v1 attribute key empty", createThing().attributePayload(
                        new AttributePayload(mapOf("", "v"), null)).build(), "attributePayload.attributes",
                        "key must match [a-zA-Z0-9_.,@/:#-]+, got \"\""),
                rejects("v1 attribute key too long", createThing().attributePayload(
                        new AttributePayload(mapOf(chars(129), "v"), null)).build(), "attributePayload.attributes",
                        "key must be at most 128 characters, got 129"),
                rejects("v1 attribute null key", createThing().attributePayload(
                        new AttributePayload(mapOf(null, "v"), null)).build(), "attributePayload.attributes",
                        "keys must not be null"),
                rejects("v1 attribute value pattern", createThing().attributePayload(
                        new AttributePayload(mapOf("k", "a b"), null)).build(), "attributePayload.attributes[\"k\"]",
                        "must match [a-zA-Z0-9_.,@/:#-]*, got \"a b\""),
                rejects("v1 attribute value too long", createThing().attributePayload(
                        new AttributePayload(mapOf("k", chars(801)), null)).build(),
                        "attributePayload.attributes[\"k\"]", "must be at most 800 characters, got 801"),
                rejects("v1 attribute null value", createThing().attributePayload(
                        new AttributePayload(mapOf("k", null), null)).build(), "attributePayload.attributes[\"k\"]",
                        "must not be null"),
                rejects("v1 billingGroupName too long", createThing().billingGroupName(chars(129)).build(),
                        "billingGroupName", "must be at most 128 characters, got 129"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void v1_createThingRejects(Case c) {
        assertRejected(c);
    }

    static Stream<Case> v1_deleteThingAndGroupReject() {
        return Stream.of(
                rejects("v1 deleteThing thingName required", deleteThing().thingName(null).build(), "thingName",
                        "is required"),
                rejects("v1 deleteThing expectedVersion", deleteThing().expectedVersion(0L).build(),
                        "expectedVersion", "must be at least 1, got 0"),
                rejects("v1 deleteThingGroup thingGroupName required", deleteThingGroup().thingGroupName(null).build(),
                        "thingGroupName", "is required"),
                rejects("v1 deleteThingGroup thingGroupName pattern", deleteThingGroup().thingGroupName("a b")
                        .build(), "thingGroupName", "must match " + NAME + ", got \"a b\""),
                rejects("v1 deleteThingGroup expectedVersion", deleteThingGroup().expectedVersion(-1L).build(),
                        "expectedVersion", "must be at least 1, got -1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void v1_deleteThingAndGroupReject(Case c) {
        assertRejected(c);
    }

    static Stream<Case> v1_createThingGroupRejects() {
        return Stream.of(
                rejects("v1 thingGroupName required", createThingGroup().thingGroupName(null).build(),
                        "thingGroupName", "is required"),
                rejects("v1 thingGroupName too long", createThingGroup().thingGroupName(chars(129)).build(),
                        "thingGroupName", "must be at most 128 characters, got 129"),
                rejects("v1 parentGroupName pattern", createThingGroup().parentGroupName("a/b").build(),
                        "parentGroupName", "must match " + NAME + ", got \"a/b\""),
                rejects("v1 thingGroupDescription pattern", createThingGroup().thingGroupProperties(
                        new ThingGroupProperties("tab\there", null)).build(),
                        "thingGroupProperties.thingGroupDescription",
                        "must match [\\p{Graph}\\x20]*, got \"tab\\there\""),
                rejects("v1 thingGroupDescription too long", createThingGroup().thingGroupProperties(
                        new ThingGroupProperties(chars(2029), null)).build(),
                        "thingGroupProperties.thingGroupDescription", "must be at most 2028 characters, got 2029"),
                rejects("v1 nested attribute value", createThingGroup().thingGroupProperties(
                        new ThingGroupProperties(null, new AttributePayload(mapOf("k", "a!"), true))).build(),
                        "thingGroupProperties.attributePayload.attributes[\"k\"]",
                        "must match [a-zA-Z0-9_.,@/:#-]*, got \"a!\""),
                rejects("v1 tags null element", createThingGroup().tags(listOf((Tag) null)).build(), "tags[0]",
                        "must not be null"),
                rejects("v1 tag key empty", createThingGroup().tags(List.of(new Tag("", "v"))).build(),
                        "tags[0].key", "must be at least 1 character, got \"\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void v1_createThingGroupRejects(Case c) {
        assertRejected(c);
    }

    static Stream<Case> v1_addThingToThingGroupRejects() {
        String foreignThing = FOREIGN_REGION_ARN;
        return Stream.of(
                rejects("v1 a group is required", addThingToGroup().thingGroupName(null).build(), "thingGroupName",
                        "one of thingGroupName or thingGroupArn is required"),
                rejects("v1 a thing is required", addThingToGroup().thingArn(null).build(), "thingName",
                        "one of thingName or thingArn is required"),
                rejects("v1 thingGroupName pattern", addThingToGroup().thingGroupName("a b").build(),
                        "thingGroupName", "must match " + NAME + ", got \"a b\""),
                rejects("v5 thingGroupArn must be a group ARN",
                        addThingToGroup().thingGroupName(null).thingGroupArn(THING_ARN).build(), "thingGroupArn",
                        "must be a thinggroup ARN, got \"" + THING_ARN + "\""),
                rejects("v5 thingArn of another region", addThingToGroup().thingArn(foreignThing).build(), "thingArn",
                        "must be an ARN in region us-east-1, got \"" + foreignThing + "\""),
                rejects("v5 thingArn not an ARN", addThingToGroup().thingArn("sensor-1").build(), "thingArn",
                        "must be an ARN arn:aws:iot:us-east-1:123456789012:thing/{name}, got \"sensor-1\""),
                rejects("v1 name and ARN must agree", addThingToGroup().thingName("other").build(), "thingArn",
                        "must name the same resource as thingName \"other\", got \"" + THING_ARN + "\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void v1_addThingToThingGroupRejects(Case c) {
        assertRejected(c);
    }

    static Stream<Case> v1_removeThingFromThingGroupRejects() {
        return Stream.of(
                rejects("v1 a group is required", removeThingFromGroup().thingGroupArn(null).build(),
                        "thingGroupName", "one of thingGroupName or thingGroupArn is required"),
                rejects("v1 a thing is required", removeThingFromGroup().thingName(null).build(), "thingName",
                        "one of thingName or thingArn is required"),
                rejects("v5 thingGroupArn of another account",
                        removeThingFromGroup().thingGroupArn(FOREIGN_ACCOUNT_ARN).build(), "thingGroupArn",
                        "must be an ARN in account 123456789012, got \"" + FOREIGN_ACCOUNT_ARN + "\""),
                rejects("v5 thingArn must be a thing ARN", removeThingFromGroup().thingArn(GROUP_ARN).build(),
                        "thingArn", "must be a thing ARN, got \"" + GROUP_ARN + "\""),
                rejects("v1 thingName empty", removeThingFromGroup().thingName("").build(), "thingName",
                        "must be at least 1 character, got \"\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void v1_removeThingFromThingGroupRejects(Case c) {
        assertRejected(c);
    }

    @Test
    void v5_groupAndThingMayEachBeGivenByNameOrArn() {
        assertThat(validate(addThingToGroup().thingGroupName(null).thingGroupArn(GROUP_ARN).thingArn(null)
                .thingName("sensor-1").build())).isEmpty();
        assertThat(validate(removeThingFromGroup().thingGroupName("fleet:eu").thingArn(THING_ARN).build()))
                .isEmpty();
    }

    static Stream<Case> v1_listThingsInThingGroupRejects() {
        return Stream.of(
                rejects("v1 thingGroupName required", listThingsInGroup().thingGroupName(null).build(),
                        "thingGroupName", "is required"),
                rejects("v1 nextToken charset", listThingsInGroup().nextToken("%%").build(), "nextToken",
                        "must match [A-Za-z0-9+/=_-]+, got \"%%\""),
                rejects("v3 maxResults", listThingsInGroup().maxResults(0).build(), "maxResults",
                        "must be between 1 and 250, got 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void v1_listThingsInThingGroupRejects(Case c) {
        assertRejected(c);
    }

    // ------------------------------------------------------------------ Checks itself

    @Test
    void v1_checksRecordOnlyTheFirstFailureAndNeverThrow() {
        Checks c = new Checks();
        c.required("a", (String) null).length(1, 2).pattern(java.util.regex.Pattern.compile("x"));
        c.required("b", (Long) null).range(1, 2);
        c.list("c", Collections.singletonList(null)).size(5, 6).each((path, item) -> { });
        assertThat(c.failure()).hasValueSatisfying(e -> assertThat(e).hasMessage("a: is required"));
        assertThat(new Checks().failure()).isEmpty();
        Map<String, String> nullKey = new HashMap<>();
        nullKey.put(null, null);
        Checks keys = new Checks();
        keys.map("m", nullKey).atMost(0);
        assertThat(keys.failure()).hasValueSatisfying(e ->
                assertThat(e).hasMessage("m: must have at most 0 entries, got 1"));
        List<String> many = new ArrayList<>(Collections.nCopies(3, "x"));
        Checks items = new Checks();
        items.list("l", many).size(0, 2);
        assertThat(items.failure()).hasValueSatisfying(e ->
                assertThat(e).hasMessage("l: must have at most 2 items, got 3"));
    }
}
