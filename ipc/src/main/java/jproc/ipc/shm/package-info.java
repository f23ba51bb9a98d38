/**
 * Shared-memory mechanism behind the channels: mapped files, robust lock words, message rings, waiting and
 * session file cleanup (not an API for notebooks).
 */
package jproc.ipc.shm;
