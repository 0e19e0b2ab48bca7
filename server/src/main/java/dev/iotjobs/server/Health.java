package dev.iotjobs.server;

import dev.iotjobs.server.wire.WireRequest;
import dev.iotjobs.server.wire.WireResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /health} for load balancers: {@code 200 {"status":"ok"}} on every listener, whatever the plane. It is
 * answered before the wire, so it needs no signature (load balancers do not sign); no AWS route is {@code /health}.
 */
final class Health {
    private static final byte[] OK = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    private Health() {
    }

    /** @param request a request @return whether it is the health check */
    static boolean isCheck(WireRequest request) {
        return request.method().equals("GET") && request.rawPath().equals("/health");
    }

    /** @return the health check's answer, with a request id like every answer */
    static WireResponse ok() {
        return new WireResponse(200, Map.of("Content-Type", "application/json",
                "x-amzn-RequestId", UUID.randomUUID().toString()), OK.clone());
    }
}
