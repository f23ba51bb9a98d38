/** Views that update in place (a display id) while processes run. */
package jproc.magics.live;
