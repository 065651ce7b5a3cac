package org.dltips.kernel.wire;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs message frames with HMAC-SHA256 as the Jupyter wire protocol asks.
 *
 * <p>{@code new Signer("secret").sign(List.of(header, parent, metadata, content))} is the hex digest.
 */
public final class Signer {

    private final SecretKeySpec key;

    /** A signer for the connection file's {@code key}. */
    public Signer(String key) {
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The lower-case hex HMAC-SHA256 of the frames, in order. */
    public String sign(List<byte[]> frames) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            for (byte[] frame : frames) {
                mac.update(frame);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK: " + e.getMessage(), e);
        }
    }
}
