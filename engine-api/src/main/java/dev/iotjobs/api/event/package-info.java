/** The events every committed change emits. */
package dev.iotjobs.api.event;
