package dev.iotjobs.core.rules;

import dev.iotjobs.spi.Changeset;

/**
 * What a rule decided: the changes to commit (with the events that explain them) and the caller's response.
 *
 * @param changes what to commit atomically; empty when the operation changes nothing
 * @param response what the operation answers once the changes are committed
 * @param <R> the response type
 */
public record Decision<R>(Changeset changes, R response) {

    /**
     * @param response the response
     * @param <R> the response type
     * @return a decision that changes nothing
     */
    public static <R> Decision<R> unchanged(R response) {
        return new Decision<>(Changeset.EMPTY, response);
    }
}
