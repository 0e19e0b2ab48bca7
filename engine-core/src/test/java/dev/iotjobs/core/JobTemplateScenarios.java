package dev.iotjobs.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateJobTemplateRequest;
import dev.iotjobs.api.control.CreateJobTemplateResponse;
import dev.iotjobs.api.control.DeleteJobRequest;
import dev.iotjobs.api.control.DeleteJobTemplateRequest;
import dev.iotjobs.api.control.DescribeJobRequest;
import dev.iotjobs.api.control.DescribeJobTemplateRequest;
import dev.iotjobs.api.control.DescribeJobTemplateResponse;
import dev.iotjobs.api.control.GetJobDocumentRequest;
import dev.iotjobs.api.control.ListJobTemplatesRequest;
import dev.iotjobs.api.control.ListJobTemplatesResponse;
import dev.iotjobs.api.control.ListJobsRequest;
import dev.iotjobs.api.error.ConflictException;
import dev.iotjobs.api.error.InvalidRequestException;
import dev.iotjobs.api.error.ResourceNotFoundException;
import dev.iotjobs.api.model.AbortConfig;
import dev.iotjobs.api.model.AbortCriteria;
import dev.iotjobs.api.model.Job;
import dev.iotjobs.api.model.JobExecutionFailureType;
import dev.iotjobs.api.model.JobExecutionsRetryConfig;
import dev.iotjobs.api.model.JobExecutionsRolloutConfig;
import dev.iotjobs.api.model.JobTemplateSummary;
import dev.iotjobs.api.model.PresignedUrlConfig;
import dev.iotjobs.api.model.RetryCriteria;
import dev.iotjobs.api.model.RetryableFailureType;
import dev.iotjobs.api.model.Tag;
import dev.iotjobs.api.model.TargetSelection;
import dev.iotjobs.api.model.TimeoutConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Custom job templates (SPEC J14, V2, V4) on the store under test. */
public abstract class JobTemplateScenarios extends EngineFixture {
    private static final String TEMPLATE_ARN_PREFIX = "arn:aws:iot:" + REGION + ":" + ACCOUNT + ":jobtemplate/";
    private static final TimeoutConfig TIMEOUT = TimeoutConfig.builder().inProgressTimeoutInMinutes(30L).build();
    private static final JobExecutionsRetryConfig RETRY = JobExecutionsRetryConfig.builder().criteriaList(
            RetryCriteria.builder().failureType(RetryableFailureType.FAILED).numberOfRetries(2).build()).build();
    private static final AbortConfig ABORT = AbortConfig.builder().criteriaList(AbortCriteria.builder()
            .failureType(JobExecutionFailureType.FAILED).action("CANCEL").thresholdPercentage(50.0)
            .minNumberOfExecutedThings(10).build()).build();
    private static final PresignedUrlConfig PRESIGNED = PresignedUrlConfig.builder()
            .roleArn("arn:aws:iam::123456789012:role/r").expiresInSec(600L).build();
    private static final JobExecutionsRolloutConfig ROLLOUT = JobExecutionsRolloutConfig.builder()
            .maximumPerMinute(100).build();

    // ------------------------------------------------------------------ CreateJobTemplate, DescribeJobTemplate

    @Test
    void j14_createTemplateFromDocument_describeEchoesEveryMemberAndCreatedAt() {
        CreateJobTemplateResponse created = control().createJobTemplate(fullTemplate("fw-2").build());

        assertThat(created.jobTemplateId()).isEqualTo("fw-2");
        assertThat(created.jobTemplateArn()).isEqualTo(TEMPLATE_ARN_PREFIX + "fw-2");
        DescribeJobTemplateResponse template = describeTemplate("fw-2");
        assertThat(template.jobTemplateArn()).isEqualTo(TEMPLATE_ARN_PREFIX + "fw-2");
        assertThat(template.jobTemplateId()).isEqualTo("fw-2");
        assertThat(template.description()).isEqualTo("firmware 2");
        assertThat(template.document()).isEqualTo(DOC);
        assertThat(template.documentSource()).isNull();
        assertThat(template.createdAt()).isEqualTo(clock.instant());
        assertThat(template.presignedUrlConfig()).isEqualTo(PRESIGNED);
        assertThat(template.jobExecutionsRolloutConfig()).isEqualTo(ROLLOUT);
        assertThat(template.abortConfig()).isEqualTo(ABORT);
        assertThat(template.timeoutConfig()).isEqualTo(TIMEOUT);
        assertThat(template.jobExecutionsRetryConfig()).isEqualTo(RETRY);
        assertThat(events).as("templates emit no job events").isEmpty();
    }

    @Test
    void j14_createTemplateFromDocumentSource_resolvesItThroughTheResolverAndEchoesTheSource() {
        List<String> asked = new ArrayList<>();
        JobsEngine withResolver = JobsEngine.builder().repository(repository).clock(clock).region(REGION)
                .accountId(ACCOUNT).documentSourceResolver(source -> {
                    asked.add(source);
                    return DOC;
                }).build();
        withResolver.controlPlane().createJobTemplate(CreateJobTemplateRequest.builder().jobTemplateId("src")
                .description("from S3").documentSource("s3://bucket/fw.json").build());

        assertThat(asked).containsExactly("s3://bucket/fw.json");
        DescribeJobTemplateResponse template = describeTemplate("src");
        assertThat(template.documentSource()).isEqualTo("s3://bucket/fw.json");
        assertThat(template.document()).isNull();
    }

    @Test
    void j14_v4_documentSourceWithoutResolverOrThatResolvesToNoDocumentIsInvalidRequest() {
        assertThatThrownBy(() -> control().createJobTemplate(CreateJobTemplateRequest.builder().jobTemplateId("src")
                .description("from S3").documentSource("s3://bucket/fw.json").build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("documentSource");
        JobsEngine withResolver = JobsEngine.builder().repository(repository).clock(clock).region(REGION)
                .accountId(ACCOUNT).documentSourceResolver(source -> "[not an object]").build();
        assertThatThrownBy(() -> withResolver.controlPlane().createJobTemplate(CreateJobTemplateRequest.builder()
                .jobTemplateId("src").description("from S3").documentSource("s3://bucket/fw.json").build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("documentSource");
        assertThat(templateIds()).isEmpty();
    }

    @Test
    void j14_createTemplateFromJobArn_copiesTheJobsDocumentAndConfigurations() {
        things("t1");
        job("source", b -> b.description("the job's own").timeoutConfig(TIMEOUT).jobExecutionsRetryConfig(RETRY)
                .abortConfig(ABORT).presignedUrlConfig(PRESIGNED).jobExecutionsRolloutConfig(ROLLOUT), "t1");

        control().createJobTemplate(CreateJobTemplateRequest.builder().jobTemplateId("copy")
                .description("copied").jobArn(describe("source").jobArn()).build());

        DescribeJobTemplateResponse template = describeTemplate("copy");
        assertThat(template.description()).as("description is required, so always the request's")
                .isEqualTo("copied");
        assertThat(template.document()).isEqualTo(DOC);
        assertThat(template.timeoutConfig()).isEqualTo(TIMEOUT);
        assertThat(template.jobExecutionsRetryConfig()).isEqualTo(RETRY);
        assertThat(template.abortConfig()).isEqualTo(ABORT);
        assertThat(template.presignedUrlConfig()).isEqualTo(PRESIGNED);
        assertThat(template.jobExecutionsRolloutConfig()).isEqualTo(ROLLOUT);
    }

    @Test
    void j14_createTemplateFromJobArn_requestMembersReplaceTheCopiedOnes() {
        things("t1");
        job("source", b -> b.timeoutConfig(TIMEOUT).jobExecutionsRetryConfig(RETRY).abortConfig(ABORT), "t1");
        TimeoutConfig shorter = TimeoutConfig.builder().inProgressTimeoutInMinutes(5L).build();

        control().createJobTemplate(CreateJobTemplateRequest.builder().jobTemplateId("copy").description("copied")
                .jobArn(describe("source").jobArn()).timeoutConfig(shorter).presignedUrlConfig(PRESIGNED).build());

        DescribeJobTemplateResponse template = describeTemplate("copy");
        assertThat(template.timeoutConfig()).isEqualTo(shorter);
        assertThat(template.presignedUrlConfig()).isEqualTo(PRESIGNED);
        assertThat(template.jobExecutionsRetryConfig()).as("not given: copied").isEqualTo(RETRY);
        assertThat(template.abortConfig()).as("not given: copied").isEqualTo(ABORT);
    }

    @Test
    void j14_createTemplateFromJobArnOfAJobWithADocumentSource_copiesTheSource() {
        things("t1");
        JobsEngine withResolver = JobsEngine.builder().repository(repository).clock(clock).region(REGION)
                .accountId(ACCOUNT).documentSourceResolver(source -> DOC).build();
        withResolver.controlPlane().createJob(CreateJobRequest.builder().jobId("source").targets(thingArn("t1"))
                .documentSource("s3://bucket/fw.json").build());

        control().createJobTemplate(CreateJobTemplateRequest.builder().jobTemplateId("copy").description("copied")
                .jobArn(describe("source").jobArn()).build());

        DescribeJobTemplateResponse template = describeTemplate("copy");
        assertThat(template.documentSource()).isEqualTo("s3://bucket/fw.json");
        assertThat(template.document()).isNull();
    }

    @Test
    void j14_jobArnOfAJobThatDoesNotExistIsResourceNotFound() {
        assertThatThrownBy(() -> control().createJobTemplate(CreateJobTemplateRequest.builder()
                .jobTemplateId("copy").description("copied").jobArn(jobArn("nope")).build()))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith("jobArn").hasMessageContaining("nope");
        assertThat(templateIds()).isEmpty();
    }

    @Test
    void j14_jobArnOfAnotherAccountRegionOrTypeIsInvalidRequest() {
        things("t1");
        job("source", "t1");
        for (String arn : List.of("arn:aws:iot:eu-west-1:" + ACCOUNT + ":job/source",
                "arn:aws:iot:" + REGION + ":999999999999:job/source", thingArn("t1"), "source",
                "arn:aws:iot:" + REGION + ":" + ACCOUNT + ":job/a b")) {
            assertThatThrownBy(() -> control().createJobTemplate(CreateJobTemplateRequest.builder()
                    .jobTemplateId("copy").description("copied").jobArn(arn).build()))
                    .as(arn).isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("jobArn");
        }
        assertThat(templateIds()).isEmpty();
    }

    @Test
    void j14_exactlyOneOfDocumentDocumentSourceOrJobArnIsRequired() {
        things("t1");
        job("source", "t1");
        List<UnaryOperator<CreateJobTemplateRequest.Builder>> wrong = List.of(
                b -> b,
                b -> b.document(DOC).jobArn(jobArn("source")),
                b -> b.document(DOC).documentSource("s3://bucket/fw.json"),
                b -> b.documentSource("s3://bucket/fw.json").jobArn(jobArn("source")));
        for (UnaryOperator<CreateJobTemplateRequest.Builder> members : wrong) {
            assertThatThrownBy(() -> control().createJobTemplate(members.apply(CreateJobTemplateRequest.builder()
                    .jobTemplateId("t").description("d")).build()))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageStartingWith("document: exactly one of document, documentSource or jobArn");
        }
        assertThat(templateIds()).isEmpty();
    }

    @Test
    void j14_idAndDescriptionAreCheckedAgainstTheirShapes() {
        assertThatThrownBy(() -> control().createJobTemplate(CreateJobTemplateRequest.builder().jobTemplateId("a b")
                .description("d").document(DOC).build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("jobTemplateId");
        assertThatThrownBy(() -> control().createJobTemplate(CreateJobTemplateRequest.builder()
                .jobTemplateId("x".repeat(65)).description("d").document(DOC).build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("jobTemplateId");
        assertThatThrownBy(() -> control().createJobTemplate(CreateJobTemplateRequest.builder().jobTemplateId("t")
                .document(DOC).build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("description: is required");
        control().createJobTemplate(CreateJobTemplateRequest.builder().jobTemplateId("x".repeat(64))
                .description("d").document(DOC).build());
        assertThat(templateIds()).containsExactly("x".repeat(64));
    }

    @Test
    void j14_j16_aTemplateDocumentNoJobCouldBeMadeFromIsInvalidAtCreateJobTemplate() {
        String elevenPatterns = "{\"u\":\"" + "${aws:iot:parameter:x}".repeat(11) + "\"}";
        assertThatThrownBy(() -> control().createJobTemplate(CreateJobTemplateRequest.builder().jobTemplateId("t")
                .description("d").document(elevenPatterns).build()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("document: must hold at most 10 substitution patterns")
                .hasMessageContaining("got 11");
        assertThatThrownBy(() -> control().createJobTemplate(CreateJobTemplateRequest.builder().jobTemplateId("t")
                .description("d").document("{\"u\":\"${aws:iot:s3-presigned-url:not a url}\"}").build()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("document: a ${aws:iot:s3-presigned-url:URL} placeholder must hold an "
                        + "absolute http or https URL");
        JobsEngine withResolver = JobsEngine.builder().repository(repository).clock(clock).region(REGION)
                .accountId(ACCOUNT).documentSourceResolver(source -> elevenPatterns).build();
        assertThatThrownBy(() -> withResolver.controlPlane().createJobTemplate(CreateJobTemplateRequest.builder()
                .jobTemplateId("t").description("d").documentSource("s3://bucket/fw.json").build()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("documentSource: must hold at most 10 substitution patterns");
        assertThat(templateIds()).as("V2: nothing stored").isEmpty();

        // A presignedUrlConfig may still come with each CreateJob: the template does not need one.
        control().createJobTemplate(CreateJobTemplateRequest.builder().jobTemplateId("t").description("d")
                .document("{\"u\":\"${aws:iot:s3-presigned-url:https://h/k}\"}").build());
        assertThat(templateIds()).containsExactly("t");
    }

    @Test
    void j14_duplicateIdIsConflictExceptionWithTheIdAndChangesNothing() {
        control().createJobTemplate(fullTemplate("fw").build());
        DescribeJobTemplateResponse before = describeTemplate("fw");
        clock.advance(Duration.ofSeconds(5));

        assertThatThrownBy(() -> control().createJobTemplate(CreateJobTemplateRequest.builder().jobTemplateId("fw")
                .description("another").document("{}").build()))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.resourceId()).isEqualTo("fw");
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.getMessage()).startsWith("jobTemplateId").contains("fw");
                });
        assertThat(describeTemplate("fw")).isEqualTo(before);
        assertThat(templateIds()).containsExactly("fw");
    }

    @Test
    void j14_describeUnknownTemplateIsResourceNotFound() {
        assertThatThrownBy(() -> describeTemplate("nope"))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith("jobTemplateId")
                .hasMessageContaining("nope");
    }

    // ------------------------------------------------------------------ ListJobTemplates

    @Test
    void j14_listTemplatesInCreationOrderWithKeysetPagesWithoutSkipsOrRepeats() {
        // Created out of id order, two in the same millisecond (ordered by id there).
        for (String id : List.of("m", "c", "x", "a", "k")) {
            template(id);
            clock.advance(Duration.ofSeconds(1));
        }
        template("b2");
        template("b1");
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            ListJobTemplatesResponse page = control().listJobTemplates(ListJobTemplatesRequest.builder()
                    .maxResults(3).nextToken(token).build());
            assertThat(page.jobTemplates()).hasSizeLessThanOrEqualTo(3);
            page.jobTemplates().forEach(t -> seen.add(t.jobTemplateId()));
            token = page.nextToken();
            pages++;
            if (pages == 1) {
                // One created and one deleted while paging: neither skips nor repeats the others.
                clock.advance(Duration.ofSeconds(1));
                template("late");
                control().deleteJobTemplate(DeleteJobTemplateRequest.builder().jobTemplateId("m").build());
            }
        } while (token != null);
        assertThat(seen).containsExactly("m", "c", "x", "a", "k", "b1", "b2", "late");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void j14_listedSummariesCarryArnIdDescriptionAndCreatedAt() {
        template("fw");
        JobTemplateSummary summary = control().listJobTemplates(ListJobTemplatesRequest.builder().build())
                .jobTemplates().get(0);
        assertThat(summary).isEqualTo(JobTemplateSummary.builder().jobTemplateArn(TEMPLATE_ARN_PREFIX + "fw")
                .jobTemplateId("fw").description("template fw").createdAt(clock.instant()).build());
        assertThat(control().listJobTemplates(ListJobTemplatesRequest.builder().build()).nextToken()).isNull();
    }

    @Test
    void j14_malformedTokenOrATokenOfAnotherListingIsInvalidRequest() {
        things("t1");
        job("j1", "t1");
        job("j2", "t1");
        String jobsToken = control().listJobs(ListJobsRequest.builder().maxResults(1).build()).nextToken();
        for (String token : List.of("garbage!", "Zm9v", jobsToken)) {
            assertThatThrownBy(() -> control().listJobTemplates(ListJobTemplatesRequest.builder().nextToken(token)
                    .build())).as(token).isInstanceOf(InvalidRequestException.class)
                    .hasMessageStartingWith("nextToken");
        }
        assertThatThrownBy(() -> control().listJobTemplates(ListJobTemplatesRequest.builder().maxResults(251)
                .build())).isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("maxResults");
    }

    // ------------------------------------------------------------------ DeleteJobTemplate

    @Test
    void j14_deleteTemplate_jobsMadeFromItAreUnaffected() {
        things("t1");
        control().createJobTemplate(fullTemplate("fw").build());
        fromTemplate("j1", "fw", b -> b);
        Job before = describe("j1");

        control().deleteJobTemplate(DeleteJobTemplateRequest.builder().jobTemplateId("fw").build());

        assertThat(templateIds()).isEmpty();
        assertThatThrownBy(() -> describeTemplate("fw")).isInstanceOf(ResourceNotFoundException.class);
        assertThat(describe("j1")).isEqualTo(before);
        assertThat(control().getJobDocument(GetJobDocumentRequest.builder().jobId("j1").build()).document())
                .isEqualTo(DOC);
        assertThat(startNext("t1").jobDocument()).isEqualTo(DOC);
        assertThatThrownBy(() -> fromTemplate("j2", "fw", b -> b))
                .as("a deleted template makes no more jobs").isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void j14_deleteUnknownTemplateIsResourceNotFound_andADeletedIdCanBeUsedAgain() {
        assertThatThrownBy(() -> control().deleteJobTemplate(DeleteJobTemplateRequest.builder().jobTemplateId("nope")
                .build())).isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith("jobTemplateId");
        template("fw");
        control().deleteJobTemplate(DeleteJobTemplateRequest.builder().jobTemplateId("fw").build());
        assertThatThrownBy(() -> control().deleteJobTemplate(DeleteJobTemplateRequest.builder().jobTemplateId("fw")
                .build())).isInstanceOf(ResourceNotFoundException.class);
        clock.advance(Duration.ofSeconds(1));
        control().createJobTemplate(CreateJobTemplateRequest.builder().jobTemplateId("fw").description("again")
                .document("{}").build());
        assertThat(describeTemplate("fw").description()).isEqualTo("again");
        assertThat(describeTemplate("fw").createdAt()).isEqualTo(clock.instant());
    }

    // ------------------------------------------------------------------ CreateJob with jobTemplateArn

    @Test
    void j14_createJobFromTemplate_takesItsDocumentDescriptionAndConfigurations() {
        things("t1", "t2");
        control().createJobTemplate(fullTemplate("fw").build());

        fromTemplate("j1", "fw", b -> b.targets(thingArn("t1"), thingArn("t2")));

        Job job = describe("j1");
        assertThat(job.jobTemplateArn()).isEqualTo(TEMPLATE_ARN_PREFIX + "fw");
        assertThat(job.description()).isEqualTo("firmware 2");
        assertThat(job.timeoutConfig()).isEqualTo(TIMEOUT);
        assertThat(job.jobExecutionsRetryConfig()).isEqualTo(RETRY);
        assertThat(job.abortConfig()).isEqualTo(ABORT);
        assertThat(job.presignedUrlConfig()).isEqualTo(PRESIGNED);
        assertThat(job.jobExecutionsRolloutConfig()).isEqualTo(ROLLOUT);
        assertThat(job.targets()).containsExactly(thingArn("t1"), thingArn("t2"));
        assertThat(job.targetSelection()).isEqualTo(TargetSelection.SNAPSHOT);
        assertThat(control().getJobDocument(GetJobDocumentRequest.builder().jobId("j1").build()).document())
                .isEqualTo(DOC);
        assertThat(counters("j1").numberOfQueuedThings()).isEqualTo(2);
        assertThat(startNext("t1").jobDocument()).isEqualTo(DOC);
        // The template's timeout applies to the job's executions (SPEC T2).
        clock.advance(Duration.ofMinutes(31));
        assertThat(execution("j1", "t1").status().toString()).isEqualTo("TIMED_OUT");
    }

    @Test
    void j14_createJobFromTemplate_requestMembersReplaceTemplates() {
        things("t1");
        control().createJobTemplate(fullTemplate("fw").build());
        TimeoutConfig longer = TimeoutConfig.builder().inProgressTimeoutInMinutes(120L).build();
        AbortConfig otherAbort = AbortConfig.builder().criteriaList(AbortCriteria.builder()
                .failureType(JobExecutionFailureType.ALL).action("CANCEL").thresholdPercentage(90.0)
                .minNumberOfExecutedThings(1).build()).build();

        fromTemplate("j1", "fw", b -> b.description("mine").timeoutConfig(longer).abortConfig(otherAbort)
                .targetSelection(TargetSelection.CONTINUOUS).tags(new Tag("env", "lab")));

        Job job = describe("j1");
        assertThat(job.description()).isEqualTo("mine");
        assertThat(job.timeoutConfig()).isEqualTo(longer);
        assertThat(job.abortConfig()).isEqualTo(otherAbort);
        assertThat(job.targetSelection()).isEqualTo(TargetSelection.CONTINUOUS);
        assertThat(job.jobExecutionsRetryConfig()).as("not given: the template's").isEqualTo(RETRY);
        assertThat(job.presignedUrlConfig()).as("not given: the template's").isEqualTo(PRESIGNED);
        assertThat(job.jobExecutionsRolloutConfig()).as("not given: the template's").isEqualTo(ROLLOUT);
        assertThat(describeTemplate("fw").timeoutConfig()).as("the template is unchanged").isEqualTo(TIMEOUT);
    }

    @Test
    void j14_createJobFromTemplateWithADocumentSource_resolvesTheSourceAtCreation() {
        things("t1");
        List<String> asked = new ArrayList<>();
        JobsEngine withResolver = JobsEngine.builder().repository(repository).clock(clock).region(REGION)
                .accountId(ACCOUNT).documentSourceResolver(source -> {
                    asked.add(source);
                    return "{\"fetched\":" + asked.size() + "}";
                }).build();
        withResolver.controlPlane().createJobTemplate(CreateJobTemplateRequest.builder().jobTemplateId("src")
                .description("from S3").documentSource("s3://bucket/fw.json").build());

        withResolver.controlPlane().createJob(CreateJobRequest.builder().jobId("j1").targets(thingArn("t1"))
                .jobTemplateArn(TEMPLATE_ARN_PREFIX + "src").build());

        assertThat(asked).containsExactly("s3://bucket/fw.json", "s3://bucket/fw.json");
        assertThat(control().describeJob(DescribeJobRequest.builder().jobId("j1").build()).documentSource())
                .isEqualTo("s3://bucket/fw.json");
        assertThat(control().getJobDocument(GetJobDocumentRequest.builder().jobId("j1").build()).document())
                .isEqualTo("{\"fetched\":2}");
    }

    @Test
    void j14_createJobFromUnknownTemplateIsResourceNotFoundNamingJobTemplateArn_andChangesNothing() {
        things("t1");
        List<String> arns = List.of(TEMPLATE_ARN_PREFIX + "nope",
                "arn:aws:iot:" + REGION + "::jobtemplate/No-Such-Managed-Template:1.0",
                "arn:aws:iot:eu-west-1:" + ACCOUNT + ":jobtemplate/nope",
                "arn:aws:iot:" + REGION + ":" + ACCOUNT + ":job/nope");
        for (String arn : arns) {
            assertThatThrownBy(() -> control().createJob(CreateJobRequest.builder().jobId("j1")
                    .targets(thingArn("t1")).jobTemplateArn(arn).build()))
                    .as(arn).isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith("jobTemplateArn")
                    .hasMessageContaining(arn);
        }
        assertThat(control().listJobs(ListJobsRequest.builder().build()).jobs()).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void j14_documentOrDocumentSourceTogetherWithATemplateIsInvalidRequest() {
        things("t1");
        template("fw");
        assertThatThrownBy(() -> fromTemplate("j1", "fw", b -> b.document(DOC)))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("document: must not be given");
        assertThatThrownBy(() -> fromTemplate("j1", "fw", b -> b.documentSource("s3://bucket/fw.json")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("documentSource: must not be given");
        assertThat(control().listJobs(ListJobsRequest.builder().build()).jobs()).isEmpty();
    }

    @Test
    void j14_jobFromATemplateCopiedFromAJob_runsTheSourceJobsDocument() {
        things("t1", "t2");
        job("source", b -> b.document("{\"from\":\"source\"}").timeoutConfig(TIMEOUT), "t1");
        control().createJobTemplate(CreateJobTemplateRequest.builder().jobTemplateId("copy").description("copied")
                .jobArn(describe("source").jobArn()).build());
        control().deleteJob(DeleteJobRequest.builder().jobId("source").force(true).build());
        engine.runDueWork();

        fromTemplate("again", "copy", b -> b.targets(thingArn("t2")));

        assertThat(startNext("t2").jobDocument()).isEqualTo("{\"from\":\"source\"}");
        assertThat(describe("again").timeoutConfig()).isEqualTo(TIMEOUT);
        assertThat(describe("again").description()).isEqualTo("copied");
    }

    // ------------------------------------------------------------------ helpers

    private static CreateJobTemplateRequest.Builder fullTemplate(String id) {
        return CreateJobTemplateRequest.builder().jobTemplateId(id).description("firmware 2").document(DOC)
                .presignedUrlConfig(PRESIGNED).jobExecutionsRolloutConfig(ROLLOUT).abortConfig(ABORT)
                .timeoutConfig(TIMEOUT).tags(new Tag("team", "fw")).jobExecutionsRetryConfig(RETRY);
    }

    private void template(String id) {
        control().createJobTemplate(CreateJobTemplateRequest.builder().jobTemplateId(id)
                .description("template " + id).document(DOC).build());
    }

    private void fromTemplate(String jobId, String templateId, UnaryOperator<CreateJobRequest.Builder> config) {
        control().createJob(config.apply(CreateJobRequest.builder().jobId(jobId).targets(thingArn("t1"))
                .jobTemplateArn(TEMPLATE_ARN_PREFIX + templateId)).build());
    }

    private DescribeJobTemplateResponse describeTemplate(String id) {
        return control().describeJobTemplate(DescribeJobTemplateRequest.builder().jobTemplateId(id).build());
    }

    private List<String> templateIds() {
        return control().listJobTemplates(ListJobTemplatesRequest.builder().build()).jobTemplates().stream()
                .map(JobTemplateSummary::jobTemplateId).toList();
    }

    private static String jobArn(String jobId) {
        return "arn:aws:iot:" + REGION + ":" + ACCOUNT + ":job/" + jobId;
    }
}
