/** The session: the set of processes that share channels by name, their files, and their user classes. */
package jproc.ipc.session;
