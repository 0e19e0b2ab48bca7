package dev.iotjobs.core.rules;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ARNs the engine builds and accepts: {@code arn:aws:iot:{region}:{account}:thing/{thingName}},
 * {@code ...:thinggroup/{groupName}}, {@code ...:job/{jobId}} and {@code ...:jobtemplate/{jobTemplateId}} (SPEC J2,
 * V5, J14).
 */
public final class Arns {
    /** The resource type of a thing ARN. */
    static final String THING = "thing";
    /** The resource type of a thing-group ARN. */
    static final String THING_GROUP = "thinggroup";

    /** The resource type of a job ARN. */
    static final String JOB = "job";
    /** The resource type of a job-template ARN. */
    static final String JOB_TEMPLATE = "jobtemplate";

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9:_-]+");
    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9_-]+");
    private static final int ID_MAX = 64;
    private static final int NAME_MAX = 128;

    private Arns() {
    }

    /**
     * @param region the engine's region
     * @param account the engine's account id
     * @param thingName a thing's name
     * @return the thing's ARN
     */
    public static String thing(String region, String account, String thingName) {
        return prefix(region, account) + THING + "/" + thingName;
    }

    /**
     * @param region the engine's region
     * @param account the engine's account id
     * @param groupName a thing group's name
     * @return the group's ARN
     */
    public static String thingGroup(String region, String account, String groupName) {
        return prefix(region, account) + THING_GROUP + "/" + groupName;
    }

    /**
     * @param region the engine's region
     * @param account the engine's account id
     * @param jobId a job's id
     * @return the job's ARN
     */
    public static String job(String region, String account, String jobId) {
        return prefix(region, account) + "job/" + jobId;
    }

    /**
     * @param region the engine's region
     * @param account the engine's account id
     * @param jobTemplateId a custom job template's id
     * @return the template's ARN (SPEC J14)
     */
    public static String jobTemplate(String region, String account, String jobTemplateId) {
        return prefix(region, account) + JOB_TEMPLATE + "/" + jobTemplateId;
    }

    /**
     * SPEC J14: parses the ARN of a job of the given region and account ({@code CreateJobTemplate.jobArn}).
     *
     * @param region the engine's region
     * @param account the engine's account id
     * @param arn the ARN, possibly null or malformed
     * @return the job id it names, or empty when it is not such an ARN
     */
    public static Optional<String> parseJob(String region, String account, String arn) {
        return idProblem(region, account, arn, JOB).isPresent() ? Optional.empty() : Optional.of(resourceId(arn));
    }

    /**
     * SPEC J14: parses the ARN of a custom job template of the given region and account. A managed template's ARN
     * (empty account, SPEC J15) is not one.
     *
     * @param region the engine's region
     * @param account the engine's account id
     * @param arn the ARN, possibly null or malformed
     * @return the template id it names, or empty when it is not such an ARN
     */
    public static Optional<String> parseJobTemplate(String region, String account, String arn) {
        return idProblem(region, account, arn, JOB_TEMPLATE).isPresent() ? Optional.empty()
                : Optional.of(resourceId(arn));
    }

    /**
     * Why an ARN is not a job (or job template) ARN of the given region and account with a valid id.
     *
     * @param region the engine's region
     * @param account the engine's account id
     * @param arn the ARN
     * @param type {@link #JOB} or {@link #JOB_TEMPLATE}
     * @return the problem as a message part ({@code must be ..., got "..."}), empty when the ARN is fine
     */
    static Optional<String> idProblem(String region, String account, String arn, String type) {
        String got = ", got " + Checks.quote(arn);
        String expected = "must be an ARN " + prefix(region, account) + type + "/{id}";
        String[] parts = arn == null ? new String[0] : arn.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn") || !parts[1].equals("aws") || !parts[2].equals("iot")
                || !parts[5].startsWith(type + "/")) {
            return Optional.of(expected + got);
        }
        if (!parts[3].equals(region)) {
            return Optional.of("must be an ARN in region " + region + got);
        }
        if (!parts[4].equals(account)) {
            return Optional.of("must be an ARN in account " + account + got);
        }
        String id = parts[5].substring(type.length() + 1);
        if (id.isEmpty() || id.length() > ID_MAX || !ID.matcher(id).matches()) {
            return Optional.of("must end in an id of 1 to " + ID_MAX + " characters matching " + ID.pattern() + got);
        }
        return Optional.empty();
    }

    private static String resourceId(String arn) {
        String resource = arn.split(":", 6)[5];
        return resource.substring(resource.indexOf('/') + 1);
    }

    /**
     * SPEC V5: parses a job target, a thing or thing-group ARN of the given region and account with a valid name.
     *
     * @param region the engine's region
     * @param account the engine's account id
     * @param arn the ARN, possibly null or malformed
     * @return the thing or group it names, or empty when it is not such an ARN
     */
    public static Optional<Scope.Target> parseTarget(String region, String account, String arn) {
        if (problem(region, account, arn, List.of(THING, THING_GROUP)).isPresent()) {
            return Optional.empty();
        }
        String resource = arn.split(":", 6)[5];
        int slash = resource.indexOf('/');
        return Optional.of(new Scope.Target(resource.substring(0, slash).equals(THING_GROUP),
                resource.substring(slash + 1)));
    }

    /**
     * Why an ARN is not one of the given resource types in the given region and account.
     *
     * @param region the engine's region
     * @param account the engine's account id
     * @param arn the ARN
     * @param types the resource types allowed, {@link #THING} and/or {@link #THING_GROUP}
     * @return the problem as a message part ({@code must be ..., got "..."}), empty when the ARN is fine
     */
    static Optional<String> problem(String region, String account, String arn, List<String> types) {
        String got = ", got " + Checks.quote(arn);
        String[] parts = arn == null ? new String[0] : arn.split(":", 6);
        int slash = parts.length == 6 ? parts[5].indexOf('/') : -1;
        if (slash < 0 || !parts[0].equals("arn") || !parts[1].equals("aws") || !parts[2].equals("iot")) {
            return Optional.of("must be an ARN " + String.join(" or ",
                    types.stream().map(type -> prefix(region, account) + type + "/{name}").toList()) + got);
        }
        if (!parts[3].equals(region)) {
            return Optional.of("must be an ARN in region " + region + got);
        }
        if (!parts[4].equals(account)) {
            return Optional.of("must be an ARN in account " + account + got);
        }
        if (!types.contains(parts[5].substring(0, slash))) {
            return Optional.of("must be a " + String.join(" or ", types) + " ARN" + got);
        }
        String name = parts[5].substring(slash + 1);
        if (name.isEmpty() || name.length() > NAME_MAX || !NAME.matcher(name).matches()) {
            return Optional.of("must end in a name of 1 to " + NAME_MAX + " characters matching " + NAME.pattern()
                    + got);
        }
        return Optional.empty();
    }

    private static String prefix(String region, String account) {
        return "arn:aws:iot:" + region + ":" + account + ":";
    }
}
