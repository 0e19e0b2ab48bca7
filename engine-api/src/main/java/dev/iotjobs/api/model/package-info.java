/** Immutable values of the AWS IoT Jobs model: jobs, executions, their configurations and enums. */
package dev.iotjobs.api.model;
