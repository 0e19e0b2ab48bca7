package dev.iotjobs.server;

import static dev.iotjobs.server.SdkServer.groupArn;
import static dev.iotjobs.server.SdkServer.thingArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.AbortAction;
import software.amazon.awssdk.services.iot.model.AbortConfig;
import software.amazon.awssdk.services.iot.model.AbortCriteria;
import software.amazon.awssdk.services.iot.model.AttributePayload;
import software.amazon.awssdk.services.iot.model.DocumentParameter;
import software.amazon.awssdk.services.iot.model.DescribeThingGroupResponse;
import software.amazon.awssdk.services.iot.model.DescribeThingResponse;
import software.amazon.awssdk.services.iot.model.GroupNameAndArn;
import software.amazon.awssdk.services.iot.model.ConflictException;
import software.amazon.awssdk.services.iot.model.DescribeJobTemplateResponse;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.InvalidStateTransitionException;
import software.amazon.awssdk.services.iot.model.Job;
import software.amazon.awssdk.services.iot.model.JobExecution;
import software.amazon.awssdk.services.iot.model.JobExecutionFailureType;
import software.amazon.awssdk.services.iot.model.JobExecutionStatus;
import software.amazon.awssdk.services.iot.model.JobExecutionSummaryForJob;
import software.amazon.awssdk.services.iot.model.JobStatus;
import software.amazon.awssdk.services.iot.model.JobExecutionsRetryConfig;
import software.amazon.awssdk.services.iot.model.JobExecutionsRolloutConfig;
import software.amazon.awssdk.services.iot.model.JobSummary;
import software.amazon.awssdk.services.iot.model.JobTemplateSummary;
import software.amazon.awssdk.services.iot.model.PresignedUrlConfig;
import software.amazon.awssdk.services.iot.model.RetryCriteria;
import software.amazon.awssdk.services.iot.model.RetryableFailureType;
import software.amazon.awssdk.services.iot.model.LimitExceededException;
import software.amazon.awssdk.services.iot.model.ManagedJobTemplateSummary;
import software.amazon.awssdk.services.iot.model.PresignedUrlConfig;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.ServiceUnavailableException;
import software.amazon.awssdk.services.iot.model.Tag;
import software.amazon.awssdk.services.iot.model.TargetSelection;
import software.amazon.awssdk.services.iot.model.ThingAttribute;
import software.amazon.awssdk.services.iot.model.ThrottlingException;
import software.amazon.awssdk.services.iot.model.TimeoutConfig;
import software.amazon.awssdk.services.iot.model.VersionConflictException;
import software.amazon.awssdk.services.iotjobsdataplane.IotJobsDataPlaneClient;

/**
 * The AWS SDK for Java v2's {@code IotClient} against {@link JobsHttpServer}, unchanged but for its endpoint: every
 * control-plane operation of the engine, its paginators, its timestamps and its exception classes (SPEC W1-W3).
 */
class ControlPlaneSdkTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00.789Z");

    private SdkServer sdk;
    private IotClient iot;
    private IotJobsDataPlaneClient device;

    @BeforeEach
    void start() {
        sdk = new SdkServer(NOW);
        iot = sdk.iot;
        device = sdk.device;
    }

    @AfterEach
    void stop() {
        sdk.close();
    }

    @Test
    void w1_w3_aBackendRunsAJobThroughTheControlPlaneAndADeviceFinishesIt() {
        var created = iot.createThing(r -> r.thingName("t:1")
                .attributePayload(AttributePayload.builder().attributes(Map.of("model", "m1")).build()));
        assertThat(created.thingArn()).isEqualTo(thingArn("t:1"));
        assertThat(created.thingId()).isNotBlank();
        assertThat(iot.createThingGroup(r -> r.thingGroupName("fleet")).thingGroupArn()).isEqualTo(groupArn("fleet"));
        iot.createThing(r -> r.thingName("t2"));
        iot.addThingToThingGroup(r -> r.thingGroupName("fleet").thingName("t2"));

        var job = iot.createJob(r -> r.jobId("fw-1")
                .targets(thingArn("t:1"), groupArn("fleet"))
                .document("{\"url\":\"https://example.com/fw.bin\"}")
                .description("firmware 1")
                .targetSelection(TargetSelection.SNAPSHOT)
                .timeoutConfig(TimeoutConfig.builder().inProgressTimeoutInMinutes(30L).build())
                .abortConfig(AbortConfig.builder().criteriaList(AbortCriteria.builder()
                        .failureType(JobExecutionFailureType.FAILED).action(AbortAction.CANCEL)
                        .thresholdPercentage(50.0).minNumberOfExecutedThings(10).build()).build())
                .tags(Tag.builder().key("team").value("ops").build()));
        assertThat(job.jobArn()).isEqualTo("arn:aws:iot:us-east-1:123456789012:job/fw-1");
        assertThat(job.jobId()).isEqualTo("fw-1");
        assertThat(job.description()).isEqualTo("firmware 1");

        Job described = iot.describeJob(r -> r.jobId("fw-1")).job();
        assertThat(described.status()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(described.createdAt()).isEqualTo(NOW);   // W3: the milliseconds survive
        assertThat(described.lastUpdatedAt()).isEqualTo(NOW);
        assertThat(described.targets()).containsExactly(thingArn("t:1"), groupArn("fleet"));
        assertThat(described.timeoutConfig().inProgressTimeoutInMinutes()).isEqualTo(30L);
        assertThat(described.abortConfig().criteriaList().get(0).thresholdPercentage()).isEqualTo(50.0);
        assertThat(described.jobProcessDetails().numberOfQueuedThings()).isEqualTo(2);
        assertThat(described.forceCanceled()).isFalse();
        assertThat(iot.getJobDocument(r -> r.jobId("fw-1")).document())
                .isEqualTo("{\"url\":\"https://example.com/fw.bin\"}");

        iot.updateJob(r -> r.jobId("fw-1").description("firmware 1, staged"));
        assertThat(iot.describeJob(r -> r.jobId("fw-1")).job().description()).isEqualTo("firmware 1, staged");

        var started = device.startNextPendingJobExecution(r -> r.thingName("t:1")
                .statusDetails(Map.of("step", "download"))).execution();
        sdk.clock.advance(Duration.ofMillis(1_250));
        JobExecution execution = iot.describeJobExecution(r -> r.thingName("t:1").jobId("fw-1")).execution();
        assertThat(execution.status()).isEqualTo(JobExecutionStatus.IN_PROGRESS);
        assertThat(execution.thingArn()).isEqualTo(thingArn("t:1"));
        assertThat(execution.statusDetails().detailsMap()).containsEntry("step", "download");
        assertThat(execution.startedAt()).isEqualTo(NOW);
        assertThat(execution.versionNumber()).isEqualTo(started.versionNumber());
        assertThat(execution.approximateSecondsBeforeTimedOut()).isEqualTo(30 * 60 - 1);

        device.updateJobExecution(r -> r.thingName("t:1").jobId("fw-1")
                .status(software.amazon.awssdk.services.iotjobsdataplane.model.JobExecutionStatus.SUCCEEDED)
                .expectedVersion(started.versionNumber()));
        iot.cancelJobExecution(r -> r.thingName("t2").jobId("fw-1"));
        assertThat(iot.describeJobExecution(r -> r.thingName("t2").jobId("fw-1")).execution().status())
                .isEqualTo(JobExecutionStatus.CANCELED);

        Job done = iot.describeJob(r -> r.jobId("fw-1")).job();
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.completedAt()).isEqualTo(NOW.plusMillis(1_250));
        assertThat(done.jobProcessDetails().numberOfSucceededThings()).isEqualTo(1);
        assertThat(done.jobProcessDetails().numberOfCanceledThings()).isEqualTo(1);

        iot.deleteJobExecution(r -> r.thingName("t2").jobId("fw-1").executionNumber(1L));
        assertThat(iot.listJobExecutionsForJob(r -> r.jobId("fw-1")).executionSummaries())
                .extracting(JobExecutionSummaryForJob::thingArn).containsExactly(thingArn("t:1"));
        iot.deleteJob(r -> r.jobId("fw-1"));
        assertThat(iot.describeJob(r -> r.jobId("fw-1")).job().status()).isEqualTo(JobStatus.DELETION_IN_PROGRESS);
        sdk.engine.runDueWork();
        assertThatThrownBy(() -> iot.describeJob(r -> r.jobId("fw-1"))).isInstanceOf(ResourceNotFoundException.class);

        iot.removeThingFromThingGroup(r -> r.thingGroupName("fleet").thingName("t2"));
        assertThat(iot.listThingsInThingGroup(r -> r.thingGroupName("fleet")).things()).isEmpty();
        iot.deleteThingGroup(r -> r.thingGroupName("fleet"));
        iot.deleteThing(r -> r.thingName("t:1"));
        assertThatThrownBy(() -> iot.listJobExecutionsForThing(r -> r.thingName("t:1")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void j15_managedTemplatesAndTheirJobsThroughTheSdk() {
        assertThat(iot.listManagedJobTemplates(r -> r.templateName("AWS-Reboot")).managedJobTemplates())
                .singleElement().satisfies(t -> {
                    assertThat(t.templateArn()).isEqualTo("arn:aws:iot:us-east-1::jobtemplate/AWS-Reboot:1.0");
                    assertThat(t.templateVersion()).isEqualTo("1.0");
                    assertThat(t.environments()).containsExactly("LINUX");
                });
        assertThat(iot.listManagedJobTemplatesPaginator(r -> r.maxResults(1)).managedJobTemplates())
                .extracting(ManagedJobTemplateSummary::templateName)
                .containsExactly("AWS-Download-File", "AWS-Reboot");

        var described = iot.describeManagedJobTemplate(r -> r.templateName("AWS-Download-File")
                .templateVersion("1.0"));
        assertThat(described.templateArn()).isEqualTo("arn:aws:iot:us-east-1::jobtemplate/AWS-Download-File:1.0");
        assertThat(described.document()).contains("${aws:iot:parameter:downloadUrl}");
        assertThat(described.documentParameters()).extracting(DocumentParameter::key)
                .containsExactly("downloadUrl", "filePath", "runAsUser", "pathToHandler");
        assertThat(described.documentParameters().get(0).optional()).isFalse();
        assertThat(described.documentParameters().get(3).regex()).isEqualTo("(.){0,4096}");
        assertThatThrownBy(() -> iot.describeManagedJobTemplate(r -> r.templateName("AWS-Nope")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> iot.describeManagedJobTemplate(r -> r.templateName("AWS-Reboot")
                .templateVersion("one"))).isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).startsWith("templateVersion"));

        iot.createThing(r -> r.thingName("t1"));
        iot.createJob(r -> r.jobId("dl").targets(thingArn("t1")).jobTemplateArn(described.templateArn())
                .documentParameters(Map.of("downloadUrl", "https://example.com/f.bin", "filePath", "/tmp/f.bin")));
        Job job = iot.describeJob(r -> r.jobId("dl").beforeSubstitution(true)).job();
        assertThat(job.jobTemplateArn()).isEqualTo(described.templateArn());
        assertThat(job.documentParameters()).containsEntry("filePath", "/tmp/f.bin").hasSize(2);
        assertThat(iot.getJobDocument(r -> r.jobId("dl")).document())
                .contains("\"args\":[\"https://example.com/f.bin\",\"/tmp/f.bin\"]");
        assertThat(iot.getJobDocument(r -> r.jobId("dl").beforeSubstitution(true)).document())
                .isEqualTo(described.document());
        assertThatThrownBy(() -> iot.createJob(r -> r.jobId("bad").targets(thingArn("t1"))
                .jobTemplateArn(described.templateArn()).documentParameters(Map.of("downloadUrl", "x"))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).startsWith("documentParameters[\"filePath\"]"));
        assertThatThrownBy(() -> iot.createJob(r -> r.jobId("bad").targets(thingArn("t1"))
                .jobTemplateArn("arn:aws:iot:us-east-1::jobtemplate/AWS-Nope:1.0")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void j16_controlPlaneReadsKeepPresignedUrlPlaceholders() {
        iot.createThing(r -> r.thingName("t1"));
        String document = "{\"url\":\"${aws:iot:s3-presigned-url:https://s3.us-east-1.amazonaws.com/b/k}\"}";
        iot.createJob(r -> r.jobId("fw").targets(thingArn("t1")).document(document)
                .presignedUrlConfig(PresignedUrlConfig.builder().roleArn("arn:aws:iam::123456789012:role/s3")
                        .expiresInSec(300L).build()));
        assertThat(iot.getJobDocument(r -> r.jobId("fw")).document()).isEqualTo(document);
        assertThat(device.startNextPendingJobExecution(r -> r.thingName("t1")).execution().jobDocument())
                .isEqualTo("{\"url\":\"https://s3.us-east-1.amazonaws.com/b/k?X-Amz-Role=s3&X-Amz-Expires=300"
                        + "&X-Amz-Signature=sig1\"}");
        assertThat(iot.getJobDocument(r -> r.jobId("fw")).document()).isEqualTo(document);
        assertThatThrownBy(() -> iot.createJob(r -> r.jobId("nocfg").targets(thingArn("t1")).document(document)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).startsWith("presignedUrlConfig"));
    }

    @Test
    void w1_theSdksOwnPaginatorsWalkEveryPage() {
        iot.createThingGroup(r -> r.thingGroupName("fleet"));
        List<String> things = IntStream.range(0, 7).mapToObj(i -> "t:" + i).toList();
        for (String thing : things) {
            iot.createThing(r -> r.thingName(thing));
            iot.addThingToThingGroup(r -> r.thingGroupName("fleet").thingName(thing));
        }
        for (int i = 0; i < 5; i++) {
            String jobId = "job-" + i;
            iot.createJob(r -> r.jobId(jobId).targets(groupArn("fleet")).document("{}"));
            sdk.clock.advance(Duration.ofMillis(1));
        }

        assertThat(iot.listJobsPaginator(r -> r.maxResults(2)).jobs()).extracting(JobSummary::jobId)
                .containsExactly("job-0", "job-1", "job-2", "job-3", "job-4");
        assertThat(iot.listJobsPaginator(r -> r.maxResults(2)).stream()).hasSize(3);
        assertThat(iot.listThingsInThingGroupPaginator(r -> r.thingGroupName("fleet").maxResults(3)).things())
                .containsExactlyElementsOf(things);
        assertThat(iot.listJobExecutionsForJobPaginator(r -> r.jobId("job-3").maxResults(2)).executionSummaries())
                .extracting(JobExecutionSummaryForJob::thingArn)
                .containsExactlyElementsOf(things.stream().map(SdkServer::thingArn).toList());
        assertThat(iot.listJobExecutionsForThingPaginator(r -> r.thingName("t:4").maxResults(2))
                .executionSummaries()).extracting(summary -> summary.jobId())
                .containsExactly("job-0", "job-1", "job-2", "job-3", "job-4");
        assertThat(iot.listJobExecutionsForThing(r -> r.thingName("t:4").jobId("job-2")).executionSummaries())
                .singleElement().satisfies(summary -> {
                    assertThat(summary.jobExecutionSummary().status()).isEqualTo(JobExecutionStatus.QUEUED);
                    assertThat(summary.jobExecutionSummary().executionNumber()).isEqualTo(1L);
                    assertThat(summary.jobExecutionSummary().queuedAt()).isEqualTo(NOW.plusMillis(2));
                });
        assertThat(iot.listJobs(r -> r.status(JobStatus.COMPLETED)).jobs()).isEmpty();
        assertThat(iot.listJobs(r -> r.thingGroupName("fleet")).jobs()).hasSize(5);
    }

    @Test
    void w2_everyErrorOfTheControlPlaneIsTheSdksOwnExceptionWithAwsStatus() {
        iot.createThing(r -> r.thingName("t1"));
        iot.createJob(r -> r.jobId("j1").targets(thingArn("t1")).document("{}"));

        assertThatThrownBy(() -> iot.createJob(r -> r.jobId("bad id").targets(thingArn("t1")).document("{}")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).contains("jobId");
                    assertThat(e.requestId()).isNotBlank();
                });
        assertThatThrownBy(() -> iot.describeJob(r -> r.jobId("ghost")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> iot.createJob(r -> r.jobId("j1").targets(thingArn("t1")).document("{}")))
                .isInstanceOfSatisfying(ResourceAlreadyExistsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.resourceId()).isEqualTo("j1");
                    assertThat(e.resourceArn()).isEqualTo("arn:aws:iot:us-east-1:123456789012:job/j1");
                });
        assertThatThrownBy(() -> iot.deleteJob(r -> r.jobId("j1")))
                .isInstanceOfSatisfying(InvalidStateTransitionException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(409));
        assertThatThrownBy(() -> iot.cancelJobExecution(r -> r.thingName("t1").jobId("j1").expectedVersion(7L)))
                .isInstanceOfSatisfying(VersionConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
        assertThatThrownBy(() -> iot.deleteThing(r -> r.thingName("t1").expectedVersion(9L)))
                .isInstanceOf(VersionConflictException.class);
        for (int i = 0; i < 10; i++) {   // J12: at most 10 jobs in deletion
            String jobId = "gone-" + i;
            iot.createJob(r -> r.jobId(jobId).targets(thingArn("t1")).document("{}"));
            iot.deleteJob(r -> r.jobId(jobId).force(true));
        }
        assertThatThrownBy(() -> iot.deleteJob(r -> r.jobId("j1").force(true)))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.statusCode()).isEqualTo(410));

        sdk.failStore(new dev.iotjobs.api.error.ServiceUnavailableException("the database is down"));
        assertThatThrownBy(() -> iot.describeJob(r -> r.jobId("j1")))
                .isInstanceOfSatisfying(ServiceUnavailableException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(503));
        sdk.failStore(new dev.iotjobs.api.error.ThrottlingException("slow down"));
        assertThatThrownBy(() -> iot.describeJob(r -> r.jobId("j1")))
                .isInstanceOfSatisfying(ThrottlingException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> device.getPendingJobExecutions(r -> r.thingName("t1")))
                .isInstanceOfSatisfying(
                        software.amazon.awssdk.services.iotjobsdataplane.model.ThrottlingException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(429));
        sdk.failStore(null);
        assertThat(iot.describeJob(r -> r.jobId("j1")).job().jobId()).isEqualTo("j1");
    }

    @Test
    void w1_describeEndpointAnswersWhereTheDataPlaneIs() {
        assertThat(iot.describeEndpoint(r -> r.endpointType("iot:Jobs")).endpointAddress())
                .isEqualTo("127.0.0.1:" + sdk.server.port());
        assertThatThrownBy(() -> iot.describeEndpoint(r -> r.endpointType("iot:Data-ATS")))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("endpointType", "iot:Jobs"));
    }

    @Test
    void g6_w1_w3_registryReadsThroughTheSdkAndItsPaginators() {
        iot.createThingGroup(r -> r.thingGroupName("fleet").thingGroupProperties(p -> p
                .thingGroupDescription("all").attributePayload(a -> a.attributes(Map.of("site", "hq")))));
        iot.createThingGroup(r -> r.thingGroupName("lab").parentGroupName("fleet"));
        iot.createThingGroup(r -> r.thingGroupName("bench").parentGroupName("lab"));
        iot.createThingGroup(r -> r.thingGroupName("spare"));
        for (int i = 0; i < 7; i++) {
            String thing = "t:" + i;
            String fw = i % 2 == 0 ? "1.2." + i : "2.0";
            iot.createThing(r -> r.thingName(thing).thingTypeName("bulb")
                    .attributePayload(AttributePayload.builder().attributes(Map.of("fw", fw)).build()));
        }
        iot.createThing(r -> r.thingName("plain"));

        DescribeThingResponse thing = iot.describeThing(r -> r.thingName("t:2"));
        assertThat(thing.thingName()).isEqualTo("t:2");
        assertThat(thing.thingArn()).isEqualTo(thingArn("t:2"));
        assertThat(thing.thingId()).isNotBlank();
        assertThat(thing.thingTypeName()).isEqualTo("bulb");
        assertThat(thing.attributes()).containsOnly(Map.entry("fw", "1.2.2"));
        assertThat(thing.version()).isEqualTo(1L);
        assertThat(thing.defaultClientId()).isEqualTo("t:2");
        assertThatThrownBy(() -> iot.describeThing(r -> r.thingName("ghost")))
                .isInstanceOf(ResourceNotFoundException.class)
                .satisfies(e -> assertThat(((ResourceNotFoundException) e).statusCode()).isEqualTo(404));

        assertThat(iot.listThingsPaginator(r -> r.maxResults(3)).things()).extracting(ThingAttribute::thingName)
                .containsExactly("plain", "t:0", "t:1", "t:2", "t:3", "t:4", "t:5", "t:6");
        assertThat(iot.listThingsPaginator(r -> r.maxResults(3)).stream()).hasSize(3);
        assertThat(iot.listThingsPaginator(r -> r.attributeName("fw").attributeValue("1.2")
                .usePrefixAttributeValue(true).maxResults(1)).things()).extracting(ThingAttribute::thingName)
                .containsExactly("t:0", "t:2", "t:4", "t:6");
        assertThat(iot.listThings(r -> r.attributeName("fw").attributeValue("2.0")).things())
                .extracting(ThingAttribute::thingName).containsExactly("t:1", "t:3", "t:5");
        assertThat(iot.listThings(r -> r.thingTypeName("bulb")).things()).hasSize(7);
        assertThat(iot.listThings(r -> r.maxResults(1)).things().get(0).version()).isEqualTo(1L);
        assertThatThrownBy(() -> iot.listThings(r -> r.attributeName("fw").attributeValue("2.0")
                .thingTypeName("bulb"))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("thingTypeName");

        DescribeThingGroupResponse bench = iot.describeThingGroup(r -> r.thingGroupName("bench"));
        assertThat(bench.thingGroupArn()).isEqualTo(groupArn("bench"));
        assertThat(bench.version()).isEqualTo(1L);
        assertThat(bench.thingGroupMetadata().parentGroupName()).isEqualTo("lab");
        assertThat(bench.thingGroupMetadata().rootToParentThingGroups()).extracting(GroupNameAndArn::groupName)
                .containsExactly("fleet", "lab");
        assertThat(bench.thingGroupMetadata().rootToParentThingGroups().get(0).groupArn())
                .isEqualTo(groupArn("fleet"));
        assertThat(bench.thingGroupMetadata().creationDate()).isEqualTo(NOW);
        assertThat(bench.status()).isNull();
        DescribeThingGroupResponse fleet = iot.describeThingGroup(r -> r.thingGroupName("fleet"));
        assertThat(fleet.thingGroupProperties().thingGroupDescription()).isEqualTo("all");
        assertThat(fleet.thingGroupProperties().attributePayload().attributes()).containsOnly(Map.entry("site", "hq"));
        assertThatThrownBy(() -> iot.describeThingGroup(r -> r.thingGroupName("ghost")))
                .isInstanceOf(ResourceNotFoundException.class);

        assertThat(iot.listThingGroupsPaginator(r -> r.maxResults(1)).thingGroups())
                .extracting(GroupNameAndArn::groupName).containsExactly("bench", "fleet", "lab", "spare");
        assertThat(iot.listThingGroupsPaginator(r -> r.maxResults(1)).stream()).hasSize(4);
        assertThat(iot.listThingGroups(r -> r.recursive(false)).thingGroups()).extracting(GroupNameAndArn::groupName)
                .containsExactly("fleet", "spare");
        assertThat(iot.listThingGroupsPaginator(r -> r.parentGroup("fleet").maxResults(1)).thingGroups())
                .extracting(GroupNameAndArn::groupName).containsExactly("bench", "lab");
        assertThat(iot.listThingGroups(r -> r.parentGroup("fleet").recursive(false)).thingGroups())
                .extracting(GroupNameAndArn::groupName).containsExactly("lab");
        assertThat(iot.listThingGroups(r -> r.namePrefixFilter("s")).thingGroups())
                .extracting(GroupNameAndArn::groupArn).containsExactly(groupArn("spare"));
        assertThatThrownBy(() -> iot.listThingGroups(r -> r.parentGroup("ghost")))
                .isInstanceOf(ResourceNotFoundException.class);

        iot.createJob(r -> r.jobId("on-fleet").targets(groupArn("fleet")).document("{}"));
        assertThat(iot.listJobs(r -> r.thingGroupName("fleet")).jobs()).extracting(JobSummary::thingGroupId)
                .containsExactly(fleet.thingGroupId());
        assertThat(iot.listJobs(r -> r.maxResults(10)).jobs()).extracting(JobSummary::thingGroupId)
                .containsOnlyNulls();
    }

    // ------------------------------------------------------------------ custom job templates (SPEC J14)

    private static final String TEMPLATE_ARN = "arn:aws:iot:us-east-1:123456789012:jobtemplate/";

    @Test
    void j14_templatesFromADocumentAndFromAJobAreCreatedDescribedListedAndDeleted() {
        var created = iot.createJobTemplate(r -> r.jobTemplateId("fw-2").description("firmware 2")
                .document("{\"url\":\"https://example.com/fw2.bin\"}")
                .timeoutConfig(TimeoutConfig.builder().inProgressTimeoutInMinutes(30L).build())
                .abortConfig(AbortConfig.builder().criteriaList(AbortCriteria.builder()
                        .failureType(JobExecutionFailureType.FAILED).action(AbortAction.CANCEL)
                        .thresholdPercentage(50.0).minNumberOfExecutedThings(10).build()).build())
                .presignedUrlConfig(PresignedUrlConfig.builder().roleArn("arn:aws:iam::123456789012:role/dl")
                        .expiresInSec(600L).build())
                .jobExecutionsRetryConfig(JobExecutionsRetryConfig.builder().criteriaList(RetryCriteria.builder()
                        .failureType(RetryableFailureType.FAILED).numberOfRetries(2).build()).build())
                .jobExecutionsRolloutConfig(JobExecutionsRolloutConfig.builder().maximumPerMinute(50).build())
                .tags(Tag.builder().key("team").value("fw").build()));
        assertThat(created.jobTemplateArn()).isEqualTo(TEMPLATE_ARN + "fw-2");
        assertThat(created.jobTemplateId()).isEqualTo("fw-2");

        DescribeJobTemplateResponse described = iot.describeJobTemplate(r -> r.jobTemplateId("fw-2"));
        assertThat(described.jobTemplateArn()).isEqualTo(TEMPLATE_ARN + "fw-2");
        assertThat(described.description()).isEqualTo("firmware 2");
        assertThat(described.document()).isEqualTo("{\"url\":\"https://example.com/fw2.bin\"}");
        assertThat(described.documentSource()).isNull();
        assertThat(described.createdAt()).isEqualTo(NOW);   // W3: the milliseconds survive
        assertThat(described.timeoutConfig().inProgressTimeoutInMinutes()).isEqualTo(30L);
        assertThat(described.abortConfig().criteriaList().get(0).thresholdPercentage()).isEqualTo(50.0);
        assertThat(described.presignedUrlConfig().expiresInSec()).isEqualTo(600L);
        assertThat(described.jobExecutionsRetryConfig().criteriaList().get(0).numberOfRetries()).isEqualTo(2);
        assertThat(described.jobExecutionsRolloutConfig().maximumPerMinute()).isEqualTo(50);

        // From an existing job: its document and configurations, the request's members replacing them.
        iot.createThing(r -> r.thingName("t1"));
        iot.createJob(r -> r.jobId("source").targets(thingArn("t1")).document("{\"from\":\"job\"}")
                .timeoutConfig(TimeoutConfig.builder().inProgressTimeoutInMinutes(10L).build())
                .abortConfig(AbortConfig.builder().criteriaList(AbortCriteria.builder()
                        .failureType(JobExecutionFailureType.ALL).action(AbortAction.CANCEL)
                        .thresholdPercentage(20.0).minNumberOfExecutedThings(5).build()).build()));
        sdk.clock.advance(Duration.ofSeconds(1));
        iot.createJobTemplate(r -> r.jobTemplateId("copy").description("copied")
                .jobArn("arn:aws:iot:us-east-1:123456789012:job/source")
                .timeoutConfig(TimeoutConfig.builder().inProgressTimeoutInMinutes(20L).build()));
        DescribeJobTemplateResponse copy = iot.describeJobTemplate(r -> r.jobTemplateId("copy"));
        assertThat(copy.document()).isEqualTo("{\"from\":\"job\"}");
        assertThat(copy.timeoutConfig().inProgressTimeoutInMinutes()).isEqualTo(20L);
        assertThat(copy.abortConfig().criteriaList().get(0).thresholdPercentage()).isEqualTo(20.0);
        assertThat(copy.createdAt()).isEqualTo(NOW.plusSeconds(1));

        // Creation order, over the SDK's own paginator.
        for (int i = 0; i < 5; i++) {
            int n = i;
            sdk.clock.advance(Duration.ofSeconds(1));
            iot.createJobTemplate(r -> r.jobTemplateId("more-" + n).description("more").document("{}"));
        }
        List<String> listed = iot.listJobTemplatesPaginator(r -> r.maxResults(2)).stream()
                .flatMap(page -> page.jobTemplates().stream()).map(JobTemplateSummary::jobTemplateId).toList();
        assertThat(listed).containsExactly("fw-2", "copy", "more-0", "more-1", "more-2", "more-3", "more-4");
        JobTemplateSummary first = iot.listJobTemplates(r -> r.maxResults(1)).jobTemplates().get(0);
        assertThat(first.jobTemplateArn()).isEqualTo(TEMPLATE_ARN + "fw-2");
        assertThat(first.description()).isEqualTo("firmware 2");
        assertThat(first.createdAt()).isEqualTo(NOW);

        iot.deleteJobTemplate(r -> r.jobTemplateId("more-0"));
        assertThat(iot.listJobTemplatesPaginator(r -> r.maxResults(250)).jobTemplates().stream()
                .map(JobTemplateSummary::jobTemplateId)).doesNotContain("more-0").hasSize(6);
        assertThatThrownBy(() -> iot.describeJobTemplate(r -> r.jobTemplateId("more-0")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void j14_createJobWithJobTemplateArnTakesTheTemplatesDocumentAndConfigurations() {
        iot.createThing(r -> r.thingName("t1"));
        iot.createJobTemplate(r -> r.jobTemplateId("fw").description("from the template")
                .document("{\"v\":3}")
                .timeoutConfig(TimeoutConfig.builder().inProgressTimeoutInMinutes(30L).build())
                .jobExecutionsRetryConfig(JobExecutionsRetryConfig.builder().criteriaList(RetryCriteria.builder()
                        .failureType(RetryableFailureType.ALL).numberOfRetries(1).build()).build()));

        var job = iot.createJob(r -> r.jobId("j1").targets(thingArn("t1")).jobTemplateArn(TEMPLATE_ARN + "fw")
                .timeoutConfig(TimeoutConfig.builder().inProgressTimeoutInMinutes(45L).build()));

        assertThat(job.description()).isEqualTo("from the template");
        Job described = iot.describeJob(r -> r.jobId("j1")).job();
        assertThat(described.jobTemplateArn()).isEqualTo(TEMPLATE_ARN + "fw");
        assertThat(described.timeoutConfig().inProgressTimeoutInMinutes()).as("the request's").isEqualTo(45L);
        assertThat(described.jobExecutionsRetryConfig().criteriaList().get(0).numberOfRetries())
                .as("the template's").isEqualTo(1);
        assertThat(iot.getJobDocument(r -> r.jobId("j1")).document()).isEqualTo("{\"v\":3}");
        assertThat(device.startNextPendingJobExecution(r -> r.thingName("t1")).execution().jobDocument())
                .isEqualTo("{\"v\":3}");
    }

    @Test
    void j14_templateErrorsAreTheSdksOwnExceptionsWithAwsStatus() {
        iot.createThing(r -> r.thingName("t1"));
        iot.createJobTemplate(r -> r.jobTemplateId("fw").description("d").document("{}"));
        assertThatThrownBy(() -> iot.createJobTemplate(r -> r.jobTemplateId("fw").description("d").document("{}")))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.resourceId()).isEqualTo("fw");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("jobTemplateId", "fw");
                });
        assertThatThrownBy(() -> iot.createJob(r -> r.jobId("j1").targets(thingArn("t1"))
                .jobTemplateArn(TEMPLATE_ARN + "nope")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage()).contains("jobTemplateArn", "nope");
                });
        assertThatThrownBy(() -> iot.deleteJobTemplate(r -> r.jobTemplateId("nope")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> iot.createJobTemplate(r -> r.jobTemplateId("other").description("d")
                .jobArn("arn:aws:iot:us-east-1:123456789012:job/nope")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).startsWith("jobArn"));
        assertThatThrownBy(() -> iot.createJob(r -> r.jobId("j1").targets(thingArn("t1"))
                .jobTemplateArn(TEMPLATE_ARN + "fw").document("{}")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("document");
                });
        assertThatThrownBy(() -> iot.createJobTemplate(r -> r.jobTemplateId("other").document("{}")))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).startsWith("description"));
        assertThatThrownBy(() -> iot.listJobTemplates(r -> r.nextToken("garbage")))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).startsWith("nextToken"));
    }

    // ------------------------------------------------------------------ issue 10's features together, on the wire

    @Test
    void j14_j15_j16_templatesWithPresignedUrlsAndManagedParametersRoundTripThroughTheSdk() {
        iot.createThing(r -> r.thingName("t1"));
        iot.createThing(r -> r.thingName("t2"));
        String document = "{\"url\":\"${aws:iot:s3-presigned-url:https://s3.us-east-1.amazonaws.com/b/k}\"}";
        iot.createJobTemplate(r -> r.jobTemplateId("signed").description("presigned").document(document)
                .presignedUrlConfig(PresignedUrlConfig.builder().roleArn("arn:aws:iam::123456789012:role/s3")
                        .expiresInSec(120L).build()));
        iot.createJob(r -> r.jobId("j1").targets(thingArn("t1")).jobTemplateArn(TEMPLATE_ARN + "signed"));
        assertThat(iot.describeJob(r -> r.jobId("j1")).job().presignedUrlConfig().expiresInSec()).isEqualTo(120L);
        assertThat(iot.getJobDocument(r -> r.jobId("j1").beforeSubstitution(true)).document()).isEqualTo(document);
        assertThat(device.startNextPendingJobExecution(r -> r.thingName("t1")).execution().jobDocument())
                .startsWith("{\"url\":\"https://s3.us-east-1.amazonaws.com/b/k?X-Amz-Role=s3&X-Amz-Expires=120");
        assertThatThrownBy(() -> iot.updateJob(r -> r.jobId("j1")
                .presignedUrlConfig(PresignedUrlConfig.builder().expiresInSec(60L).build())))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).startsWith("presignedUrlConfig.roleArn"));
        assertThatThrownBy(() -> iot.createJob(r -> r.jobId("j2").targets(thingArn("t2"))
                .jobTemplateArn(TEMPLATE_ARN + "signed").documentParameters(Map.of("k", "v"))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).startsWith("documentParameters"));

        String downloadFile = "arn:aws:iot:us-east-1::jobtemplate/AWS-Download-File:1.0";
        iot.createJob(r -> r.jobId("dl").targets(thingArn("t2")).jobTemplateArn(downloadFile)
                .presignedUrlConfig(PresignedUrlConfig.builder().roleArn("arn:aws:iam::123456789012:role/dl").build())
                .documentParameters(Map.of("downloadUrl",
                        "${aws:iot:s3-presigned-url:https://s3.us-east-1.amazonaws.com/b/f.bin}",
                        "filePath", "/tmp/f.bin")));
        assertThat(iot.getJobDocument(r -> r.jobId("dl")).document())
                .contains("\"args\":[\"${aws:iot:s3-presigned-url:https://s3.us-east-1.amazonaws.com/b/f.bin}\"");
        assertThat(device.describeJobExecution(r -> r.thingName("t2").jobId("dl")).execution().jobDocument())
                .contains("\"args\":[\"https://s3.us-east-1.amazonaws.com/b/f.bin?X-Amz-Role=dl&X-Amz-Expires=3600");
        iot.createJobTemplate(r -> r.jobTemplateId("copy").description("copied")
                .jobArn("arn:aws:iot:us-east-1:123456789012:job/dl"));
        DescribeJobTemplateResponse copy = iot.describeJobTemplate(r -> r.jobTemplateId("copy"));
        assertThat(copy.document()).isEqualTo(iot.getJobDocument(r -> r.jobId("dl")).document());
        assertThat(copy.presignedUrlConfig().roleArn()).isEqualTo("arn:aws:iam::123456789012:role/dl");
    }

    @Test
    void g2_g3_g6_membershipByArnAndRegistryReadsRoundTripThroughTheSdk() {
        iot.createThingGroup(r -> r.thingGroupName("fleet").tags(Tag.builder().key("site").value("hq").build()));
        iot.createThingGroup(r -> r.thingGroupName("lab").parentGroupName("fleet"));
        iot.createThing(r -> r.thingName("t1").attributePayload(AttributePayload.builder()
                .attributes(Map.of("fw", "1.0")).merge(true).build()));
        iot.createJob(r -> r.jobId("c").targets(groupArn("fleet")).document("{}")
                .targetSelection(TargetSelection.CONTINUOUS));

        iot.addThingToThingGroup(r -> r.thingGroupArn(groupArn("lab")).thingArn(thingArn("t1")));
        assertThat(iot.listThingsInThingGroup(r -> r.thingGroupName("fleet").recursive(true)).things())
                .containsExactly("t1");
        assertThat(iot.listThingsInThingGroup(r -> r.thingGroupName("fleet")).things()).isEmpty();
        assertThat(device.getPendingJobExecutions(r -> r.thingName("t1")).queuedJobs())
                .extracting(s -> s.jobId()).containsExactly("c");
        iot.removeThingFromThingGroup(r -> r.thingGroupArn(groupArn("lab")).thingArn(thingArn("t1")));
        assertThat(device.getPendingJobExecutions(r -> r.thingName("t1")).queuedJobs()).isEmpty();
        assertThat(iot.describeJobExecution(r -> r.jobId("c").thingName("t1")).execution().status())
                .isEqualTo(JobExecutionStatus.REMOVED);

        assertThat(iot.describeThing(r -> r.thingName("t1")).attributes()).containsOnly(Map.entry("fw", "1.0"));
        assertThatThrownBy(() -> iot.deleteThingGroup(r -> r.thingGroupName("lab").expectedVersion(5L)))
                .isInstanceOfSatisfying(VersionConflictException.class, e -> assertThat(e.statusCode())
                        .isEqualTo(409));
        iot.deleteThingGroup(r -> r.thingGroupName("lab").expectedVersion(1L));
        assertThat(iot.listThingGroups(r -> r.parentGroup("fleet")).thingGroups()).isEmpty();
    }
}
