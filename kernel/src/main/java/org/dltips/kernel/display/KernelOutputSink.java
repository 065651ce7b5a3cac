package org.dltips.kernel.display;

import org.dltips.display.LiveDisplay;
import org.dltips.display.OutputSink;

/**
 * Lets library code ({@code Output.show(...)}) draw into the notebook: each show is a display whose handle
 * redraws it with {@code update_display_data}. Registered in {@code META-INF/services}.
 *
 * <p>{@code LiveDisplay bar = Output.show("epoch 1/20"); bar.update("epoch 2/20");}
 */
public final class KernelOutputSink implements OutputSink {

    @Override
    public boolean isNotebook() {
        return Display.isActive();
    }

    @Override
    public LiveDisplay show(Object value) {
        String id = Display.display(value);
        if (id.isEmpty()) {
            return System.out::println;
        }
        return replacement -> Display.updateDisplay(id, replacement);
    }
}
