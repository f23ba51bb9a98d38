package jproc.ipc.codec;

import java.io.InvalidClassException;
import java.io.InvalidObjectException;
import java.io.Serial;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

import jproc.ipc.session.Session;

/**
 * How a record that does not implement {@link Serializable} travels inside a serialized message: its class name
 * and component values. The receiver rebuilds it through its canonical constructor (records are on the
 * allow-list; the components pass the same filter as any other object).
 *
 * @param className  the record class
 * @param components the component values, in declaration order
 */
public record RecordProxy(String className, Object[] components) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    static RecordProxy of(Record r) throws InvalidClassException {
        RecordComponent[] rc = r.getClass().getRecordComponents();
        Object[] values = new Object[rc.length];
        try {
            for (int i = 0; i < rc.length; i++) {
                var accessor = rc[i].getAccessor();
                accessor.setAccessible(true);
                values[i] = accessor.invoke(r);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new InvalidClassException(r.getClass().getName(), "cannot read record components: " + e);
        }
        return new RecordProxy(r.getClass().getName(), values);
    }

    Object rebuild() throws InvalidObjectException {
        try {
            Class<?> c = Session.current().resolveClass(className);
            if (!c.isRecord()) {
                throw new InvalidObjectException("not a record class: " + className);
            }
            RecordComponent[] rc = c.getRecordComponents();
            Class<?>[] types = new Class<?>[rc.length];
            for (int i = 0; i < rc.length; i++) {
                types[i] = rc[i].getType();
            }
            if (components == null || components.length != rc.length) {
                throw new InvalidObjectException("record " + className + " has " + rc.length + " components, "
                        + "the message carries " + (components == null ? 0 : components.length));
            }
            Constructor<?> ctor = c.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return ctor.newInstance(components);
        } catch (ClassNotFoundException e) {
            throw new InvalidObjectException("unknown record class " + className);
        } catch (InvocationTargetException e) {
            throw new InvalidObjectException("record " + className + " refused its values: " + e.getCause());
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new InvalidObjectException("cannot rebuild record " + className + ": " + e);
        }
    }
}
