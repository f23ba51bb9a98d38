/** End-to-end tests of the tutorial notebooks: headless runs with nbclient and a run in a real browser. */
package jproc.it.notebooks;
