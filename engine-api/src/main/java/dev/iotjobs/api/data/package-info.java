/** Requests and responses of the device data-plane operations. */
package dev.iotjobs.api.data;
