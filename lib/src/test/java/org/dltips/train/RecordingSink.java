package org.dltips.train;

import org.dltips.display.LiveDisplay;
import org.dltips.display.OutputSink;

import java.util.ArrayList;
import java.util.List;

/**
 * A test output sink that records every value shown or updated, one list per output area.
 *
 * <p>{@code RecordingSink sink = new RecordingSink(true); Output.setSink(sink);}
 */
public final class RecordingSink implements OutputSink {

    private final boolean notebook;
    /** Each output area's values: the first shown, then every update. */
    public final List<List<Object>> areas = new ArrayList<>();

    /** A sink that claims to be a notebook ({@code true}) or a console. */
    public RecordingSink(boolean notebook) {
        this.notebook = notebook;
    }

    @Override
    public boolean isNotebook() {
        return notebook;
    }

    @Override
    public LiveDisplay show(Object value) {
        List<Object> area = new ArrayList<>(List.of(value));
        areas.add(area);
        return area::add;
    }
}
