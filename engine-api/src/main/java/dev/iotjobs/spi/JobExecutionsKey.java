package dev.iotjobs.spi;

/**
 * The sort key of a job's executions in listings: {@code thingName}, then {@code executionNumber}.
 *
 * @param thingName the thing
 * @param executionNumber the execution's number
 */
public record JobExecutionsKey(String thingName, long executionNumber) {
}
