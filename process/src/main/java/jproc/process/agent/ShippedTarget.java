package jproc.process.agent;

import jproc.process.SerializableBiConsumer;
import jproc.process.SerializableConsumer;
import jproc.process.SerializableRunnable;
import jproc.process.spawn.LambdaShipping;

/** A lambda target shipped as parts: each functional method calls the lambda's implementation by reflection. */
final class ShippedTarget implements SerializableRunnable, SerializableConsumer<Object>,
        SerializableBiConsumer<Object, Object> {
    private static final long serialVersionUID = 1L;

    private final transient LambdaShipping.Call call;

    ShippedTarget(LambdaShipping.Call call) {
        this.call = call;
    }

    @Override
    public void run() {
        invoke();
    }

    @Override
    public void accept(Object a) {
        invoke(a);
    }

    @Override
    public void accept(Object a, Object b) {
        invoke(a, b);
    }

    private void invoke(Object... args) {
        try {
            call.call(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new TargetFailure(t);
        }
    }

    /** Carries a checked exception thrown by the target (the agent prints the cause). */
    static final class TargetFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TargetFailure(Throwable cause) {
            super(cause);
        }
    }
}
