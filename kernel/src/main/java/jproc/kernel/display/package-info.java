/** Rich display: MIME bundles, the {@code display(...)} helpers imported into every notebook, and rendering. */
package jproc.kernel.display;
