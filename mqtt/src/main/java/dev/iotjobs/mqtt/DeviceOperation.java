package dev.iotjobs.mqtt;

/** The four device operations of AWS IoT Jobs over MQTT (SPEC W4; reference/aws-wire.md section 2). */
enum DeviceOperation {
    /** {@code $aws/things/{thing}/jobs/get}: GetPendingJobExecutions. */
    GET_PENDING,
    /** {@code $aws/things/{thing}/jobs/start-next}: StartNextPendingJobExecution. */
    START_NEXT,
    /** {@code $aws/things/{thing}/jobs/{jobId}/get}: DescribeJobExecution ({@code jobId} may be {@code $next}). */
    DESCRIBE,
    /** {@code $aws/things/{thing}/jobs/{jobId}/update}: UpdateJobExecution. */
    UPDATE
}
