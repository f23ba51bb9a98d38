/** Magics that create channels whose handles become notebook variables: %queue, %pipe, %value, %lock... */
package jproc.magics.channels;
