package dev.iotjobs.server.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.store.memory.InMemoryJobRepository;
import org.junit.jupiter.api.Test;

/**
 * SPEC W7 against signatures that botocore 1.43 (boto3, the AWS CLI) computed for key {@code AKIDTEST} /
 * {@code secret} at 2026-12-02T03:52:39Z: botocore signs only {@code host}, {@code x-amz-date} and the content type,
 * where the Java SDK also signs {@code x-amz-content-sha256} (the SDK's own clients are checked in SigV4Test).
 */
class SignaturesTest {
    private static final Instant SIGNED_AT = Instant.parse("2026-12-02T03:52:39Z");
    private static final Signatures CHECK = Signatures.sigV4(Map.of("AKIDTEST", "secret"),
            Clock.fixed(SIGNED_AT.plusSeconds(60), ZoneOffset.UTC));

    @Test
    void w7_botocoreSignaturesPassOnBothPlanes() {
        assertThat(refusal(botocore("GET", "127.0.0.1:18080", "/jobs", null, "iot", "host;x-amz-date",
                "5f22570ae64cc5821e77d8bbbd0f9b913eda2512d48c2497d1c84ca9d0df9124", ""))).isEmpty();
        assertThat(refusal(botocore("GET", "127.0.0.1:18080", "/things/t%3A1/jobs",
                "maxResults=2&nextToken=a%2Fb%3D", "iot", "host;x-amz-date",
                "9425f7dba69aff5d91d6a326a37f6e483244f418c32031bdea8e6334becf3326", ""))).isEmpty();
        assertThat(refusal(botocore("PUT", "127.0.0.1:18080", "/jobs/j1", null, "iot",
                "content-type;host;x-amz-date", "57aaf7e787537bd67265736743e9e5ff7331d3c82200290c34a07118ab0e429e",
                "{\"targets\":[\"arn:aws:iot:us-east-1:123456789012:thing/t:1\"],\"document\":\"{}\"}"))).isEmpty();
        assertThat(refusal(botocore("PUT", "data.jobs.iot.us-east-1.amazonaws.com",
                "/things/t%3A1/jobs/%24next", null, "iot-jobs-data", "content-type;host;x-amz-date",
                "3c3b2cb330751ede7c5decf169970b6d682cb13faee441c7f1d2bcd5edc53eae", "{}"))).isEmpty();
    }

    @Test
    void w7_anyChangeAfterSigningIsRefused() {
        String signature = "57aaf7e787537bd67265736743e9e5ff7331d3c82200290c34a07118ab0e429e";
        String body = "{\"targets\":[\"arn:aws:iot:us-east-1:123456789012:thing/t:1\"],\"document\":\"{}\"}";
        assertThat(refusal(botocore("PUT", "127.0.0.1:18080", "/jobs/j2", null, "iot",
                "content-type;host;x-amz-date", signature, body)))
                .hasValueSatisfying(refusal -> assertThat(refusal.code()).isEqualTo("InvalidSignatureException"));
        assertThat(refusal(botocore("PUT", "127.0.0.1:18080", "/jobs/j1", null, "iot",
                "content-type;host;x-amz-date", signature, body.replace("{}", "{ }")))).isPresent();
        assertThat(refusal(botocore("PUT", "127.0.0.1:18081", "/jobs/j1", null, "iot",
                "content-type;host;x-amz-date", signature, body))).isPresent();
        assertThat(refusal(botocore("GET", "127.0.0.1:18080", "/jobs", "maxResults=3", "iot",
                "host;x-amz-date", "5f22570ae64cc5821e77d8bbbd0f9b913eda2512d48c2497d1c84ca9d0df9124", "")))
                .isPresent();
        // A signed header that did not come is a mismatch, not a failure of the server.
        assertThat(refusal(botocore("GET", "127.0.0.1:18080", "/jobs", null, "iot",
                "host;x-amz-date;x-custom", "5f22570ae64cc5821e77d8bbbd0f9b913eda2512d48c2497d1c84ca9d0df9124",
                ""))).isPresent();
    }

    @Test
    void w7_notCheckedLetsEverythingPass() {
        assertThat(Signatures.notChecked().refusal(new WireRequest("GET", "/jobs", null, Map.of(), null), Plane.CONTROL)).isEmpty();
    }

    @Test
    void w1_w7_aSignatureForTheOtherPlaneIsRefused() {
        // botocore's control-plane signature of GET /jobs, arriving where only the data plane is served.
        assertThat(CHECK.refusal(botocore("GET", "127.0.0.1:18080", "/jobs", null, "iot", "host;x-amz-date",
                "5f22570ae64cc5821e77d8bbbd0f9b913eda2512d48c2497d1c84ca9d0df9124", ""), Plane.DATA))
                .hasValueSatisfying(refusal -> assertThat(refusal.message()).contains("'iot-jobs-data'"));
    }

    @Test
    void w2_w7_aMalformedHostIsAMismatchAndAMalformedPathTheClientsMistake() {
        assertThat(refusal(botocore("GET", "exa mple", "/jobs", null, "iot", "host;x-amz-date",
                "5f22570ae64cc5821e77d8bbbd0f9b913eda2512d48c2497d1c84ca9d0df9124", "")))
                .hasValueSatisfying(refusal -> assertThat(refusal.code()).isEqualTo("InvalidSignatureException"));
        JobsEngine engine = JobsEngine.builder().repository(new InMemoryJobRepository()).build();
        WireResponse answer = new JobsWire(engine, () -> "127.0.0.1:18080", CHECK).handle(botocore("GET",
                "127.0.0.1:18080", "/jobs/a%zz", null, "iot", "host;x-amz-date",
                "5f22570ae64cc5821e77d8bbbd0f9b913eda2512d48c2497d1c84ca9d0df9124", ""), Plane.CONTROL);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.bodyText()).contains("path: malformed percent-encoding");
    }

    /** The check of a control-plane request, as on the shared port. */
    private static java.util.Optional<Signatures.Refusal> refusal(WireRequest request) {
        return CHECK.refusal(request, Plane.of(request));
    }

    private static WireRequest botocore(String method, String host, String path, String query, String service,
                                        String signedHeaders, String signature, String body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of(host));
        headers.put("X-Amz-Date", List.of("20261202T035239Z"));
        if (!body.isEmpty()) {
            headers.put("Content-Type", List.of("application/json"));
        }
        headers.put("User-Agent", List.of("aws-cli/1.45.11 botocore/1.43.11"));
        headers.put("Authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIDTEST/20261202/us-east-1/" + service
                + "/aws4_request, SignedHeaders=" + signedHeaders + ", Signature=" + signature));
        return new WireRequest(method, path, query, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
