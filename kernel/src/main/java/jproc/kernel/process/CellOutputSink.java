package jproc.kernel.process;

import jproc.kernel.output.CellContext;
import jproc.kernel.output.CellOutput;
import jproc.kernel.output.OutputSource;
import jproc.process.ChildOutput;
import jproc.process.ChildStream;
import jproc.process.OutputSink;

/**
 * Puts each child's lines under the cell that started it: {@link #open} runs on the thread calling
 * {@code start()}, so it captures that thread's cell; lines arrive later on pump threads and follow the cell's
 * routing (stream messages while it runs, its late-output display after).
 */
public final class CellOutputSink implements OutputSink {
    private final CellOutput output;
    private final OutputSink outsideCells;

    /**
     * @param output       the kernel's router
     * @param outsideCells where output of children started outside any cell goes
     */
    public CellOutputSink(CellOutput output, OutputSink outsideCells) {
        this.output = output;
        this.outsideCells = outsideCells;
    }

    @Override
    public ChildOutput open(String childName, long pid) {
        CellContext cell = output.current();
        if (cell == null) {
            return outsideCells.open(childName, pid);
        }
        OutputSource source = output.openSource(cell, childName);
        CellChildren.record(pid, cell);
        return new ChildOutput() {
            @Override
            public void line(ChildStream stream, String text) {
                if (stream == ChildStream.STDERR) {
                    source.err(text);
                } else {
                    source.out(text);
                }
            }

            @Override
            public void closed() {
                CellChildren.forget(pid, cell);
                source.close();
            }
        };
    }
}
