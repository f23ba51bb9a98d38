/** Stands in for a third-party library in tests: classes outside {@code java.*} and {@code jproc.*}. */
package org.example.lib;
