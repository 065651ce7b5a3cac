package org.dltips.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.Renderer;

/**
 * How a library teaches the kernel to show its own types, without the kernel depending on it: implement this,
 * list the class in {@code META-INF/services/org.dltips.kernel.display.RendererExtension}, and put the jar on
 * the kernel's class path. The kernel calls {@link #register} once at start.
 *
 * <pre>{@code
 * public final class MatrixRenderers implements RendererExtension {
 *     public void register(Renderer renderer) {
 *         renderer.createRegistration(Matrix.class).preferring("text/html")
 *                 .register((m, ctx) -> ctx.getOutputContainer().putHTML(m.toHtml()));
 *     }
 * }
 * }</pre>
 */
public interface RendererExtension {

    /** Adds render functions for this library's types to {@code renderer}. */
    void register(Renderer renderer);
}
