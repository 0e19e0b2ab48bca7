package dev.iotjobs.mqtt;

import dev.iotjobs.api.error.CertificateValidationException;
import dev.iotjobs.api.error.InvalidRequestException;
import dev.iotjobs.api.error.InvalidStateTransitionException;
import dev.iotjobs.api.error.JobsException;
import dev.iotjobs.api.error.LimitExceededException;
import dev.iotjobs.api.error.ResourceNotFoundException;
import dev.iotjobs.api.error.TerminalStateException;
import dev.iotjobs.api.error.ThrottlingException;
import dev.iotjobs.api.error.VersionConflictException;
import dev.iotjobs.api.model.JobExecutionState;

/**
 * Why a request was rejected, as the {@code /rejected} answer says it.
 *
 * @param code the rejected code
 * @param message the message (never a stack trace)
 * @param executionState the execution's current state: only for InvalidStateTransition and VersionMismatch,
 *     as AWS sends it; else null
 */
record Rejection(RejectedCode code, String message, JobExecutionState executionState) {

    /** @return a rejection without an execution state */
    static Rejection of(RejectedCode code, String message) {
        return new Rejection(code, message, null);
    }

    /**
     * @param error what the engine threw
     * @return the MQTT rejection AWS sends for it
     */
    static Rejection of(JobsException error) {
        String message = String.valueOf(error.getMessage());
        if (error instanceof InvalidRequestException || error instanceof CertificateValidationException) {
            return of(RejectedCode.InvalidRequest, message);
        }
        if (error instanceof ResourceNotFoundException) {
            return of(RejectedCode.ResourceNotFound, message);
        }
        if (error instanceof InvalidStateTransitionException invalid) {
            return new Rejection(RejectedCode.InvalidStateTransition, message, invalid.executionState());
        }
        if (error instanceof VersionConflictException conflict) {
            return new Rejection(RejectedCode.VersionMismatch, message, conflict.executionState());
        }
        if (error instanceof TerminalStateException) {
            return of(RejectedCode.TerminalStateReached, message);
        }
        if (error instanceof ThrottlingException || error instanceof LimitExceededException) {
            return of(RejectedCode.RequestThrottled, message);
        }
        // ServiceUnavailable (a failing store) and anything else the data plane should never throw: the store's
        // details stay in the log.
        return of(RejectedCode.InternalError, "the engine could not process the request now (" + error.errorCode()
                + "); retry it");
    }
}
