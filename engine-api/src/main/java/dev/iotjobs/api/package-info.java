/** The operations of the engine: the jobs control plane, the device data plane and the thing registry. */
package dev.iotjobs.api;
