/** What processes did to channels: cheap per-process event records and blocked-on status for inspection. */
package jproc.ipc.trace;
