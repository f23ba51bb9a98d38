package jproc.process;

/**
 * One static field value a child receives as a copy.
 *
 * @param className binary name of the class declaring the field
 * @param field     the field name (for JShell, the notebook variable's name)
 * @param value     the value; copied with Java serialization unless it is a primitive, a string or null
 */
public record StaticValue(String className, String field, Object value) {
}
