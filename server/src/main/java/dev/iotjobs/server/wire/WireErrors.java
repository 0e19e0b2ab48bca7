package dev.iotjobs.server.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotjobs.api.error.ConflictException;
import dev.iotjobs.api.error.InvalidStateTransitionException;
import dev.iotjobs.api.error.JobsException;
import dev.iotjobs.api.error.ResourceAlreadyExistsException;
import dev.iotjobs.api.error.ThrottlingException;
import dev.iotjobs.api.error.VersionConflictException;
import dev.iotjobs.api.model.JobExecutionState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Errors as AWS sends them (SPEC W2): the plane's status for the error, {@code x-amzn-ErrorType}, and a body of
 * {@code {"message": ...}} plus the error's modeled members.
 */
final class WireErrors {
    private WireErrors() {
    }

    /**
     * @param error what the engine (or the translation) threw
     * @param plane the plane the request was for
     * @param requestId the request's id
     * @return the response AWS would send
     */
    static WireResponse of(JobsException error, Plane plane, String requestId) {
        String code = error.errorCode();
        int status = error.statusCode();
        ObjectNode body = WireJson.object();
        body.put("message", String.valueOf(error.getMessage()));
        JobExecutionState state = null;
        if (error instanceof ThrottlingException) {
            status = plane == Plane.DATA ? 429 : 400;
        } else if (error instanceof VersionConflictException conflict && plane == Plane.DATA) {
            // The data plane declares no VersionConflictException: AWS answers a version mismatch this way.
            code = "InvalidStateTransitionException";
            status = 409;
            state = conflict.executionState();
        } else if (error instanceof InvalidStateTransitionException invalid && plane == Plane.DATA) {
            state = invalid.executionState();
        } else if (error instanceof ResourceAlreadyExistsException exists) {
            WireJson.put(body, "resourceId", exists.resourceId());
            WireJson.put(body, "resourceArn", exists.resourceArn());
        } else if (error instanceof ConflictException conflict) {
            WireJson.put(body, "resourceId", conflict.resourceId());
        }
        if (state != null) {
            body.set("executionState", DataPlaneShapes.executionState(state));
        }
        return of(status, code, body, requestId);
    }

    /**
     * @param status the HTTP status
     * @param code the AWS error code, sent as {@code x-amzn-ErrorType}
     * @param message the message
     * @param requestId the request's id
     * @return the error response
     */
    static WireResponse of(int status, String code, String message, String requestId) {
        ObjectNode body = WireJson.object();
        body.put("message", message);
        return of(status, code, body, requestId);
    }

    private static WireResponse of(int status, String code, ObjectNode body, String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("x-amzn-ErrorType", code);
        headers.put("x-amzn-RequestId", requestId);
        return new WireResponse(status, headers, WireJson.bytes(body));
    }
}
