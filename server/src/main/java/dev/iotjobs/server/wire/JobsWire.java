package dev.iotjobs.server.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotjobs.api.JobsDataPlane;
import dev.iotjobs.api.error.JobsException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AWS's REST-JSON wire over the engine, independent of any HTTP library: a {@link WireRequest} in, the
 * {@link WireResponse} AWS would send out (SPEC W1-W3). A client's mistake is a 4xx AWS error naming it; a store
 * failure is 503; anything unexpected is a 500 {@code InternalFailureException} carrying only a request id, its
 * stack trace logged here and never sent. Every response carries {@code x-amzn-RequestId}.
 *
 * <p>It serves the device data plane ({@code iot-jobs-data}); the control plane's routes answer
 * {@code UnknownOperationException} until issue #9 adds them.
 */
public final class JobsWire {
    /** The largest request body read (the biggest member, a job document, is 32 KB). */
    public static final int MAX_BODY_BYTES = 1 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(JobsWire.class);

    private final DataPlaneRoutes dataPlane;

    /**
     * @param dataPlane the engine's data plane ({@code engine.dataPlane()})
     * @throws NullPointerException if it is null
     */
    public JobsWire(JobsDataPlane dataPlane) {
        this.dataPlane = new DataPlaneRoutes(Objects.requireNonNull(dataPlane, "dataPlane must not be null"));
    }

    /**
     * @param request the request
     * @param plane the plane it is for: {@link Plane#of} on a shared port, {@link Plane#DATA} on a data-plane port
     * @return the response to send
     */
    public WireResponse handle(WireRequest request, Plane plane) {
        String requestId = UUID.randomUUID().toString();
        try {
            Optional<ObjectNode> body = plane == Plane.DATA ? dataPlane.handle(request) : Optional.empty();
            if (body.isEmpty()) {
                return WireErrors.of(404, "UnknownOperationException", "no " + plane.signingName() + " operation is "
                        + request.method() + " " + request.rawPath(), requestId);
            }
            return ok(body.get(), requestId);
        } catch (JobsException e) {
            if (e.statusCode() >= 500) {
                // The engine's own trouble (a store failure): the details stay in the log, never on the wire.
                LOG.warn("request {} ({} {}) failed: {}", requestId, request.method(), request.rawPath(),
                        e.getMessage(), e);
                return WireErrors.of(e.statusCode(), e.errorCode(), "the service is unavailable; retry later "
                        + "(request " + requestId + ")", requestId);
            }
            return WireErrors.of(e, plane, requestId);
        } catch (RuntimeException e) {
            LOG.error("request {} ({} {}) failed", requestId, request.method(), request.rawPath(), e);
            return WireErrors.of(500, "InternalFailureException", "the server failed on request " + requestId,
                    requestId);
        }
    }

    /**
     * @param status the HTTP status to answer (400, or 413 for a body over the limit)
     * @param what what is wrong with the request, naming the part ({@code body: must be at most ...})
     * @return the 4xx AWS error for a request the HTTP layer refused before it was read whole
     */
    public WireResponse refused(int status, String what) {
        return WireErrors.of(status, "InvalidRequestException", what, UUID.randomUUID().toString());
    }

    /**
     * @param why why the server cannot answer now
     * @return a 503 {@code ServiceUnavailableException}
     */
    public WireResponse unavailable(String why) {
        return WireErrors.of(503, "ServiceUnavailableException", why, UUID.randomUUID().toString());
    }

    private static WireResponse ok(ObjectNode body, String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("x-amzn-RequestId", requestId);
        return new WireResponse(200, headers, WireJson.bytes(body));
    }
}
