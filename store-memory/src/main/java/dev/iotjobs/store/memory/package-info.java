/**
 * An in-memory {@link dev.iotjobs.spi.JobRepository}: {@link dev.iotjobs.store.memory.InMemoryJobRepository},
 * for tests, single-node embedding and benchmarks. Nothing is durable.
 */
package dev.iotjobs.store.memory;
