package jproc.bench.reliability;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import jproc.ipc.queue.ProcessQueue;
import jproc.process.ChildProcess;

/** A kill -9 round on one {@link ProcessQueue}: consumers stop on a {@link KillWorkers#STOP} item. */
final class QueueKillChannel implements KillChannel {
    private final ProcessQueue<Object> queue;

    QueueKillChannel(String name) {
        queue = ProcessQueue.of(name);
    }

    @Override
    public String kind() {
        return "queue";
    }

    @Override
    public ChildProcess consumer(String name, WorkerJob job) {
        return new ChildProcess(name, KillWorkers::queueConsumer, job, queue);
    }

    @Override
    public ChildProcess producer(String name, WorkerJob job) {
        return new ChildProcess(name, KillWorkers::queueProducer, job, queue);
    }

    @Override
    public void producersDone(List<ChildProcess> liveConsumers) {
        for (int i = 0; i < liveConsumers.size(); i++) {
            queue.put(KillWorkers.STOP);
        }
    }

    @Override
    public void drain(Consumer<Object> sink) {
        Object item;
        while ((item = queue.poll()) != null) {
            if (!KillWorkers.STOP.equals(item)) {
                sink.accept(item);
            }
        }
    }

    @Override
    public ChildProcess probeProducer(String name, WorkerJob job) {
        return producer(name, job);
    }

    @Override
    public Object probeReceive(Duration timeout) {
        return queue.get(timeout);
    }

    @Override
    public void close() {
        queue.close();
    }
}
