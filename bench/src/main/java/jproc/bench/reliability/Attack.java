package jproc.bench.reliability;

/**
 * One crafted serialization stream.
 *
 * @param name    what it tries ({@code canary_direct}, {@code serial_dos_hashset}...)
 * @param stream  the bytes a receiver is asked to deserialize
 * @param marker  the file the stream's code creates if it runs (null for streams that carry no code)
 * @param control true if the stream is also read without the filter, to show that the attack is real
 */
record Attack(String name, byte[] stream, String marker, boolean control) {
}
