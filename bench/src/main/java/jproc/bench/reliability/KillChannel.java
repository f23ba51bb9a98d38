package jproc.bench.reliability;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import jproc.process.ChildProcess;

/**
 * The channel a kill -9 round works on: how its producers and consumers start, how consumers are told to stop,
 * how the parent drains what is left and how a probe checks that the channel still works. One implementation per
 * channel kind.
 */
interface KillChannel extends AutoCloseable {
    /** A short word naming the kind ({@code queue}, {@code pipe}). */
    String kind();

    /** Starts a consumer child (not yet started processes are started by the caller's {@code starter}). */
    ChildProcess consumer(String name, WorkerJob job);

    /** Creates a producer child. */
    ChildProcess producer(String name, WorkerJob job);

    /** Called once every producer has ended: tells the live consumers to finish. */
    void producersDone(List<ChildProcess> liveConsumers);

    /** Hands every item still in the channel to {@code sink} without blocking for long. */
    void drain(Consumer<Object> sink);

    /** Creates a child that sends the probe job's frames through the channel. */
    ChildProcess probeProducer(String name, WorkerJob job);

    /** Receives one probe frame in the parent. */
    Object probeReceive(Duration timeout);

    @Override
    void close();
}
