package dev.iotjobs.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.DescribeJobRequest;
import dev.iotjobs.api.control.DescribeManagedJobTemplateRequest;
import dev.iotjobs.api.control.DescribeManagedJobTemplateResponse;
import dev.iotjobs.api.control.GetJobDocumentRequest;
import dev.iotjobs.api.control.ListManagedJobTemplatesRequest;
import dev.iotjobs.api.control.ListManagedJobTemplatesResponse;
import dev.iotjobs.api.data.DescribeJobExecutionRequest;
import dev.iotjobs.api.data.UpdateJobExecutionRequest;
import dev.iotjobs.api.error.InvalidRequestException;
import dev.iotjobs.api.error.ResourceNotFoundException;
import dev.iotjobs.api.error.ServiceUnavailableException;
import dev.iotjobs.api.event.NextJobExecutionChanged;
import dev.iotjobs.api.event.PendingJobExecutionsChanged;
import dev.iotjobs.api.model.DocumentParameter;
import dev.iotjobs.api.model.Job;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.api.model.ManagedJobTemplateSummary;
import dev.iotjobs.api.model.PresignedUrlConfig;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Managed job templates and document parameters (SPEC J15) and presigned URLs (J16) on the store under test: the
 * engine has a fake {@link PresignedUrlSigner} that numbers its signatures, and a host template besides AWS's.
 */
public abstract class DocumentScenarios extends EngineFixture {
    private static final String DOWNLOAD_FILE = "arn:aws:iot:us-east-1::jobtemplate/AWS-Download-File:1.0";
    private static final String REBOOT = "arn:aws:iot:us-east-1::jobtemplate/AWS-Reboot:1.0";
    private static final String ROLE = "arn:aws:iam::123456789012:role/jobs-s3";
    private static final String OBJECT = "https://s3.us-east-1.amazonaws.com/firmware/v2.bin";
    private static final PresignedUrlConfig PRESIGNED = PresignedUrlConfig.builder().roleArn(ROLE).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A host template in two versions: {@code Acme-Flash} 1.0 and 1.2 (the latest), {@code build} all digits. */
    static ManagedJobTemplate acmeFlash(String version) {
        return ManagedJobTemplate.builder()
                .templateName("Acme-Flash")
                .templateVersion(version)
                .description("Flashes firmware " + version)
                .environments("LINUX", "RTOS")
                .document("{\"flash\":\"${aws:iot:parameter:build}\",\"slot\":\"${aws:iot:parameter:slot}\","
                        + "\"v\":\"" + version + "\"}")
                .documentParameters(
                        DocumentParameter.builder().key("build").description("Build number").regex("[0-9]+")
                                .example("42").optional(false).build(),
                        DocumentParameter.builder().key("slot").description("Slot").regex("[ab]")
                                .example("a").optional(true).build())
                .build();
    }

    /** What the fake signer was asked: URL, role and expiry, one entry per signature. */
    protected final List<String> signed = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger signatures = new AtomicInteger();
    private volatile boolean signerFails;

    protected final PresignedUrlSigner signer = (url, role, expiresIn) -> {
        if (signerFails) {
            throw new IllegalStateException("the key service is down");
        }
        signed.add(url + " " + role + " " + expiresIn.toSeconds());
        return url + "?X-Amz-Signature=sig" + signatures.incrementAndGet() + "&X-Amz-Expires="
                + expiresIn.toSeconds();
    };

    @BeforeEach
    void engineWithSignerAndTemplates() {
        engine = builder().presignedUrlSigner(signer).build();
        engine.events().subscribe(EventSinks.jobEventsInto(events));
    }

    /** @return a builder of an engine over the same store and clock, with the host templates */
    protected JobsEngine.Builder builder() {
        return JobsEngine.builder().repository(repository).clock(clock).region(REGION).accountId(ACCOUNT)
                .managedJobTemplate(acmeFlash("1.0")).managedJobTemplate(acmeFlash("1.2"));
    }

    private void create(String jobId, UnaryOperator<CreateJobRequest.Builder> config) {
        things("t1");
        control().createJob(config.apply(CreateJobRequest.builder().jobId(jobId).targets(thingArn("t1"))).build());
        // The creation's notify-next was delivered signed (SPEC E4, J16): count the device reads' signatures anew.
        signed.clear();
        signatures.set(0);
    }

    private String document(String jobId, Boolean beforeSubstitution) {
        return control().getJobDocument(GetJobDocumentRequest.builder().jobId(jobId)
                .beforeSubstitution(beforeSubstitution).build()).document();
    }

    private static JsonNode json(String document) {
        try {
            return JSON.readTree(document);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + document, e);
        }
    }

    private void assertRejectedWithNothingChanged(Runnable call, Class<? extends RuntimeException> type,
                                                  String messageStart) {
        int before = events.size();
        assertThatThrownBy(call::run).isInstanceOf(type).hasMessageStartingWith(messageStart);
        assertThat(events).as("V2: no event").hasSize(before);
        assertThatThrownBy(() -> describe("j1")).as("V2: no job").isInstanceOf(ResourceNotFoundException.class);
    }

    // ------------------------------------------------------------------ J15: the catalogue

    @Test
    void j15_listGivesAwsRebootAndDownloadFileAndTheHostsTemplatesWithEmptyAccountArns() {
        ListManagedJobTemplatesResponse all = control().listManagedJobTemplates(
                ListManagedJobTemplatesRequest.builder().build());
        assertThat(all.managedJobTemplates()).extracting(ManagedJobTemplateSummary::templateArn).containsExactly(
                "arn:aws:iot:us-east-1::jobtemplate/AWS-Download-File:1.0", REBOOT,
                "arn:aws:iot:us-east-1::jobtemplate/Acme-Flash:1.0",
                "arn:aws:iot:us-east-1::jobtemplate/Acme-Flash:1.2");
        assertThat(all.nextToken()).isNull();
        ManagedJobTemplateSummary reboot = all.managedJobTemplates().get(1);
        assertThat(reboot.templateName()).isEqualTo("AWS-Reboot");
        assertThat(reboot.templateVersion()).isEqualTo("1.0");
        assertThat(reboot.description()).isEqualTo("A managed job template for rebooting the device.");
        assertThat(reboot.environments()).containsExactly("LINUX");
    }

    @Test
    void j15_listFiltersByTemplateNameAndPagesWithoutSkipsOrRepeats() {
        ListManagedJobTemplatesResponse acme = control().listManagedJobTemplates(
                ListManagedJobTemplatesRequest.builder().templateName("Acme-Flash").build());
        assertThat(acme.managedJobTemplates()).extracting(ManagedJobTemplateSummary::templateVersion)
                .containsExactly("1.0", "1.2");
        assertThat(control().listManagedJobTemplates(ListManagedJobTemplatesRequest.builder()
                .templateName("Nope").build()).managedJobTemplates()).isEmpty();

        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            ListManagedJobTemplatesResponse page = control().listManagedJobTemplates(
                    ListManagedJobTemplatesRequest.builder().maxResults(3).nextToken(token).build());
            page.managedJobTemplates().forEach(t -> seen.add(t.templateName() + ":" + t.templateVersion()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(seen).containsExactly("AWS-Download-File:1.0", "AWS-Reboot:1.0", "Acme-Flash:1.0",
                "Acme-Flash:1.2");
        assertThat(pages).isEqualTo(2);
        assertThatThrownBy(() -> control().listManagedJobTemplates(ListManagedJobTemplatesRequest.builder()
                .nextToken("bm9wZQ").build())).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("nextToken");
    }

    @Test
    void j15_describeGivesAwsDownloadFileAsAwsDocumentsIt() {
        DescribeManagedJobTemplateResponse t = control().describeManagedJobTemplate(
                DescribeManagedJobTemplateRequest.builder().templateName("AWS-Download-File").build());
        assertThat(t.templateArn()).isEqualTo(DOWNLOAD_FILE);
        assertThat(t.templateVersion()).isEqualTo("1.0");
        assertThat(t.description()).isEqualTo("A managed job template for downloading a file.");
        assertThat(t.environments()).containsExactly("LINUX");
        assertThat(t.document()).isEqualTo("{\"version\":\"1.0\",\"steps\":[{\"action\":{\"name\":\"Download-File\","
                + "\"type\":\"runHandler\",\"input\":{\"handler\":\"download-file.sh\",\"args\":"
                + "[\"${aws:iot:parameter:downloadUrl}\",\"${aws:iot:parameter:filePath}\"],"
                + "\"path\":\"${aws:iot:parameter:pathToHandler}\"},\"runAsUser\":\"${aws:iot:parameter:runAsUser}\"}}]}");
        assertThat(t.documentParameters()).extracting(DocumentParameter::key)
                .containsExactly("downloadUrl", "filePath", "runAsUser", "pathToHandler");
        assertThat(t.documentParameters()).extracting(DocumentParameter::optional)
                .containsExactly(false, false, true, true);
        assertThat(t.documentParameters().get(0).regex()).isEqualTo("(.*?)");
        assertThat(t.documentParameters().get(0).example()).isEqualTo("http://www.example.com/index.html");
        assertThat(t.documentParameters().get(2).regex()).isEqualTo("(.){0,256}");
        assertThat(t.documentParameters().get(3).regex()).isEqualTo("(.){0,4096}");
    }

    @Test
    void j15_describeGivesTheLatestVersionOrTheOneAskedFor() {
        assertThat(control().describeManagedJobTemplate(DescribeManagedJobTemplateRequest.builder()
                .templateName("Acme-Flash").build()).templateVersion()).isEqualTo("1.2");
        DescribeManagedJobTemplateResponse old = control().describeManagedJobTemplate(
                DescribeManagedJobTemplateRequest.builder().templateName("Acme-Flash").templateVersion("1.0").build());
        assertThat(old.templateArn()).isEqualTo("arn:aws:iot:us-east-1::jobtemplate/Acme-Flash:1.0");
        assertThat(old.description()).isEqualTo("Flashes firmware 1.0");
        assertThatThrownBy(() -> control().describeManagedJobTemplate(DescribeManagedJobTemplateRequest.builder()
                .templateName("Acme-Flash").templateVersion("2.0").build()))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith("templateName")
                .hasMessageContaining("2.0");
        assertThatThrownBy(() -> control().describeManagedJobTemplate(DescribeManagedJobTemplateRequest.builder()
                .templateName("AWS-Nope").build())).isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("AWS-Nope");
    }

    @Test
    void j15_malformedHostTemplatesFailTheBuildNamingTheProblem() {
        ManagedJobTemplate good = acmeFlash("3.0");
        Map<String, ManagedJobTemplate> bad = new LinkedHashMap<>();
        bad.put("templateName", ManagedJobTemplate.builder().templateName("a/b").templateVersion("1.0")
                .document("{}").build());
        bad.put("templateVersion", ManagedJobTemplate.builder().templateName("x").templateVersion("v1")
                .document("{}").build());
        bad.put("document", ManagedJobTemplate.builder().templateName("x").templateVersion("1.0")
                .document("[1]").build());
        bad.put("regex", ManagedJobTemplate.builder().templateName("x").templateVersion("1.0")
                .document("{\"a\":\"${aws:iot:parameter:k}\"}")
                .documentParameters(DocumentParameter.builder().key("k").regex("[").build()).build());
        bad.put("example", ManagedJobTemplate.builder().templateName("x").templateVersion("1.0")
                .document("{\"a\":\"${aws:iot:parameter:k}\"}")
                .documentParameters(DocumentParameter.builder().key("k").regex("[0-9]+").example("x").build())
                .build());
        bad.put("not among its documentParameters", ManagedJobTemplate.builder().templateName("x")
                .templateVersion("1.0").document("{\"a\":\"${aws:iot:parameter:k}\"}").build());
        bad.put("twice", ManagedJobTemplates.AWS_REBOOT);
        bad.forEach((problem, template) -> assertThatThrownBy(() -> builder().managedJobTemplate(good)
                .managedJobTemplate(template).build()).as(problem)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(problem));
        assertThat(builder().managedJobTemplate(good).build().controlPlane().listManagedJobTemplates(
                ListManagedJobTemplatesRequest.builder().templateName("Acme-Flash").build()).managedJobTemplates())
                .hasSize(3);
    }

    // ------------------------------------------------------------------ J15: CreateJob with a managed template

    @Test
    void j15_createJobSubstitutesTheParametersAndEchoesTemplateAndParameters() {
        Map<String, String> parameters = Map.of("downloadUrl", "https://example.com/index.html",
                "filePath", "/tmp/index.html", "runAsUser", "root");
        create("j1", b -> b.jobTemplateArn(DOWNLOAD_FILE).documentParameters(parameters));
        JsonNode action = json(document("j1", null)).at("/steps/0/action");
        assertThat(action.at("/input/args/0").asText()).isEqualTo("https://example.com/index.html");
        assertThat(action.at("/input/args/1").asText()).isEqualTo("/tmp/index.html");
        assertThat(action.at("/runAsUser").asText()).isEqualTo("root");
        assertThat(action.at("/input/path").asText()).as("optional, left out: empty").isEmpty();
        Job job = describe("j1");
        assertThat(job.jobTemplateArn()).isEqualTo(DOWNLOAD_FILE);
        assertThat(job.documentParameters()).isEqualTo(parameters);
        assertThat(startNext("t1").jobDocument()).isEqualTo(document("j1", false));
    }

    @Test
    void j15_optionalParametersLeftOutBecomeTheEmptyString() {
        create("j1", b -> b.jobTemplateArn(REBOOT));
        assertThat(document("j1", null)).isEqualTo("{\"version\":\"1.0\",\"steps\":[{\"action\":{\"name\":\"Reboot\","
                + "\"type\":\"runHandler\",\"input\":{\"handler\":\"reboot.sh\",\"path\":\"\"},\"runAsUser\":\"\"}}]}");
        assertThat(describe("j1").documentParameters()).isEmpty();
    }

    @Test
    void j15_valueNotMatchingItsRegexIsInvalidNamingTheKey() {
        things("t1");
        assertRejectedWithNothingChanged(() -> control().createJob(CreateJobRequest.builder().jobId("j1")
                        .targets(thingArn("t1")).jobTemplateArn("arn:aws:iot:us-east-1::jobtemplate/Acme-Flash:1.2")
                        .documentParameters(Map.of("build", "42", "slot", "c")).build()),
                InvalidRequestException.class, "documentParameters[\"slot\"]: must match [ab], got \"c\"");
        assertRejectedWithNothingChanged(() -> control().createJob(CreateJobRequest.builder().jobId("j1")
                        .targets(thingArn("t1")).jobTemplateArn("arn:aws:iot:us-east-1::jobtemplate/Acme-Flash:1.2")
                        .documentParameters(Map.of("build", "42x")).build()),
                InvalidRequestException.class, "documentParameters[\"build\"]: must match [0-9]+");
    }

    @Test
    void j15_missingRequiredParameterIsInvalidNamingTheKey() {
        things("t1");
        assertRejectedWithNothingChanged(() -> control().createJob(CreateJobRequest.builder().jobId("j1")
                        .targets(thingArn("t1")).jobTemplateArn(DOWNLOAD_FILE)
                        .documentParameters(Map.of("downloadUrl", "https://example.com/f")).build()),
                InvalidRequestException.class, "documentParameters[\"filePath\"]: is required");
    }

    @Test
    void j15_unknownKeyIsInvalidNamingTheKey() {
        things("t1");
        assertRejectedWithNothingChanged(() -> control().createJob(CreateJobRequest.builder().jobId("j1")
                        .targets(thingArn("t1")).jobTemplateArn(REBOOT)
                        .documentParameters(Map.of("delaySeconds", "5")).build()),
                InvalidRequestException.class, "documentParameters[\"delaySeconds\"]: is not a parameter");
    }

    @Test
    void j15_documentParametersWithoutAManagedTemplateAreInvalid() {
        things("t1");
        assertRejectedWithNothingChanged(() -> control().createJob(CreateJobRequest.builder().jobId("j1")
                        .targets(thingArn("t1")).document(DOC).documentParameters(Map.of("k", "v")).build()),
                InvalidRequestException.class, "documentParameters");
        assertRejectedWithNothingChanged(() -> control().createJob(CreateJobRequest.builder().jobId("j1")
                        .targets(thingArn("t1")).jobTemplateArn("arn:aws:iot:us-east-1:123456789012:jobtemplate/mine")
                        .documentParameters(Map.of("k", "v")).build()),
                InvalidRequestException.class, "documentParameters");
    }

    @Test
    void j15_documentOrSourceBesideAManagedTemplateIsInvalid() {
        things("t1");
        assertRejectedWithNothingChanged(() -> control().createJob(CreateJobRequest.builder().jobId("j1")
                        .targets(thingArn("t1")).jobTemplateArn(REBOOT).document(DOC).build()),
                InvalidRequestException.class, "document: must not be given with jobTemplateArn");
        assertRejectedWithNothingChanged(() -> control().createJob(CreateJobRequest.builder().jobId("j1")
                        .targets(thingArn("t1")).jobTemplateArn(REBOOT).documentSource("s3://b/doc.json").build()),
                InvalidRequestException.class, "documentSource: must not be given with jobTemplateArn");
    }

    @Test
    void j15_unknownManagedTemplateArnIsNotFoundNamingJobTemplateArn() {
        things("t1");
        for (String arn : List.of("arn:aws:iot:us-east-1::jobtemplate/AWS-Nope:1.0",
                "arn:aws:iot:us-east-1::jobtemplate/AWS-Reboot:9.0",
                "arn:aws:iot:eu-west-1::jobtemplate/AWS-Reboot:1.0")) {
            assertRejectedWithNothingChanged(() -> control().createJob(CreateJobRequest.builder().jobId("j1")
                    .targets(thingArn("t1")).jobTemplateArn(arn).build()),
                    ResourceNotFoundException.class, "jobTemplateArn");
        }
    }

    @Test
    void j15_beforeSubstitutionShowsTheTemplatesDocumentOnBothReads() {
        create("j1", b -> b.jobTemplateArn("arn:aws:iot:us-east-1::jobtemplate/Acme-Flash:1.0")
                .documentParameters(Map.of("build", "7", "slot", "b")));
        assertThat(document("j1", true)).isEqualTo(acmeFlash("1.0").document());
        assertThat(document("j1", false)).isEqualTo("{\"flash\":\"7\",\"slot\":\"b\",\"v\":\"1.0\"}");
        assertThat(document("j1", null)).isEqualTo(document("j1", false));
        // DescribeJob's answer holds no document (as AWS's): the flag is accepted and the job is the same.
        Job before = control().describeJob(DescribeJobRequest.builder().jobId("j1").beforeSubstitution(true).build())
                .job();
        assertThat(before).isEqualTo(describe("j1"));
        assertThat(before.documentParameters()).containsEntry("build", "7");
        // A job made without a template has one document either way.
        things("t2");
        job("plain", "t2");
        assertThat(document("plain", true)).isEqualTo(DOC);
    }

    @Test
    void j15_valuesAreJsonEscapedSoTheDeviceGetsThemAsGiven() {
        String path = "/tmp/a \"quoted\" \\ name";
        create("j1", b -> b.jobTemplateArn(DOWNLOAD_FILE)
                .documentParameters(Map.of("downloadUrl", "https://example.com/f", "filePath", path)));
        assertThat(json(startNext("t1").jobDocument()).at("/steps/0/action/input/args/1").asText()).isEqualTo(path);
    }

    @Test
    void j15_j16_aParameterMayHoldAPresignedUrlPlaceholderThatDevicesGetSigned() {
        create("j1", b -> b.jobTemplateArn(DOWNLOAD_FILE).presignedUrlConfig(PRESIGNED)
                .documentParameters(Map.of("downloadUrl", "${aws:iot:s3-presigned-url:" + OBJECT + "}",
                        "filePath", "/firmware.bin")));
        assertThat(document("j1", null)).contains("${aws:iot:s3-presigned-url:" + OBJECT + "}");
        assertThat(json(startNext("t1").jobDocument()).at("/steps/0/action/input/args/0").asText())
                .isEqualTo(OBJECT + "?X-Amz-Signature=sig1&X-Amz-Expires=3600");
    }

    // ------------------------------------------------------------------ J16: presigned URLs

    @Test
    void j16_everyDeviceReadSignsAfreshAndControlReadsKeepThePlaceholders() {
        String stored = "{\"url\":\"${aws:iot:s3-presigned-url:" + OBJECT + "}\"}";
        create("j1", b -> b.document(stored).presignedUrlConfig(PRESIGNED));

        assertThat(device().describeJobExecution(DescribeJobExecutionRequest.builder().jobId("$next")
                .thingName("t1").build()).execution().jobDocument())
                .isEqualTo("{\"url\":\"" + OBJECT + "?X-Amz-Signature=sig1&X-Amz-Expires=3600\"}");
        assertThat(startNext("t1").jobDocument()).contains("sig2");
        assertThat(device().describeJobExecution(DescribeJobExecutionRequest.builder().jobId("j1")
                .thingName("t1").build()).execution().jobDocument()).contains("sig3");
        assertThat(device().updateJobExecution(UpdateJobExecutionRequest.builder().jobId("j1").thingName("t1")
                .status(JobExecutionStatus.IN_PROGRESS).includeJobDocument(true).build()).jobDocument())
                .contains("sig4");
        assertThat(device().describeJobExecution(DescribeJobExecutionRequest.builder().jobId("j1")
                .thingName("t1").includeJobDocument(false).build()).execution().jobDocument()).isNull();
        assertThat(signed).hasSize(4).allMatch(s -> s.equals(OBJECT + " " + ROLE + " 3600"));

        assertThat(document("j1", null)).isEqualTo(stored);
        assertThat(document("j1", true)).isEqualTo(stored);
        assertThat(signed).as("control reads sign nothing").hasSize(4);
    }

    @Test
    void j16_notifyNextCarriesTheDocumentFreshlySignedOnDelivery() {
        engine.events().subscribe(EventSinks.thingEventsInto(thingEvents));
        String stored = "{\"url\":\"${aws:iot:s3-presigned-url:" + OBJECT + "}\"}";
        create("j1", b -> b.document(stored).presignedUrlConfig(PRESIGNED));

        NextJobExecutionChanged next = thingEvents.stream().filter(e -> e instanceof NextJobExecutionChanged)
                .map(NextJobExecutionChanged.class::cast).findFirst().orElseThrow();
        assertThat(next.execution().jobDocument())
                .contains("?X-Amz-Signature=sig");
    }

    @Test
    void j16_aFailingSignerSendsNotifyNextWithoutItsDocumentAndTheRelayGoesOn() {
        engine.events().subscribe(EventSinks.thingEventsInto(thingEvents));
        signerFails = true;
        String stored = "{\"url\":\"${aws:iot:s3-presigned-url:" + OBJECT + "}\"}";
        create("j1", b -> b.document(stored).presignedUrlConfig(PRESIGNED));

        NextJobExecutionChanged next = thingEvents.stream().filter(e -> e instanceof NextJobExecutionChanged)
                .map(NextJobExecutionChanged.class::cast).findFirst().orElseThrow();
        assertThat(next.execution().jobId()).isEqualTo("j1");
        assertThat(next.execution().jobDocument()).isNull();
        signerFails = false;
        control().createJob(CreateJobRequest.builder().jobId("j2").document(DOC).targets(thingArn("t1")).build());
        assertThat(thingEvents).as("later events are still delivered")
                .anyMatch(e -> e instanceof PendingJobExecutionsChanged p && p.queuedJobs().size() == 2);
    }

    @Test
    void j16_expiresInSecAndRoleArnReachTheSignerAndEveryPlaceholderIsSigned() {
        String second = "https://minio.local:9000/bucket/part%202.bin";
        create("j1", b -> b.document("{\"a\":\"${aws:iot:s3-presigned-url:" + OBJECT + "}\",\"b\":["
                + "\"${aws:iot:s3-presigned-url:" + second + "}\"]}")
                .presignedUrlConfig(PresignedUrlConfig.builder().roleArn(ROLE).expiresInSec(120L).build()));
        JsonNode doc = json(startNext("t1").jobDocument());
        assertThat(doc.at("/a").asText()).isEqualTo(OBJECT + "?X-Amz-Signature=sig1&X-Amz-Expires=120");
        assertThat(doc.at("/b/0").asText()).isEqualTo(second + "?X-Amz-Signature=sig2&X-Amz-Expires=120");
        assertThat(signed).containsExactly(OBJECT + " " + ROLE + " 120", second + " " + ROLE + " 120");
    }

    @Test
    void j16_placeholdersOnAnEngineWithoutASignerAreInvalidNamingPresignedUrlConfig() {
        engine = builder().build();
        things("t1");
        assertRejectedWithNothingChanged(() -> control().createJob(CreateJobRequest.builder().jobId("j1")
                        .targets(thingArn("t1")).presignedUrlConfig(PRESIGNED)
                        .document("{\"url\":\"${aws:iot:s3-presigned-url:" + OBJECT + "}\"}").build()),
                InvalidRequestException.class, "presignedUrlConfig: the document holds");
        // The managed-template path checks the document after substitution.
        assertRejectedWithNothingChanged(() -> control().createJob(CreateJobRequest.builder().jobId("j1")
                        .targets(thingArn("t1")).jobTemplateArn(DOWNLOAD_FILE).presignedUrlConfig(PRESIGNED)
                        .documentParameters(Map.of("downloadUrl", "${aws:iot:s3-presigned-url:" + OBJECT + "}",
                                "filePath", "/f")).build()),
                InvalidRequestException.class, "presignedUrlConfig");
    }

    @Test
    void j16_placeholdersWithoutPresignedUrlConfigOrItsRoleAreInvalid() {
        things("t1");
        String doc = "{\"url\":\"${aws:iot:s3-presigned-url:" + OBJECT + "}\"}";
        assertRejectedWithNothingChanged(() -> control().createJob(CreateJobRequest.builder().jobId("j1")
                        .targets(thingArn("t1")).document(doc).build()),
                InvalidRequestException.class, "presignedUrlConfig: is required");
        assertRejectedWithNothingChanged(() -> control().createJob(CreateJobRequest.builder().jobId("j1")
                        .targets(thingArn("t1")).document(doc)
                        .presignedUrlConfig(PresignedUrlConfig.builder().expiresInSec(60L).build()).build()),
                InvalidRequestException.class, "presignedUrlConfig.roleArn: is required");
        assertRejectedWithNothingChanged(() -> control().createJob(CreateJobRequest.builder().jobId("j1")
                        .targets(thingArn("t1")).presignedUrlConfig(PRESIGNED)
                        .document("{\"url\":\"${aws:iot:s3-presigned-url:not a url}\"}").build()),
                InvalidRequestException.class, "document: a ${aws:iot:s3-presigned-url:URL} placeholder");
    }

    @Test
    void j16_atMostTenSubstitutionPatternsPerDocument() {
        things("t1");
        String ten = IntStream.range(0, 10).mapToObj(i -> "\"u" + i + "\":\"${aws:iot:s3-presigned-url:" + OBJECT
                + i + "}\"").collect(Collectors.joining(",", "{", "}"));
        control().createJob(CreateJobRequest.builder().jobId("ten").targets(thingArn("t1")).document(ten)
                .presignedUrlConfig(PRESIGNED).build());
        String eleven = ten.substring(0, ten.length() - 1) + ",\"p\":\"${aws:iot:parameter:x}\"}";
        assertRejectedWithNothingChanged(() -> control().createJob(CreateJobRequest.builder().jobId("j1")
                        .targets(thingArn("t1")).document(eleven).presignedUrlConfig(PRESIGNED).build()),
                InvalidRequestException.class, "document: must hold at most 10 substitution patterns");
        assertThatThrownBy(() -> control().createJob(CreateJobRequest.builder().jobId("j1").targets(thingArn("t1"))
                .document(eleven).presignedUrlConfig(PRESIGNED).build())).hasMessageContaining("got 11");
    }

    @Test
    void j16_parametersAndPresignedUrlsCountTogetherOnTheManagedPath() {
        // AWS-Download-File has 4 parameter patterns; 7 presigned URLs in one value make 11.
        String seven = IntStream.range(0, 7).mapToObj(i -> "${aws:iot:s3-presigned-url:https://h/k" + i + "}")
                .collect(Collectors.joining(" "));
        things("t1");
        assertRejectedWithNothingChanged(() -> control().createJob(CreateJobRequest.builder().jobId("j1")
                        .targets(thingArn("t1")).jobTemplateArn(DOWNLOAD_FILE).presignedUrlConfig(PRESIGNED)
                        .documentParameters(Map.of("downloadUrl", seven, "filePath", "/f")).build()),
                InvalidRequestException.class, "document: must hold at most 10");
        String six = seven.substring(0, seven.lastIndexOf(" $"));
        control().createJob(CreateJobRequest.builder().jobId("j2").targets(thingArn("t1"))
                .jobTemplateArn(DOWNLOAD_FILE).presignedUrlConfig(PRESIGNED)
                .documentParameters(Map.of("downloadUrl", six, "filePath", "/f")).build());
    }

    @Test
    void j16_aFailingSignerIsServiceUnavailableAndChangesNothing() {
        create("j1", b -> b.document("{\"url\":\"${aws:iot:s3-presigned-url:" + OBJECT + "}\"}")
                .presignedUrlConfig(PRESIGNED));
        signerFails = true;
        int eventsBefore = events.size();
        assertThatThrownBy(() -> startNext("t1")).isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("j1").hasMessageNotContaining("key service");
        assertThat(execution("j1", "t1").status()).as("not started").isEqualTo(JobExecutionStatus.QUEUED);
        assertThat(events).hasSize(eventsBefore);
        assertThatThrownBy(() -> device().describeJobExecution(DescribeJobExecutionRequest.builder()
                .jobId("$next").thingName("t1").build())).isInstanceOf(ServiceUnavailableException.class);
        signerFails = false;
        assertThat(startNext("t1").jobDocument()).contains("X-Amz-Signature=sig1");
    }

    // ------------------------------------------------------------------ J14 with J15 and J16

    private static final String CUSTOM = "arn:aws:iot:us-east-1:123456789012:jobtemplate/";
    private static final String SIGNED_DOC = "{\"url\":\"${aws:iot:s3-presigned-url:" + OBJECT + "}\"}";

    @Test
    void j14_j16_aCustomTemplatesPlaceholdersAreSignedForDevicesWithItsOrTheRequestsConfig() {
        engine.events().subscribe(EventSinks.thingEventsInto(thingEvents));
        control().createJobTemplate(dev.iotjobs.api.control.CreateJobTemplateRequest.builder()
                .jobTemplateId("signed").description("with its config").document(SIGNED_DOC)
                .presignedUrlConfig(PresignedUrlConfig.builder().roleArn(ROLE).expiresInSec(300L).build()).build());
        control().createJobTemplate(dev.iotjobs.api.control.CreateJobTemplateRequest.builder()
                .jobTemplateId("bare").description("without one").document(SIGNED_DOC).build());
        things("t1", "t2");

        control().createJob(CreateJobRequest.builder().jobId("first").targets(thingArn("t1"), thingArn("t2"))
                .jobTemplateArn(CUSTOM + "signed").build());
        List<String> delivered = thingEvents.stream().filter(e -> e instanceof NextJobExecutionChanged)
                .map(e -> ((NextJobExecutionChanged) e).execution().jobDocument()).toList();
        assertThat(delivered).as("each thing's notify-next signed on its own delivery").hasSize(2)
                .allMatch(d -> d.contains("X-Amz-Expires=300")).doesNotHaveDuplicates();
        assertThat(startNext("t1").jobDocument()).contains(OBJECT + "?X-Amz-Signature=sig3&X-Amz-Expires=300");
        assertThat(document("first", null)).isEqualTo(SIGNED_DOC);
        assertThat(document("first", true)).isEqualTo(SIGNED_DOC);

        assertRejectedWithNothingChanged(() -> control().createJob(CreateJobRequest.builder().jobId("j1")
                        .targets(thingArn("t1")).jobTemplateArn(CUSTOM + "bare").build()),
                InvalidRequestException.class, "presignedUrlConfig: is required");
        control().createJob(CreateJobRequest.builder().jobId("j2").targets(thingArn("t2"))
                .jobTemplateArn(CUSTOM + "bare").presignedUrlConfig(PRESIGNED).build());
        assertThat(describe("j2").presignedUrlConfig()).isEqualTo(PRESIGNED);
        control().createJob(CreateJobRequest.builder().jobId("j3").targets(thingArn("t1"))
                .jobTemplateArn(CUSTOM + "signed").presignedUrlConfig(PRESIGNED).build());
        assertThat(describe("j3").presignedUrlConfig()).as("the request's replaces the template's")
                .isEqualTo(PRESIGNED);
    }

    @Test
    void j14_j16_aCustomTemplateWithPlaceholdersOnAnEngineWithoutASignerMakesNoJob() {
        engine = builder().build();
        control().createJobTemplate(dev.iotjobs.api.control.CreateJobTemplateRequest.builder()
                .jobTemplateId("signed").description("d").document(SIGNED_DOC).presignedUrlConfig(PRESIGNED).build());
        things("t1");
        assertRejectedWithNothingChanged(() -> control().createJob(CreateJobRequest.builder().jobId("j1")
                        .targets(thingArn("t1")).jobTemplateArn(CUSTOM + "signed").build()),
                InvalidRequestException.class, "presignedUrlConfig: the document holds");
    }

    @Test
    void j14_j15_j16_aTemplateCopiedFromAManagedTemplatesJobKeepsItsSubstitutedDocumentAndConfig() {
        create("managed", b -> b.jobTemplateArn(DOWNLOAD_FILE).presignedUrlConfig(PRESIGNED)
                .documentParameters(Map.of("downloadUrl", "${aws:iot:s3-presigned-url:" + OBJECT + "}",
                        "filePath", "/fw.bin")));
        control().createJobTemplate(dev.iotjobs.api.control.CreateJobTemplateRequest.builder()
                .jobTemplateId("copy").description("copied").jobArn(describe("managed").jobArn()).build());
        things("t2");

        control().createJob(CreateJobRequest.builder().jobId("again").targets(thingArn("t2"))
                .jobTemplateArn(CUSTOM + "copy").build());

        assertThat(describe("again").presignedUrlConfig()).isEqualTo(PRESIGNED);
        assertThat(describe("again").documentParameters()).isEmpty();
        assertThat(document("again", null)).isEqualTo(document("managed", null));
        assertThat(document("again", true)).as("its only document: the copy").isEqualTo(document("managed", null));
        JsonNode args = json(startNext("t2").jobDocument()).at("/steps/0/action/input/args");
        assertThat(args.get(0).asText()).startsWith(OBJECT + "?X-Amz-Signature=");
        assertThat(args.get(1).asText()).isEqualTo("/fw.bin");
        assertRejectedWithNothingChanged(() -> control().createJob(CreateJobRequest.builder().jobId("j1")
                        .targets(thingArn("t2")).jobTemplateArn(CUSTOM + "copy")
                        .documentParameters(Map.of("filePath", "/x")).build()),
                InvalidRequestException.class, "documentParameters: can be given only with");
    }

    @Test
    void j15_aValueHoldingAnotherParametersPlaceholderReachesTheDeviceAsGiven() {
        create("j1", b -> b.jobTemplateArn(DOWNLOAD_FILE).documentParameters(Map.of(
                "downloadUrl", "https://example.com/${aws:iot:parameter:filePath}", "filePath", "/tmp/f",
                "runAsUser", "${aws:iot:parameter:pathToHandler}", "pathToHandler", "/opt/h")));
        JsonNode action = json(startNext("t1").jobDocument()).at("/steps/0/action");
        assertThat(action.at("/input/args/0").asText()).isEqualTo("https://example.com/${aws:iot:parameter:filePath}");
        assertThat(action.at("/input/args/1").asText()).isEqualTo("/tmp/f");
        assertThat(action.at("/runAsUser").asText()).isEqualTo("${aws:iot:parameter:pathToHandler}");
        assertThat(action.at("/input/path").asText()).isEqualTo("/opt/h");
    }

    @Test
    void j6_j16_anUpdateCannotTakeTheRoleAwayFromADocumentWithPlaceholders() {
        create("j1", b -> b.document(SIGNED_DOC).presignedUrlConfig(PRESIGNED));
        assertThatThrownBy(() -> control().updateJob(dev.iotjobs.api.control.UpdateJobRequest.builder().jobId("j1")
                .presignedUrlConfig(PresignedUrlConfig.builder().expiresInSec(120L).build()).build()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("presignedUrlConfig.roleArn: is required");
        assertThat(describe("j1").presignedUrlConfig()).as("V2: unchanged").isEqualTo(PRESIGNED);
        assertThat(startNext("t1").jobDocument()).contains("X-Amz-Expires=3600");
        assertThat(signed).allMatch(s -> s.contains(ROLE));

        control().updateJob(dev.iotjobs.api.control.UpdateJobRequest.builder().jobId("j1")
                .presignedUrlConfig(PresignedUrlConfig.builder().roleArn(ROLE).expiresInSec(120L).build()).build());
        assertThat(device().describeJobExecution(DescribeJobExecutionRequest.builder().jobId("j1")
                .thingName("t1").build()).execution().jobDocument()).contains("X-Amz-Expires=120");
        control().createJob(CreateJobRequest.builder().jobId("plain").targets(thingArn("t1")).document(DOC).build());
        control().updateJob(dev.iotjobs.api.control.UpdateJobRequest.builder().jobId("plain")
                .presignedUrlConfig(PresignedUrlConfig.builder().expiresInSec(120L).build()).build());
        assertThat(describe("plain").presignedUrlConfig().expiresInSec()).as("no placeholder: any config")
                .isEqualTo(120L);
    }

    @Test
    void j16_aDocumentWithoutPlaceholdersNeverCallsTheSigner() {
        create("j1", b -> b.document(DOC));
        assertThat(startNext("t1").jobDocument()).isEqualTo(DOC);
        assertThat(signed).isEmpty();
        assertThat(URI.create(OBJECT).getHost()).isNotNull();
        assertThat(Duration.ofSeconds(3600)).isEqualTo(dev.iotjobs.core.rules.DocumentPlaceholders.DEFAULT_EXPIRY);
    }
}
