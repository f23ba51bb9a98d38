/** Parsing of magic arguments, usage errors and closest-name suggestions. */
package jproc.magics.args;
