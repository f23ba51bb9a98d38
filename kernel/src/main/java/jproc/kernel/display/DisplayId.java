package jproc.kernel.display;

/**
 * The id of a display shown with {@link Display#display(Object)}; pass it to
 * {@link Display#updateDisplay(DisplayId, Object)} to replace the display in place. A cell whose value is a display
 * id shows no result (the display itself is the output).
 *
 * @param id the Jupyter display id
 */
public record DisplayId(String id) {
    @Override
    public String toString() {
        return id;
    }
}
