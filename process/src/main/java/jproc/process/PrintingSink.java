package jproc.process;

import java.io.PrintStream;

/** The plain-Java default sink: {@code [name] line} on this JVM's {@code System.out} or {@code System.err}. */
final class PrintingSink implements OutputSink {
    @Override
    public ChildOutput open(String childName, long pid) {
        String prefix = "[" + childName + "] ";
        return new ChildOutput() {
            @Override
            public void line(ChildStream stream, String text) {
                PrintStream ps = stream == ChildStream.STDERR ? System.err : System.out;
                ps.println(prefix + text);
            }

            @Override
            public void closed() {
                System.out.flush();
            }
        };
    }
}
