/**
 * The magic SPI ({@link jproc.kernel.magic.Magic}, {@link jproc.kernel.magic.MagicContext}), the registry, and the
 * parser that finds {@code %line} and {@code %%cell} magics in a cell.
 */
package jproc.kernel.magic;
