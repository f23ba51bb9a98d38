package jproc.magics.state;

import java.util.List;

import jproc.magics.view.ChannelRow;
import jproc.magics.view.LockHolding;

/** Where the channel rows and lock owners of the views come from. */
public interface ChannelSource {
    /** Every channel of the session, read without taking its locks. */
    List<ChannelRow> channels();

    /** Who holds which lock-like channel (as of the last {@link #channels()} call). */
    List<LockHolding> holdings();
}
