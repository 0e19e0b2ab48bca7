package dev.iotjobs.api;

import dev.iotjobs.api.control.*;
import dev.iotjobs.api.error.InvalidRequestException;
import dev.iotjobs.api.error.ResourceAlreadyExistsException;
import dev.iotjobs.api.error.ResourceNotFoundException;
import dev.iotjobs.api.error.ServiceUnavailableException;
import dev.iotjobs.api.error.VersionConflictException;

/**
 * The part of AWS's thing registry ({@code iot} control plane) that jobs target: things, thing groups (nested)
 * and their membership, as the AWS SDK for Java v2 names the operations (SPEC G1).
 *
 * <p>Every call validates its request before it reads or changes anything: the first failing member, in the shape's
 * member order, is an {@link InvalidRequestException} naming the member, its problem and the limit (SPEC V1; a null
 * request is {@code request: is required}), and a rejected request changes nothing and emits no event (V2). Every call
 * is atomic: its change and its events are committed together or not at all (E1, C2). Implementations are thread-safe,
 * and conflicts with concurrent calls are retried inside the engine (C3). Every exception is an unchecked
 * {@link dev.iotjobs.api.error.JobsException}.
 */
public interface ThingRegistry {
    /**
     * Registers a thing, at version 1, in no group (SPEC G1).
     *
     * @param request the request
     * @return the new thing's name, ARN and id
     * @throws InvalidRequestException if thingName, thingTypeName, attributePayload or billingGroupName breaks its
     *     shape (SPEC V1)
     * @throws ResourceAlreadyExistsException if a thing with that name exists (SPEC G1)
     * @throws ServiceUnavailableException if the store failed or stayed contended; nothing was applied (SPEC C2, C3)
     */
    CreateThingResponse createThing(CreateThingRequest request);

    /**
     * Deletes a thing and its group memberships; its pending executions turn REMOVED, which may complete SNAPSHOT
     * jobs (SPEC G4, J8).
     *
     * @param request the request
     * @return an empty response
     * @throws InvalidRequestException if thingName or expectedVersion breaks its shape (SPEC V1)
     * @throws ResourceNotFoundException if the thing does not exist (SPEC G1)
     * @throws VersionConflictException if {@code expectedVersion} is not the thing's current version
     * @throws ServiceUnavailableException if the store failed or stayed contended; nothing was applied (SPEC C2, C3)
     */
    DeleteThingResponse deleteThing(DeleteThingRequest request);

    /**
     * Creates a thing group, at version 1, optionally as a child of an existing parent group (SPEC G1).
     *
     * @param request the request
     * @return the new group's name, ARN and id
     * @throws InvalidRequestException if thingGroupName, parentGroupName, thingGroupProperties or tags breaks its
     *     shape (SPEC V1)
     * @throws ResourceAlreadyExistsException if a thing group with that name exists (SPEC G1)
     * @throws ResourceNotFoundException if the parent group does not exist (SPEC G1)
     * @throws ServiceUnavailableException if the store failed or stayed contended; nothing was applied (SPEC C2, C3)
     */
    CreateThingGroupResponse createThingGroup(CreateThingGroupRequest request);

    /**
     * Deletes a thing group that has no child groups; its things leave it (SPEC G1).
     *
     * @param request the request
     * @return an empty response
     * @throws InvalidRequestException if thingGroupName or expectedVersion breaks its shape (SPEC V1), or the
     *     group has child groups
     * @throws ResourceNotFoundException if the thing group does not exist (SPEC G1)
     * @throws VersionConflictException if {@code expectedVersion} is not the group's current version
     * @throws ServiceUnavailableException if the store failed or stayed contended; nothing was applied (SPEC C2, C3)
     */
    DeleteThingGroupResponse deleteThingGroup(DeleteThingGroupRequest request);

    /**
     * Adds a thing to a thing group, each given by name or ARN; adding a member again changes nothing (SPEC G1).
     *
     * @param request the request
     * @return an empty response
     * @throws InvalidRequestException if the group or the thing is given neither by name nor by ARN, a member
     *     breaks its shape, an ARN is not of this region and account, or a name and an ARN disagree (SPEC V1)
     * @throws ResourceNotFoundException if the thing or the thing group does not exist (SPEC G1)
     * @throws ServiceUnavailableException if the store failed or stayed contended; nothing was applied (SPEC C2, C3)
     */
    AddThingToThingGroupResponse addThingToThingGroup(AddThingToThingGroupRequest request);

    /**
     * Removes a thing from a thing group, each given by name or ARN; removing a thing that is not a member
     * changes nothing (SPEC G1).
     *
     * @param request the request
     * @return an empty response
     * @throws InvalidRequestException if the group or the thing is given neither by name nor by ARN, a member
     *     breaks its shape, an ARN is not of this region and account, or a name and an ARN disagree (SPEC V1)
     * @throws ResourceNotFoundException if the thing or the thing group does not exist (SPEC G1)
     * @throws ServiceUnavailableException if the store failed or stayed contended; nothing was applied (SPEC C2, C3)
     */
    RemoveThingFromThingGroupResponse removeThingFromThingGroup(RemoveThingFromThingGroupRequest request);

    /**
     * Lists the names of the things in a thing group and, with {@code recursive}, in all its descendant groups,
     * in name order, one page at a time.
     *
     * @param request the request
     * @return a page of thing names, in name order, and the token of the next page unless this is the last
     * @throws InvalidRequestException if a member breaks its shape (maxResults 1..250, SPEC V1, V3) or nextToken
     *     is not a token this listing issued
     * @throws ResourceNotFoundException if the thing group does not exist (SPEC G1)
     * @throws ServiceUnavailableException if the store failed (SPEC C2)
     */
    ListThingsInThingGroupResponse listThingsInThingGroup(ListThingsInThingGroupRequest request);

    /**
     * Describes a thing: its name, id, ARN, type, attributes and version; {@code defaultClientId} is its name, as
     * AWS answers (SPEC G6).
     *
     * @param request the request
     * @return the thing
     * @throws InvalidRequestException if thingName breaks its shape (SPEC V1)
     * @throws ResourceNotFoundException if the thing does not exist (SPEC G6)
     * @throws ServiceUnavailableException if the store failed (SPEC C2)
     */
    DescribeThingResponse describeThing(DescribeThingRequest request);

    /**
     * Lists things in name order, one page at a time, optionally only those of a type or those whose attribute
     * {@code attributeName} equals {@code attributeValue} (or starts with it, with {@code usePrefixAttributeValue})
     * (SPEC G6).
     *
     * @param request the request
     * @return a page of things, in name order, and the token of the next page unless this is the last
     * @throws InvalidRequestException if a member breaks its shape (maxResults 1..250, SPEC V1, V3), only one of
     *     attributeName and attributeValue is given, usePrefixAttributeValue comes without them, an attribute
     *     filter comes with thingTypeName (AWS does not support the combination), or nextToken is not a token this
     *     listing issued
     * @throws ServiceUnavailableException if the store failed (SPEC C2)
     */
    ListThingsResponse listThings(ListThingsRequest request);

    /**
     * Describes a thing group: its name, id, ARN, version, properties and metadata (its parent, its ancestors from
     * the root down, its creation date) (SPEC G6).
     *
     * @param request the request
     * @return the thing group
     * @throws InvalidRequestException if thingGroupName breaks its shape (SPEC V1)
     * @throws ResourceNotFoundException if the thing group does not exist (SPEC G6)
     * @throws ServiceUnavailableException if the store failed (SPEC C2)
     */
    DescribeThingGroupResponse describeThingGroup(DescribeThingGroupRequest request);

    /**
     * Lists thing groups in name order, one page at a time (SPEC G6): with {@code parentGroup}, the groups under it
     * (all its descendants, or only its direct children when {@code recursive} is false); without, every group (or
     * only the root groups when {@code recursive} is false); {@code namePrefixFilter} keeps those whose name starts
     * with it. As on AWS, {@code recursive} defaults to true.
     *
     * @param request the request
     * @return a page of group names and ARNs, in name order, and the token of the next page unless this is the last
     * @throws InvalidRequestException if a member breaks its shape (maxResults 1..250, SPEC V1, V3) or nextToken
     *     is not a token this listing issued
     * @throws ResourceNotFoundException if {@code parentGroup} does not exist (SPEC G6)
     * @throws ServiceUnavailableException if the store failed (SPEC C2)
     */
    ListThingGroupsResponse listThingGroups(ListThingGroupsRequest request);
}
