package jproc.kernel.magic;

/**
 * Contributes magics to the kernel; found with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/jproc.kernel.magic.MagicProvider} entry).
 */
public interface MagicProvider {
    /** Registers every magic of this provider. */
    void register(MagicRegistry registry);
}
