package dev.iotjobs.core.rules;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ARNs the engine builds and accepts: {@code arn:aws:iot:{region}:{account}:thing/{thingName}},
 * {@code ...:thinggroup/{groupName}} and {@code ...:job/{jobId}} (SPEC J2, V5).
 */
public final class Arns {
    /** The resource type of a thing ARN. */
    static final String THING = "thing";
    /** The resource type of a thing-group ARN. */
    static final String THING_GROUP = "thinggroup";

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9:_-]+");
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
