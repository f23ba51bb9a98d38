package jproc.bench.reliability;

/**
 * The shape of one kill -9 round.
 *
 * @param round       round number (names the channel and the children)
 * @param producers   producer JVMs
 * @param consumers   consumer JVMs
 * @param perProducer messages each producer sends
 * @param kills       SIGKILLs injected while messages flow
 * @param victims     which workers may be killed
 */
record RoundPlan(int round, int producers, int consumers, long perProducer, int kills, Victims victims) {
    /** Which workers a round may kill (the last live consumer is never killed). */
    enum Victims { ANY, PRODUCERS, CONSUMERS }
}
