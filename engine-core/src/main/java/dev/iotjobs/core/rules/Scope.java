package dev.iotjobs.core.rules;

import java.util.Optional;

/**
 * The region and account the engine runs as: every ARN it builds or accepts carries them (see {@link Arns}).
 *
 * @param region the AWS region name, such as {@code us-east-1}
 * @param accountId the 12-digit account id
 */
public record Scope(String region, String accountId) {

    /** @param jobId a job @return its ARN */
    public String jobArn(String jobId) {
        return Arns.job(region, accountId, jobId);
    }

    /** @param jobTemplateId a custom job template @return its ARN (SPEC J14) */
    public String jobTemplateArn(String jobTemplateId) {
        return Arns.jobTemplate(region, accountId, jobTemplateId);
    }

    /**
     * SPEC J14: the custom job template a {@code jobTemplateArn} names.
     *
     * @param arn a job template ARN
     * @return the template's id, or empty when the ARN is not a custom template ARN of this region and account
     *     (a managed template's ARN, SPEC J15, has an empty account)
     */
    public Optional<String> customJobTemplateId(String arn) {
        return Arns.parseJobTemplate(region, accountId, arn);
    }

    /**
     * SPEC J14: the job a {@code CreateJobTemplate.jobArn} names.
     *
     * @param arn a job ARN
     * @return the job's id, or empty when the ARN is not a job ARN of this region and account
     */
    public Optional<String> jobId(String arn) {
        return Arns.parseJob(region, accountId, arn);
    }

    /** @param thingName a thing @return its ARN */
    public String thingArn(String thingName) {
        return Arns.thing(region, accountId, thingName);
    }

    /** @param groupName a thing group @return its ARN */
    public String thingGroupArn(String groupName) {
        return Arns.thingGroup(region, accountId, groupName);
    }

    /**
     * A job target: a thing or a thing group, by name.
     *
     * @param group whether it names a thing group
     * @param name the thing's or group's name
     */
    public record Target(boolean group, String name) {
    }

    /**
     * SPEC V5: parses a target ARN of this region and account.
     *
     * @param arn a thing or thing-group ARN
     * @return the target, or empty when the ARN is not one of this scope's thing or thing-group ARNs
     */
    public Optional<Target> parseTarget(String arn) {
        return Arns.parseTarget(region, accountId, arn);
    }
}
