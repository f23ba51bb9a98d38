/** Magics that look at processes and channels without disturbing them: %inspect, %ipc, %wiring, %timeline, %trace. */
package jproc.magics.inspect;
