package org.dltips.kernel.display;

import javax.imageio.ImageIO;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * Encodes images for the notebook: PNG as base64 without line breaks.
 *
 * <p>{@code String data = Images.png(image);}
 */
final class Images {

    private Images() {
    }

    static String png(RenderedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new IllegalArgumentException("no PNG writer accepts this image type: " + image);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    static String describe(RenderedImage image) {
        return "image " + image.getWidth() + "x" + image.getHeight();
    }
}
