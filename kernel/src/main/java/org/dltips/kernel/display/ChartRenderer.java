package org.dltips.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import java.awt.image.BufferedImage;

/**
 * Shows XChart charts as PNG images (text fallback: the chart's title).
 *
 * <p>{@code ChartRenderer.register(renderer);}
 */
final class ChartRenderer {

    private ChartRenderer() {
    }

    static void register(Renderer renderer) {
        renderer.createRegistration(Chart.class).preferring(MIMEType.IMAGE_PNG)
                .register((chart, ctx) -> {
                    BufferedImage image = BitmapEncoder.getBufferedImage(chart);
                    ctx.getOutputContainer().putData(MIMEType.IMAGE_PNG, Images.png(image));
                    String title = chart.getTitle();
                    ctx.getOutputContainer().putText(title == null || title.isBlank()
                            ? "chart " + chart.getWidth() + "x" + chart.getHeight() : "chart: " + title);
                });
    }
}
