package jproc.bench.process;

/** The smallest Java program that prints a line: the floor a child's cold start is compared with. */
public final class Hello {
    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("ready");
    }
}
