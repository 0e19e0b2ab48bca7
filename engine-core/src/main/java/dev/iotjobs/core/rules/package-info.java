/**
 * Pure decisions: validation, job rules, execution rules, counters and page tokens. No I/O, no clock reads, no
 * mutation of inputs: {@code (state, request, now) -> Either<error, Decision>}.
 */
package dev.iotjobs.core.rules;
