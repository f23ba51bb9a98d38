/**
 * Cross-process pipes: pairs of connections with end-of-stream when the peer closes or dies (the mirror of
 * multiprocessing.Pipe).
 */
package jproc.ipc.pipe;
