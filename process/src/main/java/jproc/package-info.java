/** The front door {@link jproc.Mp}: one short factory per process, pool and channel primitive. */
package jproc;
