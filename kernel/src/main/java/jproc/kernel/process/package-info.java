/**
 * The kernel side of child processes: ships notebook code and the variables it uses to children
 * ({@link jproc.kernel.process.SnippetCodeProvider}), puts children's output under the cell that started them,
 * compiles {@code %%spawn} bodies, and ends children with the kernel.
 */
package jproc.kernel.process;
