package jproc.ipc.queue;

import jproc.ipc.IpcException;

/** {@code taskDone()} was called more times than items were put into the queue. */
public class TaskDoneException extends IpcException {
    private static final long serialVersionUID = 1L;

    public TaskDoneException(String name, long puts) {
        super("taskDone() called more times than items were put into queue '" + name + "' (puts=" + puts
                + "); call it once per item taken with get()");
    }
}
