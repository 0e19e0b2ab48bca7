package dev.iotjobs.server.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iotjobs.api.control.CreateJobRequest;
import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.api.control.ListJobTemplatesRequest;
import dev.iotjobs.api.control.ListJobsRequest;
import dev.iotjobs.api.data.StartNextPendingJobExecutionRequest;
import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.core.MutableClock;
import dev.iotjobs.store.memory.InMemoryJobRepository;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The control plane on the wire (SPEC W1-W3): its shapes, its empty answers, and every malformed request a 400
 * naming what is wrong that changes nothing.
 */
class ControlPlaneWireTest {
    private static final String CONTROL_SCOPE =
            "AWS4-HMAC-SHA256 Credential=AKID/20261201/us-east-1/iot/aws4_request, SignedHeaders=host, Signature=00";
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00.789Z");
    private static final String T1 = "arn:aws:iot:us-east-1:123456789012:thing/t:1";

    private JobsEngine engine;
    private JobsWire wire;

    @BeforeEach
    void fleet() {
        engine = JobsEngine.builder().repository(new InMemoryJobRepository()).clock(new MutableClock(NOW)).build();
        wire = new JobsWire(engine, () -> "127.0.0.1:8081");
        engine.things().createThing(CreateThingRequest.builder().thingName("t:1").build());
    }

    @Test
    void w1_w3_theControlPlanesShapes() throws Exception {
        WireResponse created = call("PUT", "/jobs/j1", null, "{\"targets\":[\"" + T1 + "\"],\"document\":\"{}\","
                + "\"tags\":[{\"Key\":\"team\",\"Value\":\"ops\"}],\"unknownMember\":1}");
        assertThat(created.status()).isEqualTo(200);
        assertThat(json(created).get("jobArn").asText()).isEqualTo("arn:aws:iot:us-east-1:123456789012:job/j1");
        engine.dataPlane().startNextPendingJobExecution(StartNextPendingJobExecutionRequest.builder()
                .thingName("t:1").statusDetails(Map.of("step", "one")).build());

        JsonNode job = json(call("GET", "/jobs/j1", null, "")).get("job");
        assertThat(job.get("createdAt").isFloatingPointNumber()).isTrue();
        assertThat(job.get("createdAt").decimalValue()).isEqualByComparingTo("1796119200.789");
        assertThat(job.get("jobProcessDetails").get("numberOfInProgressThings").intValue()).isEqualTo(1);
        assertThat(job.has("completedAt")).isFalse();

        JsonNode execution = json(call("GET", "/things/t%3A1/jobs/j1", null, "")).get("execution");
        assertThat(execution.get("statusDetails").get("detailsMap").get("step").asText()).isEqualTo("one");
        assertThat(execution.get("thingArn").asText()).isEqualTo(T1);
        assertThat(execution.has("jobDocument")).isFalse();
        assertThat(execution.has("thingName")).isFalse();
        assertThat(execution.get("startedAt").decimalValue()).isEqualByComparingTo("1796119200.789");

        JsonNode summary = json(call("GET", "/jobs/j1/things", null, "")).get("executionSummaries").get(0);
        assertThat(summary.get("thingArn").asText()).isEqualTo(T1);
        assertThat(summary.get("jobExecutionSummary").get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(summary.get("jobExecutionSummary").has("jobId")).isFalse();
        assertThat(summary.get("jobExecutionSummary").has("versionNumber")).isFalse();
    }

    @Test
    void j15_managedTemplatesOnTheWire() throws Exception {
        JsonNode list = json(call("GET", "/managed-job-templates", "templateName=AWS-Download-File", ""));
        assertThat(list.get("managedJobTemplates").get(0).get("templateArn").asText())
                .isEqualTo("arn:aws:iot:us-east-1::jobtemplate/AWS-Download-File:1.0");
        assertThat(list.has("nextToken")).isFalse();
        JsonNode reboot = json(call("GET", "/managed-job-templates/AWS-Reboot", "templateVersion=1.0", ""));
        assertThat(reboot.get("templateName").asText()).isEqualTo("AWS-Reboot");
        assertThat(reboot.get("environments").get(0).asText()).isEqualTo("LINUX");
        assertThat(reboot.get("documentParameters").get(0).get("key").asText()).isEqualTo("runAsUser");
        assertThat(reboot.get("documentParameters").get(0).get("optional").booleanValue()).isTrue();
        assertThat(call("GET", "/managed-job-templates/AWS-Reboot", "templateVersion=2.0", "").status())
                .isEqualTo(404);
        assertThat(call("PUT", "/jobs/j1", null, "{\"targets\":[\"" + T1 + "\"],\"jobTemplateArn\":"
                + "\"arn:aws:iot:us-east-1::jobtemplate/AWS-Reboot:1.0\",\"documentParameters\":"
                + "{\"runAsUser\":\"root\"}}").status()).isEqualTo(200);
        assertThat(json(call("GET", "/jobs/j1/job-document", "beforeSubstitution=true", "")).get("document").asText())
                .contains("${aws:iot:parameter:runAsUser}");
        assertThat(json(call("GET", "/jobs/j1/job-document", null, "")).get("document").asText())
                .contains("\"runAsUser\":\"root\"");
        assertThat(json(call("GET", "/jobs/j1", "beforeSubstitution=true", "")).get("job")
                .get("documentParameters").get("runAsUser").asText()).isEqualTo("root");
    }

    @Test
    void g6_w1_w3_registryReadsShapes() throws Exception {
        engine.things().createThingGroup(dev.iotjobs.api.control.CreateThingGroupRequest.builder()
                .thingGroupName("fleet").build());
        engine.things().createThingGroup(dev.iotjobs.api.control.CreateThingGroupRequest.builder()
                .thingGroupName("lab").parentGroupName("fleet").build());
        JsonNode thing = json(call("GET", "/things/t%3A1", null, ""));
        assertThat(thing.get("thingName").asText()).isEqualTo("t:1");
        assertThat(thing.get("defaultClientId").asText()).isEqualTo("t:1");
        assertThat(thing.get("version").asLong()).isEqualTo(1L);
        assertThat(thing.has("thingTypeName")).isFalse();
        JsonNode lab = json(call("GET", "/thing-groups/lab", null, ""));
        JsonNode metadata = lab.get("thingGroupMetadata");
        assertThat(metadata.get("creationDate").decimalValue()).isEqualByComparingTo("1796119200.789");
        assertThat(metadata.get("parentGroupName").asText()).isEqualTo("fleet");
        assertThat(metadata.get("rootToParentThingGroups").get(0).get("groupName").asText()).isEqualTo("fleet");
        assertThat(lab.has("status")).isFalse();
        assertThat(lab.has("indexName")).isFalse();
        JsonNode groups = json(call("GET", "/thing-groups", "parentGroup=fleet&recursive=false", ""));
        assertThat(groups.get("thingGroups").get(0).get("groupArn").asText())
                .isEqualTo("arn:aws:iot:us-east-1:123456789012:thinggroup/lab");
        assertThat(groups.has("nextToken")).isFalse();
        JsonNode things = json(call("GET", "/things", "maxResults=1", ""));
        assertThat(things.get("things").get(0).get("thingArn").asText()).isEqualTo(T1);
        assertThat(call("GET", "/things/ghost", null, "").status()).isEqualTo(404);
        assertThat(call("GET", "/thing-groups", "parentGroup=ghost", "").status()).isEqualTo(404);
    }

    @Test
    void w1_operationsWithoutOutputAnswerAnEmpty200() {
        call("PUT", "/jobs/j1", null, "{\"targets\":[\"" + T1 + "\"],\"document\":\"{}\"}");
        for (WireResponse empty : List.of(call("PATCH", "/jobs/j1", null, "{\"description\":\"new\"}"),
                call("PUT", "/things/t%3A1/jobs/j1/cancel", null, "{}"),
                call("DELETE", "/jobs/j1", "force=true", ""))) {
            assertThat(empty.status()).isEqualTo(200);
            assertThat(empty.body()).isEmpty();
            assertThat(empty.headers()).containsKey("x-amzn-RequestId");
        }
    }

    @Test
    void w1_membersGoWhereTheModelPutsThem() throws Exception {
        call("PUT", "/jobs/j1", null, "{\"targets\":[\"" + T1 + "\"],\"document\":\"{}\"}");
        engine.dataPlane().startNextPendingJobExecution(StartNextPendingJobExecutionRequest.builder()
                .thingName("t:1").build());
        // force is a query member of CancelJob: in the body it is not the request's, so the IN_PROGRESS execution
        // goes on (J7); jobId in the body does not replace the path's.
        assertThat(call("PUT", "/jobs/j1/cancel", null, "{\"force\":true,\"jobId\":\"other\"}").status())
                .isEqualTo(200);
        JsonNode job = json(call("GET", "/jobs/j1", null, "")).get("job");
        assertThat(job.get("status").asText()).isEqualTo("CANCELED");
        assertThat(job.get("forceCanceled").booleanValue()).isFalse();
        assertThat(job.get("jobProcessDetails").get("numberOfInProgressThings").intValue()).isEqualTo(1);
        call("PUT", "/jobs/j1/cancel", "force=true", "{\"force\":\"not a boolean, and not the request's\"}");
        assertThat(json(call("GET", "/jobs/j1", null, "")).get("job").get("forceCanceled").booleanValue()).isTrue();
    }

    @ParameterizedTest(name = "{0} {1}?{2} {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "PUT   | /jobs/j2 |                 | {\"targets\":[\"x\"],                                  | body: is not valid JSON",
        "PUT   | /jobs/j2 |                 | {\"targets\":\"" + T1 + "\",\"document\":\"{}\"}        | targets: must be a JSON array",
        "PUT   | /jobs/j2 |                 | {\"targets\":[null],\"document\":\"{}\"}                | targets[0]: must not",
        "PUT   | /jobs/j2 |                 | {\"targets\":[\"" + T1 + "\"],\"document\":{}}          | document: must be a string",
        "PUT   | /jobs/j2 |                 | {\"targets\":[\"" + T1 + "\"],\"document\":\"{}\",\"timeoutConfig\":{\"inProgressTimeoutInMinutes\":\"5\"}} | timeoutConfig.inProgressTimeoutInMinutes: must be a whole number",
        "PUT   | /jobs/j2 |                 | {\"targets\":[\"" + T1 + "\"],\"document\":\"{}\",\"jobExecutionsRolloutConfig\":{\"maximumPerMinute\":10000000000}} | jobExecutionsRolloutConfig.maximumPerMinute: must be a whole number from -2147483648 to 2147483647",
        "PUT   | /jobs/j2 |                 | {\"targets\":[\"" + T1 + "\"],\"document\":\"{}\",\"targetSelection\":\"SOMETIMES\"} | targetSelection: must be one of CONTINUOUS, SNAPSHOT",
        "PUT   | /jobs/j2 |                 | {\"targets\":[\"" + T1 + "\"],\"document\":\"{}\",\"abortConfig\":{\"criteriaList\":[{\"thresholdPercentage\":true}]}} | abortConfig.criteriaList[0].thresholdPercentage: must be a number",
        "PUT   | /jobs/j2 |                 | {\"targets\":[\"" + T1 + "\"],\"document\":\"{}\",\"document\":\"{}\"} | given twice",
        "PUT   | /jobs/j2 |                 | [1]                                                    | body: must be a JSON object",
        "GET   | /jobs    | maxResults=1e3  |                                                        | maxResults: must be a whole number",
        "GET   | /jobs    | maxResults=99999999999 |                                                 | maxResults: must be a whole number from -2147483648 to 2147483647",
        "GET   | /jobs    | status=DONE     |                                                        | status: must be one of",
        "GET   | /jobs    | status=COMPLETED&status=CANCELED |                                       | status: given more than once",
        "GET   | /jobs    | maxResults=0    |                                                        | maxResults",
        "DELETE| /jobs/j2 | force=yes       |                                                        | force: must be true or false",
        "GET   | /jobs/a%2     |            |                                                        | path: malformed percent-encoding",
        "DELETE| /things/t%3A1/jobs/j2/executionNumber/one |  |                                     | executionNumber: must be a whole number",
        "GET   | /jobs/j2 | beforeSubstitution=yes |                                                 | beforeSubstitution: must be true or false",
        "GET   | /jobs/j2/job-document | beforeSubstitution=1 |                                      | beforeSubstitution: must be true or false",
        "GET   | /managed-job-templates | maxResults=0 |                                            | maxResults",
        "GET   | /managed-job-templates | templateName=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | | templateName: must be at most 64 characters",
        "GET   | /managed-job-templates | nextToken=bm9wZQ |                                        | nextToken: is not a token",
        "GET   | /managed-job-templates/AWS-Reboot | templateVersion=v1 |                           | templateVersion: must match ^[1-9]+.[0-9]+",
        "PUT   | /jobs/j2 |                 | {\"targets\":[\"" + T1 + "\"],\"jobTemplateArn\":\"arn:aws:iot:us-east-1::jobtemplate/AWS-Reboot:1.0\",\"documentParameters\":{\"k\":5}} | documentParameters.k: must be a string",
        "PUT   | /jobs/j2 |                 | {\"targets\":[\"" + T1 + "\"],\"jobTemplateArn\":\"arn:aws:iot:us-east-1::jobtemplate/AWS-Reboot:1.0\",\"documentParameters\":{\"k\":\"v\"}} | is not a parameter of managed template AWS-Reboot:1.0",
        "PUT   | /jobs/j2 |                 | {\"targets\":[\"" + T1 + "\"],\"document\":\"{}\",\"documentParameters\":{\"k\":\"v\"}} | documentParameters: can be given only",
        "GET   | /things  | maxResults=251  |                                                        | maxResults",
        "GET   | /things  | usePrefixAttributeValue=maybe |                                          | usePrefixAttributeValue: must be true or false",
        "GET   | /things  | attributeName=a%20b&attributeValue=x |                                   | attributeName: must match",
        "GET   | /things  | attributeName=fw |                                                       | attributeValue: is required with attributeName",
        "GET   | /things  | attributeName=fw&attributeValue=1&thingTypeName=bulb |                   | thingTypeName: cannot be combined",
        "GET   | /things  | nextToken=bm90LWEtdG9rZW4 |                                              | nextToken: is not a token this listing issued",
        "GET   | /things/t%201 |            |                                                        | thingName: must match",
        "GET   | /thing-groups | recursive=1 |                                                       | recursive: must be true or false",
        "GET   | /thing-groups | namePrefixFilter=a%2Fb |                                            | namePrefixFilter: must match",
        "GET   | /thing-groups | parentGroup= |                                                      | parentGroup",
        "GET   | /thing-groups/g%201 |      |                                                        | thingGroupName: must match",
    })
    void w2_aMalformedRequestIs400NamingWhatIsWrongAndChangesNothing(String method, String path, String query,
                                                                   String body, String problem) {
        WireResponse refused = call(method.trim(), path.trim(), query == null ? null : query.trim(),
                body == null ? "" : body.trim());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.headers()).containsEntry("x-amzn-ErrorType", "InvalidRequestException")
                .containsKey("x-amzn-RequestId");
        assertThat(refused.bodyText()).contains(problem.trim()).doesNotContain("Exception:", "at dev.");
        assertThat(engine.controlPlane().listJobs(ListJobsRequest.builder().build()).jobs()).isEmpty();
    }

    @Test
    void j14_w1_w3_theJobTemplateShapes() throws Exception {
        WireResponse created = call("PUT", "/job-templates/fw", null, "{\"description\":\"fw\",\"document\":\"{}\","
                + "\"jobTemplateId\":\"not-the-paths\",\"tags\":[{\"Key\":\"team\",\"Value\":\"ops\"}],"
                + "\"timeoutConfig\":{\"inProgressTimeoutInMinutes\":5}}");
        assertThat(created.status()).isEqualTo(200);
        assertThat(json(created).get("jobTemplateArn").asText())
                .isEqualTo("arn:aws:iot:us-east-1:123456789012:jobtemplate/fw");
        assertThat(json(created).get("jobTemplateId").asText()).isEqualTo("fw");

        JsonNode template = json(call("GET", "/job-templates/fw", null, ""));
        assertThat(template.get("createdAt").decimalValue()).isEqualByComparingTo("1796119200.789");
        assertThat(template.get("document").asText()).isEqualTo("{}");
        assertThat(template.get("timeoutConfig").get("inProgressTimeoutInMinutes").intValue()).isEqualTo(5);
        assertThat(template.has("documentSource")).isFalse();
        assertThat(template.has("tags")).as("DescribeJobTemplate has no tags member").isFalse();

        JsonNode listed = json(call("GET", "/job-templates", "maxResults=1", ""));
        assertThat(listed.get("jobTemplates").get(0).get("jobTemplateId").asText()).isEqualTo("fw");
        assertThat(listed.get("jobTemplates").get(0).get("createdAt").decimalValue())
                .isEqualByComparingTo("1796119200.789");
        assertThat(listed.has("nextToken")).isFalse();

        WireResponse conflict = call("PUT", "/job-templates/fw", null, "{\"description\":\"fw\",\"document\":\"{}\"}");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.headers()).containsEntry("x-amzn-ErrorType", "ConflictException");
        assertThat(json(conflict).get("resourceId").asText()).isEqualTo("fw");

        WireResponse deleted = call("DELETE", "/job-templates/fw", null, "");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEmpty();
        WireResponse gone = call("GET", "/job-templates/fw", null, "");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.headers()).containsEntry("x-amzn-ErrorType", "ResourceNotFoundException");
    }

    @ParameterizedTest(name = "{0} {1}?{2} {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "PUT   | /job-templates/t2 |          | {\"description\":\"d\"                                   | body: is not valid JSON",
        "PUT   | /job-templates/t2 |          | {\"description\":\"d\",\"document\":{}}                 | document: must be a string",
        "PUT   | /job-templates/t2 |          | {\"description\":1,\"document\":\"{}\"}                  | description: must be a string",
        "PUT   | /job-templates/t2 |          | {\"document\":\"{}\"}                                    | description: is required",
        "PUT   | /job-templates/t2 |          | {\"description\":\"d\"}                                  | document: exactly one of document, documentSource or jobArn",
        "PUT   | /job-templates/t2 |          | {\"description\":\"d\",\"jobArn\":\"arn:aws:iot:eu-west-1:123456789012:job/j1\"} | jobArn: must be an ARN in region us-east-1",
        "PUT   | /job-templates/t2 |          | {\"description\":\"d\",\"document\":\"{}\",\"tags\":{}}  | tags: must be a JSON array",
        "PUT   | /job-templates/t2 |          | {\"description\":\"d\",\"document\":\"{}\",\"timeoutConfig\":{\"inProgressTimeoutInMinutes\":0}} | timeoutConfig.inProgressTimeoutInMinutes",
        "PUT   | /job-templates/a%20b |       | {\"description\":\"d\",\"document\":\"{}\"}            | jobTemplateId: must match",
        "GET   | /job-templates/a%20b |       |                                                     | jobTemplateId: must match",
        "DELETE| /job-templates/a%20b |       |                                                     | jobTemplateId: must match",
        "GET   | /job-templates    | maxResults=0 |                                                 | maxResults",
        "GET   | /job-templates    | maxResults=ten |                                               | maxResults: must be a whole number",
        "GET   | /job-templates    | nextToken=garbage |                                            | nextToken: is not a token this listing issued",
        "PUT   | /jobs/j2          |          | {\"targets\":[\"" + T1 + "\"],\"document\":\"{}\",\"jobTemplateArn\":\"arn:aws:iot:us-east-1:123456789012:jobtemplate/t\"} | document: must not be given with jobTemplateArn",
        "PUT   | /jobs/j2          |          | {\"targets\":[\"" + T1 + "\"],\"jobTemplateArn\":\"template\"} | jobTemplateArn: must match",
    })
    void j14_w2_aMalformedTemplateRequestIs400NamingWhatIsWrongAndChangesNothing(String method, String path,
                                                                                String query, String body,
                                                                                String problem) {
        WireResponse refused = call(method.trim(), path.trim(), query == null ? null : query.trim(),
                body == null ? "" : body.trim());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.headers()).containsEntry("x-amzn-ErrorType", "InvalidRequestException")
                .containsKey("x-amzn-RequestId");
        assertThat(refused.bodyText()).contains(problem.trim()).doesNotContain("Exception:", "at dev.");
        assertThat(engine.controlPlane().listJobTemplates(ListJobTemplatesRequest.builder().build()).jobTemplates())
                .isEmpty();
        assertThat(engine.controlPlane().listJobs(ListJobsRequest.builder().build()).jobs()).isEmpty();
    }

    @Test
    void w1_aPlusInTheQueryIsAPlusAsSigV4ReadsIt() {
        assertThat(call("GET", "/jobs", "nextToken=a+b", "").bodyText()).contains("nextToken")
                .doesNotContain("a b");
        assertThat(call("GET", "/jobs", "nextToken=a%20b", "").bodyText()).contains("a b");
    }

    @Test
    void w2_aBodyThatIsNotUtf8Is400() {
        WireResponse refused = wire.handle(new WireRequest("POST", "/things/t2", null,
                Map.of("Authorization", List.of(CONTROL_SCOPE)), new byte[] {'{', '"', (byte) 0xC3, '"', '}'}),
                Plane.CONTROL);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.bodyText()).contains("body: is not valid UTF-8");
    }

    @Test
    void w2_anUnknownRouteOrMethodIs404NamingItAndTheOtherPlaneWhenItHasOne() {
        WireResponse unknown = call("GET", "/nothing-here", null, "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.headers()).containsEntry("x-amzn-ErrorType", "UnknownOperationException");
        assertThat(unknown.bodyText()).contains("no iot operation is GET /nothing-here");
        WireResponse wrongMethod = call("POST", "/jobs/j1", null, "{}");
        assertThat(wrongMethod.bodyText()).contains("no iot operation is POST /jobs/j1");

        WireResponse devicesRoute = call("PUT", "/things/t1/jobs/$next", null, "{}");
        assertThat(devicesRoute.status()).isEqualTo(404);
        assertThat(devicesRoute.bodyText()).contains("iot-jobs-data has one");
    }

    private WireResponse call(String method, String path, String query, String body) {
        WireRequest request = new WireRequest(method, path, query, Map.of("Authorization", List.of(CONTROL_SCOPE)),
                body.getBytes(StandardCharsets.UTF_8));
        return wire.handle(request, Plane.of(request));
    }

    private static JsonNode json(WireResponse response) throws Exception {
        return WireJson.MAPPER.readTree(response.body());
    }
}
