package dev.iotjobs.server.wire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

/**
 * Whether requests must carry an AWS Signature Version 4 (SPEC W7). By default they need not, as local AWS emulators
 * do. With {@link #sigV4} a request passes only when it carries a signature, made at most 15 minutes from now, by
 * one of the given access keys, that the AWS SDK's own signer reproduces over the same method, path, query, signed
 * headers and body; else it is refused with AWS's 403 error for what is wrong.
 */
public final class Signatures {
    private static final Duration SKEW = Duration.ofMinutes(15);
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/,\\s]+)/(\\d{8})/([^/,\\s]+)/([^/,\\s]+)/aws4_request,\\s*"
                    + "SignedHeaders=([^,\\s]+),\\s*Signature=([0-9a-f]{64})");
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Map<String, String> secretByAccessKeyId;
    private final Clock clock;

    private Signatures(Map<String, String> secretByAccessKeyId, Clock clock) {
        this.secretByAccessKeyId = secretByAccessKeyId;
        this.clock = clock;
    }

    /** @return no signature check: every request passes */
    public static Signatures notChecked() {
        return new Signatures(null, null);
    }

    /**
     * @param secretByAccessKeyId the secret access key of each access key id that may sign
     * @param clock the clock a signature's time is checked against
     * @return a check that lets only requests signed by one of these keys pass
     * @throws IllegalArgumentException if no key is given
     */
    public static Signatures sigV4(Map<String, String> secretByAccessKeyId, Clock clock) {
        Objects.requireNonNull(secretByAccessKeyId, "secretByAccessKeyId must not be null");
        if (secretByAccessKeyId.isEmpty()) {
            throw new IllegalArgumentException("sigV4 needs at least one access key");
        }
        return new Signatures(Map.copyOf(secretByAccessKeyId), Objects.requireNonNull(clock, "clock must not be null"));
    }

    /** @return whether requests must be signed */
    public boolean required() {
        return secretByAccessKeyId != null;
    }

    /**
     * @param request the request as it came
     * @param plane the plane it is for (by its listener, or by its credential scope)
     * @return the AWS error to answer (403) when it may not pass, else empty
     * @throws dev.iotjobs.api.error.InvalidRequestException for a path or query that is not well encoded
     */
    Optional<Refusal> refusal(WireRequest request, Plane plane) {
        if (!required()) {
            return Optional.empty();
        }
        String authorization = request.header("Authorization");
        if (authorization == null) {
            return refuse("MissingAuthenticationTokenException", "Missing Authentication Token: the request must be "
                    + "signed with AWS Signature Version 4");
        }
        Matcher signed = AUTHORIZATION.matcher(authorization.trim());
        if (!signed.matches()) {
            return refuse("IncompleteSignatureException", "Authorization header is not an AWS4-HMAC-SHA256 "
                    + "signature (Credential=..., SignedHeaders=..., Signature=...)");
        }
        if (!signed.group(4).equals(plane.signingName())) {
            // A signature for the other plane (a control-plane call sent to the data-plane port, say) is not this one's.
            return refuse("InvalidSignatureException", "Credential should be scoped to correct service: '"
                    + plane.signingName() + "', not '" + signed.group(4) + "'");
        }
        String secret = secretByAccessKeyId.get(signed.group(1));
        if (secret == null) {
            return refuse("UnrecognizedClientException", "The security token included in the request is invalid: "
                    + "access key " + signed.group(1) + " is not known here");
        }
        Instant signedAt;
        try {
            signedAt = Instant.from(AMZ_DATE.parse(String.valueOf(request.header("X-Amz-Date"))));
        } catch (DateTimeParseException e) {
            return refuse("IncompleteSignatureException", "X-Amz-Date: must be the signing time as yyyyMMddTHHmmssZ");
        }
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(SKEW)) || signedAt.isAfter(now.plus(SKEW))) {
            return refuse("InvalidSignatureException", "Signature expired: " + AMZ_DATE.format(signedAt)
                    + " is more than 15 minutes from the server's time " + AMZ_DATE.format(now));
        }
        WireInput.pathSegments(request.rawPath());   // a malformed path is the client's 400, not a signer failure
        String expected;
        try {
            expected = signature(request, signed.group(5).split(";"), signed.group(3), signed.group(4),
                    signed.group(1), secret, signedAt);
        } catch (IllegalArgumentException e) {
            expected = null;   // the signer could not read the request (a malformed Host): it cannot match
        }
        if (expected == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signed.group(6).getBytes(StandardCharsets.US_ASCII))) {
            return refuse("InvalidSignatureException", "The request signature we calculated does not match the "
                    + "signature you provided. Check your AWS Secret Access Key and signing method.");
        }
        return Optional.empty();
    }

    /**
     * Signs the request again with the SDK's signer, over only the headers the client signed. The SDK's legacy
     * {@code Aws4Signer} signs exactly the headers it is given, as botocore (boto3, the AWS CLI) and the SDKs expect of
     * a non-S3 service; its successor {@code AwsV4HttpSigner} always adds and signs {@code x-amz-content-sha256},
     * which only the Java SDK sends, so it could not check what boto3 signed.
     */
    @SuppressWarnings("deprecation")
    private static String signature(WireRequest request, String[] signedHeaders, String region, String service,
                                    String accessKeyId, String secret, Instant signedAt) {
        String host = request.header("Host");
        SdkHttpMethod method;
        try {
            method = SdkHttpMethod.fromValue(request.method());
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (host == null) {
            return null;
        }
        // The signer writes Host itself from host and port: give it the Host the client signed.
        int colon = host.lastIndexOf(':');
        boolean hasPort = colon > 0 && host.indexOf(']', colon) < 0;
        SdkHttpFullRequest.Builder copy = SdkHttpFullRequest.builder()
                .method(method)
                .protocol("http")
                .host(hasPort ? host.substring(0, colon) : host)
                .encodedPath(request.rawPath());
        if (hasPort) {
            try {
                copy.port(Integer.parseInt(host.substring(colon + 1)));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        for (String name : signedHeaders) {
            List<String> values = request.headers().get(name);
            if (values == null) {
                return null;
            }
            if (!name.equalsIgnoreCase("Host")) {
                copy.putHeader(name, values);
            }
        }
        WireInput.queryPairs(request.rawQuery())
                .forEach(pair -> copy.appendRawQueryParameter(pair.getKey(), pair.getValue()));
        byte[] body = request.body();
        copy.contentStreamProvider(ContentStreamProvider.fromByteArrayUnsafe(body));
        SdkHttpFullRequest signedRequest = Aws4Signer.create().sign(copy.build(), Aws4SignerParams.builder()
                .awsCredentials(AwsBasicCredentials.create(accessKeyId, secret))
                .signingName(service)
                .signingRegion(Region.of(region))
                .signingClockOverride(Clock.fixed(signedAt, ZoneOffset.UTC))
                .build());
        String authorization = signedRequest.firstMatchingHeader("Authorization").orElse("");
        int at = authorization.lastIndexOf("Signature=");
        return at < 0 ? null : authorization.substring(at + "Signature=".length());
    }

    private static Optional<Refusal> refuse(String code, String message) {
        return Optional.of(new Refusal(code, message));
    }

    /**
     * Why a request may not pass.
     *
     * @param code the AWS error code
     * @param message what is wrong
     */
    record Refusal(String code, String message) {
    }
}
