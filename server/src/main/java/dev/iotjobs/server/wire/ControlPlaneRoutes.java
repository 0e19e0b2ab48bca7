package dev.iotjobs.server.wire;

import dev.iotjobs.api.JobsControlPlane;
import dev.iotjobs.api.ThingRegistry;
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
import dev.iotjobs.api.control.DescribeJobExecutionRequest;
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
import dev.iotjobs.api.error.InvalidRequestException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The control plane's routes ({@code iot}: jobs, job templates, job executions, the thing registry,
 * DescribeEndpoint), each
 * request one engine call with its members taken from where the AWS model puts them (path, query, body), each
 * answer the engine's response record in the control plane's JSON. No rules here: the engine validates the members.
 */
final class ControlPlaneRoutes {
    private static final String JOBS_ENDPOINT = "iot:Jobs";

    private final RouteTable table = new RouteTable();

    /**
     * @param jobs the engine's control plane
     * @param things the engine's thing registry
     * @param dataEndpoint the address DescribeEndpoint answers for {@code iot:Jobs}
     */
    ControlPlaneRoutes(JobsControlPlane jobs, ThingRegistry things, Supplier<String> dataEndpoint) {
        // Jobs.
        route("PUT /jobs/{jobId}", call -> jobs.createJob(call.body(CreateJobRequest.class, "jobId").toBuilder()
                .jobId(call.label("jobId")).build()));
        route("GET /jobs/{jobId}", call -> jobs.describeJob(DescribeJobRequest.builder()
                .jobId(call.label("jobId")).beforeSubstitution(call.queryBoolean("beforeSubstitution")).build()));
        route("GET /jobs", call -> jobs.listJobs(ListJobsRequest.builder()
                .status(call.query("status"))
                .targetSelection(call.query("targetSelection"))
                .maxResults(call.queryInteger("maxResults"))
                .nextToken(call.query("nextToken"))
                .thingGroupName(call.query("thingGroupName"))
                .thingGroupId(call.query("thingGroupId"))
                .namespaceId(call.query("namespaceId"))
                .build()));
        route("PATCH /jobs/{jobId}", call -> jobs.updateJob(
                call.body(UpdateJobRequest.class, "jobId", "namespaceId").toBuilder()
                        .jobId(call.label("jobId")).namespaceId(call.query("namespaceId")).build()));
        route("PUT /jobs/{jobId}/cancel", call -> jobs.cancelJob(
                call.body(CancelJobRequest.class, "jobId", "force").toBuilder()
                        .jobId(call.label("jobId")).force(call.queryBoolean("force")).build()));
        route("DELETE /jobs/{jobId}", call -> jobs.deleteJob(DeleteJobRequest.builder()
                .jobId(call.label("jobId"))
                .force(call.queryBoolean("force"))
                .namespaceId(call.query("namespaceId"))
                .build()));
        route("POST /jobs/{jobId}/targets", call -> jobs.associateTargetsWithJob(
                call.body(AssociateTargetsWithJobRequest.class, "jobId", "namespaceId").toBuilder()
                        .jobId(call.label("jobId")).namespaceId(call.query("namespaceId")).build()));
        route("GET /jobs/{jobId}/job-document", call -> jobs.getJobDocument(GetJobDocumentRequest.builder()
                .jobId(call.label("jobId")).beforeSubstitution(call.queryBoolean("beforeSubstitution")).build()));
        // Managed job templates (SPEC J15).
        route("GET /managed-job-templates", call -> jobs.listManagedJobTemplates(
                ListManagedJobTemplatesRequest.builder()
                        .templateName(call.query("templateName"))
                        .maxResults(call.queryInteger("maxResults"))
                        .nextToken(call.query("nextToken"))
                        .build()));
        route("GET /managed-job-templates/{templateName}", call -> jobs.describeManagedJobTemplate(
                DescribeManagedJobTemplateRequest.builder()
                        .templateName(call.label("templateName"))
                        .templateVersion(call.query("templateVersion"))
                        .build()));
        // Custom job templates (SPEC J14).
        route("PUT /job-templates/{jobTemplateId}", call -> jobs.createJobTemplate(
                call.body(CreateJobTemplateRequest.class, "jobTemplateId").toBuilder()
                        .jobTemplateId(call.label("jobTemplateId")).build()));
        route("GET /job-templates/{jobTemplateId}", call -> jobs.describeJobTemplate(
                DescribeJobTemplateRequest.builder().jobTemplateId(call.label("jobTemplateId")).build()));
        route("GET /job-templates", call -> jobs.listJobTemplates(ListJobTemplatesRequest.builder()
                .maxResults(call.queryInteger("maxResults"))
                .nextToken(call.query("nextToken"))
                .build()));
        route("DELETE /job-templates/{jobTemplateId}", call -> jobs.deleteJobTemplate(
                DeleteJobTemplateRequest.builder().jobTemplateId(call.label("jobTemplateId")).build()));
        // Job executions.
        route("GET /things/{thingName}/jobs/{jobId}", call -> jobs.describeJobExecution(
                DescribeJobExecutionRequest.builder()
                        .thingName(call.label("thingName")).jobId(call.label("jobId"))
                        .executionNumber(call.queryLong("executionNumber"))
                        .build()));
        route("GET /jobs/{jobId}/things", call -> jobs.listJobExecutionsForJob(
                ListJobExecutionsForJobRequest.builder()
                        .jobId(call.label("jobId"))
                        .status(call.query("status"))
                        .maxResults(call.queryInteger("maxResults"))
                        .nextToken(call.query("nextToken"))
                        .build()));
        route("GET /things/{thingName}/jobs", call -> jobs.listJobExecutionsForThing(
                ListJobExecutionsForThingRequest.builder()
                        .thingName(call.label("thingName"))
                        .status(call.query("status"))
                        .namespaceId(call.query("namespaceId"))
                        .maxResults(call.queryInteger("maxResults"))
                        .nextToken(call.query("nextToken"))
                        .jobId(call.query("jobId"))
                        .build()));
        route("PUT /things/{thingName}/jobs/{jobId}/cancel", call -> jobs.cancelJobExecution(
                call.body(CancelJobExecutionRequest.class, "thingName", "jobId", "force").toBuilder()
                        .thingName(call.label("thingName")).jobId(call.label("jobId"))
                        .force(call.queryBoolean("force"))
                        .build()));
        route("DELETE /things/{thingName}/jobs/{jobId}/executionNumber/{executionNumber}",
                call -> jobs.deleteJobExecution(DeleteJobExecutionRequest.builder()
                        .thingName(call.label("thingName")).jobId(call.label("jobId"))
                        .executionNumber(call.labelLong("executionNumber"))
                        .force(call.queryBoolean("force"))
                        .namespaceId(call.query("namespaceId"))
                        .build()));
        // The thing registry: the two fixed thing-group routes before the one with a group name.
        route("PUT /thing-groups/addThingToThingGroup", call -> things.addThingToThingGroup(
                call.body(AddThingToThingGroupRequest.class)));
        route("PUT /thing-groups/removeThingFromThingGroup", call -> things.removeThingFromThingGroup(
                call.body(RemoveThingFromThingGroupRequest.class)));
        route("POST /things/{thingName}", call -> things.createThing(
                call.body(CreateThingRequest.class, "thingName").toBuilder()
                        .thingName(call.label("thingName")).build()));
        route("DELETE /things/{thingName}", call -> things.deleteThing(DeleteThingRequest.builder()
                .thingName(call.label("thingName")).expectedVersion(call.queryLong("expectedVersion")).build()));
        route("POST /thing-groups/{thingGroupName}", call -> things.createThingGroup(
                call.body(CreateThingGroupRequest.class, "thingGroupName").toBuilder()
                        .thingGroupName(call.label("thingGroupName")).build()));
        route("DELETE /thing-groups/{thingGroupName}", call -> things.deleteThingGroup(
                DeleteThingGroupRequest.builder()
                        .thingGroupName(call.label("thingGroupName"))
                        .expectedVersion(call.queryLong("expectedVersion"))
                        .build()));
        route("GET /thing-groups/{thingGroupName}/things", call -> things.listThingsInThingGroup(
                ListThingsInThingGroupRequest.builder()
                        .thingGroupName(call.label("thingGroupName"))
                        .recursive(call.queryBoolean("recursive"))
                        .nextToken(call.query("nextToken"))
                        .maxResults(call.queryInteger("maxResults"))
                        .build()));
        // Registry reads (SPEC G6).
        route("GET /things/{thingName}", call -> things.describeThing(DescribeThingRequest.builder()
                .thingName(call.label("thingName")).build()));
        route("GET /things", call -> things.listThings(ListThingsRequest.builder()
                .nextToken(call.query("nextToken"))
                .maxResults(call.queryInteger("maxResults"))
                .attributeName(call.query("attributeName"))
                .attributeValue(call.query("attributeValue"))
                .thingTypeName(call.query("thingTypeName"))
                .usePrefixAttributeValue(call.queryBoolean("usePrefixAttributeValue"))
                .build()));
        route("GET /thing-groups/{thingGroupName}", call -> things.describeThingGroup(
                DescribeThingGroupRequest.builder().thingGroupName(call.label("thingGroupName")).build()));
        route("GET /thing-groups", call -> things.listThingGroups(ListThingGroupsRequest.builder()
                .nextToken(call.query("nextToken"))
                .maxResults(call.queryInteger("maxResults"))
                .parentGroup(call.query("parentGroup"))
                .namePrefixFilter(call.query("namePrefixFilter"))
                .recursive(call.queryBoolean("recursive"))
                .build()));
        route("GET /endpoint", call -> describeEndpoint(call.query("endpointType"), dataEndpoint));
    }

    /** @return the control plane's routes */
    RouteTable table() {
        return table;
    }

    /**
     * DescribeEndpoint: this server is the {@code iot:Jobs} endpoint; the MQTT ones ({@code iot:Data},
     * {@code iot:Data-ATS}, AWS's default when no type is given) and the credential provider it does not serve.
     */
    private static DescribeEndpointResponse describeEndpoint(String endpointType, Supplier<String> dataEndpoint) {
        if (!JOBS_ENDPOINT.equals(endpointType)) {
            throw new InvalidRequestException("endpointType: this server serves only " + JOBS_ENDPOINT + ", got "
                    + (endpointType == null ? "none (AWS's default, iot:Data)" : "\"" + endpointType + "\""));
        }
        return new DescribeEndpointResponse(dataEndpoint.get());
    }

    private void route(String template, Function<WireCall, Object> operation) {
        table.add(template, call -> answer(operation.apply(call)));
    }

    /** The response record in the control plane's JSON; an operation without output answers no body. */
    private static Answer answer(Object response) {
        return response.getClass().getRecordComponents().length == 0
                ? Answer.empty()
                : Answer.of(ControlPlaneJson.write(response));
    }

    /** DescribeEndpoint's answer (the engine has no such operation: the server knows its own address). */
    record DescribeEndpointResponse(String endpointAddress) {
    }
}
