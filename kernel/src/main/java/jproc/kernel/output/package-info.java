/**
 * Cell output routing: {@code System.out}/{@code System.err}/{@code System.in} of notebook code, threads and child
 * processes attributed to the cell that started them, late output kept under its cell with a display id.
 */
package jproc.kernel.output;
