package dev.iotjobs.core;

import static dev.iotjobs.core.EngineContext.valid;

import dev.iotjobs.api.ThingRegistry;
import dev.iotjobs.api.control.*;
import dev.iotjobs.api.error.ResourceNotFoundException;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.core.rules.Decision;
import dev.iotjobs.core.rules.PageTokens;
import dev.iotjobs.core.rules.RegistryRules;
import dev.iotjobs.core.rules.RequestValidation;
import dev.iotjobs.spi.Changeset;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.Page;
import dev.iotjobs.spi.StaleStateException;
import dev.iotjobs.spi.ThingExecutionsKey;
import dev.iotjobs.spi.ThingGroupRecord;
import dev.iotjobs.spi.ThingRecord;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The thing registry: things, nested thing groups and membership, which continuous jobs follow (SPEC G1-G4). */
final class ThingRegistryService implements ThingRegistry {
    private final EngineContext ctx;
    private final TargetExpander targets;

    private final Memberships memberships;

    ThingRegistryService(EngineContext ctx, TargetExpander targets) {
        this.ctx = ctx;
        this.targets = targets;
        this.memberships = new Memberships(ctx);
    }

    @Override
    public CreateThingResponse createThing(CreateThingRequest request) {
        valid(RequestValidation.validate(request, ctx.limits()));
        String thingId = UUID.randomUUID().toString();
        return ctx.commits().run(() -> RegistryRules.createThing(request,
                ctx.repository().findThing(request.thingName()).orElse(null), thingId, ctx.scope()));
    }

    @Override
    public DeleteThingResponse deleteThing(DeleteThingRequest request) {
        valid(RequestValidation.validate(request, ctx.limits()));
        return ctx.commits().run(() -> {
            ThingRecord thing = ctx.thing(request.thingName());
            List<ExecutionRecord> pending = new ArrayList<>();
            pending.addAll(executionsOfThing(thing.thingName(), JobExecutionStatus.IN_PROGRESS));
            pending.addAll(executionsOfThing(thing.thingName(), JobExecutionStatus.QUEUED));
            Map<String, JobRecord> jobs = new HashMap<>();
            for (ExecutionRecord execution : pending) {
                if (!jobs.containsKey(execution.jobId())) {
                    jobs.put(execution.jobId(), ctx.repository().findJob(execution.jobId()).orElseThrow(
                            () -> new StaleStateException("job " + execution.jobId() + " is gone")));
                }
            }
            return RegistryRules.deleteThing(thing, request.expectedVersion(), pending, jobs, ctx.now());
        });
    }

    private List<ExecutionRecord> executionsOfThing(String thingName, JobExecutionStatus status) {
        return AllPages.of((ThingExecutionsKey after, int limit) ->
                        ctx.repository().listExecutionsForThing(thingName, status, null, after, limit),
                e -> new ThingExecutionsKey(e.queuedAt(), e.jobId(), e.executionNumber()));
    }

    @Override
    public CreateThingGroupResponse createThingGroup(CreateThingGroupRequest request) {
        valid(RequestValidation.validate(request, ctx.limits()));
        String groupId = UUID.randomUUID().toString();
        return ctx.commits().run(() -> {
            // SPEC G2: a continuous job expanding the parent meanwhile must see the new child, or retry.
            String parent = request.parentGroupName();
            long parentRevision = parent == null ? 0
                    : ctx.repository().groupMembershipRevisions(List.of(parent)).get(parent);
            return RegistryRules.createThingGroup(request,
                    ctx.repository().findThingGroup(request.thingGroupName()).orElse(null),
                    parent == null ? null : ctx.repository().findThingGroup(parent).orElse(null),
                    groupId, ctx.scope(), ctx.now())
                    .map(decision -> parent == null ? decision : new Decision<>(
                            memberships.underParent(decision.changes(), parent, parentRevision),
                            decision.response()));
        });
    }

    @Override
    public DeleteThingGroupResponse deleteThingGroup(DeleteThingGroupRequest request) {
        valid(RequestValidation.validate(request, ctx.limits()));
        return ctx.commits().run(() -> {
            ThingGroupRecord group = group(request.thingGroupName());
            return RegistryRules.deleteThingGroup(group, request.expectedVersion(),
                    ctx.repository().childGroups(group.thingGroupName()));
        });
    }

    @Override
    public AddThingToThingGroupResponse addThingToThingGroup(AddThingToThingGroupRequest request) {
        valid(RequestValidation.validate(request, ctx.limits(), ctx.scope()));
        String groupName = nameOf(request.thingGroupName(), request.thingGroupArn());
        String thingName = nameOf(request.thingName(), request.thingArn());
        AddThingToThingGroupResponse response = AddThingToThingGroupResponse.builder().build();
        return ctx.commits().run(() -> memberships.join(groupName, thingName, response));
    }

    @Override
    public RemoveThingFromThingGroupResponse removeThingFromThingGroup(RemoveThingFromThingGroupRequest request) {
        valid(RequestValidation.validate(request, ctx.limits(), ctx.scope()));
        String groupName = nameOf(request.thingGroupName(), request.thingGroupArn());
        String thingName = nameOf(request.thingName(), request.thingArn());
        RemoveThingFromThingGroupResponse response = RemoveThingFromThingGroupResponse.builder().build();
        return ctx.commits().run(() -> memberships.leave(groupName, thingName, response));
    }

    @Override
    public ListThingsInThingGroupResponse listThingsInThingGroup(ListThingsInThingGroupRequest request) {
        valid(RequestValidation.validate(request, ctx.limits()));
        String after = PageTokens.thingsAfter(request.nextToken());
        group(request.thingGroupName());
        Set<String> groups = Boolean.TRUE.equals(request.recursive())
                ? targets.withDescendants(List.of(request.thingGroupName())) : Set.of(request.thingGroupName());
        Page<String> page = ctx.repository().thingsInGroups(groups, after, ctx.pageSize(request.maxResults()));
        String next = page.hasMore() && !page.items().isEmpty()
                ? PageTokens.things(page.items().get(page.items().size() - 1)) : null;
        return new ListThingsInThingGroupResponse(page.items(), next);
    }

    private ThingGroupRecord group(String groupName) {
        return ctx.repository().findThingGroup(groupName).orElseThrow(
                () -> new ResourceNotFoundException("thingGroupName: thing group " + groupName + " does not exist"));
    }

    /** A thing or group named by name or by ARN (validation made sure one is there and well-formed). */
    private String nameOf(String name, String arn) {
        return name != null ? name : ctx.scope().parseTarget(arn).orElseThrow().name();
    }
}
