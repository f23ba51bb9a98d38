/** The magics driven end to end through Debian's jupyter_client against the installed kernel. */
package jproc.it.magics;
