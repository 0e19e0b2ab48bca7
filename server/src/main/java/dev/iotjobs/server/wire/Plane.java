package dev.iotjobs.server.wire;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The two AWS APIs one port serves (SPEC W1): the control plane ({@code iot}) and the device data plane. */
public enum Plane {
    /** {@code iot}: jobs, job executions, the thing registry. */
    CONTROL("iot"),
    /** {@code iot-jobs-data}: what devices call. */
    DATA("iot-jobs-data");

    // Authorization: AWS4-HMAC-SHA256 Credential=AKID/20261201/us-east-1/iot-jobs-data/aws4_request, ...
    private static final Pattern CREDENTIAL_SCOPE =
            Pattern.compile("Credential=[^/,\\s]+/\\d{8}/[^/,\\s]+/([^/,\\s]+)/aws4_request");

    private final String signingName;

    Plane(String signingName) {
        this.signingName = signingName;
    }

    /** @return the SigV4 signing name (credential scope service) of the plane */
    public String signingName() {
        return signingName;
    }

    /**
     * The plane a request is for: the one its SigV4 credential scope names; without a signature, the data plane
     * for a Host of the form {@code *.jobs.iot.*} (AWS's data-plane endpoints), else the control plane.
     *
     * @param request the request
     * @return its plane
     */
    public static Plane of(WireRequest request) {
        String authorization = request.header("Authorization");
        if (authorization != null) {
            Matcher scope = CREDENTIAL_SCOPE.matcher(authorization);
            if (scope.find()) {
                return scope.group(1).equals(DATA.signingName) ? DATA : CONTROL;
            }
        }
        String host = request.header("Host");
        return host != null && host.toLowerCase(Locale.ROOT).contains(".jobs.iot.") ? DATA : CONTROL;
    }
}
