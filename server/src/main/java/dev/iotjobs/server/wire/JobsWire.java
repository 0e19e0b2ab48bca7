package dev.iotjobs.server.wire;

import dev.iotjobs.api.JobsControlPlane;
import dev.iotjobs.api.JobsDataPlane;
import dev.iotjobs.api.ThingRegistry;
import dev.iotjobs.api.error.JobsException;
import dev.iotjobs.core.JobsEngine;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AWS's REST-JSON wire over the engine, independent of any HTTP library: a {@link WireRequest} in, the
 * {@link WireResponse} AWS would send out (SPEC W1-W3). A client's mistake is a 4xx AWS error naming it; a store
 * failure is 503; anything unexpected is a 500 {@code InternalFailureException} carrying only a request id, its
 * stack trace logged here and never sent. Every response carries {@code x-amzn-RequestId}.
 *
 * <p>It serves both planes: the control plane ({@code iot}: jobs, job executions, the thing registry and
 * DescribeEndpoint) and the device data plane ({@code iot-jobs-data}).
 */
public final class JobsWire {
    /** The largest request body read (the biggest member, a job document, is 32 KB). */
    public static final int MAX_BODY_BYTES = 1 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(JobsWire.class);

    private final RouteTable controlPlane;
    private final RouteTable dataPlane;
    private final Signatures signatures;

    /**
     * @param engine the engine to serve
     * @param dataEndpoint the address at which the data plane is reached ({@code host:port}), which DescribeEndpoint
     *     answers for {@code iot:Jobs}; asked on each call, so it may name a port bound after this wire was made
     * @throws NullPointerException if an argument is null
     */
    public JobsWire(JobsEngine engine, Supplier<String> dataEndpoint) {
        this(engine, dataEndpoint, Signatures.notChecked());
    }

    /**
     * @param engine the engine to serve
     * @param dataEndpoint the address DescribeEndpoint answers for {@code iot:Jobs}, asked on each call
     * @param signatures whether requests must be signed, and by which keys
     * @throws NullPointerException if an argument is null
     */
    public JobsWire(JobsEngine engine, Supplier<String> dataEndpoint, Signatures signatures) {
        this(Objects.requireNonNull(engine, "engine must not be null").controlPlane(), engine.things(),
                engine.dataPlane(), dataEndpoint, signatures);
    }

    /**
     * @param jobs the control plane's jobs and executions
     * @param things the thing registry
     * @param devices the device data plane
     * @param dataEndpoint the address DescribeEndpoint answers for {@code iot:Jobs}, asked on each call
     * @param signatures whether requests must be signed, and by which keys
     * @throws NullPointerException if an argument is null
     */
    public JobsWire(JobsControlPlane jobs, ThingRegistry things, JobsDataPlane devices,
                    Supplier<String> dataEndpoint, Signatures signatures) {
        this.signatures = Objects.requireNonNull(signatures, "signatures must not be null");
        this.controlPlane = new ControlPlaneRoutes(Objects.requireNonNull(jobs, "jobs must not be null"),
                Objects.requireNonNull(things, "things must not be null"),
                Objects.requireNonNull(dataEndpoint, "dataEndpoint must not be null")).table();
        this.dataPlane = new DataPlaneRoutes(Objects.requireNonNull(devices, "devices must not be null")).table();
    }

    /**
     * @param request the request
     * @param plane the plane it is for: {@link Plane#of} on a shared port, {@link Plane#DATA} on a data-plane port
     * @return the response to send
     */
    public WireResponse handle(WireRequest request, Plane plane) {
        String requestId = UUID.randomUUID().toString();
        try {
            Optional<Signatures.Refusal> refused = signatures.refusal(request, plane);
            if (refused.isPresent()) {
                return WireErrors.of(403, refused.get().code(), refused.get().message(), requestId);
            }
            RouteTable routes = plane == Plane.DATA ? dataPlane : controlPlane;
            Optional<Answer> answer = routes.handle(request);
            if (answer.isEmpty()) {
                return WireErrors.of(404, "UnknownOperationException", unknownOperation(request, plane), requestId);
            }
            return ok(answer.get(), requestId);
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

    /** Names the operation that is not there, and the other plane when it has one of that method and path. */
    private String unknownOperation(WireRequest request, Plane plane) {
        String what = "no " + plane.signingName() + " operation is " + request.method() + " " + request.rawPath();
        Plane other = plane == Plane.DATA ? Plane.CONTROL : Plane.DATA;
        if ((other == Plane.DATA ? dataPlane : controlPlane).serves(request)) {
            what += "; " + other.signingName() + " has one: " + (other == Plane.DATA
                    ? "sign the request for iot-jobs-data, send it to the data-plane port, or use a Host of the form "
                    + "data.jobs.iot.REGION.amazonaws.com"
                    : "send it to the server's main port, signed for iot or unsigned (a data-plane port serves only "
                    + "iot-jobs-data)");
        }
        return what;
    }

    private static WireResponse ok(Answer answer, String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amzn-RequestId", requestId);
        if (answer.body() == null) {
            return new WireResponse(200, headers, new byte[0]);
        }
        headers.put("Content-Type", "application/json");
        return new WireResponse(200, headers, WireJson.bytes(answer.body()));
    }
}
