package org.dltips.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import org.knowm.xchart.VectorGraphicsEncoder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Shows XChart charts as PNG images, or SVG when asked for ({@code display(chart, "image/svg+xml")}); the
 * text fallback is the chart's title.
 *
 * <p>{@code ChartRenderer.register(renderer);}
 */
final class ChartRenderer {

    private ChartRenderer() {
    }

    static void register(Renderer renderer) {
        renderer.createRegistration(Chart.class).preferring(MIMEType.IMAGE_PNG).supporting(MIMEType.IMAGE_SVG)
                .register((chart, ctx) -> {
                    ctx.renderIfRequested(MIMEType.IMAGE_PNG,
                            () -> Images.png(BitmapEncoder.getBufferedImage(chart)));
                    ctx.renderIfRequested(MIMEType.IMAGE_SVG, () -> svg(chart));
                    String title = chart.getTitle();
                    ctx.getOutputContainer().putText(title == null || title.isBlank()
                            ? "chart " + chart.getWidth() + "x" + chart.getHeight() : "chart: " + title);
                });
    }

    private static String svg(Chart<?, ?> chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
