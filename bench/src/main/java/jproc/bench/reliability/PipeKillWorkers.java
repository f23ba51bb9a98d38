package jproc.bench.reliability;

import java.nio.file.Path;

import jproc.ipc.pipe.EndOfStreamException;
import jproc.ipc.pipe.PipeConnection;

/** The pipe workers of the kill -9 rounds: several senders on one end, several receivers on the other. */
public final class PipeKillWorkers {
    private PipeKillWorkers() {
    }

    /** Sends {@code job.count()} frames on the pipe end, acknowledging each after {@code send} returned. */
    public static void producer(WorkerJob job, PipeConnection end) {
        try (var books = SharedLongs.open(Path.of(job.books()), job.slots())) {
            for (long seq = 0; seq < job.count(); seq++) {
                byte[] frame = Frames.make(job.id(), seq);
                books.set(WorkerJob.IN_PUT, 1);
                end.send(frame);
                books.set(WorkerJob.ACKED, seq + 1);
                books.set(WorkerJob.IN_PUT, 0);
            }
            books.set(WorkerJob.DONE, 1);
        }
    }

    /** Receives until end of stream (every sender finished or died), logging each frame's key. */
    public static void consumer(WorkerJob job, PipeConnection end) {
        try (var books = SharedLongs.open(Path.of(job.books()), job.slots())) {
            while (true) {
                books.set(WorkerJob.IN_GET, 1);
                Object item;
                try {
                    item = end.recv();
                } catch (EndOfStreamException e) {
                    books.set(WorkerJob.IN_GET, 0);
                    return;
                }
                KillWorkers.log(books, item);
            }
        }
    }
}
