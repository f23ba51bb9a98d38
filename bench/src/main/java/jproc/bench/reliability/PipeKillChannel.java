package jproc.bench.reliability;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import jproc.ipc.pipe.EndOfStreamException;
import jproc.ipc.pipe.ProcessPipe;
import jproc.process.ChildProcess;

/**
 * A kill -9 round on one {@link ProcessPipe}: producers hold the right end, consumers the left; consumers stop at
 * end of stream, which the pipe reports once every holder of the right end finished or was killed.
 */
final class PipeKillChannel implements KillChannel {
    private final String name;
    private final ProcessPipe pipe;
    private ProcessPipe again;

    PipeKillChannel(String name) {
        this.name = name;
        pipe = ProcessPipe.of(name);
    }

    @Override
    public String kind() {
        return "pipe";
    }

    @Override
    public ChildProcess consumer(String child, WorkerJob job) {
        return new ChildProcess(child, PipeKillWorkers::consumer, job, pipe.left());
    }

    @Override
    public ChildProcess producer(String child, WorkerJob job) {
        return new ChildProcess(child, PipeKillWorkers::producer, job, pipe.right());
    }

    @Override
    public void producersDone(List<ChildProcess> liveConsumers) {
        // end of stream reaches the consumers by itself
    }

    @Override
    public void drain(Consumer<Object> sink) {
        again = ProcessPipe.open(name);
        while (again.left().poll()) {
            try {
                sink.accept(again.left().recv(Duration.ofMillis(100)));
            } catch (EndOfStreamException e) {
                return;
            }
        }
    }

    @Override
    public ChildProcess probeProducer(String child, WorkerJob job) {
        if (again == null) {
            again = ProcessPipe.open(name);
        }
        return new ChildProcess(child, PipeKillWorkers::producer, job, again.right());
    }

    @Override
    public Object probeReceive(Duration timeout) {
        return again.left().recv(timeout);
    }

    @Override
    public void close() {
        if (again != null) {
            again.close();
        }
        pipe.close();
    }
}
