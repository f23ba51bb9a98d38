/** End-to-end tests in JupyterLab: the installed kernel driven from a real page in Debian's Chromium. */
package jproc.it.browser;
