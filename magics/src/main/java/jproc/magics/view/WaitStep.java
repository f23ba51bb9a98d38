package jproc.magics.view;

/**
 * One edge of a wait-for cycle: {@code process} waits for {@code kind name}, which {@code holder} holds.
 *
 * @param process   the waiting process's name
 * @param pid       its pid
 * @param kind      the channel kind
 * @param channel   the channel name
 * @param holder    the holding process's name
 * @param holderPid its pid
 */
public record WaitStep(String process, long pid, String kind, String channel, String holder, long holderPid) {
}
