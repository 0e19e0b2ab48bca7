package dev.iotjobs.core.rules;

import dev.iotjobs.api.model.AbortConfig;
import dev.iotjobs.api.model.AbortCriteria;
import dev.iotjobs.api.model.AttributePayload;
import dev.iotjobs.api.model.ExponentialRolloutRate;
import dev.iotjobs.api.model.JobExecutionsRetryConfig;
import dev.iotjobs.api.model.JobExecutionsRolloutConfig;
import dev.iotjobs.api.model.PresignedUrlConfig;
import dev.iotjobs.api.model.RateIncreaseCriteria;
import dev.iotjobs.api.model.RetryCriteria;
import dev.iotjobs.api.model.RetryableFailureType;
import dev.iotjobs.api.model.SchedulingConfig;
import dev.iotjobs.api.model.Tag;
import dev.iotjobs.api.model.ThingGroupProperties;
import dev.iotjobs.api.model.TimeoutConfig;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shapes of members and structures that several requests share (reference/aws-iot-jobs-shapes.md), with the
 * extra limits of SPEC V3. Each method checks one member or structure at the given path, in member order.
 */
final class ValidationShapes {
    static final Pattern ID = Pattern.compile("[a-zA-Z0-9_-]+");
    static final Pattern ID_OR_NEXT = Pattern.compile("[a-zA-Z0-9_-]+|^\\$next");
    static final Pattern NAME = Pattern.compile("[a-zA-Z0-9:_-]+");
    static final Pattern PRINTABLE = Pattern.compile("[^\\p{C}]+");
    static final Pattern PRINTABLE_OR_EMPTY = Pattern.compile("[^\\p{C}]*+");
    static final Pattern REASON_CODE = Pattern.compile("[\\p{Upper}\\p{Digit}_]+");
    static final Pattern TEMPLATE_ARN = Pattern.compile("^arn:[!-~]+$");
    static final Pattern TEMPLATE_VERSION = Pattern.compile("^[1-9]+.[0-9]+");
    static final Pattern GROUP_ID = Pattern.compile("[a-zA-Z0-9\\-]+");
    static final Pattern TAG_KEY = Pattern.compile("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");
    static final Pattern ATTRIBUTE_KEY = Pattern.compile("[a-zA-Z0-9_.,@/:#-]+");
    static final Pattern ATTRIBUTE_VALUE = Pattern.compile("[a-zA-Z0-9_.,@/:#-]*");
    static final Pattern GROUP_DESCRIPTION = Pattern.compile("[\\p{Graph}\\x20]*");
    /** Page tokens are base64 (PageTokens issues the URL-safe alphabet); this is only a sanity check. */
    static final Pattern NEXT_TOKEN = Pattern.compile("[A-Za-z0-9+/=_-]+");

    static final int JOB_ID_MAX = 64;
    static final int NAME_MAX = 128;
    static final int TEXT_MAX = 2028;
    static final int TARGET_MAX = 2048;
    static final int NEXT_TOKEN_MAX = 1024;
    static final int STATUS_DETAIL_VALUE_MAX = 1024;
    static final int ATTRIBUTE_VALUE_MAX = 800;

    private ValidationShapes() {
    }

    // ---- simple members ----

    static void jobId(Checks c, String jobId) {
        c.required("jobId", jobId).length(1, JOB_ID_MAX).pattern(ID);
    }

    /** SPEC J14: a custom job template's id, as a job's. */
    static void jobTemplateId(Checks c, String jobTemplateId) {
        c.required("jobTemplateId", jobTemplateId).length(1, JOB_ID_MAX).pattern(ID);
    }

    /** An optional thing, group, thing-type or billing-group name: 1..128 of {@code [a-zA-Z0-9:_-]}. */
    static void name(Checks c, String member, String name) {
        c.text(member, name).length(1, NAME_MAX).pattern(NAME);
    }

    static void requiredName(Checks c, String member, String name) {
        c.required(member, name);
        name(c, member, name);
    }

    /** {@code description} and {@code comment}: at most 2028 printable characters. */
    static void freeText(Checks c, String member, String text) {
        c.text(member, text).maxLength(TEXT_MAX).pattern(PRINTABLE);
    }

    static void namespaceId(Checks c, String namespaceId) {
        c.text("namespaceId", namespaceId).pattern(ID);
    }

    static void maxResults(Checks c, Integer maxResults, ValidationLimits limits) {
        c.number("maxResults", maxResults).range(1, limits.maxMaxResults());
    }

    /** Only a sanity check: PageTokens decodes it and names a malformed one. */
    static void nextToken(Checks c, String nextToken) {
        c.text("nextToken", nextToken).length(1, NEXT_TOKEN_MAX).pattern(NEXT_TOKEN);
    }

    static void positive(Checks c, String member, Long value) {
        c.number(member, value).atLeast(1);
    }

    // ---- maps ----

    /**
     * An execution's {@code statusDetails}: at most maxStatusDetails entries, keys 1..128 of
     * {@code [a-zA-Z0-9:_-]}, values 1..1024 matching {@code valuePattern}.
     */
    static void statusDetails(Checks c, Map<String, String> details, Pattern valuePattern, ValidationLimits limits) {
        c.map("statusDetails", details).atMost(limits.maxStatusDetails()).each((key, value) -> {
            key.length(1, NAME_MAX).pattern(NAME);
            value.length(1, STATUS_DETAIL_VALUE_MAX).pattern(valuePattern);
        });
    }

    static void documentParameters(Checks c, Map<String, String> parameters) {
        c.map("documentParameters", parameters).each((key, value) -> {
            key.length(1, NAME_MAX).pattern(ID);
            value.length(1, 512).pattern(PRINTABLE);
        });
    }

    // ---- targets (SPEC V3, V5) ----

    static void targets(Checks c, List<String> targets, ValidationLimits limits, Scope scope) {
        c.list("targets", targets).size(1, limits.maxTargets()).each((path, arn) -> c.text(path, arn)
                .maxLength(TARGET_MAX)
                .check(a -> Arns.problem(scope.region(), scope.accountId(), a,
                        List.of(Arns.THING, Arns.THING_GROUP))));
    }

    /**
     * A thing or group given by name or ARN (AddThingToThingGroup, RemoveThingFromThingGroup): one of the two is
     * required, an ARN must be of the given type in the engine's scope, and both must agree when both are given.
     */
    static void nameOrArn(Checks c, String nameMember, String name, String arnMember, String arn, String type,
                          Scope scope) {
        name(c, nameMember, name);
        c.text(arnMember, arn).check(a -> Arns.problem(scope.region(), scope.accountId(), a, List.of(type)));
        if (name == null && arn == null) {
            c.fail(nameMember, "one of " + nameMember + " or " + arnMember + " is required");
        } else if (c.ok() && name != null && arn != null
                && !Arns.parseTarget(scope.region(), scope.accountId(), arn).orElseThrow().name().equals(name)) {
            c.fail(arnMember, "must name the same resource as " + nameMember + " " + Checks.quote(name)
                    + ", got " + Checks.quote(arn));
        }
    }

    // ---- structures ----

    static void presignedUrlConfig(Checks c, PresignedUrlConfig config) {
        if (c.given(config)) {
            c.text("presignedUrlConfig.roleArn", config.roleArn()).length(20, 2048);
            c.number("presignedUrlConfig.expiresInSec", config.expiresInSec()).range(60, 3600);
        }
    }

    static void rolloutConfig(Checks c, JobExecutionsRolloutConfig config, ValidationLimits limits) {
        String at = "jobExecutionsRolloutConfig.";
        if (!c.given(config)) {
            return;
        }
        c.number(at + "maximumPerMinute", config.maximumPerMinute()).range(1, limits.maxPerMinute());
        ExponentialRolloutRate rate = config.exponentialRate();
        if (!c.given(rate)) {
            return;
        }
        at += "exponentialRate.";
        c.required(at + "baseRatePerMinute", rate.baseRatePerMinute()).range(1, 1000);
        c.required(at + "incrementFactor", rate.incrementFactor()).range(1.1, 5.0);
        RateIncreaseCriteria criteria = rate.rateIncreaseCriteria();
        if (c.present(at + "rateIncreaseCriteria", criteria)) {
            c.number(at + "rateIncreaseCriteria.numberOfNotifiedThings", criteria.numberOfNotifiedThings())
                    .atLeast(1);
            c.number(at + "rateIncreaseCriteria.numberOfSucceededThings", criteria.numberOfSucceededThings())
                    .atLeast(1);
        }
    }

    static void abortConfig(Checks c, AbortConfig config) {
        if (!c.given(config)) {
            return;
        }
        c.list("abortConfig.criteriaList", config.criteriaList()).size(1, Integer.MAX_VALUE)
                .each((path, criteria) -> abortCriteria(c, path + ".", criteria));
    }

    private static void abortCriteria(Checks c, String at, AbortCriteria criteria) {
        c.present(at + "failureType", criteria.failureType());
        c.present(at + "action", criteria.action());
        c.required(at + "thresholdPercentage", criteria.thresholdPercentage()).range(0, 100);
        c.required(at + "minNumberOfExecutedThings", criteria.minNumberOfExecutedThings()).atLeast(1);
    }

    static void timeoutConfig(Checks c, TimeoutConfig config, ValidationLimits limits) {
        if (c.given(config)) {
            c.number("timeoutConfig.inProgressTimeoutInMinutes", config.inProgressTimeoutInMinutes())
                    .range(1, limits.maxTimeoutMinutes());
        }
    }

    /** 1..2 criteria, one per failure type, retries 0..10 each and at most maxRetries in all (SPEC V3). */
    static void retryConfig(Checks c, JobExecutionsRetryConfig config, ValidationLimits limits) {
        if (!c.given(config)) {
            return;
        }
        String member = "jobExecutionsRetryConfig.criteriaList";
        Map<RetryableFailureType, Integer> seen = new EnumMap<>(RetryableFailureType.class);
        c.list(member, config.criteriaList()).size(1, 2).each((path, criteria) -> {
            retryCriteria(c, path + ".", criteria);
            if (c.ok() && seen.put(criteria.failureType(), criteria.numberOfRetries()) != null) {
                c.fail(path + ".failureType", "must differ from the other criteria's, got "
                        + criteria.failureType().name() + " twice");
            }
        });
        long sum = seen.values().stream().mapToLong(Integer::longValue).sum();
        if (c.ok() && sum > limits.maxRetries()) {
            c.fail(member, "retries must sum to at most " + limits.maxRetries() + ", got " + sum);
        }
    }

    private static void retryCriteria(Checks c, String at, RetryCriteria criteria) {
        c.present(at + "failureType", criteria.failureType());
        c.required(at + "numberOfRetries", criteria.numberOfRetries()).range(0, 10);
    }

    /** SPEC T8: both times parse and the end comes after the start. */
    static void schedulingConfig(Checks c, SchedulingConfig config) {
        if (!c.given(config)) {
            return;
        }
        String start = "schedulingConfig.startTime";
        String end = "schedulingConfig.endTime";
        c.text(start, config.startTime()).length(1, 64).check(ValidationShapes::scheduleTimeProblem);
        c.text(end, config.endTime()).length(1, 64).check(ValidationShapes::scheduleTimeProblem);
        if (c.ok() && config.startTime() != null && config.endTime() != null) {
            Instant from = ScheduleTimes.parse(config.startTime()).orElseThrow();
            Instant to = ScheduleTimes.parse(config.endTime()).orElseThrow();
            if (!to.isAfter(from)) {
                c.fail(end, "must be after " + start + " " + Checks.quote(config.startTime()) + ", got "
                        + Checks.quote(config.endTime()));
            }
        }
    }

    private static Optional<String> scheduleTimeProblem(String time) {
        return ScheduleTimes.parse(time).isPresent() ? Optional.empty()
                : Optional.of("must be an ISO-8601 date-time such as " + ScheduleTimes.EXAMPLE
                        + " (seconds and offset optional), got " + Checks.quote(time));
    }

    static void tags(Checks c, List<Tag> tags) {
        c.list("tags", tags).each((path, tag) -> {
            c.required(path + ".key", tag.key()).length(1, NAME_MAX).pattern(TAG_KEY);
            c.text(path + ".value", tag.value()).maxLength(256);
        });
    }

    static void attributePayload(Checks c, String member, AttributePayload payload) {
        if (c.given(payload)) {
            c.map(member + ".attributes", payload.attributes()).each((key, value) -> {
                key.maxLength(NAME_MAX).pattern(ATTRIBUTE_KEY);
                value.maxLength(ATTRIBUTE_VALUE_MAX).pattern(ATTRIBUTE_VALUE);
            });
        }
    }

    static void thingGroupProperties(Checks c, ThingGroupProperties properties) {
        if (c.given(properties)) {
            c.text("thingGroupProperties.thingGroupDescription", properties.thingGroupDescription())
                    .maxLength(TEXT_MAX).pattern(GROUP_DESCRIPTION);
            attributePayload(c, "thingGroupProperties.attributePayload", properties.attributePayload());
        }
    }
}
