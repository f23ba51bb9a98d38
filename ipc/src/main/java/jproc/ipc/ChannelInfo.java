package jproc.ipc;

import java.nio.file.Path;
import java.util.List;

/**
 * A channel found in the session's directory.
 *
 * @param kind         the kind
 * @param name         the name
 * @param file         its file
 * @param bytes        file size
 * @param attachedPids live processes that have it open
 */
public record ChannelInfo(ChannelKind kind, String name, Path file, long bytes, List<Long> attachedPids) {
}
