package jproc.process;

/**
 * A description of another process (the parent, seen from a child).
 *
 * @param name its name ({@code MainProcess} for a root process)
 * @param pid  its process id
 */
public record ProcessInfo(String name, long pid) {
}
