package dev.iotjobs.core.rules;

import dev.iotjobs.api.error.InvalidRequestException;
import dev.iotjobs.spi.JobExecutionsKey;
import dev.iotjobs.spi.JobListKey;
import dev.iotjobs.spi.JobTemplateListKey;
import dev.iotjobs.spi.ThingExecutionsKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Opaque {@code nextToken}s (SPEC J5, X17): the sort key of the last item of a page, so the next page starts
 * right after it (keyset pagination: no page is skipped or repeated while items come and go). Each token names
 * the listing that issued it; a token from another listing or a tampered one is {@link InvalidRequestException}.
 */
public final class PageTokens {
    private static final String SEPARATOR = "|";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private PageTokens() {
    }

    /** @param key the last job of a page @return the token of the next page */
    public static String jobs(JobListKey key) {
        return encode("jobs", Long.toString(key.createdAt().toEpochMilli()), key.jobId());
    }

    /** @param token a token from {@link #jobs(JobListKey)}, or null @return its key, or null */
    public static JobListKey jobsAfter(String token) {
        List<String> parts = decode(token, "jobs", 2);
        return parts == null ? null : new JobListKey(Instant.ofEpochMilli(number(parts.get(0))), parts.get(1));
    }

    /** @param key the last job template of a page @return the token of the next page (SPEC J14) */
    public static String jobTemplates(JobTemplateListKey key) {
        return encode("job-templates", Long.toString(key.createdAt().toEpochMilli()), key.jobTemplateId());
    }

    /** @param token a token from {@link #jobTemplates(JobTemplateListKey)}, or null @return its key, or null */
    public static JobTemplateListKey jobTemplatesAfter(String token) {
        List<String> parts = decode(token, "job-templates", 2);
        return parts == null ? null
                : new JobTemplateListKey(Instant.ofEpochMilli(number(parts.get(0))), parts.get(1));
    }

    /** @param key the last execution of a page @return the token of the next page */
    public static String jobExecutions(JobExecutionsKey key) {
        return encode("job-executions", key.thingName(), Long.toString(key.executionNumber()));
    }

    /** @param token a token, or null @return its key, or null */
    public static JobExecutionsKey jobExecutionsAfter(String token) {
        List<String> parts = decode(token, "job-executions", 2);
        return parts == null ? null : new JobExecutionsKey(parts.get(0), number(parts.get(1)));
    }

    /** @param key the last execution of a page @return the token of the next page */
    public static String thingExecutions(ThingExecutionsKey key) {
        return encode("thing-executions", Long.toString(key.queuedAt().toEpochMilli()), key.jobId(),
                Long.toString(key.executionNumber()));
    }

    /** @param token a token, or null @return its key, or null */
    public static ThingExecutionsKey thingExecutionsAfter(String token) {
        List<String> parts = decode(token, "thing-executions", 3);
        return parts == null ? null
                : new ThingExecutionsKey(Instant.ofEpochMilli(number(parts.get(0))), parts.get(1),
                        number(parts.get(2)));
    }

    /** @param thingName the last thing of a page @return the token of the next page */
    public static String things(String thingName) {
        return encode("things", thingName);
    }

    /** @param token a token, or null @return the last thing of the previous page, or null */
    public static String thingsAfter(String token) {
        List<String> parts = decode(token, "things", 1);
        return parts == null ? null : parts.get(0);
    }

    /**
     * @param templateName the last managed template of a page
     * @param templateVersion its version
     * @return the token of the next page
     */
    public static String managedJobTemplates(String templateName, String templateVersion) {
        return encode("managed-job-templates", templateName, templateVersion);
    }

    /** @param token a token, or null @return the last template's name and version, or null */
    public static String[] managedJobTemplatesAfter(String token) {
        List<String> parts = decode(token, "managed-job-templates", 2);
        return parts == null ? null : parts.toArray(String[]::new);
    }

    /** @param groupName the last thing group of a page @return the token of the next page */
    public static String thingGroups(String groupName) {
        return encode("thing-groups", groupName);
    }

    /** @param token a token, or null @return the last thing group of the previous page, or null */
    public static String thingGroupsAfter(String token) {
        List<String> parts = decode(token, "thing-groups", 1);
        return parts == null ? null : parts.get(0);
    }

    /** @param thingName the last thing of a ListThings page @return the token of the next page */
    public static String registryThings(String thingName) {
        return encode("registry-things", thingName);
    }

    /** @param token a token, or null @return the last thing of the previous ListThings page, or null */
    public static String registryThingsAfter(String token) {
        List<String> parts = decode(token, "registry-things", 1);
        return parts == null ? null : parts.get(0);
    }

    private static String encode(String kind, String... parts) {
        String plain = kind + SEPARATOR + String.join(SEPARATOR, parts);
        return ENCODER.encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> decode(String token, String kind, int size) {
        if (token == null) {
            return null;
        }
        String plain;
        try {
            plain = new String(DECODER.decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        List<String> parts = List.of(plain.split("\\|", -1));
        if (parts.size() != size + 1 || !parts.get(0).equals(kind) || parts.stream().anyMatch(String::isEmpty)) {
            throw malformed();
        }
        return parts.subList(1, parts.size());
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw malformed();
        }
    }

    private static InvalidRequestException malformed() {
        return new InvalidRequestException("nextToken: is not a token this listing issued");
    }
}
