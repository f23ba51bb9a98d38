package jproc.process.pool;

import jproc.process.spawn.SpawnProtocol;
import jproc.process.spawn.WireWriter;

/**
 * Both halves of the pool protocol. Tasks travel on the worker's stdin (after its SPAWN frame); results come
 * back on a Unix-domain socket the worker connects to at start, authenticated by a random token.
 *
 * <pre>
 *  parent                                          worker (WorkerLoop in a child JVM)
 *  SPAWN(target = WorkerLoop{socket, token, n}) -&gt;  connects to the socket
 *  &lt;- socket: HELLO  int index | bytes token
 *  stdin: CODE   int n, (str name, bytes class)*, int n, (str class, str field, value)*
 *  stdin: FUNC   int fnId | bytes serialized function           (once per function and worker)
 *  stdin: TASK   long id | byte kind | kind CALL/RUN: bytes serialized task
 *                                    | kind MAP: int fnId | list items ({@code ValueCodec})
 *  &lt;- socket: RESULT long id | kind CALL: value; MAP: list results
 *  &lt;- socket: ERROR  long id | int item index | bytes serialized Throwable (empty if it cannot be serialized)
 *                    | str why it cannot be serialized (or null) | description ({@link RemoteThrowables})
 *  stdin: SHUTDOWN                                   finishes queued tasks and exits
 * </pre>
 *
 * Every frame is a 4-byte big-endian length, then a type byte, then the fields.
 *
 * <p>Trust: the parent's frames (stdin) are trusted by the worker, which also runs the code they ship. The worker's
 * frames (socket) are not trusted by the parent: their values and exceptions are read through the channels'
 * deserialization allow-list ({@link ResultDecoder}), and a refused one fails its task only.
 */
final class PoolProtocol {
    static final byte CODE = SpawnProtocol.FIRST_POOL_FRAME;
    static final byte FUNC = CODE + 1;
    static final byte TASK = CODE + 2;
    static final byte SHUTDOWN = CODE + 3;
    static final byte HELLO = CODE + 4;
    static final byte RESULT = CODE + 5;
    static final byte ERROR = CODE + 6;

    static final byte KIND_CALL = 0;
    static final byte KIND_RUN = 1;
    static final byte KIND_MAP = 2;

    private PoolProtocol() {
    }

    /** A writer with room for the length prefix, the type byte already written. */
    static WireWriter start(byte type, int capacity) {
        var w = new WireWriter(capacity);
        w.putInt(0).putByte(type);
        return w;
    }

    /** The finished frame: length prefix filled in. */
    static byte[] finish(WireWriter w) {
        return SpawnProtocol.frame(w.toByteArray());
    }
}
