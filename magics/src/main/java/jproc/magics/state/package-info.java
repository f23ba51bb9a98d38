/** What the views show, read from the session: children, traces, /proc and channel snapshots. */
package jproc.magics.state;
