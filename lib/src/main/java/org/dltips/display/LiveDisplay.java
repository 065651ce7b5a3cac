package org.dltips.display;

/**
 * One output area that library code can redraw in place, such as a progress bar or a live loss curve.
 *
 * <p>{@code LiveDisplay bar = Output.show("epoch 1/20"); bar.update("epoch 2/20");}
 */
public interface LiveDisplay {

    /** Replaces what this output area shows with {@code value}, rendered the way a cell result would be. */
    void update(Object value);
}
