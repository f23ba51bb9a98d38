package jproc.process.pool;

import java.util.concurrent.CompletableFuture;

/** A task of a pool between submission and its result; the encoded parts are ready to send. */
final class PendingTask {
    final long id;
    final byte kind;
    final int fnId;
    final byte[] fnBytes;
    final byte[] payload;
    final CodeParts code;
    final CompletableFuture<Object> future = new CompletableFuture<>();
    volatile WorkerHandle worker;
    /** For a map chunk: the index of its first item in the whole map. */
    int offset;

    PendingTask(long id, byte kind, int fnId, byte[] fnBytes, byte[] payload, CodeParts code) {
        this.id = id;
        this.kind = kind;
        this.fnId = fnId;
        this.fnBytes = fnBytes;
        this.payload = payload;
        this.code = code;
    }
}
