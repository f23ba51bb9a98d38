/** Views of processes and channels (tables, wiring graph, timeline) rendered as HTML or SVG with a text fallback. */
package jproc.magics.view;
