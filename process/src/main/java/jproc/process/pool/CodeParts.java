package jproc.process.pool;

import java.io.IOException;
import java.io.NotSerializableException;
import java.util.Map;

import jproc.process.CodeSnapshot;
import jproc.process.NotCopyableException;
import jproc.process.StaticValue;
import jproc.process.spawn.ValueCodec;
import jproc.process.spawn.WireWriter;

/**
 * The code of one submission: class bytes (sent to each worker once) and the encoded static values (sent with
 * every task that has some), encoded on the submitting thread so that a value that cannot be copied fails there.
 */
final class CodeParts {
    static final CodeParts NONE = new CodeParts(Map.of(), new byte[] {0, 0, 0, 0});

    final Map<String, byte[]> classes;
    final byte[] statics;

    private CodeParts(Map<String, byte[]> classes, byte[] statics) {
        this.classes = classes;
        this.statics = statics;
    }

    boolean isEmpty() {
        return classes.isEmpty() && statics.length == 4;
    }

    static CodeParts of(CodeSnapshot s) {
        if (s.classes().isEmpty() && s.statics().isEmpty()) {
            return NONE;
        }
        var w = new WireWriter(256);
        w.putInt(s.statics().size());
        for (StaticValue v : s.statics()) {
            w.putString(v.className()).putString(v.field());
            try {
                ValueCodec.write(w, v.value());
            } catch (NotSerializableException e) {
                throw new NotCopyableException("variable " + v.field() + " (static field of " + v.className() + ")",
                        v.value().getClass().getName(), "it holds a " + e.getMessage() + ", which is not Serializable",
                        e);
            } catch (IOException e) {
                throw new NotCopyableException("variable " + v.field(), v.value().getClass().getName(), e.toString(),
                        e);
            }
        }
        return new CodeParts(s.classes(), w.toByteArray());
    }
}
