package jproc.ipc.trace;

import java.util.Map;

/**
 * How often one process did each kind of event on one channel.
 *
 * @param kind   the channel kind ({@code queue}, {@code lock}...)
 * @param name   the channel name
 * @param counts event kind to count, only non-zero counts
 */
public record ChannelCounts(String kind, String name, Map<TraceEvent, Long> counts) {
}
