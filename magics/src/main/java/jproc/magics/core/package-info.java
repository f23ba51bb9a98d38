/** The kernel's own magics: {@code %lsmagic}, {@code %help}, {@code %classpath}. */
package jproc.magics.core;
