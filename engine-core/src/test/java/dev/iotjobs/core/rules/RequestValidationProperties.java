package dev.iotjobs.core.rules;

import static dev.iotjobs.core.rules.ValidationFixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iotjobs.api.error.InvalidRequestException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * SPEC V1: validation is total. Garbage in any member of any request (null, empty, very long, control characters,
 * lone surrogates, out-of-range numbers, NaN, null list elements, null map keys and values, foreign ARNs, broken
 * JSON, odd date-times) never makes {@code validate} throw; a failure always names a member of the request, in a
 * short message; and the valid baselines validate clean.
 */
class RequestValidationProperties {
    /** Strings that reach deeper checks than random text does. */
    private static final List<String> INTERESTING = List.of("", " ", "job-1", "$next", "sensor-1", "a b",
            ValidationFixtures.THING_ARN, ValidationFixtures.GROUP_ARN,
            "arn:aws:iot:eu-west-1:123456789012:thing/x", "arn:aws:iot:us-east-1:1:thinggroup/x",
            "arn:aws:iot:us-east-1:123456789012:thing/", "arn:aws:iot:us-east-1:123456789012:job/x", "arn:",
            "arn:aws:iot:::", "{}", "[]", "{\"a\":", "{} {}", "null", "\"{}\"", "{\"a\":" + "[".repeat(3000) + "}",
            "2026-03-01T12:00", "2026-03-01T11:00Z", "2026-03-01T12:00:30+02:00", "2026-02-30T12:00",
            "+999999999-12-31T23:59:59-18:00", "-999999999-01-01T00:00+18:00", "SECURITY_ISSUE", "dG9rZW4=",
            "\u0000", "\ud800", "\udc00x", "\u202e", "é", "\uD83D\uDE00");

    private static Arbitrary<Object> garbage(Object baseline) {
        return Arbitraries.randomValue(random -> mutate(baseline, random, 0));
    }

    /** A copy of a record with some components replaced by garbage and some nested records mutated. */
    private static Object mutate(Object record, Random random, int depth) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Object value = get(components[i], record);
            int dice = random.nextInt(4);
            if (dice == 0) {
                value = garbage(components[i].getGenericType(), random, depth + 1);
            } else if (dice == 1 && value != null && value.getClass().isRecord()) {
                value = mutate(value, random, depth + 1);
            }
            values[i] = value;
        }
        return construct(record.getClass(), components, values);
    }

    private static Object garbage(Type type, Random random, int depth) {
        if (random.nextInt(8) == 0) {
            return null;
        }
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            int size = random.nextInt(20) == 0 ? 95 + random.nextInt(10) : random.nextInt(4);
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                items.add(garbage(list.getActualTypeArguments()[0], random, depth + 1));
            }
            return items;
        }
        if (type instanceof ParameterizedType map && map.getRawType() == Map.class) {
            Map<String, String> entries = new HashMap<>(); // allows a null key
            for (int i = random.nextInt(13); i > 0; i--) {
                entries.put((String) garbage(String.class, random, depth), (String) garbage(String.class, random,
                        depth));
            }
            return entries;
        }
        Class<?> cls = (Class<?>) type;
        if (cls == String.class) {
            return text(random);
        } else if (cls == Long.class) {
            return pick(random, 0L, -1L, 1L, 2L, 60L, 3600L, 10080L, 10081L, Long.MIN_VALUE, Long.MAX_VALUE,
                    random.nextLong());
        } else if (cls == Integer.class) {
            return pick(random, 0, -1, 1, 2, 10, 11, 250, 251, 1000, 1001, Integer.MIN_VALUE, Integer.MAX_VALUE,
                    random.nextInt());
        } else if (cls == Double.class) {
            return pick(random, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, 1.0,
                    1.1, 5.0, 5.0000001, 100.0, 100.1, -1e300, random.nextDouble() * 200 - 50);
        } else if (cls == Boolean.class) {
            return random.nextBoolean();
        } else if (cls.isEnum()) {
            Object[] constants = cls.getEnumConstants();
            return constants[random.nextInt(constants.length)];
        } else if (cls.isRecord()) {
            if (depth > 4) {
                return null;
            }
            RecordComponent[] components = cls.getRecordComponents();
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = garbage(components[i].getGenericType(), random, depth + 1);
            }
            return construct(cls, components, values);
        }
        throw new IllegalStateException("no garbage for " + type);
    }

    private static String text(Random random) {
        switch (random.nextInt(6)) {
            case 0:
                return INTERESTING.get(random.nextInt(INTERESTING.size()));
            case 1:
                return "a".repeat(random.nextInt(3) == 0 ? 40_000 : 60 + random.nextInt(3000));
            case 2: {
                // Any UTF-16 unit, controls and lone surrogates included.
                char[] chars = new char[random.nextInt(80)];
                for (int i = 0; i < chars.length; i++) {
                    chars[i] = (char) random.nextInt(Character.MAX_VALUE + 1);
                }
                return new String(chars);
            }
            case 3: {
                String alphabet = "abcXYZ019_-:./@#$ {}[]\"\\\t\n\u0000";
                StringBuilder s = new StringBuilder();
                for (int i = random.nextInt(40); i > 0; i--) {
                    s.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                return s.toString();
            }
            case 4:
                return INTERESTING.get(random.nextInt(INTERESTING.size())) + (char) random.nextInt(128);
            default:
                return "arn:aws:iot:us-east-1:123456789012:" + pick(random, "thing/", "thinggroup/", "job/", "")
                        + "x".repeat(random.nextInt(140));
        }
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }

    private static Object get(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object construct(Class<?> cls, RecordComponent[] components, Object[] values) {
        try {
            Constructor<?> constructor = cls.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Validation never throws; a failure starts with one of the request's members and stays short. */
    private static void validatesWithoutThrowing(Object request) {
        Optional<InvalidRequestException> failure = validate(request);
        assertThat(validate(request).map(Throwable::getMessage)).isEqualTo(failure.map(Throwable::getMessage));
        failure.ifPresent(e -> {
            String message = e.getMessage();
            String member = message.split("[.\\[: ]", 2)[0];
            assertThat(Arrays.stream(request.getClass().getRecordComponents()).map(RecordComponent::getName))
                    .as(message).contains(member);
            assertThat(message).as(message).contains(": ").hasSizeLessThan(500);
        });
    }

    @Property(tries = 24)
    void v1_validBaselinesValidateClean(@ForAll("baselines") Object request) {
        assertThat(validate(request)).isEmpty();
    }

    @Provide
    Arbitrary<Object> baselines() {
        return Arbitraries.of(ValidationFixtures.baselines().toList());
    }

    @Property(tries = 1000)
    void v1_createJobNeverThrows(@ForAll("createJob") Object request) {
        validatesWithoutThrowing(request);
    }

    @Provide
    Arbitrary<Object> createJob() {
        return garbage(ValidationFixtures.createJob().build());
    }

    @Property(tries = 1000)
    void v1_updateJobNeverThrows(@ForAll("updateJob") Object request) {
        validatesWithoutThrowing(request);
    }

    @Provide
    Arbitrary<Object> updateJob() {
        return garbage(ValidationFixtures.updateJob().build());
    }

    @Property(tries = 1000)
    void v1_otherJobRequestsNeverThrow(@ForAll("otherJobRequests") Object request) {
        validatesWithoutThrowing(request);
    }

    @Provide
    Arbitrary<Object> otherJobRequests() {
        return Arbitraries.oneOf(List.of(garbage(ValidationFixtures.cancelJob().build()),
                garbage(ValidationFixtures.deleteJob().build()), garbage(ValidationFixtures.associateTargets().build()),
                garbage(ValidationFixtures.describeJob().build()), garbage(ValidationFixtures.getJobDocument().build()),
                garbage(ValidationFixtures.listJobs().build())));
    }

    @Property(tries = 1000)
    void v1_controlPlaneExecutionRequestsNeverThrow(@ForAll("executionRequests") Object request) {
        validatesWithoutThrowing(request);
    }

    @Provide
    Arbitrary<Object> executionRequests() {
        return Arbitraries.oneOf(List.of(garbage(ValidationFixtures.describeExecution().build()),
                garbage(ValidationFixtures.listForJob().build()), garbage(ValidationFixtures.listForThing().build()),
                garbage(ValidationFixtures.cancelExecution().build()),
                garbage(ValidationFixtures.deleteExecution().build())));
    }

    @Property(tries = 1000)
    void v1_dataPlaneRequestsNeverThrow(@ForAll("dataPlaneRequests") Object request) {
        validatesWithoutThrowing(request);
    }

    @Provide
    Arbitrary<Object> dataPlaneRequests() {
        return Arbitraries.oneOf(List.of(garbage(ValidationFixtures.describeExecutionData().build()),
                garbage(ValidationFixtures.getPending().build()), garbage(ValidationFixtures.startNext().build()),
                garbage(ValidationFixtures.updateExecution().build())));
    }

    @Property(tries = 1000)
    void v1_registryRequestsNeverThrow(@ForAll("registryRequests") Object request) {
        validatesWithoutThrowing(request);
    }

    @Provide
    Arbitrary<Object> registryRequests() {
        return Arbitraries.oneOf(List.of(garbage(ValidationFixtures.createThing().build()),
                garbage(ValidationFixtures.deleteThing().build()),
                garbage(ValidationFixtures.createThingGroup().build()),
                garbage(ValidationFixtures.deleteThingGroup().build()),
                garbage(ValidationFixtures.addThingToGroup().build()),
                garbage(ValidationFixtures.removeThingFromGroup().build()),
                garbage(ValidationFixtures.listThingsInGroup().build())));
    }
}
