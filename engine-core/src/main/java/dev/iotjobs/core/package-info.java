/**
 * The engine: {@link dev.iotjobs.core.JobsEngine} and the imperative shell that loads state, runs the pure rules
 * of {@link dev.iotjobs.core.rules} and commits their decisions.
 */
package dev.iotjobs.core;
