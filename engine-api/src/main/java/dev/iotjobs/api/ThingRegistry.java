package dev.iotjobs.api;

import dev.iotjobs.api.control.*;

/**
 * The part of AWS's thing registry that jobs target: things, thing groups (nested) and their membership.
 */
public interface ThingRegistry {
    /** @param request the request @return the response */
    CreateThingResponse createThing(CreateThingRequest request);

    /** @param request the request; the thing's pending executions become REMOVED @return the response */
    DeleteThingResponse deleteThing(DeleteThingRequest request);

    /** @param request the request @return the response */
    CreateThingGroupResponse createThingGroup(CreateThingGroupRequest request);

    /** @param request the request @return the response */
    DeleteThingGroupResponse deleteThingGroup(DeleteThingGroupRequest request);

    /** @param request the request @return the response */
    AddThingToThingGroupResponse addThingToThingGroup(AddThingToThingGroupRequest request);

    /** @param request the request @return the response */
    RemoveThingFromThingGroupResponse removeThingFromThingGroup(RemoveThingFromThingGroupRequest request);

    /** @param request the request @return a page of thing names, in name order */
    ListThingsInThingGroupResponse listThingsInThingGroup(ListThingsInThingGroupRequest request);
}
