/** End-to-end tests of the installed kernel, driven by Debian's jupyter_client, nbclient and nbconvert. */
package jproc.it.kernel;
