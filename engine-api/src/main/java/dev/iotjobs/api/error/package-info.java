/** The errors, one class per AWS error code. */
package dev.iotjobs.api.error;
