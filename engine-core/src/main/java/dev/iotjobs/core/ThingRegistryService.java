package dev.iotjobs.core;

import static dev.iotjobs.core.EngineContext.valid;

import dev.iotjobs.api.ThingRegistry;
import dev.iotjobs.api.control.*;
import dev.iotjobs.api.error.JobsException;
import dev.iotjobs.api.error.ResourceNotFoundException;
import dev.iotjobs.api.model.GroupNameAndArn;
import dev.iotjobs.api.model.JobExecutionStatus;
import dev.iotjobs.core.rules.Decision;
import dev.iotjobs.core.rules.PageTokens;
import dev.iotjobs.core.rules.RegistryRules;
import dev.iotjobs.core.rules.RegistryViews;
import dev.iotjobs.core.rules.RequestValidation;
import dev.iotjobs.spi.Changeset;
import dev.iotjobs.spi.ExecutionRecord;
import dev.iotjobs.spi.JobRecord;
import dev.iotjobs.spi.Page;
import dev.iotjobs.spi.StaleStateException;
import dev.iotjobs.spi.ThingExecutionsKey;
import dev.iotjobs.spi.ThingFilter;
import dev.iotjobs.spi.ThingGroupFilter;
import dev.iotjobs.spi.ThingGroupRecord;
import dev.iotjobs.spi.ThingRecord;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
        // SPEC C4: a thing with more pending executions than one batch (one per job) has them REMOVED a batch per
        // commit first; the last batch goes with the deletion itself.
        int size = ctx.batchSize();
        while (ctx.commits().run(() -> removalBatch(request, size))) {
            // the next batch
        }
        return ctx.commits().run(() -> {
            ThingRecord thing = ctx.thing(request.thingName());
            List<ExecutionRecord> pending = new ArrayList<>();
            pending.addAll(executionsOfThing(thing.thingName(), JobExecutionStatus.IN_PROGRESS));
            pending.addAll(executionsOfThing(thing.thingName(), JobExecutionStatus.QUEUED));
            return RegistryRules.deleteThing(thing, request.expectedVersion(), pending, jobsOf(pending), ctx.now());
        });
    }

    /**
     * SPEC G4, C4: one batch of a deletion's REMOVED executions, ahead of the deletion, when more than a batch is
     * pending; else nothing (the deletion's own commit takes them, and answers any error). Answers whether a batch
     * was committed.
     */
    private Either<JobsException, Decision<Boolean>> removalBatch(DeleteThingRequest request, int size) {
        ThingRecord thing = ctx.repository().findThing(request.thingName()).orElse(null);
        if (thing == null || request.expectedVersion() != null && request.expectedVersion() != thing.version()) {
            return Either.right(Decision.unchanged(false));
        }
        List<ExecutionRecord> pending = new ArrayList<>(ctx.repository()
                .listExecutionsForThing(thing.thingName(), JobExecutionStatus.IN_PROGRESS, null, null, size + 1)
                .items());
        if (pending.size() <= size) {
            pending.addAll(ctx.repository().listExecutionsForThing(thing.thingName(), JobExecutionStatus.QUEUED,
                    null, null, size + 1 - pending.size()).items());
        }
        if (pending.size() <= size) {
            return Either.right(Decision.unchanged(false));
        }
        List<ExecutionRecord> batch = pending.subList(0, size);
        return Either.right(new Decision<>(RegistryRules.removed(batch, jobsOf(batch), ctx.now()), true));
    }

    private Map<String, JobRecord> jobsOf(List<ExecutionRecord> executions) {
        Map<String, JobRecord> jobs = new HashMap<>();
        for (ExecutionRecord execution : executions) {
            if (!jobs.containsKey(execution.jobId())) {
                jobs.put(execution.jobId(), ctx.repository().findJob(execution.jobId()).orElseThrow(
                        () -> new StaleStateException("job " + execution.jobId() + " is gone")));
            }
        }
        return jobs;
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
            long parentRevision = parent == null ? 0 : memberships.targetingRevision(parent);
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

    @Override
    public DescribeThingResponse describeThing(DescribeThingRequest request) {
        valid(RequestValidation.validate(request, ctx.limits()));
        return RegistryViews.describeThing(ctx.thing(request.thingName()));
    }

    @Override
    public ListThingsResponse listThings(ListThingsRequest request) {
        valid(RequestValidation.validate(request, ctx.limits()));
        String after = PageTokens.registryThingsAfter(request.nextToken());
        ThingFilter filter = new ThingFilter(request.thingTypeName(), request.attributeName(),
                request.attributeValue(), Boolean.TRUE.equals(request.usePrefixAttributeValue()));
        Page<ThingRecord> page = ctx.repository().listThings(filter, after, ctx.pageSize(request.maxResults()));
        String next = page.hasMore() && !page.items().isEmpty()
                ? PageTokens.registryThings(page.items().get(page.items().size() - 1).thingName()) : null;
        return new ListThingsResponse(page.items().stream().map(RegistryViews::thingAttribute).toList(), next);
    }

    @Override
    public DescribeThingGroupResponse describeThingGroup(DescribeThingGroupRequest request) {
        valid(RequestValidation.validate(request, ctx.limits()));
        ThingGroupRecord group = group(request.thingGroupName());
        List<ThingGroupRecord> rootToParent = new ArrayList<>();
        Set<String> seen = new TreeSet<>(Set.of(group.thingGroupName()));
        for (String parent = group.parentGroupName(); parent != null && seen.add(parent); ) {
            // A parent cannot go while it has children (G1); a concurrent read may still miss one: stop there.
            ThingGroupRecord ancestor = ctx.repository().findThingGroup(parent).orElse(null);
            if (ancestor == null) {
                break;
            }
            rootToParent.add(ancestor);
            parent = ancestor.parentGroupName();
        }
        Collections.reverse(rootToParent);
        return RegistryViews.describeThingGroup(group, rootToParent);
    }

    /**
     * SPEC G6. {@code recursive} defaults to true, as AWS answers: with {@code parentGroup} every descendant, without
     * every group; false keeps the first level only (the direct children, or the root groups).
     */
    @Override
    public ListThingGroupsResponse listThingGroups(ListThingGroupsRequest request) {
        valid(RequestValidation.validate(request, ctx.limits()));
        String after = PageTokens.thingGroupsAfter(request.nextToken());
        int limit = ctx.pageSize(request.maxResults());
        boolean recursive = !Boolean.FALSE.equals(request.recursive());
        String prefix = request.namePrefixFilter();
        List<GroupNameAndArn> groups;
        boolean more;
        if (request.parentGroup() != null && ctx.repository().findThingGroup(request.parentGroup()).isEmpty()) {
            throw new ResourceNotFoundException("parentGroup: thing group " + request.parentGroup()
                    + " does not exist");
        }
        if (request.parentGroup() != null && recursive) {
            // The descendants, walked down the parent index; a page is a slice of them in name order.
            TreeSet<String> below = new TreeSet<>(targets.withDescendants(List.of(request.parentGroup())));
            below.remove(request.parentGroup());
            List<String> names = (after == null ? below : below.tailSet(after, false)).stream()
                    .filter(name -> prefix == null || name.startsWith(prefix))
                    .limit(limit + 1L)
                    .toList();
            more = names.size() > limit;
            groups = names.stream().limit(limit)
                    .map(name -> new GroupNameAndArn(name, ctx.scope().thingGroupArn(name))).toList();
        } else {
            ThingGroupFilter filter = new ThingGroupFilter(request.parentGroup(),
                    request.parentGroup() == null && !recursive, prefix);
            Page<ThingGroupRecord> page = ctx.repository().listThingGroups(filter, after, limit);
            more = page.hasMore();
            groups = page.items().stream().map(RegistryViews::nameAndArn).toList();
        }
        String next = more && !groups.isEmpty() ? PageTokens.thingGroups(groups.get(groups.size() - 1).groupName())
                : null;
        return new ListThingGroupsResponse(groups, next);
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
