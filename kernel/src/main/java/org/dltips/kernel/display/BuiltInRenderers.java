package org.dltips.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dltips.display.Displayable;
import org.dltips.kernel.internal.KernelLog;

import java.awt.image.RenderedImage;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The renderers the kernel ships: XChart charts and images as PNG, Tablesaw tables as HTML with a text
 * fallback, {@link Displayable} values as their own MIME bundle; then any {@link RendererExtension} found.
 *
 * <p>{@code BuiltInRenderers.registerAll(renderer, getClass().getClassLoader());}
 */
public final class BuiltInRenderers {

    private BuiltInRenderers() {
    }

    public static void registerAll(Renderer renderer, ClassLoader extensions) {
        renderer.createRegistration(Displayable.class).preferring(MIMEType.ANY)
                .register((value, ctx) -> putBundle(value.mimeBundle(), ctx.getOutputContainer()));
        renderer.createRegistration(RenderedImage.class).preferring(MIMEType.IMAGE_PNG)
                .register((image, ctx) -> {
                    ctx.getOutputContainer().putData(MIMEType.IMAGE_PNG, Images.png(image));
                    ctx.getOutputContainer().putText(Images.describe(image));
                });
        if (present("org.knowm.xchart.internal.chartpart.Chart")) {
            ChartRenderer.register(renderer);
        }
        if (present("tech.tablesaw.api.Table")) {
            TableRenderer.register(renderer);
        }
        for (RendererExtension extension : ServiceLoader.load(RendererExtension.class, extensions)) {
            try {
                extension.register(renderer);
            } catch (RuntimeException | LinkageError e) {
                KernelLog.warn("renderer extension " + extension.getClass().getName() + " failed: " + e);
            }
        }
    }

    /** Copies a MIME bundle; {@code application/json} (and {@code +json} types) become JSON objects. */
    static void putBundle(Map<String, String> bundle, DisplayData out) {
        for (Map.Entry<String, String> e : bundle.entrySet()) {
            String type = e.getKey();
            if (type.equals("application/json") || type.endsWith("+json")) {
                out.putData(type, JsonValue.parse(e.getValue()));
            } else {
                out.putData(type, e.getValue());
            }
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, BuiltInRenderers.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
