package dev.iotjobs.core.rules;

import dev.iotjobs.api.control.CreateThingGroupRequest;
import dev.iotjobs.api.control.CreateThingGroupResponse;
import dev.iotjobs.api.control.CreateThingRequest;
import dev.iotjobs.api.control.CreateThingResponse;
import dev.iotjobs.api.control.DeleteThingGroupResponse;
import dev.iotjobs.api.control.DeleteThingResponse;
import dev.iotjobs.api.error.InvalidRequestException;
import dev.iotjobs.api.error.JobsException;
import dev.iotjobs.api.error.ResourceAlreadyExistsException;
import dev.iotjobs.api.error.ResourceNotFoundException;
import dev.iotjobs.api.error.VersionConflictException;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.spi.Changeset;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.ThingGroupRecord;
import dev.iotjobs.spi.ThingRecord;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The pure rules of the thing registry (SPEC G1, G4). */
public final class RegistryRules {
    private RegistryRules() {
    }

    /**
     * @param request the validated request
     * @param existing the thing already stored under that name, or null
     * @param thingId the new thing's id
     * @param scope the engine's region and account
     * @return the decision, or the error
     */
    public static Either<JobsException, Decision<CreateThingResponse>> createThing(
            CreateThingRequest request, ThingRecord existing, String thingId, Scope scope) {
        String arn = scope.thingArn(request.thingName());
        if (existing != null) {
            return Either.left(new ResourceAlreadyExistsException("thingName: thing " + request.thingName()
                    + " already exists", existing.thingId(), arn));
        }
        Map<String, String> attributes = request.attributePayload() == null
                ? Map.of() : request.attributePayload().attributes();
        ThingRecord thing = new ThingRecord(request.thingName(), arn, thingId, request.thingTypeName(),
                attributes, 1);
        return Either.right(new Decision<>(Changeset.builder().insertThing(thing).build(),
                new CreateThingResponse(thing.thingName(), arn, thingId)));
    }

    /**
     * DeleteThing: the thing's pending executions turn REMOVED (SPEC G4), its memberships go.
     *
     * @param thing the thing
     * @param expectedVersion the version the caller expects, or null
     * @param pending the thing's pending executions
     * @param jobs the jobs of those executions, by id
     * @param now the present
     * @return the decision, or the error
     */
    public static Either<JobsException, Decision<DeleteThingResponse>> deleteThing(
            ThingRecord thing, Long expectedVersion, List<ExecutionRecord> pending, Map<String, JobRecord> jobs,
            Instant now) {
        if (expectedVersion != null && expectedVersion != thing.version()) {
            return Either.left(new VersionConflictException("expectedVersion: " + expectedVersion
                    + " does not match the version " + thing.version() + " of thing " + thing.thingName()));
        }
        Changeset.Builder changes = Changeset.builder().deleteThing(thing.thingName(), thing.version());
        removed(changes, pending, jobs, now);
        return Either.right(new Decision<>(changes.build(), DeleteThingResponse.builder().build()));
    }

    /**
     * SPEC G4, C4: a batch of a deleted thing's pending executions turned REMOVED ahead of its deletion.
     *
     * @param pending some of the thing's pending executions, as read
     * @param jobs their jobs by id
     * @param now the present
     * @return the changes
     */
    public static Changeset removed(List<ExecutionRecord> pending, Map<String, JobRecord> jobs, Instant now) {
        Changeset.Builder changes = Changeset.builder();
        removed(changes, pending, jobs, now);
        return changes.build();
    }

    private static void removed(Changeset.Builder changes, List<ExecutionRecord> pending,
                                Map<String, JobRecord> jobs, Instant now) {
        for (ExecutionRecord execution : pending) {
            ExecutionChanges.updated(changes, jobs.get(execution.jobId()), execution, ExecutionRules.ended(
                    execution, JobExecutionStatus.REMOVED, execution.forceCanceled(), execution.statusDetails(),
                    now));
        }
    }

    /**
     * @param request the validated request
     * @param existing the group already stored under that name, or null
     * @param parent the parent group, or null when none was asked for or it does not exist
     * @param thingGroupId the new group's id
     * @param scope the engine's region and account
     * @param now the present
     * @return the decision, or the error
     */
    public static Either<JobsException, Decision<CreateThingGroupResponse>> createThingGroup(
            CreateThingGroupRequest request, ThingGroupRecord existing, ThingGroupRecord parent,
            String thingGroupId, Scope scope, Instant now) {
        String arn = scope.thingGroupArn(request.thingGroupName());
        if (existing != null) {
            return Either.left(new ResourceAlreadyExistsException("thingGroupName: thing group "
                    + request.thingGroupName() + " already exists", existing.thingGroupId(), arn));
        }
        if (request.parentGroupName() != null && parent == null) {
            return Either.left(new ResourceNotFoundException("parentGroupName: thing group "
                    + request.parentGroupName() + " does not exist"));
        }
        var properties = request.thingGroupProperties();
        ThingGroupRecord group = new ThingGroupRecord(request.thingGroupName(), arn, thingGroupId,
                request.parentGroupName(), properties == null ? null : properties.thingGroupDescription(),
                properties == null || properties.attributePayload() == null
                        ? Map.of() : properties.attributePayload().attributes(),
                1, now);
        return Either.right(new Decision<>(Changeset.builder().insertGroup(group).build(),
                new CreateThingGroupResponse(group.thingGroupName(), arn, thingGroupId)));
    }

    /**
     * @param group the group
     * @param expectedVersion the version the caller expects, or null
     * @param children the group's direct child groups
     * @return the decision, or the error
     */
    public static Either<JobsException, Decision<DeleteThingGroupResponse>> deleteThingGroup(
            ThingGroupRecord group, Long expectedVersion, List<String> children) {
        if (expectedVersion != null && expectedVersion != group.version()) {
            return Either.left(new VersionConflictException("expectedVersion: " + expectedVersion
                    + " does not match the version " + group.version() + " of thing group "
                    + group.thingGroupName()));
        }
        if (!children.isEmpty()) {
            return Either.left(new InvalidRequestException("thingGroupName: thing group " + group.thingGroupName()
                    + " has child groups " + children + "; delete them first"));
        }
        return Either.right(new Decision<>(
                Changeset.builder().deleteGroup(group.thingGroupName(), group.version()).build(),
                DeleteThingGroupResponse.builder().build()));
    }
}
