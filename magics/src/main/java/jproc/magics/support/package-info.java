/** What the magics share: the session reader, process lookup by name, views as MIME bundles, live displays. */
package jproc.magics.support;
