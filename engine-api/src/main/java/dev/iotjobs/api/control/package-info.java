/** Requests and responses of the control-plane operations (jobs, executions and the thing registry). */
package dev.iotjobs.api.control;
