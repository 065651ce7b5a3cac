package org.dltips.data;

import org.dltips.data.internal.IdxArray;
import org.dltips.data.internal.IdxCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IdxCodecTest {

    @TempDir
    Path dir;

    @Test
    void readsPlainAndGzippedFilesAlike() throws IOException {
        byte[] plain = Fixtures.images(3);
        Files.write(dir.resolve("plain"), plain);
        Files.write(dir.resolve("packed.gz"), Fixtures.gzip(plain));
        for (String name : new String[] {"plain", "packed.gz"}) {
            IdxArray images = IdxCodec.parse(IdxCodec.readUncompressed(dir.resolve(name)), name);
            assertArrayEquals(new int[] {3, 4, 4}, images.dims());
            assertEquals(16, images.itemSize());
            assertEquals(16, images.offset());
            assertEquals(14, images.bytes()[images.offset() + 2 * 16 + 5], "pixel of image 2 is 2 * 7");
        }
    }

    @Test
    void readsLabels() throws IOException {
        Files.write(dir.resolve("labels"), Fixtures.labels(12));
        IdxArray labels = IdxCodec.parse(IdxCodec.readUncompressed(dir.resolve("labels")), "labels");
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1}, labels.toLabels());
    }

    @Test
    void rejectsABadMagicNumber() {
        byte[] bytes = Fixtures.labels(5);
        bytes[2] = 0x0D;
        var error = assertThrows(IllegalArgumentException.class, () -> IdxCodec.parse(bytes, "labels.idx"));
        assertEquals("labels.idx is not an IDX file of unsigned bytes: magic number 0x00000D01, expected "
                + "0x00000801 to 0x00000804 (for example 0x00000803 for images, 0x00000801 for labels). Check that "
                + "the file is an MNIST-style IDX file, or delete it and fetch it again.", error.getMessage());
    }

    @Test
    void rejectsAnHtmlPageSavedUnderTheFileName() {
        byte[] bytes = "<html>404</html>".getBytes();
        var error = assertThrows(IllegalArgumentException.class, () -> IdxCodec.parse(bytes, "x"));
        assertEquals(true, error.getMessage().startsWith("x is not an IDX file of unsigned bytes: magic number "
                + "0x3C68746D"), error.getMessage());
    }

    @Test
    void rejectsATruncatedFile() {
        byte[] whole = Fixtures.images(3);
        byte[] cut = Arrays.copyOf(whole, whole.length - 10);
        var error = assertThrows(IllegalArgumentException.class, () -> IdxCodec.parse(cut, "train-images"));
        assertEquals("train-images is truncated: 54 bytes, expected 64. The file is incomplete (an interrupted "
                + "download?): delete it and fetch it again.", error.getMessage());
        byte[] header = Arrays.copyOf(whole, 9);
        var shortHeader = assertThrows(IllegalArgumentException.class, () -> IdxCodec.parse(header, "h"));
        assertEquals("h is truncated: 9 bytes, expected 16. The file is incomplete (an interrupted download?): "
                + "delete it and fetch it again.", shortHeader.getMessage());
    }

    @Test
    void rejectsTrailingBytes() {
        byte[] longer = Arrays.copyOf(Fixtures.labels(4), 4 + 4 + 4 + 3);
        var error = assertThrows(IllegalArgumentException.class, () -> IdxCodec.parse(longer, "l"));
        assertEquals("l holds 15 bytes but its header [4] needs exactly 12. The file is damaged: delete it and "
                + "fetch it again.", error.getMessage());
    }

    @Test
    void rejectsATruncatedGzipFile() throws IOException {
        byte[] packed = Fixtures.gzip(Fixtures.images(20));
        Path file = dir.resolve("cut.gz");
        Files.write(file, Arrays.copyOf(packed, packed.length / 2));
        var error = assertThrows(IOException.class, () -> IdxCodec.readUncompressed(file));
        assertEquals(file + " is a damaged gzip file (Unexpected end of ZLIB input stream); expected a complete "
                + ".gz file or a plain IDX file. Delete it and fetch it again.", error.getMessage());
    }
}
