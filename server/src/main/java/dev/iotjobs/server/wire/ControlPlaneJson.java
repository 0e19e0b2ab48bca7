package dev.iotjobs.server.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.iotjobs.api.error.InvalidRequestException;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.api.model.JobExecutionSummary;
import dev.iotjobs.api.model.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The control plane's ({@code iot}) JSON: the engine's request and response records bound by their member names,
 * which are AWS's. What AWS shapes differently is said here once: timestamps as epoch seconds with a millisecond
 * fraction (SPEC W3), {@code Tag} as {@code Key}/{@code Value}, a {@code JobExecution} with
 * {@code statusDetails} as {@code {"detailsMap": ...}} and neither thing name nor document, summaries without job id
 * and version. Reading is strict: a member of the wrong JSON type or out of its type's range is an
 * {@link InvalidRequestException} naming it; members AWS does not model are ignored, as AWS ignores them.
 */
final class ControlPlaneJson {
    private static final ObjectMapper MAPPER = mapper();

    private ControlPlaneJson() {
    }

    /**
     * @param body a request body (already checked to be a JSON object)
     * @param type the request record to read it as
     * @return the record, with every member the body gives
     * @throws InvalidRequestException naming the first member of the wrong type
     */
    static <T> T read(ObjectNode body, Class<T> type) {
        try {
            return MAPPER.treeToValue(body, type);
        } catch (JsonMappingException e) {
            throw new InvalidRequestException(member(e) + ": " + problem(e));
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("body: " + e.getOriginalMessage());
        }
    }

    /**
     * @param response a response record of the control plane
     * @return its JSON, members that are not set left out
     */
    static ObjectNode write(Object response) {
        return MAPPER.valueToTree(response);
    }

    private static String member(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    private static String problem(JsonMappingException e) {
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (e instanceof InvalidFormatException invalid && target != null && target.isEnum()) {
            return "must be one of " + Arrays.stream(target.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ")) + ", got \"" + invalid.getValue() + "\"";
        }
        if (e.getCause() instanceof InputCoercionException range) {
            target = range.getTargetType();
        }
        if (e instanceof InvalidNullException) {
            return "must not hold null";
        }
        if (target == null) {
            return "is not valid here";
        }
        if (target == Integer.class || target == int.class) {
            return "must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (target == Long.class || target == long.class) {
            return "must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        if (target == Double.class || target == double.class) {
            return "must be a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (target.isEnum()) {
            return "must be a string, one of " + Arrays.stream(target.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (List.class.isAssignableFrom(target)) {
            return "must be a JSON array";
        }
        if (Map.class.isAssignableFrom(target)) {
            return "must be a JSON object of strings";
        }
        return "must be a JSON object";
    }

    private static ObjectMapper mapper() {
        SimpleModule shapes = new SimpleModule("aws-iot-control-plane")
                .addSerializer(Instant.class, new EpochSeconds())
                .setMixInAnnotation(Tag.class, TagShape.class)
                .setMixInAnnotation(JobExecution.class, ExecutionShape.class)
                .setMixInAnnotation(JobExecutionSummary.class, SummaryShape.class);
        JsonMapper mapper = JsonMapper.builder()
                .addModule(shapes)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        // Strings are strings and numbers numbers: no scalar turns into another (a whole number may be a double).
        for (LogicalType type : List.of(LogicalType.Textual, LogicalType.Boolean, LogicalType.Enum)) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        // No null inside a list or map ("targets": [null]); a null member is "not given", as on AWS.
        mapper.configOverride(List.class).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        mapper.configOverride(Map.class).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        // An empty map is left out of an answer, as AWS leaves out what it does not hold.
        mapper.configOverride(Map.class).setInclude(
                JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.ALWAYS));
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        return mapper;
    }

    /** SPEC W3: control-plane timestamps are epoch seconds, with milliseconds as a fraction. */
    private static final class EpochSeconds extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant time, JsonGenerator json, SerializerProvider provider) throws IOException {
            long millis = time.toEpochMilli();
            // A whole second as an integer: a JSON tree would print 1796119200.000 as 1.7961192E+9.
            if (millis % 1000 == 0) {
                json.writeNumber(millis / 1000);
            } else {
                json.writeNumber(BigDecimal.valueOf(millis, 3));
            }
        }
    }

    /** AWS spells a tag's members with capitals. */
    private abstract static class TagShape {
        @JsonProperty("Key")
        abstract String key();

        @JsonProperty("Value")
        abstract String value();
    }

    /** The control plane's {@code JobExecution}: no thing name, no document, details wrapped. */
    @JsonIgnoreProperties({"thingName", "jobDocument"})
    private abstract static class ExecutionShape {
        @JsonSerialize(using = DetailsMap.class)
        abstract Map<String, String> statusDetails();
    }

    /** The control plane's {@code JobExecutionSummary}: no job id (its wrapper has it), no version. */
    @JsonIgnoreProperties({"jobId", "versionNumber"})
    private abstract static class SummaryShape {
    }

    /** {@code JobExecutionStatusDetails}: the map inside {@code {"detailsMap": ...}}. */
    private static final class DetailsMap extends JsonSerializer<Map<String, String>> {
        @Override
        public void serialize(Map<String, String> details, JsonGenerator json, SerializerProvider provider)
                throws IOException {
            json.writeStartObject();
            json.writeObjectField("detailsMap", details);
            json.writeEndObject();
        }
    }
}
