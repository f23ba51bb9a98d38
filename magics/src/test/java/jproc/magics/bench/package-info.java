/** Measurements behind the figures the magics report (run by hand, not part of the test suite). */
package jproc.magics.bench;
