package jproc.kernel.engine;

/**
 * One complete JShell snippet cut from a cell.
 *
 * @param source    the snippet text as given to JShell (a semicolon may have been added)
 * @param offset    where the snippet starts in the cell
 * @param userEndedWithSemicolon false if the user left out the final semicolon of an expression (its value is
 *                  shown, as IPython shows a last expression unless it ends with {@code ;})
 */
public record SnippetSource(String source, int offset, boolean userEndedWithSemicolon) {
}
