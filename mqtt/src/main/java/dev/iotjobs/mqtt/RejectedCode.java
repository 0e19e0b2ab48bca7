package dev.iotjobs.mqtt;

/** The {@code code} of a {@code /rejected} answer, as AWS IoT Jobs sends it over MQTT (reference/aws-wire.md 2). */
enum RejectedCode {
    /** A topic under {@code .../jobs/} that maps to no operation. */
    InvalidTopic,
    /** A payload that is not UTF-8 JSON. */
    InvalidJson,
    /** A member of the wrong type or breaking its shape, a status the device may not set. */
    InvalidRequest,
    /** The execution's status forbids the change; carries its state. */
    InvalidStateTransition,
    /** No such job, execution or thing. */
    ResourceNotFound,
    /** {@code expectedVersion} is not the execution's version; carries its state. */
    VersionMismatch,
    /** The engine or its store failed; the request changed nothing. */
    InternalError,
    /** The bridge or the engine has more requests than it can take now. */
    RequestThrottled,
    /** The execution is in a terminal status. */
    TerminalStateReached
}
