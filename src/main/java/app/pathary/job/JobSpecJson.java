package app.pathary.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Job specs to and from a row's {@code type} and {@code params} columns. Reading is strict (a missing or mistyped
 * field is an error) with two allowances for rows written before specs were typed: the user id may be only in the
 * {@code user_id} column, and a {@code cleanup_execute} row may lack its plan id (0: the latest plan) and its
 * override switch (off). A row that still cannot be read fails as a {@link JobFailure}, never retried.
 */
final class JobSpecJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Map<String, Class<? extends JobSpec>> BY_TYPE = Arrays.stream(JobSpec.class.getPermittedSubclasses())
            .map(JobSpecJson::asSpec).collect(Collectors.toUnmodifiableMap(JobSpecJson::typeOf, Function.identity()));

    private JobSpecJson() {
    }

    /** The spec's fields as the JSON of the {@code params} column. */
    public static String params(JobSpec spec) {
        try {
            return JSON.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a job spec must always serialise: " + spec, e);
        }
    }

    /** The spec of a stored row; throws a {@link JobFailure} with a sentence when the row cannot be read. */
    public static JobSpec read(String type, Long userId, String params) {
        Class<? extends JobSpec> kind = BY_TYPE.get(type);
        if (kind == null) {
            throw new JobFailure("No handler for job type " + type + "; this version of Pathary cannot run it.");
        }
        try {
            if (!(JSON.readTree(params == null ? "{}" : params) instanceof ObjectNode fields)) {
                throw new JobFailure("The parameters of this " + type + " job are not a JSON object, so it cannot run: " + params);
            }
            if (userId != null && !fields.has("userId")) {
                fields.put("userId", userId);
            }
            if (kind == JobSpec.CleanupExecute.class) {
                fields.putIfAbsent("planId", fields.numberNode(0L));
                fields.putIfAbsent("overrideLimits", fields.booleanNode(false));
            }
            return JSON.treeToValue(fields, kind);
        } catch (JsonProcessingException e) {
            throw new JobFailure("The parameters of this " + type + " job cannot be read, so it cannot run ("
                    + e.getOriginalMessage() + "): " + params);
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends JobSpec> asSpec(Class<?> permitted) {
        return (Class<? extends JobSpec>) permitted;
    }

    private static String typeOf(Class<? extends JobSpec> kind) {
        try {
            return (String) kind.getField("TYPE").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(kind.getSimpleName() + " must declare its stored type as TYPE", e);
        }
    }
}
