/** The reliability suite run as a CI test, and repros of what it found. */
package jproc.it.reliability;
