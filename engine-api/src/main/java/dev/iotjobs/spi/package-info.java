/**
 * The persistence SPI: a narrow, rule-free repository that answers indexed queries and applies a
 * {@link dev.iotjobs.spi.Changeset} atomically with optimistic concurrency.
 */
package dev.iotjobs.spi;
